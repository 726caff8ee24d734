// Behaviours of the HTML converter, one per test, on small pages written for the purpose.

#include "html/html_notes.h"
#include "html_test_util.h"

#include <gtest/gtest.h>
#include <iconv.h>

namespace colophon::html::test {
namespace {

const std::string filler =
    "<p>The committee met on several occasions during the spring and discussed the budget, the staffing plan "
    "and the long-term strategy of the institute in considerable detail.</p>"
    "<p>Several members argued that the proposals needed more work, while others preferred to adopt them at once "
    "and revise the details later in the year.</p>";

std::string page(const std::string& head, const std::string& body)
{
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" + head + "</head><body>" +
           "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/about\">About</a></li></ul></nav>" + body +
           "<footer><p>© 2024 Example Institute. All rights reserved.</p></footer></body></html>";
}

TEST(HtmlCharset, Windows1251PageComesOutRight)
{
    std::string utf8 = "<html><head><meta charset=\"windows-1251\"><title>Тест</title></head><body><article>"
                       "<h1>Белорусско-китайские отношения</h1><p>Визит президента привлёк огромное внимание "
                       "международных средств массовой информации и политиков.</p></article></body></html>";
    std::string cp1251;
    {
        iconv_t cd = iconv_open("WINDOWS-1251", "UTF-8");
        ASSERT_NE(cd, reinterpret_cast<iconv_t>(-1));
        std::string in = utf8;
        cp1251.assign(in.size(), '\0');
        char* src = in.data();
        char* dst = cp1251.data();
        std::size_t sl = in.size(), dl = cp1251.size();
        ASSERT_NE(iconv(cd, &src, &sl, &dst, &dl), static_cast<std::size_t>(-1));
        cp1251.resize(cp1251.size() - dl);
        iconv_close(cd);
    }
    const auto d = convert_html(cp1251);
    EXPECT_EQ(d.meta.title, "Белорусско-китайские отношения");
    EXPECT_NE(body_text(d).find("Визит президента привлёк"), std::string::npos);
}

TEST(HtmlCleaning, DropsChromeKeepsArticle)
{
    const auto d = convert_html(page("<title>T</title>",
                                     "<div class=\"cookie-banner\">We use cookies to improve your experience on "
                                     "this site. Accept them all.</div><main><article><h1>Budget talks</h1>" +
                                         filler +
                                         "<div class=\"share-buttons\"><a href=\"#\">Share on Facebook</a></div>"
                                         "<div aria-hidden=\"true\">Hidden text that is not content.</div>"
                                         "<script>var x = 1;</script></article>"
                                         "<aside class=\"related\"><h3>Related posts</h3><ul><li><a "
                                         "href=\"/a\">Another story about budgets and staff</a></li></ul></aside>"
                                         "</main>"));
    const std::string text = body_text(d);
    EXPECT_NE(text.find("The committee met"), std::string::npos);
    for (const char* bad : {"cookies", "Share on", "Hidden text", "Related posts", "var x", "All rights", "Home"})
        EXPECT_EQ(text.find(bad), std::string::npos) << bad;
}

TEST(HtmlMainText, ScoringFindsBodyWithoutSemantics)
{
    std::string menu = "<div class=\"top\">";
    for (int i = 0; i < 20; ++i)
        menu += "<a href=\"/s" + std::to_string(i) + "\">Section number " + std::to_string(i) + "</a> ";
    menu += "</div>";
    const auto d = convert_html(page("", menu + "<div class=\"wrap\"><div class=\"c\">" + filler + filler +
                                             "</div></div>"));
    const std::string text = body_text(d);
    EXPECT_NE(text.find("Several members argued"), std::string::npos);
    EXPECT_EQ(text.find("Section number"), std::string::npos);
}

TEST(HtmlCleaning, EmbeddedPostInSocialWrapperIsKept)
{
    const auto d = convert_html(page("", "<article><h1>Slogan</h1>" + filler +
                                             "<div class=\"social-media-embed\"><blockquote class=\"embedded-post\">"
                                             "<p>Yes this is real and the state spent half a million on it.</p>"
                                             "&mdash; A Reader (@reader) <a href=\"https://example.com/s/1\">"
                                             "November 18</a></blockquote></div>"
                                             "<div class=\"social-share\"><a href=\"#\">Share on Facebook</a></div>" +
                                             filler + "</article>"));
    const std::string text = body_text(d);
    EXPECT_NE(text.find("Yes this is real"), std::string::npos);
    EXPECT_EQ(text.find("Share on Facebook"), std::string::npos);
}

TEST(HtmlCleaning, CamelCaseClassNamesAreSplitIntoWords)
{
    const auto d = convert_html(page("", "<article><h1>Protests</h1>" + filler +
                                             "<div class=\"photo\"><img src=\"a.jpg\" alt=\"\"><span "
                                             "class=\"newsCaption\">Protesters have worn masks to protect their "
                                             "identities</span></div>" +
                                             filler + "</article>"));
    const std::string text = body_text(d);
    EXPECT_NE(text.find("Several members argued"), std::string::npos);
    EXPECT_EQ(text.find("worn masks"), std::string::npos);
}

TEST(HtmlMainText, SideBySideArticlesAreAListingNotTheArticle)
{
    std::string cards;
    for (int i = 0; i < 5; ++i)
        cards += "<article class=\"postbox\"><p>Card number " + std::to_string(i) +
                 " tells a different story at length, with sentences about hope, courage and patience that go on "
                 "for a while before the excerpt is cut off in the middle of a thought and left hanging for "
                 "the reader to click through to the rest &hellip;</p></article>";
    const auto d = convert_html(page("", "<div class=\"primary\"><article class=\"postbox\"><h1>Only one</h1>"
                                         "<p>The short article itself says what it has to say in one paragraph of "
                                         "plain prose, about love, care and the needs everyone has to look after "
                                         "for themselves. It is longer than any one card below it, but much shorter than all of them "
                                         "together, which is how a related-posts listing came to outweigh it.</p></article>"
                                         "<article class=\"postbox\"><h3>You may like</h3>" +
                                             cards + "</article></div>"));
    const std::string text = body_text(d);
    EXPECT_NE(text.find("The short article itself"), std::string::npos);
    EXPECT_EQ(text.find("Card number"), std::string::npos);
}

TEST(HtmlMainText, NumberedPointsWithLinkedLeadsAreText)
{
    std::string items;
    for (int i = 0; i < 8; ++i)
        items += "<li><strong><a href=\"/story" + std::to_string(i) +
                 "\">Company number " + std::to_string(i) +
                 " announced a large reorganisation of its business units today</a>.</strong> The company said "
                 "that staff would be told about the changes next week.</li>";
    const auto d = convert_html(page("", "<div class=\"wrap\"><div class=\"post-content\">"
                                         "<p>Good morning! This is the news you need to know today.</p><ol>" +
                                             items +
                                             "</ol><p>Have a device? Now you can hear this briefing each "
                                             "morning on it, just search for us in the settings.</p></div></div>"));
    const std::string text = body_text(d);
    EXPECT_NE(text.find("Good morning"), std::string::npos);
    EXPECT_NE(text.find("Company number 3 announced"), std::string::npos);
    EXPECT_NE(text.find("staff would be told"), std::string::npos);
}

TEST(HtmlMetadata, JsonLdGraphWithNestedAuthors)
{
    const std::string ld = R"(<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Example"},
      {"@type":"NewsArticle","headline":"Rivers rise after storms","datePublished":"2024-02-05T08:00:00Z",
       "author":[{"@type":"Person","name":"Ann Lee","affiliation":{"@type":"Organization","name":"Example Univ"}},
                 {"@id":"#p2"}],
       "publisher":{"@type":"Organization","name":"Daily Example"},"inLanguage":"en-GB"},
      {"@type":"Person","@id":"#p2","name":"Tom Berg"}]}</script>)";
    const auto d = convert_html(page(ld, "<article>" + filler + "</article>"));
    EXPECT_EQ(d.meta.title, "Rivers rise after storms");
    ASSERT_EQ(d.meta.authors.size(), 2u);
    EXPECT_EQ(d.meta.authors[0].name, "Ann Lee");
    EXPECT_EQ(d.meta.authors[0].affiliation, "Example Univ");
    EXPECT_EQ(d.meta.authors[1].name, "Tom Berg");
    EXPECT_EQ(d.meta.date.iso, "2024-02-05");
    EXPECT_EQ(d.meta.publisher, "Daily Example");
}

TEST(HtmlMetadata, HighwireCitationTags)
{
    const std::string head = "<meta name=\"citation_title\" content=\"Soil carbon in boreal forests\">"
                             "<meta name=\"citation_author\" content=\"Virtanen, Aino\">"
                             "<meta name=\"citation_author_institution\" content=\"University of Helsinki\">"
                             "<meta name=\"citation_author\" content=\"Smith, John\">"
                             "<meta name=\"citation_publication_date\" content=\"2021/06/15\">"
                             "<meta name=\"citation_journal_title\" content=\"Journal of Forest Soils\">"
                             "<meta name=\"citation_volume\" content=\"12\">";
    const auto d = convert_html(page(head, "<article>" + filler + "</article>"));
    EXPECT_EQ(d.meta.title, "Soil carbon in boreal forests");
    ASSERT_EQ(d.meta.authors.size(), 2u);
    EXPECT_EQ(d.meta.authors[0].name, "Aino Virtanen");
    EXPECT_EQ(d.meta.authors[0].affiliation, "University of Helsinki");
    EXPECT_EQ(d.meta.date.iso, "2021-06-15");
    EXPECT_EQ(d.meta.series, "Journal of Forest Soils, Volume 12");
}

TEST(HtmlMetadata, LanguageTagOnlyWhenWellFormed)
{
    const std::string body = "<article>" + filler + "</article>";
    EXPECT_EQ(convert_html("<html lang=\"pt_br\"><body>" + body + "</body></html>").meta.language, "pt-BR");
    // A broken attribute value (found by fuzzing) must not reach xml:lang, which would fail validation.
    EXPECT_EQ(convert_html("<html lang=\"nEntityOfPage\"><body>" + body + "</body></html>").meta.language, "");
}

TEST(HtmlByline, VisibleByMultipleAuthors)
{
    const auto d = convert_html(page("", "<article><h1>Water policy</h1><p class=\"byline\">By Maria Gonzalez and "
                                         "Peter Novak</p>" + filler + "</article>"));
    ASSERT_EQ(d.meta.authors.size(), 2u);
    EXPECT_EQ(d.meta.authors[0].name, "Maria Gonzalez");
    EXPECT_EQ(d.meta.authors[1].name, "Peter Novak");
    EXPECT_EQ(body_text(d).find("By Maria"), std::string::npos);
}

TEST(HtmlByline, AuthorBioIsNeitherLedeNorBody)
{
    const std::string bio = "Maria Gonzalez is a senior fellow at the Riverside Institute. She writes about water.";
    // as the page's description (taken for a lede) and again as a bio box closing the article
    const auto d = convert_html(page("<meta name=\"description\" content=\"" + bio + "\">",
                                     "<article><h1>Water policy</h1><p class=\"byline\">By Maria Gonzalez</p>" +
                                         filler + "<p>" + bio + "</p></article>"));
    ASSERT_EQ(d.meta.authors.size(), 1u);
    EXPECT_EQ(d.meta.authors[0].affiliation, "the Riverside Institute");
    EXPECT_TRUE(d.meta.abstract.empty());
    EXPECT_EQ(body_text(d).find("senior fellow"), std::string::npos);
    EXPECT_NE(body_text(d).find("The committee met"), std::string::npos);
}

TEST(HtmlByline, PublisherBoilerplateClosesNoArticle)
{
    const auto d = convert_html(page("<meta property=\"og:site_name\" content=\"Ascom\">",
                                     "<article><h1>Ascom announces a partnership</h1>" + filler +
                                         "<h3>About Ascom</h3><p>Ascom is a global solutions provider focused on "
                                         "healthcare ICT. Ascom is headquartered in Baar.</p></article>"));
    EXPECT_EQ(body_text(d).find("global solutions provider"), std::string::npos);
    EXPECT_EQ(body_text(d).find("About Ascom"), std::string::npos);
    EXPECT_NE(body_text(d).find("Several members argued"), std::string::npos);
}

TEST(HtmlByline, SentenceAboutSomeoneElseStays)
{
    // an introduction of a person who is not the author is the article's own text
    const auto d = convert_html(page("", "<article><h1>Water policy</h1><p class=\"byline\">By Maria Gonzalez</p>" +
                                             filler + "<p>Peter Novak is the new chair of the committee.</p></article>"));
    EXPECT_NE(body_text(d).find("Peter Novak is the new chair"), std::string::npos);
}

TEST(HtmlCleaning, CreditAndPromptLinesCloseNoArticle)
{
    const auto d = convert_html(page("", "<article><h1>Water policy</h1>" + filler +
                                             "<p>Jessica Napoli contributed to this report.</p>"
                                             "<p>Citation: Water policy (2019, November 18) retrieved 20 November "
                                             "2019 from https://news.example/water.html</p>"
                                             "<p>Like this story? Share it with a friend!</p></article>"));
    const auto e = convert_html(page("", "<article><h1>Water policy</h1>" + filler +
                                             "<p>[button link=\"/submit-review/\" type=\"big\"] Send us your review"
                                             "[/button]</p>" + filler + "</article>"));
    EXPECT_EQ(body_text(e).find("Send us your review"), std::string::npos);
    EXPECT_EQ(body_text(d).find("contributed to this report"), std::string::npos);
    EXPECT_EQ(body_text(d).find("Share it"), std::string::npos);
    EXPECT_EQ(body_text(d).find("retrieved"), std::string::npos);
    EXPECT_NE(body_text(d).find("Several members argued"), std::string::npos);
}

TEST(HtmlCleaning, CompoundHintInsideALongerClassName)
{
    // a "read more" teaser named BEM-style inside the article text
    const auto d = convert_html(page("", "<article><h1>Water policy</h1>" + filler +
                                             "<span class=\"read-more-big__container\"><span>Also on example.org"
                                             "</span><span>Ministers promise a new dam for the valley</span></span>" +
                                             filler + "</article>"));
    EXPECT_EQ(body_text(d).find("new dam"), std::string::npos);
    EXPECT_NE(body_text(d).find("Several members argued"), std::string::npos);
    // the same words in the name of the wrapper of the whole text leave the text alone
    const auto e = convert_html(page("", "<article><h1>Water policy</h1><div class=\"read-more-content\">" + filler +
                                             filler + "</div></article>"));
    EXPECT_NE(body_text(e).find("Several members argued"), std::string::npos);
}

TEST(HtmlTitle, H1FollowedByH2SplitsIntoSubtitle)
{
    const auto d = convert_html(page("<meta property=\"og:title\" content=\"Water policy: the next decade\">",
                                     "<article><h1>Water policy</h1><h2>The next decade</h2>" + filler + "</article>"));
    EXPECT_EQ(d.meta.title, "Water policy");
    EXPECT_EQ(d.meta.subtitle, "The next decade");
}

TEST(HtmlNotes, FootnoteMarksLinkToNotes)
{
    const auto d = convert_html(page("", "<article><p>Growth slowed in the third quarter of the year, as several "
                                         "analysts had predicted.<sup><a href=\"#fn1\" id=\"r1\">1</a></sup> It was "
                                         "the 3<sup>rd</sup> fall in a row.</p>" + filler +
                                         "<div class=\"footnotes\"><hr><ol><li id=\"fn1\">Central bank report, 2023, "
                                         "p. 4. <a href=\"#r1\">↩</a></li></ol></div></article>"));
    ASSERT_EQ(d.notes.size(), 1u);
    EXPECT_EQ(d.notes[0].id, "fn1");
    EXPECT_EQ(d.notes[0].label, "1");
    ASSERT_FALSE(d.notes[0].blocks.empty());
    EXPECT_EQ(core::plain_text(d.notes[0].blocks[0]), "Central bank report, 2023, p. 4.");
    int refs = 0, sups = 0;
    for_each_block(d.body, [&](const core::Block& b) {
        for_each_inline(b.content, [&](const core::Inline& x) {
            if (x.kind == core::InlineKind::NoteRef) {
                ++refs;
                EXPECT_EQ(x.target, "fn1");
                EXPECT_EQ(x.text, "1");
            }
            if (x.kind == core::InlineKind::Superscript) {
                ++sups;
                EXPECT_EQ(core::plain_text(x.children), "rd");
            }
        });
    });
    EXPECT_EQ(refs, 1);
    EXPECT_EQ(sups, 1);
    EXPECT_EQ(body_text(d).find("Central bank report"), std::string::npos);
}

TEST(HtmlNotes, EndnotesWithDocRolesArePlacedAtTheEnd)
{
    const auto d = convert_html(page("", "<article>" + filler + "<p>A claim that needs a source.<a "
                                         "role=\"doc-noteref\" href=\"#en-2\">[2]</a></p><section "
                                         "role=\"doc-endnotes\"><h2>Notes</h2><ol><li id=\"en-2\" "
                                         "role=\"doc-endnote\">The source of the claim.</li></ol></section></article>"));
    ASSERT_EQ(d.notes.size(), 1u);
    EXPECT_EQ(d.notes[0].place, core::NotePlace::End);
    EXPECT_EQ(d.notes[0].label, "2");
    EXPECT_EQ(body_text(d).find("Notes"), std::string::npos);
}

TEST(HtmlNotes, XmlIdsAreValidAndUnique)
{
    std::vector<std::string> taken;
    EXPECT_EQ(make_xml_id("1", taken), "fn-1");
    EXPECT_EQ(make_xml_id("cite note:2", taken), "cite-note-2");
    EXPECT_EQ(make_xml_id("cite note 2", taken), "cite-note-2-2");
}

TEST(HtmlLinks, ResolvedAgainstBaseAndJavascriptDropped)
{
    const auto d = convert_html(page("<base href=\"https://example.org/news/\">",
                                     "<article><p>Read <a href=\"story.html\">the story</a>, <a "
                                     "href=\"javascript:void(0)\">open</a> the <a href=\"#sec2\">second part</a> "
                                     "and <a href=\"\">nothing</a> else in this long enough paragraph of text.</p>" +
                                         filler + "</article>"));
    const auto links = all_links(d);
    ASSERT_EQ(links.size(), 1u);
    EXPECT_EQ(links[0].first, "the story");
    EXPECT_EQ(links[0].second, "https://example.org/news/story.html");
    EXPECT_NE(body_text(d).find("open the second part and nothing else"), std::string::npos);
}

TEST(HtmlLinks, BaseUrlOptionWhenPageNamesNone)
{
    const auto d = convert_html(page("", "<article><p>See <a href=\"/report.pdf\">the report</a> for details on "
                                         "the methods used in this study of regional budgets.</p>" + filler +
                                         "</article>"),
                                nullptr, "https://think.example/a/b");
    const auto links = all_links(d);
    ASSERT_EQ(links.size(), 1u);
    EXPECT_EQ(links[0].second, "https://think.example/report.pdf");
}

TEST(HtmlBlocks, ListsQuotesTablesFiguresCode)
{
    const auto d = convert_html(page("", "<article>" + filler +
                                             "<ul><li>First point</li><li>Second <em>point</em></li></ul>"
                                             "<blockquote><p>A quoted sentence.</p></blockquote>"
                                             "<table><tr><th>Year</th><th>Value</th></tr><tr><td>2020</td><td>4"
                                             "</td></tr></table><figure><img src=\"/i.png\"><figcaption>A chart"
                                             "</figcaption></figure><pre>x = 1\n  y = 2</pre></article>"));
    std::vector<core::BlockKind> kinds;
    for (const auto& b : d.body)
        kinds.push_back(b.kind);
    using K = core::BlockKind;
    EXPECT_EQ(kinds, (std::vector<K>{K::Paragraph, K::Paragraph, K::List, K::Quote, K::Table, K::Figure, K::Code}));
    EXPECT_EQ(d.body[2].children.size(), 2u);
    EXPECT_EQ(d.body[4].children.size(), 2u);
    EXPECT_EQ(core::plain_text(d.body[5].content), "A chart");
    EXPECT_EQ(core::plain_text(d.body[6].content), "x = 1\n  y = 2");
}

// Literal code stays code (TEI code holds text: a link inside it goes around it); spaces at its
// edges stay in the sentence. Header cells are labels.
TEST(HtmlBlocks, InlineCodeAndHeaderCells)
{
    const auto d = convert_html(
        page("", "<article>" + filler +
                     "<p>Run <code> make  all</code>, then <kbd>q</kbd> or "
                     "<code><a href=\"https://docs.example/cfg\">cfg.toml</a></code>.</p>"
                     "<table><tr><th>Year</th><td>2020</td></tr></table></article>"));
    const core::Block *p = nullptr;
    const core::Block *table = nullptr;
    for (const auto &b : d.body) {
        if (b.kind == core::BlockKind::Table)
            table = &b;
        else if (core::plain_text(b).starts_with("Run"))
            p = &b;
    }
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(core::plain_text(*p), "Run make all, then q or cfg.toml.");
    ASSERT_GE(p->content.size(), 6u);
    EXPECT_EQ(p->content[0].text, "Run ");
    EXPECT_EQ(p->content[1].kind, core::InlineKind::Code);
    EXPECT_EQ(p->content[1].text, "make all");
    EXPECT_EQ(p->content[2].text, ", then ");
    EXPECT_EQ(p->content[3].kind, core::InlineKind::Code);
    const core::Inline &link = p->content[5];
    ASSERT_EQ(link.kind, core::InlineKind::Link);
    ASSERT_EQ(link.children.size(), 1u);
    EXPECT_EQ(link.children[0].kind, core::InlineKind::Code);
    EXPECT_EQ(link.children[0].text, "cfg.toml");
    ASSERT_NE(table, nullptr);
    ASSERT_EQ(table->children.size(), 1u);
    ASSERT_EQ(table->children[0].children.size(), 2u);
    EXPECT_TRUE(table->children[0].children[0].header);
    EXPECT_FALSE(table->children[0].children[1].header);
}

// A paragraph or a cell of nothing but code has visible text.
TEST(HtmlBlocks, ParagraphOfCodeAloneIsKept)
{
    std::string words;
    for (int i = 0; i < 30; ++i)
        words += "Some long words of prose here. ";
    const auto d = convert_html("<html><body><article><h1>T</h1><p>" + words +
                                "</p><p><code>only_code()</code></p><table><tr><th><p>It</p></th>"
                                "<th><p>Ex</p></th></tr><tr><td><p><code>acc()</code></p></td>"
                                "<td><p>other words</p></td></tr></table></article></body></html>");
    const std::string text = body_text(d);
    EXPECT_NE(text.find("only_code()"), std::string::npos) << text;
    EXPECT_NE(text.find("acc()"), std::string::npos) << text;
}

TEST(HtmlLede, ItalicFirstParagraphBecomesAbstract)
{
    const auto d = convert_html(page("", "<article><p><em>A short summary of what the article will argue, set in "
                                         "italics above the text.</em></p>" + filler + "</article>"));
    EXPECT_EQ(core::plain_text(d.meta.abstract),
              "A short summary of what the article will argue, set in italics above the text.");
    EXPECT_EQ(body_text(d).find("short summary", 10), std::string::npos);
}

TEST(HtmlProvenance, OriginallyPublishedLineWithoutLink)
{
    const auto d = convert_html(page("", "<article><p>Originally published in the Baltic Review, May 2022.</p>" +
                                             filler + "</article>"));
    EXPECT_EQ(d.meta.original_source.title, "Baltic Review");
    EXPECT_EQ(body_text(d).find("Originally"), std::string::npos);
}

// <ol start> numbers the list from there; a start that is no number is ignored.
TEST(HtmlBlocks, OrderedListKeepsItsStartNumber)
{
    const auto d =
        convert_html(page("", "<article>" + filler +
                                  "<ol start=\" 5\"><li>Fifth step</li><li>Sixth step</li></ol>"
                                  "<ol start=\"v\"><li>First again</li></ol></article>"));
    std::vector<int> starts;
    for (const auto &b : d.body)
        if (b.kind == core::BlockKind::List)
            starts.push_back(b.start);
    EXPECT_EQ(starts, (std::vector<int>{5, 1}));
}

} // namespace
} // namespace colophon::html::test
