// Main-content rules that hold on every kind of page: content the parser's error recovery moves
// into a control or a hidden element, page types, the fallback chain, class/id hints by token.
// One behaviour per test, on small pages written for the purpose.

#include "hints/class_hints.h"
#include "html/html_body_tidy.h"
#include "html/html_page_type.h"
#include "html_test_util.h"
#include "xml/xml_handles.h"

#include <libxml/HTMLparser.h>

#include <gtest/gtest.h>

namespace colophon::html::test {
namespace {

// Three paragraphs of running text (about 750 letters).
const std::string article_text =
    "<p>The committee met on several occasions during the spring and discussed the budget, the "
    "staffing plan "
    "and the long-term strategy of the institute in considerable detail.</p>"
    "<p>Several members argued that the proposals needed more work, while others preferred to "
    "adopt them at once "
    "and revise the details later in the year.</p>"
    "<p>In the end the chair asked for a written report on each of the three proposals, to be "
    "circulated to the "
    "members a fortnight before the autumn meeting, where a final decision would be taken.</p>";

std::string page(const std::string &body)
{
    return "<!DOCTYPE html><html lang=\"en\"><head><meta "
           "charset=\"utf-8\"><title>Minutes</title></head><body>" +
           body + "</body></html>";
}

// A grid of product cards without a single paragraph (about 1,400 letters).
std::string product_cards()
{
    std::string cards;
    for (int k = 0; k < 24; ++k)
        cards += "<div class=\"card\"><h3>Dark roast coffee blend number " + std::to_string(k) +
                 "</h3><div><span>Whole bean, twelve ounces</span> <span>$19.99</span></div></div>";
    return cards;
}

bool has_text(const core::Document &d, const std::string &needle)
{
    return body_text(d).find(needle) != std::string::npos;
}

TEST(HtmlSwallowedContent, PageInsideAButtonLeftWithAnOpenDivIsKept)
{
    // <div> is left open inside <button>: libxml2's recovery puts the rest of the page in the
    // button
    const auto d = convert_html(
        page("<header><button class=\"menu-button\"><div><span>Menu</span><div></button>"
             "</header><main><h1>Minutes</h1>" +
             article_text + "</main>"));
    EXPECT_TRUE(has_text(d, "written report on each of the three proposals")) << body_text(d);
}

TEST(HtmlSwallowedContent, HiddenSegmentHoldingThePageIsKept)
{
    // streamed server rendering sends the page in a hidden segment a script moves into place
    const auto d = convert_html(page(
        "<div id=\"app\"><p>Loading</p></div><div hidden id=\"S:0\"><article><h1>Minutes</h1>" +
        article_text + "</article></div>"));
    EXPECT_TRUE(has_text(d, "written report on each of the three proposals")) << body_text(d);
}

TEST(HtmlSwallowedContent, NoscriptHoldingThePageIsKept)
{
    // a page rendered by scripts, with its text for readers without them
    const auto d =
        convert_html(page("<section id=\"splash\"><div class=\"dots\"></div></section><noscript>"
                          "<div id=\"main-outlet\" role=\"main\"><h1>Minutes</h1>" +
                          article_text + "</div></noscript>"));
    EXPECT_TRUE(has_text(d, "written report on each of the three proposals")) << body_text(d);
}

TEST(HtmlSwallowedContent, NoscriptNoticeStaysOut)
{
    const auto d = convert_html(
        page("<main><h1>Minutes</h1>" + article_text +
             "</main><noscript><p>Please enable JavaScript in your browser to use every "
             "feature of this site.</p></noscript>"));
    EXPECT_TRUE(has_text(d, "written report on each")) << body_text(d);
    EXPECT_FALSE(has_text(d, "enable JavaScript")) << body_text(d);
}

TEST(HtmlSwallowedContent, HiddenDialogStaysOutEvenWhenLongerThanTheArticle)
{
    const auto d =
        convert_html(page("<article><h1>Minutes</h1><p>The committee met on several occasions "
                          "during the spring and discussed the "
                          "budget and the staffing plan of the institute.</p></article>"
                          "<div class=\"consent\" role=\"dialog\" aria-hidden=\"true\">" +
                          article_text + "</div>"));
    EXPECT_TRUE(has_text(d, "discussed the budget and the staffing plan")) << body_text(d);
    EXPECT_FALSE(has_text(d, "written report on each")) << body_text(d);
}

TEST(HtmlSwallowedContent, HiddenWrapperHoldingACardGridIsKept)
{
    // a listing a script reveals: no paragraphs anywhere, so all text is weighed
    const auto d = convert_html(page("<header><nav><a href=\"/\">Home</a><a href=\"/shop\">Shop</a>"
                                     "</nav></header><div id=\"app\" style=\"display: none\">" +
                                     product_cards() + "</div>"));
    EXPECT_TRUE(has_text(d, "Dark roast coffee blend number 23")) << body_text(d);
}

TEST(HtmlSwallowedContent, SelectOptionsAreNeverThePage)
{
    std::string options;
    for (int k = 0; k < 80; ++k)
        options += "<option>Department of household goods " + std::to_string(k) + "</option>";
    const auto d = convert_html(
        page("<form><select name=\"dept\">" + options + "</select></form>" + product_cards()));
    EXPECT_TRUE(has_text(d, "Dark roast coffee blend number 3")) << body_text(d);
    EXPECT_FALSE(has_text(d, "Department of household goods")) << body_text(d);
}

TEST(HtmlSwallowedContent, ButtonWithALabelIsStillDropped)
{
    const auto d = convert_html(
        page("<main><h1>Minutes</h1>" + article_text +
             "<p><button>Show the full list of members of the committee</button></p></main>"));
    EXPECT_FALSE(has_text(d, "Show the full list")) << body_text(d);
}

} // namespace
} // namespace colophon::html::test

namespace colophon::html::test {
namespace {

// The chrome word of the first element of `fragment`.
std::string hint_of(const std::string &fragment)
{
    const std::string html = "<html><body>" + fragment + "</body></html>";
    const xml::XmlDocPtr doc(htmlReadMemory(html.data(), static_cast<int>(html.size()), "t.html",
                                            "UTF-8", HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING));
    xmlNode *body = xmlDocGetRootElement(doc.get())->children;
    return hints::chrome_hint(body->children);
}

TEST(HtmlClassHints, ChromeWordsAreWordsOfTheName)
{
    EXPECT_EQ(hint_of("<div class=\"post-share_buttons\">x</div>"), "share");
    EXPECT_EQ(hint_of("<div class=\"navFooter\">x</div>"), "nav");
    EXPECT_EQ(hint_of("<div class=\"read-more-big__container\">x</div>"), "read-more");
    EXPECT_EQ(hint_of("<div class=\"shared-content\">x</div>"), ""); // not a substring
    EXPECT_EQ(hint_of("<div class=\"smg-zone-widget-custom-cta-letter\">x</div>"), "cta");
}

TEST(HtmlClassHints, VisibilityWordsCountOnlyAsAWholeNameOrItsFirstWord)
{
    EXPECT_EQ(hint_of("<div class=\"visually-hidden\">x</div>"), "visually-hidden");
    EXPECT_EQ(hint_of("<div class=\"hidden\">x</div>"), "hidden");
    EXPECT_EQ(hint_of("<div class=\"field field--label-hidden\">x</div>"), "");
    EXPECT_EQ(hint_of("<div class=\"relative overflow-hidden\">x</div>"), "");
    EXPECT_EQ(hint_of("<div class=\"kt-accordion-panel-hidden\">x</div>"), "");
    EXPECT_EQ(hint_of("<div class=\"hidden md:block\">x</div>"), ""); // shown on wider screens
}

TEST(HtmlClassHints, NamesOfWhatAnElementHoldsAreNoChrome)
{
    // a layout that has a sidebar holds the main column too
    EXPECT_EQ(hint_of("<div class=\"o-layout has-sidebar\">x</div>"), "");
    EXPECT_EQ(hint_of("<div class=\"page with-sidebar\">x</div>"), "");
    EXPECT_EQ(hint_of("<div class=\"post no-comments\">x</div>"), "");
    EXPECT_EQ(hint_of("<div class=\"o-layout__sidebar\">x</div>"), "sidebar");
    // a page of topics, not a topics box
    EXPECT_EQ(hint_of("<div class=\"topics-page\">x</div>"), "");
    EXPECT_EQ(hint_of("<div class=\"page-topics\">x</div>"), "topics");
}

TEST(HtmlClassHints, ACookieNoticeIsChromeThoughItHoldsMostOfTheText)
{
    // a consent manager's preference centre, longer than the page's own blurbs
    const auto d = convert_html(
        page("<div><h1>Dinner recipes</h1><p>What is for dinner tonight? Take the work out of "
             "searching for an "
             "answer to this question with these popular recipes, tested in our kitchen and rated "
             "by readers, "
             "from quick pasta to slow roasts and sheet pan suppers for the whole family.</p>"
             "<ul><li><a href=\"/a\">Sheet pan dinners</a></li><li><a href=\"/b\">Pork "
             "chops</a></li></ul></div>"
             "<div id=\"onetrust-consent-sdk\"><div id=\"pc-content\">" +
             article_text + article_text + "</div></div>"));
    EXPECT_FALSE(has_text(d, "committee met")) << body_text(d);
    EXPECT_EQ(hint_of("<div class=\"has-cookie-banner\">x</div>"), "");
}

TEST(HtmlClassHints, PageBuilderWidgetsAreNoChrome)
{
    EXPECT_EQ(hint_of("<div class=\"elementor-widget elementor-widget-text-editor\">x</div>"), "");
    EXPECT_EQ(hint_of("<div class=\"widget-span widget-type-cell\">x</div>"), "");
    EXPECT_EQ(hint_of("<div class=\"widget sidebar-widget\">x</div>"), "sidebar");
}

TEST(HtmlClassHints, ScriptHooksAndModuleHashesAreNotNames)
{
    EXPECT_EQ(hint_of("<div class=\"js-dataTooltip\">x</div>"), "");
    EXPECT_EQ(hint_of("<div class=\"mdx-table_root__adKqa\">x</div>"),
              ""); // "adKqa" is a hash, not "ad"
    EXPECT_EQ(hint_of("<div class=\"ad-slot\">x</div>"), "ad");
}

TEST(HtmlClassHints, NamesAreReadOneAtATimeInTheirOrder)
{
    const std::string html = "<html><body><div class=\"js-hook  Main_Main__ZphPe newsCaption\" "
                             "id=\"top\">x</div><p id=\"lede\">y</p></body></html>";
    const xml::XmlDocPtr doc(htmlReadMemory(html.data(), static_cast<int>(html.size()), "t.html",
                                            "UTF-8", HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING));
    const xmlNode *div = xmlDocGetRootElement(doc.get())->children->children;
    std::vector<std::string> seen;
    EXPECT_TRUE(hints::any_class_name(div, [&](const hints::ClassNameView &name) {
        seen.emplace_back(name.joined);
        return name.joined == "news-caption";
    }));
    EXPECT_EQ(seen, (std::vector<std::string>{"main-main", "news-caption"})); // stopped there
    EXPECT_EQ(hints::class_names(div).size(), 3U);
    EXPECT_EQ(hints::first_class_name(div), "main-main");
    EXPECT_EQ(hints::first_class_name(div->next), "lede"); // the id when there is no class
}

TEST(HtmlClassHints, PageBuilderWidgetsKeepTheirText)
{
    const auto d = convert_html(page(
        "<main><h1>Minutes</h1><div class=\"elementor-widget-wrap elementor-element-populated\">" +
        article_text + "</div></main>"));
    EXPECT_TRUE(has_text(d, "written report on each")) << body_text(d);
}

} // namespace
} // namespace colophon::html::test

namespace colophon::html::test {
namespace {

TEST(HtmlPageType, AddressNamesTheKind)
{
    const PageSignals none;
    EXPECT_STREQ(declared_page_kind(none, "https://example.org/t/some-thread/1234").type, "forum");
    EXPECT_STREQ(declared_page_kind(none, "https://example.org/docs/install").type, "documentation");
    EXPECT_STREQ(declared_page_kind(none, "https://shop.example.org/products/blue-socks").type,
                 "product");
    EXPECT_STREQ(declared_page_kind(none, "https://shop.example.org/collections/all").type,
                 "collection");
    EXPECT_STREQ(declared_page_kind(none, "https://example.org/2024/05/a-story").type, "article");
}

TEST(HtmlPageType, DeclaredTypesNameTheKind)
{
    PageSignals s;
    s.schema_types = {"WebPage", "BreadcrumbList", "DiscussionForumPosting"};
    EXPECT_STREQ(declared_page_kind(s, "").type, "forum");
    s.schema_types = {"Organization", "Product", "Offer"};
    EXPECT_STREQ(declared_page_kind(s, "").type, "product");
    s.schema_types = {"CollectionPage"};
    EXPECT_STREQ(declared_page_kind(s, "").type, "collection");
    s.schema_types = {};
    s.og_type = "product";
    EXPECT_STREQ(declared_page_kind(s, "").type, "product");
}

TEST(HtmlPageType, IsRecordedInTheDocument)
{
    const auto d =
        convert_html("<html><head><script "
                     "type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":"
                     "\"DiscussionForumPosting\",\"headline\":\"Minutes\"}</script></"
                     "head><body><main><h1>Minutes</h1>" +
                     article_text + "</main></body></html>");
    EXPECT_EQ(d.extraction.page_type, "forum");
}

TEST(HtmlPageType, ForumPostsMarkedAsCommentsAreContent)
{
    const std::string post =
        "<div class=\"comment\"><p>I had the same trouble with the installer on two machines "
        "and solved it by removing the old configuration folder first.</p></div>";
    const auto d = convert_html(
        "<html><head><link rel=\"canonical\" href=\"https://example.org/forum/thread-9\">"
        "</head><body><main><h1>Installer fails</h1>" +
        article_text + post + "</main></body></html>");
    EXPECT_TRUE(has_text(d, "removing the old configuration folder")) << body_text(d);
}

TEST(HtmlPageType, EveryCardOfACollectionIsContent)
{
    std::string cards;
    for (const char *name : {"Linen sheets", "Cotton sheets", "Flannel sheets", "Silk sheets"})
        cards += std::string("<li class=\"card\"><h3><a href=\"/p/1\">") + name +
                 "</a></h3><p><a href=\"/p/1\">Soft, breathable and made to last.</a></p></li>";
    const auto d = convert_html(
        "<html><head><link rel=\"canonical\" href=\"https://shop.example.org/collections/sheets\">"
        "</head><body><nav><a href=\"/\">Home</a></nav><main><h1>Sheets</h1><ul>" +
        cards + "</ul></main><footer><p>Shipping and returns</p></footer></body></html>");
    EXPECT_EQ(d.extraction.page_type, "collection");
    EXPECT_TRUE(has_text(d, "Flannel sheets")) << body_text(d);
    EXPECT_TRUE(has_text(d, "Silk sheets")) << body_text(d);
    EXPECT_FALSE(has_text(d, "Shipping and returns")) << body_text(d);
}

TEST(HtmlPageType, DocumentationKeepsItsLinkedReferenceLists)
{
    const auto d = convert_html(
        "<html><head><link rel=\"canonical\" href=\"https://example.org/docs/parser\"></head>"
        "<body><nav><a href=\"/docs\">Contents</a></nav><main><h1>Parser</h1>" +
        article_text +
        "<pre>parse(text, options)</pre><h2>See also</h2><ul><li><a href=\"/docs/tokenize\">"
        "tokenize()</a></li><li><a href=\"/docs/walk\">walk()</a></li></ul></main></body></html>");
    EXPECT_EQ(d.extraction.page_type, "documentation");
    EXPECT_TRUE(has_text(d, "parse(text, options)")) << body_text(d);
    EXPECT_TRUE(has_text(d, "tokenize()")) << body_text(d);
}

TEST(HtmlPageType, ServicePageKeepsEverySectionOfItsMain)
{
    std::string sections =
        "<section><h1>Bookkeeping for small charities</h1><p>Accounts you can trust, on "
        "time.</p></section>"
        "<section><h2>What we do</h2><ul><li>Monthly ledgers</li><li>Gift aid claims</li>"
        "<li>Annual returns</li></ul></section>"
        "<section><h2>How it works</h2>" +
        article_text +
        "</section><section><h2>Pricing</h2><p>From forty pounds a month, billed quarterly.</p>"
        "</section><section><h2>Guides</h2><ul>";
    for (const char *guide : {"Gift aid for beginners", "Restricted and unrestricted funds",
                              "Preparing for an independent examination", "Trustee reports"})
        sections += std::string("<li><a href=\"/guides/1\">") + guide +
                    ": a short guide for treasurers</a></li>";
    sections += "</ul></section>";
    HtmlConverter conv;
    core::ConvertOptions opts;
    opts.page_type = "service";
    core::Diagnostics diags("service.html");
    const core::Document d = conv.convert(
        core::make_input("service.html", page("<nav><a href=\"/\">Home</a></nav><main>" + sections +
                                              "</main><footer><p>Registered office</p></footer>")),
        opts, diags);
    EXPECT_TRUE(has_text(d, "written report")) << body_text(d);
    EXPECT_TRUE(has_text(d, "Gift aid claims")) << body_text(d);
    EXPECT_TRUE(has_text(d, "From forty pounds a month")) << body_text(d);
    EXPECT_FALSE(has_text(d, "Registered office")) << body_text(d);
}

// A product page's description and specifications, then its customers' reviews, as long as the
// description: on a product page the reviews are not content, on an article page a "review" is.
core::Document convert_as(const std::string &kind, const std::string &body)
{
    HtmlConverter conv;
    core::ConvertOptions opts;
    opts.page_type = kind;
    core::Diagnostics diags("page.html");
    return conv.convert(core::make_input("page.html", page(body)), opts, diags);
}

// `count` paragraphs of a site's data-protection notice (about 140 letters each).
std::string policy_paragraphs(int count)
{
    std::string out;
    for (int k = 0; k < count; ++k)
        out += "<p>We process the data you give us under the terms of our general policy, which "
               "explains how long records are kept and whom to contact.</p>";
    return out;
}

// Each card of a listing keeps its date line (a class that names metadata, a <time>), and the
// last card's text is no closing promotion though it says "sign up"; on an article the same
// dateline and closing line go.
TEST(HtmlPageType, EveryCardOfAListingKeepsItsDateAndText)
{
    std::string cards;
    for (const char *day : {"3", "10", "17", "24"})
        cards += std::string("<article class=\"event-card\"><h3><a href=\"/e/") + day +
                 "\">Map workshop</a></h3><p class=\"event-meta\"><time datetime=\"2025-03-" +
                 (day[1] ? "" : "0") + day + "\">" + day +
                 " March 2025</time>, Study Room 2</p><p>Compare tithe maps and estate plans of "
                 "the parish with our local studies team.</p></article>";
    cards += "<article class=\"event-card\"><h3><a href=\"/e/31\">Open mic</a></h3><p>Read a "
             "poem of your own, five minutes each. Sign up on the night.</p></article>";
    const auto d = convert_as("listing", "<main><h1>Events</h1>" + cards + "</main>");
    EXPECT_TRUE(has_text(d, "3 March 2025, Study Room 2")) << body_text(d);
    EXPECT_TRUE(has_text(d, "24 March 2025, Study Room 2")) << body_text(d);
    EXPECT_TRUE(has_text(d, "Sign up on the night")) << body_text(d);
    const auto a = convert_as(
        "article", "<main><article><h1>Maps</h1><p class=\"post-meta\">3 March 2025</p>" +
                       article_text + "<p>Sign up for our newsletter.</p></article></main>");
    EXPECT_FALSE(has_text(a, "3 March 2025")) << body_text(a);
    EXPECT_FALSE(has_text(a, "Sign up for our newsletter")) << body_text(a);
}

TEST(HtmlPageType, CustomerReviewsAreNoPartOfAProduct)
{
    std::string reviews;
    for (int k = 0; k < 4; ++k)
        reviews +=
            "<div class=\"review-card\"><p>Bought this for my daughter and she has used it every "
            "day since; the strap frayed a little after a month but the seller replaced "
            "it.</p></div>";
    const std::string product = "<div class=\"product\"><h1>Canvas day bag</h1>" + article_text +
                                "<ul><li>Capacity: 18 litres</li><li>Weight: 640 g</li></ul></div>"
                                "<section class=\"customer-reviews\"><h2>What buyers say</h2>" +
                                reviews + "</section>";
    const auto d = convert_as("product", "<main>" + product + "</main>");
    EXPECT_TRUE(has_text(d, "written report")) << body_text(d);
    EXPECT_FALSE(has_text(d, "the seller replaced it")) << body_text(d);
    const auto review =
        convert_as("article", "<main><article class=\"review\"><h1>Canvas day bag, reviewed</h1>" +
                                  article_text + "</article></main>");
    EXPECT_TRUE(has_text(review, "written report")) << body_text(review);
}

// A product's description declared in JSON-LD stands in for the visible one the body lacks, and
// only then: shown on the page, it is not repeated; on an article it is not added.
TEST(HtmlPageType, AProductsDeclaredDescriptionFillsWhatTheVisiblePageLacks)
{
    const std::string declared =
        "A two-person tent for three seasons: the inner is eighty percent mesh, the seams are "
        "factory-taped, and the whole shelter packs down to the size of a loaf of bread.";
    const std::string jsonld =
        "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", "
        "\"@type\": \"Product\", \"name\": \"Ridge 2\", \"description\": \"" +
        declared + "\"}</script>";
    const std::string specs =
        "<h1>Ridge 2</h1>" + article_text + "<ul><li>Weight: 1.9 kg</li></ul>";
    const auto d =
        convert_as("product", jsonld + "<main><div class=\"product\">" + specs + "</div></main>");
    EXPECT_TRUE(has_text(d, "factory-taped")) << body_text(d);
    EXPECT_TRUE(has_text(d, "written report")) << body_text(d);

    const auto shown = convert_as("product", jsonld + "<main><div class=\"product\">" + specs +
                                                 "<p>" + declared + "</p></div></main>");
    const std::string text = body_text(shown);
    EXPECT_EQ(text.find("factory-taped"), text.rfind("factory-taped")) << text;

    const auto article =
        convert_as("article", jsonld + "<main><article>" + specs + "</article></main>");
    EXPECT_FALSE(has_text(article, "factory-taped")) << body_text(article);
}

TEST(HtmlPageType, PostersProfileBoxesAndSignaturesAreNoPartOfAThread)
{
    std::string posts;
    for (const char *text :
         {"My old laptop will not boot since the update; the fan spins and the screen stays black.",
          "Hold the power button for thirty seconds with the battery out, then try again.",
          "That worked for me last year, although I also had to reset the firmware settings."}) {
        posts += std::string("<article class=\"message\"><div class=\"message-userDetails\">"
                             "<h4>member") +
                 text[0] +
                 "</h4><dl class=\"pairs\"><dt>Joined</dt><dd>Mar 3, 2019</dd><dt>Messages</dt>"
                 "<dd>1,204</dd></dl></div><div class=\"message-body\"><p>" +
                 text +
                 "</p></div><div class=\"signature\">Running three home servers on solar power "
                 "since 2012, ask me anything about batteries.</div></article>";
    }
    const auto d = convert_as("forum", "<main><h1>Laptop will not boot</h1>" + posts + "</main>");
    EXPECT_TRUE(has_text(d, "reset the firmware settings")) << body_text(d);
    EXPECT_FALSE(has_text(d, "Joined")) << body_text(d);
    EXPECT_FALSE(has_text(d, "three home servers")) << body_text(d);
}

TEST(HtmlMainContent, ALongFooterBesideTheDeclaredMainIsStillChrome)
{
    // The footer's privacy policy holds most of the page's running text, but the page declares
    // its main content elsewhere.
    const auto d =
        convert_as("collection", "<main><h1>Coffee</h1>" + article_text + product_cards() +
                                     "</main><footer>" + policy_paragraphs(30) + "</footer>");
    EXPECT_TRUE(has_text(d, "written report")) << body_text(d);
    EXPECT_TRUE(has_text(d, "Dark roast coffee blend number 7")) << body_text(d);
    EXPECT_FALSE(has_text(d, "whom to contact")) << body_text(d);
}

TEST(HtmlMainContent, DeclaredMainInsideAWiderElementIsTheContent)
{
    // The wrapper scores best (the article and the long notice together), but the page declares
    // its main content, which holds more than a quarter of the wrapper's running text.
    const auto d =
        convert_html(page("<div class=\"wrap\"><main><h1>Minutes</h1>" + article_text +
                          "</main><div class=\"extra\">" + policy_paragraphs(8) + "</div></div>"));
    EXPECT_TRUE(has_text(d, "written report")) << body_text(d);
    EXPECT_FALSE(has_text(d, "whom to contact")) << body_text(d);
}

TEST(HtmlFallback, WiderReadingWhenTheMainPassKeepsNothing)
{
    // every block is a link-dense teaser: the article pass keeps nothing, the wider reading all
    std::string teasers;
    for (int k = 0; k < 6; ++k)
        teasers += "<div><a href=\"/a" + std::to_string(k) + "\">Report number " +
                   std::to_string(k) + " on the state of the regional economy</a></div>";
    const auto d = convert_html(page("<main>" + teasers + "</main>"));
    EXPECT_EQ(d.extraction.method, "html-wider");
    EXPECT_TRUE(has_text(d, "Report number 5")) << body_text(d);
}

TEST(HtmlFallback, DeclaredArticleBodyWhenThePageShowsNone)
{
    const auto d = convert_html(
        "<html><head><script "
        "type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"The committee "
        "met on several occasions during the spring.\\nIt discussed the budget and the staffing "
        "plan of the institute "
        "in considerable detail.\"}</script></head><body><div id=\"root\"></div><nav><a "
        "href=\"/\">Home</a></nav></body></html>");
    EXPECT_EQ(d.extraction.method, "html-schema-article-body");
    EXPECT_TRUE(has_text(d, "the staffing plan of the institute")) << body_text(d);
}

TEST(HtmlFallback, InnermostBlocksWhenThePageHasNoParagraphs)
{
    // the only text sits in cards the class hints call chrome: every reading before the last
    // keeps nothing, the innermost blocks outside navigation keep the cards
    const auto d =
        convert_html(page("<nav><a href=\"/\">Home</a></nav><div class=\"sidebar-widget\">" +
                          product_cards() + "</div>"));
    EXPECT_EQ(d.extraction.method, "html-visible-text");
    EXPECT_TRUE(has_text(d, "Dark roast coffee blend number 0")) << body_text(d);
    EXPECT_TRUE(has_text(d, "Whole bean, twelve ounces $19.99")) << body_text(d);
    EXPECT_FALSE(has_text(d, "Home")) << body_text(d);
}

TEST(HtmlMachineText, JsonAndEncodedDataAreNoParagraphs)
{
    std::string json = "{";
    for (int k = 0; k < 10; ++k)
        json += "\"item" + std::to_string(k) + "\":\"B0CXGXT6W" + std::to_string(k) + "\",";
    EXPECT_TRUE(is_ui_text(json + "}"));
    std::string encoded =
        "39;none'%20fill-rule='evenodd'%3e%3cg%3e%3cg%20transform='translate(-639.0";
    while (encoded.size() < 400)
        encoded += "%20-417.000000)%20translate(639.000000,%20417.000000)'%3e%3crect%20width='141'";
    EXPECT_TRUE(is_ui_text(encoded));
}

// A service page's closing contact section is a section of it; an article's closing contact
// line is a trailer.
TEST(HtmlPageType, ServicePageKeepsItsContactSection)
{
    const std::string contact = "<h2>Contact</h2><p>Data team, Room 2.14, Library Square 1</p>"
                                "<p>E-mail: data@library.example.org</p>";
    const auto d =
        convert_as("service", "<main><h1>Data advice</h1>" + article_text + contact + "</main>");
    EXPECT_TRUE(has_text(d, "data@library.example.org")) << body_text(d);
    const auto a =
        convert_as("article", "<main><article><h1>Data advice</h1>" + article_text +
                                  "<p>E-mail: data@library.example.org</p></article></main>");
    EXPECT_FALSE(has_text(a, "data@library.example.org")) << body_text(a);
}

// A feedback widget's question, its buttons gone, is an interface label; a question of the
// text is not.
TEST(HtmlUiText, FeedbackQuestionIsALabel)
{
    EXPECT_TRUE(is_ui_text("Was this page helpful?"));
    EXPECT_TRUE(is_ui_text("Was this article helpful?"));
    EXPECT_TRUE(is_ui_text("Last updated:"));
    EXPECT_FALSE(is_ui_text("Was the flood of 1953 foreseen?"));
}

// "Last updated 12.02.2025" in an element named for it is the page's metadata, not its text.
TEST(HtmlClassHints, LastModifiedLineIsMetadata)
{
    const auto d = convert_as("service", "<main><h1>Data advice</h1>" + article_text +
                                             "<p class=\"last-modified\">Stand: 12.02.2025</p>"
                                             "<div class=\"page-last-updated\">Updated 2025-02-12"
                                             "</div></main>");
    EXPECT_TRUE(has_text(d, "written report")) << body_text(d);
    EXPECT_FALSE(has_text(d, "12.02.2025")) << body_text(d);
    EXPECT_FALSE(has_text(d, "2025-02-12")) << body_text(d);
}

TEST(HtmlMachineText, ProseQuotesAndDiagramsStay)
{
    EXPECT_FALSE(
        is_ui_text("\"We are ready,\" she said. \"The budget is agreed,\" he replied, \"and the "
                   "staff plan too.\" Then the meeting went on to the long-term strategy of the "
                   "institute, and \"the rest\", as the chair put it, \"can wait\"."));
    std::string diagram;
    for (int k = 0; k < 80; ++k)
        diagram += "\u2500";
    EXPECT_FALSE(is_ui_text("\u250c" + diagram +
                            "\u2510 \u2502 Data ingestion and normalisation layer "
                            "\u2502 \u251c" +
                            diagram + "\u2524"));
}

TEST(HtmlClassHints, HidingWordOpeningAStyleModifierHidesNothing)
{
    // "hide-last-message-connector" styles the replies' thread lines; "hidden" hides
    const auto d =
        convert_html(page("<main><h1>Minutes</h1>" + article_text +
                          "<div class=\"hide-last-message-connector\"><p>A reply that "
                          "agrees with the chair about the report and asks for the "
                          "figures of last year as well.</p></div><div class=\"hidden\"><p>"
                          "Log in to reply to this thread and follow it.</p></div></main>"));
    EXPECT_TRUE(has_text(d, "asks for the figures of last year")) << body_text(d);
    EXPECT_FALSE(has_text(d, "Log in to reply")) << body_text(d);
}

TEST(HtmlPageKind, EveryPostOfAThreadIsContent)
{
    // each post its own <article>, inside wrappers of their own: reading the longest post as
    // the article would lose the replies
    std::string posts;
    const char *replies[] = {
        "I would start with a hardtail and upgrade the fork later on, it is "
        "the cheapest way to learn what you really need on the trail.",
        "Rent a few bikes at the local shop first; the fit matters more than "
        "the brand and most shops will take the rental fee off the price.",
        "Second hand is fine for a first bike if someone who knows bikes looks "
        "at the frame and the suspension with you before you pay."};
    posts +=
        "<div class=\"thread\"><div class=\"post-wrap\"><article class=\"post\"><p>I am looking "
        "to get into mountain biking and have been trying to find out which bike to get.</p>";
    for (int k = 0; k < 16; ++k)
        posts += "<p>I want a good entry-level bike and do not want to waste money on something I "
                 "will outgrow within a season, so any advice on what to look for is welcome.</p>";
    posts += "</article></div>";
    for (const char *r : replies)
        posts += std::string("<div class=\"replies\"><div><article class=\"post\"><p>") + r +
                 "</p></article></div></div>";
    posts += "</div>";
    HtmlConverter conv;
    core::ConvertOptions opts;
    opts.page_type = "forum";
    core::Diagnostics diags("thread.html");
    const core::Document d = conv.convert(
        core::make_input("thread.html", page("<main>" + posts + "</main>")), opts, diags);
    EXPECT_EQ(d.extraction.page_type, "forum");
    EXPECT_TRUE(has_text(d, "which bike to get")) << body_text(d);
    EXPECT_TRUE(has_text(d, "upgrade the fork later on")) << body_text(d);
    EXPECT_TRUE(has_text(d, "looks at the frame and the suspension")) << body_text(d);
}

TEST(HtmlFallback, MainPassResultIsKeptWhenItHasText)
{
    const auto d = convert_html(page("<article><h1>Minutes</h1>" + article_text + "</article>"));
    EXPECT_EQ(d.extraction.method, "html");
}

} // namespace
} // namespace colophon::html::test
