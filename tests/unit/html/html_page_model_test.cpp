// The page-type model: the features it reads from a page, the embedded model's guesses on pages
// whose kind no reader would doubt, and the caller's kind taking precedence.

#include "html/html_page_features.h"
#include "html/html_page_model.h"
#include "html_test_util.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace colophon::html::test {
namespace {

std::vector<float> features_of(const std::string& html)
{
    core::Diagnostics diags("test.html");
    return read_scored_page(core::make_input("test.html", html), {}, diags).kind_features;
}

float feature(const std::vector<float>& row, std::string_view name)
{
    const auto& names = page_feature_names();
    const auto it = std::find(names.begin(), names.end(), name);
    EXPECT_NE(it, names.end()) << name;
    return it == names.end() ? -1.0F : row[static_cast<std::size_t>(it - names.begin())];
}

std::string page(const std::string& head, const std::string& body)
{
    return "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>";
}

std::string repeat(const std::string& part, int times)
{
    std::string out;
    for (int i = 0; i < times; ++i)
        out += part;
    return out;
}

const std::string prose =
    "<p>The council met on Tuesday to settle the budget for the coming year, and after a long debate "
    "the members agreed to spend more on the harbour, the schools and the roads that connect the "
    "villages of the valley with the town.</p>";

TEST(HtmlPageFeatures, OneValueForEveryNamedColumn)
{
    EXPECT_EQ(features_of(page("", prose)).size(), page_feature_names().size());
    EXPECT_EQ(page_feature_names().size(), 82U); // the width the model is trained on
}

TEST(HtmlPageFeatures, ReadTheAddressTheDeclarationsAndTheMarkup)
{
    const std::string card = "<li class=\"product-card\"><a href=\"/p\">Blue socks</a> <span>$12.99</span></li>";
    const auto row = features_of(
        page("<link rel=\"canonical\" href=\"https://shop.example.org/products/blue-wool-socks\">"
             "<script type=\"application/ld+json\">{\"@type\": \"Product\", \"name\": \"Socks\"}</script>"
             "<script>var price = '$99 $98 $97';</script>",
             "<ul>" + repeat(card, 5) + "</ul><p>Now 9,99 \xE2\x82\xAC</p><pre>code</pre>"));
    EXPECT_EQ(feature(row, "url_names_product"), 1.0F);
    EXPECT_EQ(feature(row, "url_slug_words"), 3.0F);
    EXPECT_EQ(feature(row, "schema_product"), 1.0F);
    EXPECT_EQ(feature(row, "schema_article"), 0.0F);
    EXPECT_FLOAT_EQ(feature(row, "prices"), std::log1p(6.0F)); // not the script's
    EXPECT_FLOAT_EQ(feature(row, "largest_repeat"), std::log1p(5.0F));
    EXPECT_FLOAT_EQ(feature(row, "names_product"), std::log1p(5.0F));
    EXPECT_FLOAT_EQ(feature(row, "tag_pre"), std::log1p(1.0F));
}

TEST(HtmlPageFeatures, ReadTheCardsOfAListingAndItsPaging)
{
    // five cards: a linked heading and a blurb each; a pager of numbered links; a menu of links
    // (repeated, linking, but no headings) and an article's paragraphs (repeated, no links)
    const std::string card =
        "<div class=\"teaser\"><h3><a href=\"/news/a\">Harbour budget agreed</a></h3>"
        "<span>March 6, 2026</span><p>The council met on Tuesday.</p></div>";
    const auto row = features_of(
        page("<link rel=\"canonical\" href=\"https://example.org/tag/harbour/page/2?page=2\">",
             "<nav><ul>" + repeat("<li><a href=\"/x\">Menu</a></li>", 4) + "</ul></nav>" +
                 "<main><h1>Harbour</h1>" + repeat(card, 5) + "</main>" +
                 "<div class=\"pager\"><a href=\"?page=1\">1</a> <a href=\"/n\">3</a></div>" +
                 repeat(prose, 3)));
    EXPECT_FLOAT_EQ(feature(row, "cards"),
                    std::log1p(9.0F)); // the five cards and the four menu items
    EXPECT_FLOAT_EQ(feature(row, "cards_with_heading"), std::log1p(5.0F));
    EXPECT_GT(feature(row, "card_share"), 0.1F);
    EXPECT_LT(feature(row, "card_share"), 0.5F); // not the paragraphs beside them
    EXPECT_FLOAT_EQ(feature(row, "linked_headings"), std::log1p(5.0F)); // not the <h1>
    EXPECT_FLOAT_EQ(feature(row, "linked_heading_share"), 5.0F / 6.0F);
    EXPECT_FLOAT_EQ(feature(row, "pagination_links"), std::log1p(2.0F));
    EXPECT_EQ(feature(row, "url_index_words"), 2.0F); // tag, page
    EXPECT_EQ(feature(row, "url_paging_query"), 1.0F);
    EXPECT_FLOAT_EQ(feature(row, "dated_texts"), std::log1p(5.0F)); // one a card
    const auto article =
        features_of(page("<link rel=\"canonical\" href=\"https://example.org/a?pageview=1\">",
                         "<h1>Budget</h1>" + repeat(prose, 4)));
    EXPECT_EQ(feature(article, "cards"), 0.0F);
    EXPECT_EQ(feature(article, "card_share"), 0.0F);
    EXPECT_EQ(feature(article, "url_paging_query"), 0.0F);
    EXPECT_GT(feature(article, "mean_paragraph_letters"), std::log1p(150.0F));
    EXPECT_LT(feature(row, "mean_paragraph_letters"), feature(article, "mean_paragraph_letters"));
    EXPECT_LT(feature(row, "letters_per_heading"), feature(article, "letters_per_heading"));
    EXPECT_EQ(feature(article, "dated_texts"), 0.0F);
}

TEST(HtmlPageModel, ReadsAPlainNewsStoryAsAnArticle)
{
    const auto d = convert_html(page(
        "<meta property=\"og:type\" content=\"article\">"
        "<link rel=\"canonical\" href=\"https://news.example.org/2025/03/council-agrees-harbour-budget\">",
        "<article><h1>Council agrees harbour budget</h1><p class=\"byline\">By Ann Lee</p>" + repeat(prose, 6) +
            "</article>"));
    EXPECT_EQ(d.extraction.page_type, "article");
}

TEST(HtmlPageModel, ReadsAShopsProductPageAsAProduct)
{
    const auto d = convert_html(page(
        "<meta property=\"og:type\" content=\"product\">"
        "<script type=\"application/ld+json\">{\"@type\": \"Product\", \"name\": \"Wool socks\", "
        "\"offers\": {\"@type\": \"Offer\", \"price\": \"12.99\"}}</script>"
        "<link rel=\"canonical\" href=\"https://shop.example.org/products/wool-socks\">",
        "<main><h1>Wool socks</h1><div class=\"product-price\">$12.99</div>"
        "<button class=\"add-to-cart\">Add to cart</button><p>Warm merino socks for long walks.</p></main>"));
    EXPECT_EQ(d.extraction.page_type, "product");
}

TEST(HtmlPageModel, ReadsAThreadOfPostsAsAForum)
{
    const std::string post = "<div class=\"post\"><div class=\"post-author\">user42</div><div class=\"message\">"
                             "<p>Removing the old configuration folder fixed it for me.</p></div></div>";
    const auto d = convert_html(page(
        "<script type=\"application/ld+json\">{\"@type\": \"DiscussionForumPosting\", \"headline\": \"Installer "
        "fails\"}</script><link rel=\"canonical\" href=\"https://forum.example.org/t/installer-fails/123\">",
        "<main><h1>Installer fails</h1>" + repeat(post, 6) + "</main>"));
    EXPECT_EQ(d.extraction.page_type, "forum");
}

TEST(HtmlPageModel, ASmallPageIsJudgedByItsDeclarations)
{
    // The model misreads small pages without an address (as forum threads or collections: the
    // small pages it was trained on mostly are not articles); below model_min_letters the
    // declarations decide.
    const std::string small = page("", "<div><div><p>A short note on the harbour budget.</p></div></div>");
    EXPECT_NE(guess_page_kind(features_of(small)).kind->type, std::string("article"))
        << "the model has changed: find another small page it misreads";
    EXPECT_EQ(convert_html(small).extraction.page_type, "article");
}

TEST(HtmlPageModel, GuessesOneOfTheSevenKindsWithAProbability)
{
    const KindGuess g = guess_page_kind(features_of(page("", prose)));
    ASSERT_NE(g.kind, nullptr);
    EXPECT_GT(g.probability, 1.0F / 7.0F);
    EXPECT_LE(g.probability, 1.0F);
}

TEST(HtmlPageModel, TheCallersKindComesFirst)
{
    HtmlConverter conv;
    core::ConvertOptions opts;
    opts.page_type = "listing";
    core::Diagnostics diags("test.html");
    const core::Document d = conv.convert(core::make_input("test.html", page("", prose)), opts, diags);
    EXPECT_EQ(d.extraction.page_type, "listing");
}

} // namespace
} // namespace colophon::html::test
