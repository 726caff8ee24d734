// Metadata of pages of every kind (title, authors, date), one behaviour per test, on small
// pages written for the purpose.

#include "html_test_util.h"

#include <gtest/gtest.h>

namespace colophon::html::test {
namespace {

const std::string paragraphs = "<p>The volunteers repaired the footbridge over two weekends, "
                               "replacing the rotten planks and the rusted "
                               "handrail with timber from the village sawmill.</p>"
                               "<p>Next spring the group will turn to the towpath, where the "
                               "winter floods washed away most of the gravel "
                               "and left deep ruts along the bank.</p>";

core::Document convert_as(const std::string &html, const std::string &kind,
                          const std::string &base_url = {})
{
    HtmlConverter conv;
    core::ConvertOptions opts;
    opts.page_type = kind;
    opts.base_url = base_url;
    core::Diagnostics diags("test.html");
    return conv.convert(core::make_input("test.html", html), opts, diags);
}

std::string byline_page(const std::string &head, const std::string &body)
{
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" + head +
           "</head><body><main>" + body + paragraphs + "</main></body></html>";
}

TEST(HtmlPageMeta, KindsWithoutBylinesKeepNoAuthorOrDate)
{
    const std::string html = byline_page(
        "<title>Bridge repairs | Towpath Trust</title><meta name=\"author\" content=\"Ann Carter\">"
        "<meta property=\"article:published_time\" content=\"2024-05-02T10:00:00Z\">",
        "<h1>Bridge repairs</h1>");
    const core::Document article = convert_as(html, "article");
    ASSERT_EQ(article.meta.authors.size(), 1u);
    EXPECT_EQ(article.meta.date.iso, "2024-05-02");
    const core::Document service = convert_as(html, "service");
    EXPECT_TRUE(service.meta.authors.empty());
    EXPECT_TRUE(service.meta.date.iso.empty());
}

TEST(HtmlPageMeta, ForumPostingJsonLdGivesThreadAuthorAndDate)
{
    const std::string html = byline_page(
        "<title>Gravel for towpaths? | Trail Talk</title><script type=\"application/ld+json\">"
        "{\"@context\":\"https://"
        "schema.org\",\"@type\":\"DiscussionForumPosting\",\"headline\":\"Gravel for "
        "towpaths?\",\"author\":{\"@type\":\"Person\",\"name\":\"kettle_fan99\"},\"datePublished\":"
        "\"2023-10-16\"}"
        "</script>",
        "<h1>Gravel for towpaths?</h1>");
    const core::Document doc = convert_as(html, "forum");
    ASSERT_EQ(doc.meta.authors.size(), 1u);
    EXPECT_EQ(doc.meta.authors[0].name, "kettle_fan99");
    EXPECT_EQ(doc.meta.date.iso, "2023-10-16");
}

TEST(HtmlPageMeta, QuestionOfAQaPageIsThePostButFaqQuestionsAreNot)
{
    const std::string qa = byline_page(
        "<title>Which gravel grade? - Trail Talk</title><script type=\"application/ld+json\">"
        "{\"@type\":\"QAPage\",\"mainEntity\":{\"@type\":\"Question\",\"name\":\"Which gravel "
        "grade?\","
        "\"author\":{\"@type\":\"Person\",\"name\":\"towpath_tom\"},\"dateCreated\":\"2022-03-"
        "01T08:00:00Z\"}}"
        "</script>",
        "<h1>Which gravel grade?</h1>");
    const core::Document doc = convert_as(qa, "forum");
    ASSERT_EQ(doc.meta.authors.size(), 1u);
    EXPECT_EQ(doc.meta.authors[0].name, "towpath_tom");
    EXPECT_EQ(doc.meta.date.iso, "2022-03-01");
    const std::string faq = byline_page(
        "<title>Camping tents | Outdoor Shop</title><script type=\"application/ld+json\">"
        "{\"@type\":\"FAQPage\",\"mainEntity\":[{\"@type\":\"Question\",\"name\":\"Which brands do "
        "you stock?\"}]}"
        "</script>",
        "<h2>Tents for every trip</h2>");
    EXPECT_EQ(convert_as(faq, "collection").meta.title, "Camping tents");
}

TEST(HtmlPageMeta, ThreadAuthorIsTheFirstPostersUserName)
{
    const std::string html =
        byline_page("<title>Towpath ruts after the floods</title>",
                    "<h1>Towpath ruts after the floods</h1><div class=\"post\"><span "
                    "class=\"message-userName\"><a href=\"/u/7\">mudlark_7</a></span></div>");
    const core::Document doc = convert_as(html, "forum");
    ASSERT_EQ(doc.meta.authors.size(), 1u);
    EXPECT_EQ(doc.meta.authors[0].name, "mudlark_7");
}

TEST(HtmlPageMeta, HandleIsNoArticleAuthor)
{
    const std::string html =
        byline_page("<title>Bridge repairs</title><meta name=\"author\" content=\"web-editor2\">",
                    "<h1>Bridge repairs</h1>");
    EXPECT_TRUE(convert_as(html, "article").meta.authors.empty());
}

TEST(HtmlPageMeta, TitleDropsSiteNameAndSiteHeading)
{
    const std::string html = byline_page(
        "<title>Towpath Trust | Bridge repairs finished</title><meta property=\"og:site_name\" "
        "content=\"Towpath Trust\">",
        "<h1>Towpath Trust</h1><p>Our news</p>");
    EXPECT_EQ(convert_as(html, "article").meta.title, "Bridge repairs finished");
}

TEST(HtmlPageMeta, NumericDatesOnADayFirstCountryDomainReadDayFirst)
{
    const std::string html = byline_page("<title>Bridge repairs</title>",
                                         "<h1>Bridge repairs</h1><p class=\"date\">03/04/2023</p>");
    EXPECT_EQ(convert_as(html, "article", "https://towpath.example.org.uk/news/1").meta.date.iso,
              "2023-04-03");
    EXPECT_EQ(convert_as(html, "article", "https://towpath.example.com/news/1").meta.date.iso,
              "2023-03-04");
}

TEST(HtmlPageMeta, MetaNamedForPublishingGivesTheDate)
{
    const std::string html = byline_page(
        "<title>Bridge repairs</title><meta name=\"published-date\" content=\"2021-02-16\">"
        "<meta name=\"modified-date\" content=\"2024-07-30\">",
        "<h1>Bridge repairs</h1>");
    EXPECT_EQ(convert_as(html, "article").meta.date.iso, "2021-02-16");
}

TEST(HtmlPageMeta, DateUnderAnUnrecognisedHeadingIsFound)
{
    const std::string html =
        "<html><body><div class=\"top\"><h1>Bridge repairs</h1><p>April 8, 2024</p></div><div>" +
        paragraphs + paragraphs + "</div></body></html>";
    EXPECT_EQ(convert_as(html, "article").meta.date.iso, "2024-04-08");
}

TEST(HtmlPageMeta, LogoHeadingLinkedHomeIsNoTitle)
{
    const std::string html =
        byline_page("<title>Gravel for towpaths? / Paths / Trail Talk Forums</title>",
                    "<h1><a href=\"/\">Trail Talk</a></h1><h2>Gravel for towpaths?</h2>");
    EXPECT_EQ(convert_as(html, "forum").meta.title, "Gravel for towpaths?");
}

TEST(HtmlPageMeta, BylinesOfRelatedArticlesAreNotTheAuthors)
{
    const std::string html = "<html><body><main><div class=\"post\"><header><div><p "
                             "class=\"byline\">By Ann Carter</p></div></header>"
                             "<h1>Bridge repairs</h1>" +
                             paragraphs + paragraphs +
                             "</div><section><h2>More stories</h2><ul><li><a href=\"/s/2\">"
                             "Towpath news</a> <span class=\"author\">By Bo "
                             "Chen</span></li></ul></section></main></body></html>";
    const core::Document doc = convert_as(html, "article");
    ASSERT_EQ(doc.meta.authors.size(), 1u);
    EXPECT_EQ(doc.meta.authors[0].name, "Ann Carter");
}

} // namespace
} // namespace colophon::html::test
