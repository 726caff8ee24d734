#include "layout/layout_builder.h"

#include "synthetic_page.h"

#include "document_queries.h"

#include <gtest/gtest.h>

using namespace colophon;
using namespace colophon::layout;
using colophon::testing::PageMaker;
using colophon::testing::Style;

namespace {

const Style small{8, false, false};
const Style title_style{18, true, false};

std::vector<std::string> paragraphs(const core::Document& doc)
{
    std::vector<std::string> out;
    for (const auto& b : doc.body)
        if (b.kind == core::BlockKind::Paragraph)
            out.push_back(core::plain_text(b));
    return out;
}

using colophon::testing::find_kind;

core::Document build(std::vector<PageMaker>& pages)
{
    LayoutBuilder b;
    for (auto& p : pages)
        b.add_page(p.page());
    core::Diagnostics diags("test");
    return b.finish(diags);
}

// Fills a page's body with `n` full lines of filler prose from `y`, returning the next y.
} // namespace

TEST(LayoutBuilder, FrontMatterFurnitureFootnotesAndParagraphAcrossPages)
{
    std::vector<PageMaker> pages{PageMaker(1), PageMaker(2)};
    PageMaker& p1 = pages[0];
    p1.line(50, 30, "Example Institute | Paper No. 5", small);
    p1.line(50, 80, "A Study of Things", title_style);
    p1.line(50, 110, "By Jane Doe and John Smith");
    p1.line(50, 124, "16 March 2023");
    double y = filler(p1, 160, 3);
    p1.line(50, y, "and that is the end of the first paragraph.");
    y += 12;
    const double x = p1.line(65, y, "A second paragraph starts here with an indent and a mark");
    p1.sup(x, y, "1");
    y += 12;
    y = filler(p1, y, 35);
    p1.line(50, y, "Filler words keep this line of body text long enough for a real inter-");
    p1.sup(50, 720, "1", 8);
    p1.line(54, 720, "A note about things.", small);
    p1.line(300, 760, "1");

    PageMaker& p2 = pages[1];
    p2.line(50, 30, "Example Institute | Paper No. 5", small);
    y = p2.line(50, 80, "national cooperation continues the paragraph on the next page and runs on");
    y = filler(p2, 92, 30);
    p2.line(50, y, "until it ends.");
    p2.line(300, 760, "2");

    const core::Document doc = build(pages);
    EXPECT_EQ(doc.meta.title, "A Study of Things");
    ASSERT_EQ(doc.meta.authors.size(), 2u);
    EXPECT_EQ(doc.meta.authors[1].name, "John Smith");
    EXPECT_EQ(doc.meta.date.iso, "2023-03-16");

    const auto paras = paragraphs(doc);
    ASSERT_EQ(paras.size(), 2u);
    EXPECT_TRUE(paras[1].find("international cooperation") != std::string::npos) << paras[1];
    for (const auto& p : paras) {
        EXPECT_EQ(p.find("Example Institute"), std::string::npos);
        EXPECT_EQ(p.find("A note about"), std::string::npos);
    }
    ASSERT_EQ(doc.notes.size(), 1u);
    EXPECT_EQ(doc.notes[0].label, "1");
    EXPECT_EQ(core::plain_text(doc.notes[0].blocks.at(0)), "A note about things.");
    const core::Inline* ref = find_kind(doc.body[1].content, core::InlineKind::NoteRef);
    ASSERT_NE(ref, nullptr);
    EXPECT_EQ(ref->target, doc.notes[0].id);
}

TEST(LayoutBuilder, DehyphenationKeepsRealCompounds)
{
    std::vector<PageMaker> pages{PageMaker(1)};
    PageMaker& p = pages[0];
    double y = filler(p, 100, 2);
    p.line(50, y, "Filler words keep this line of body text long enough for a Belarusian-");
    p.line(50, y + 12, "Chinese park with all-");
    p.line(50, y + 24, "weather roads and some inter-");
    p.line(50, y + 36, "national trade.");
    const auto paras = paragraphs(build(pages));
    ASSERT_EQ(paras.size(), 1u);
    EXPECT_NE(paras[0].find("Belarusian-Chinese park"), std::string::npos) << paras[0];
    EXPECT_NE(paras[0].find("all-weather roads"), std::string::npos) << paras[0];
    EXPECT_NE(paras[0].find("some international trade"), std::string::npos) << paras[0];
}

TEST(LayoutBuilder, LinkAcrossLineBreakIsOneLink)
{
    std::vector<PageMaker> pages{PageMaker(1)};
    PageMaker& p = pages[0];
    double y = filler(p, 100, 2);
    const double x = p.line(50, y, "Filler words keep this line of body text long enough to read the") + 2.5;
    const double x1 = p.word(x, y, "joint");
    p.link({x - 1, y - 1, x1 + 1, y + 10}, "https://example.org/eval");
    const double x2 = p.line(50, y + 12, "evaluation");
    p.line(x2 + 2.5, y + 12, "of the scheme.");
    p.link({49, y + 11, x2 + 1, y + 22}, "https://example.org/eval");
    const core::Document doc = build(pages);
    ASSERT_EQ(doc.body.size(), 1u);
    const core::Inline* link = find_kind(doc.body[0].content, core::InlineKind::Link);
    ASSERT_NE(link, nullptr);
    EXPECT_EQ(link->target, "https://example.org/eval");
    EXPECT_EQ(core::plain_text(link->children), "joint evaluation");
}

TEST(LayoutBuilder, BareUrlBecomesLinkWithoutTrailingPeriod)
{
    std::vector<PageMaker> pages{PageMaker(1)};
    PageMaker& p = pages[0];
    filler(p, 100, 3);
    p.line(50, 136, "Data is at https://data.example.org/set-4.");
    const core::Document doc = build(pages);
    ASSERT_EQ(doc.body.size(), 1u);
    const core::Inline* link = find_kind(doc.body[0].content, core::InlineKind::Link);
    ASSERT_NE(link, nullptr);
    EXPECT_EQ(link->target, "https://data.example.org/set-4");
    EXPECT_EQ(core::plain_text(link->children), "https://data.example.org/set-4");
}

TEST(LayoutBuilder, OrdinalSuperscriptIsNotANoteMark)
{
    std::vector<PageMaker> pages{PageMaker(1)};
    PageMaker& p = pages[0];
    filler(p, 100, 3);
    double x = p.line(50, 136, "In the 20");
    x = p.sup(x, 136, "th");
    p.line(x + 2.5, 136, "century things changed.");
    const core::Document doc = build(pages);
    ASSERT_EQ(doc.body.size(), 1u);
    EXPECT_EQ(find_kind(doc.body[0].content, core::InlineKind::NoteRef), nullptr);
    const core::Inline* sup = find_kind(doc.body[0].content, core::InlineKind::Superscript);
    ASSERT_NE(sup, nullptr);
    EXPECT_EQ(core::plain_text(sup->children), "th");
}

TEST(LayoutBuilder, EndnotesSectionBecomesNotes)
{
    std::vector<PageMaker> pages{PageMaker(1)};
    PageMaker& p = pages[0];
    p.line(50, 60, "A Study of Things", title_style);
    double y = filler(p, 100, 3);
    double x = p.line(50, y, "A claim that needs a source.");
    p.sup(x, y, "1");
    p.line(50, y + 30, "Notes", {14, true, false});
    p.line(50, y + 50, "1. The source of the claim.");
    const core::Document doc = build(pages);
    ASSERT_EQ(doc.notes.size(), 1u);
    EXPECT_EQ(doc.notes[0].place, core::NotePlace::End);
    EXPECT_EQ(core::plain_text(doc.notes[0].blocks.at(0)), "The source of the claim.");
    for (const auto& b : doc.body)
        EXPECT_EQ(core::plain_text(b).find("source of the claim"), std::string::npos);
    const core::Inline* ref = find_kind(doc.body.at(0).content, core::InlineKind::NoteRef);
    ASSERT_NE(ref, nullptr);
    EXPECT_EQ(ref->target, doc.notes[0].id);
}

TEST(LayoutBuilder, ParagraphContinuesFromLeftColumnToRightColumn)
{
    std::vector<PageMaker> pages{PageMaker(1)};
    PageMaker& p = pages[0];
    for (int i = 0; i < 10; ++i)
        p.line(50, 100 + 12.0 * i, "left column words fill the line up");
    p.line(320, 100, "continued here and then the paragraph ends.");
    for (int i = 1; i < 10; ++i)
        p.line(320, 100 + 12.0 * i, "right column words fill the line up");
    const auto paras = paragraphs(build(pages));
    ASSERT_GE(paras.size(), 1u);
    EXPECT_NE(paras[0].find("fill the line up continued here"), std::string::npos) << paras[0];
}

TEST(LayoutBuilder, AuthorBioAtTheEndIsNotBody)
{
    std::vector<PageMaker> pages{PageMaker(1)};
    PageMaker& p = pages[0];
    p.line(50, 60, "A Study of Things", title_style);
    double y = filler(p, 100, 3);
    p.line(50, y, "and the body ends here.");
    p.line(50, y + 30, "Jane Doe is a senior fellow at the Example Institute.");
    const core::Document doc = build(pages);
    ASSERT_EQ(doc.meta.authors.size(), 1u);
    EXPECT_EQ(doc.meta.authors[0].name, "Jane Doe");
    EXPECT_EQ(doc.meta.authors[0].affiliation, "the Example Institute");
    for (const auto& para : paragraphs(doc))
        EXPECT_EQ(para.find("senior fellow"), std::string::npos);
}

TEST(LayoutBuilder, GenericInfoTitleLosesToNothingAndIsRecognised)
{
    EXPECT_TRUE(is_generic_title("Microsoft Word - draft3.docx"));
    EXPECT_TRUE(is_generic_title(""));
    EXPECT_FALSE(is_generic_title("Why the corridor is stalling"));
}

namespace {

// One OCR'd page: title, a subtitle barely larger than the body (OCR sizes wander), a
// "Name | Affiliation" byline whose capital I OCR read as l, and a date.
PageMaker ocr_front_page()
{
    PageMaker p(1);
    p.page().from_ocr = true;
    p.line(50, 60, "A Study of Things", title_style);
    p.line(50, 90, "What the figures say about the harbour", Style{10.6, false, false});
    p.line(50, 106, "Kwame lyer | Aurelian Trade Observatory");
    p.line(50, 120, "Published 24 January 2025");
    return p;
}

} // namespace

TEST(LayoutBuilder, OcrFrontMatterSubtitleBylineAndDate)
{
    std::vector<PageMaker> pages{ocr_front_page()};
    double y = filler(pages[0], 150, 5);
    pages[0].line(50, y, "and the body ends here.");
    const core::Document doc = build(pages);
    EXPECT_EQ(doc.meta.title, "A Study of Things");
    EXPECT_EQ(doc.meta.subtitle, "What the figures say about the harbour");
    ASSERT_EQ(doc.meta.authors.size(), 1u);
    EXPECT_EQ(doc.meta.authors[0].name, "Kwame Iyer");
    EXPECT_EQ(doc.meta.authors[0].affiliation, "Aurelian Trade Observatory");
    EXPECT_EQ(doc.meta.date.iso, "2025-01-24");
    const auto paras = paragraphs(doc);
    ASSERT_FALSE(paras.empty());
    EXPECT_EQ(paras[0].rfind("Filler words", 0), 0u) << paras[0];

    // the same page as born-digital text keeps the size step for subtitles and the name as printed
    std::vector<PageMaker> digital{ocr_front_page()};
    digital[0].page().from_ocr = false;
    filler(digital[0], 150, 5);
    EXPECT_TRUE(build(digital).meta.subtitle.empty());
}

TEST(LayoutBuilder, OcrAuthorBioBeforeTrailingSpeckIsNotBody)
{
    std::vector<PageMaker> pages{PageMaker(1)};
    PageMaker& p = pages[0];
    p.page().from_ocr = true;
    p.line(50, 60, "A Study of Things", title_style);
    double y = filler(p, 100, 3);
    p.line(50, y, "and the body ends here.");
    p.line(50, y + 30, "Tobias Petrovi\xC3\xA9 is an associate fellow at the Example Institute. lsabel Marquez is a");
    p.line(50, y + 42, "senior fellow.at the Example Institute.");
    p.line(300, y + 70, ". .");
    const core::Document doc = build(pages);
    ASSERT_EQ(doc.meta.authors.size(), 2u);
    EXPECT_EQ(doc.meta.authors[0].name, "Tobias Petrovi\xC3\xA9");
    EXPECT_EQ(doc.meta.authors[1].name, "Isabel Marquez");
    EXPECT_EQ(doc.meta.authors[1].affiliation, "the Example Institute");
    for (const auto& para : paragraphs(doc)) {
        EXPECT_EQ(para.find("senior fellow"), std::string::npos) << para;
        EXPECT_EQ(para.find(". ."), std::string::npos) << para;
    }
}

TEST(LayoutBuilder, ShortLastLineWithNoteMarkIsNotAHeading)
{
    std::vector<PageMaker> pages{PageMaker(1)};
    PageMaker& p = pages[0];
    p.line(50, 60, "A Study of Things", title_style);
    double y = filler(p, 100, 3);
    // OCR sizes a short line with a raised mark from its taller row: larger than the body
    const double x = p.line(50, y, "measurement.", Style{13, false, false});
    p.sup(x, y, "3", 13);
    p.line(65, y + 16, "The next paragraph starts here and runs on for a while longer than that.");
    const core::Document doc = build(pages);
    for (const auto& b : doc.body) {
        if (b.kind == core::BlockKind::Heading) {
            EXPECT_EQ(core::plain_text(b).find("measurement"), std::string::npos) << core::plain_text(b);
        }
    }
}

namespace {

std::vector<core::Diagnostic> warnings_of(std::vector<PageMaker>& pages)
{
    LayoutBuilder b;
    for (auto& p : pages)
        b.add_page(p.page());
    core::Diagnostics diags("test");
    b.finish(diags);
    return diags.items();
}

bool has_code(const std::vector<core::Diagnostic>& ds, const std::string& code, int page)
{
    for (const core::Diagnostic& d : ds)
        if (d.code == code && d.page == page)
            return true;
    return false;
}

} // namespace

// A large line half way down the page is read as the title; the heading and body lines above
// it become "front matter" that no field holds: they may go, but never without a word.
TEST(LayoutBuilder, BodyLinesTakenAsFrontMatterAreReported)
{
    std::vector<PageMaker> pages{PageMaker(1)};
    PageMaker& p = pages[0];
    p.line(50, 40, "Results of the regional survey", {12, true, false});
    p.line(50, 60, "The survey asked every district office how many requests it had answered last year.");
    p.line(50, 74, "Most of them answered within the month, and a few needed two reminders to do so.");
    p.line(50, 200, "Table 3: Requests", title_style);
    filler(p, 240, 12);
    EXPECT_TRUE(has_code(warnings_of(pages), "layout.text-dropped", 1));
}

// A kicker and a date above the title are front matter too, but no running text is lost.
TEST(LayoutBuilder, KickerAboveTheTitleIsNoLoss)
{
    std::vector<PageMaker> pages{PageMaker(1)};
    PageMaker& p = pages[0];
    p.line(50, 40, "POLICY BRIEF", small);
    p.line(50, 80, "A Study of Things", title_style);
    p.line(50, 110, "By Jane Doe");
    filler(p, 140, 12);
    EXPECT_FALSE(has_code(warnings_of(pages), "layout.text-dropped", 1));
}

// OCR reads specks of a scan as marks at a line's ends ("bud- -", "~ will", a line of "|"):
// they are no words, so the broken word is joined and the marks leave the text; a text layer's
// marks are what was printed.
TEST(LayoutBuilder, OcrSpecksAtTheLineEndsAreNoWords)
{
    for (const bool ocr : {true, false}) {
        std::vector<PageMaker> pages{PageMaker(1)};
        PageMaker& p = pages[0];
        p.page().from_ocr = ocr;
        double y = filler(p, 100, 2);
        p.line(50, y, "Filler words keep this line of body text long enough to blame bud- -");
        p.line(50, y + 12, "~ get rules that discourage long commitments and hold the line -");
        p.line(300, y + 18, "|");
        p.line(50, y + 24, "against filler words of body text that keep going until the end.");
        const auto paras = paragraphs(build(pages));
        ASSERT_EQ(paras.size(), 1u);
        if (ocr) {
            EXPECT_NE(paras[0].find("to blame budget rules that"), std::string::npos) << paras[0];
            EXPECT_NE(paras[0].find("hold the line against filler"), std::string::npos) << paras[0];
            EXPECT_EQ(paras[0].find('|'), std::string::npos) << paras[0];
        } else {
            EXPECT_NE(paras[0].find("bud- - ~ get"), std::string::npos) << paras[0];
        }
    }
}
