// Footnote zones found by their geometry and marks (converters/layout/footnotes.cpp).
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

core::Document build(std::vector<PageMaker>& pages)
{
    LayoutBuilder b;
    for (auto& p : pages)
        b.add_page(p.page());
    core::Diagnostics diags("test");
    return b.finish(diags);
}

std::string body_text(const core::Document& doc)
{
    std::string out;
    for (const auto& b : doc.body)
        out += core::plain_text(b) + "\n";
    return out;
}

// A page whose body carries raised marks "1" and "2" (when `marks`) and whose foot holds two
// lines at the body size opening with raised labels, after a blank line.
PageMaker body_size_notes_page(bool marks)
{
    PageMaker p(1);
    double y = filler(p, 100, 20);
    double x = p.line(50, y, "A claim that needs a source.");
    if (marks)
        p.sup(x, y, "1");
    y += 12;
    x = p.line(50, y, "Another claim that needs one too.");
    if (marks)
        p.sup(x, y, "2");
    y = filler(p, y + 12, 12);
    p.sup(50, y + 24, "1");
    p.line(56, y + 24, "The source of the first claim is a report.");
    p.sup(50, y + 44, "2");
    p.line(56, y + 44, "The source of the second claim is a survey.");
    return p;
}

} // namespace

TEST(Footnotes, NotesAtTheBodySizeAreKnownByTheirRaisedMarks)
{
    std::vector<PageMaker> pages{body_size_notes_page(true)};
    const core::Document doc = build(pages);
    ASSERT_EQ(doc.notes.size(), 2u);
    EXPECT_EQ(doc.notes[0].label, "1");
    EXPECT_EQ(core::plain_text(doc.notes[1].blocks.at(0)), "The source of the second claim is a survey.");
    EXPECT_EQ(body_text(doc).find("source of the"), std::string::npos) << body_text(doc);
}

TEST(Footnotes, RaisedNumbersAtTheFootWithoutMarksStayBody)
{
    std::vector<PageMaker> pages{body_size_notes_page(false)};
    const core::Document doc = build(pages);
    EXPECT_TRUE(doc.notes.empty());
    EXPECT_NE(body_text(doc).find("source of the first claim"), std::string::npos) << body_text(doc);
}

TEST(Footnotes, NotesRepeatingOnTheNextPageButForTheirDigitsAreNotFurniture)
{
    std::vector<PageMaker> pages{PageMaker(1), PageMaker(2)};
    for (int i = 0; i < 2; ++i) {
        PageMaker& p = pages[static_cast<std::size_t>(i)];
        const std::string n = std::to_string(i + 1);
        double y = filler(p, 80, 40);
        const double x = p.line(50, y, "A figure from a dataset.");
        p.sup(x, y, n);
        p.sup(50, 730, n, 8);
        p.line(54, 730, "Data available at https://data.example/series-" + n + ".", small);
    }
    const core::Document doc = build(pages);
    ASSERT_EQ(doc.notes.size(), 2u);
    EXPECT_EQ(core::plain_text(doc.notes[1].blocks.at(0)), "Data available at https://data.example/series-2.");
}

TEST(Footnotes, MathAsteriskMarksTheSameNoteAsTheAsterisk)
{
    // LaTeX's \fnsymbol draws its first mark with the math asterisk U+2217
    std::vector<PageMaker> pages{PageMaker(1)};
    PageMaker& p = pages[0];
    double y = filler(p, 80, 40);
    const double x = p.line(50, y, "A figure from a dataset.");
    p.sup(x, y, "\u2217");
    p.sup(50, 730, "\u2217", 8);
    p.line(54, 730, "Figures from the annual bulletin.", small);
    const core::Document doc = build(pages);
    ASSERT_EQ(doc.notes.size(), 1u);
    EXPECT_EQ(doc.notes[0].label, "*");
    EXPECT_NE(colophon::testing::find_kind(doc.body.back().content, core::InlineKind::NoteRef), nullptr);
}

TEST(Footnotes, EndnotesUnderABoldNotesHeadingSetSmallerThanTheBody)
{
    // a printed web page: "Notes" in bold at 9 pt over a numbered list, body at 10 pt
    std::vector<PageMaker> pages{PageMaker(1)};
    PageMaker& p = pages[0];
    double y = filler(p, 100, 5);
    const double x = p.line(50, y, "A claim that needs a source.");
    p.sup(x, y, "1");
    p.line(50, y + 30, "Notes", {9, true, false});
    p.line(70, y + 46, "1. The source of the claim.", {9, false, false});
    const core::Document doc = build(pages);
    ASSERT_EQ(doc.notes.size(), 1u);
    EXPECT_EQ(doc.notes[0].place, core::NotePlace::End);
    EXPECT_EQ(body_text(doc).find("Notes"), std::string::npos) << body_text(doc);
    EXPECT_NE(colophon::testing::find_kind(doc.body.back().content, core::InlineKind::NoteRef), nullptr);
}

TEST(Footnotes, OcrNotesWithAGluedLabelAndAWanderingSize)
{
    // OCR closes the space in "1. A" and reads the second note's height as the body's
    std::vector<PageMaker> pages{PageMaker(1)};
    PageMaker& p = pages[0];
    p.page().from_ocr = true;
    double y = filler(p, 80, 40);
    p.line(50, y, "A claim that needs a source.2");
    p.line(50, 720, "1.A summary of the consultation is available.", small);
    p.line(50, 732, "2. The estimate excludes informal payments.");
    const core::Document doc = build(pages);
    ASSERT_EQ(doc.notes.size(), 2u);
    EXPECT_EQ(doc.notes[0].label, "1");
    EXPECT_EQ(core::plain_text(doc.notes[0].blocks.at(0)), "A summary of the consultation is available.");
    EXPECT_EQ(doc.notes[1].label, "2");
}

// OCR reads the first note's "1." as "4," in small print; the body's raised marks 1, 2, 3 and
// the notes 2 and 3 after it tell the misread number, so three notes rather than one.
TEST(Footnotes, OcrMisreadNoteNumberIsToldByTheMarksInTheBody)
{
    for (const bool ocr : {true, false}) {
        std::vector<PageMaker> pages{PageMaker(1)};
        PageMaker& p = pages[0];
        p.page().from_ocr = ocr;
        double y = filler(p, 80, 36);
        for (const char* mark : {"1", "2", "3"}) {
            const double x = p.line(50, y, "A claim that needs a source.");
            p.sup(x, y, mark);
            y += 12;
        }
        p.line(50, 700, "4, Data available from the statistics office.", small);
        p.line(50, 710, "2. For an earlier assessment, see the review.", small);
        p.line(50, 720, "3. A summary of the consultation is available.", small);
        const core::Document doc = build(pages);
        if (!ocr) { // a text layer's digits are what the author wrote
            ASSERT_EQ(doc.notes.size(), 1u);
            EXPECT_EQ(doc.notes[0].label, "4");
            continue;
        }
        ASSERT_EQ(doc.notes.size(), 3u);
        EXPECT_EQ(doc.notes[0].label, "1");
        EXPECT_EQ(core::plain_text(doc.notes[0].blocks.at(0)), "Data available from the statistics office.");
        EXPECT_EQ(doc.notes[1].label, "2");
        EXPECT_EQ(doc.notes[2].label, "3");
    }
}
