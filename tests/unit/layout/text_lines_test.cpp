#include "layout/text_lines.h"

#include "synthetic_page.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace colophon::layout;
using colophon::testing::PageMaker;

TEST(TextLines, TitleAboveTwoColumnsReadsTitleLeftThenRight)
{
    PageMaker pm(1);
    pm.line(150, 60, "A Title Spanning Both Columns Of The Page", {18, true, false});
    for (int i = 0; i < 8; ++i) {
        pm.line(50, 120 + 12.0 * i, "left" + std::to_string(i) + " aaaa bbbb cccc dddd eeee ffff");
        pm.line(320, 120 + 12.0 * i, "right" + std::to_string(i) + " aaaa bbbb cccc dddd eeee ffff");
    }
    const auto lines = build_lines(pm.page());
    ASSERT_EQ(lines.size(), 17u);
    EXPECT_EQ(lines[0].text(), "A Title Spanning Both Columns Of The Page");
    EXPECT_TRUE(lines[1].text().starts_with("left0"));
    EXPECT_TRUE(lines[8].text().starts_with("left7"));
    EXPECT_TRUE(lines[9].text().starts_with("right0"));
    EXPECT_NE(lines[1].frame_id, lines[9].frame_id);
}

TEST(TextLines, AlignedWordSpacesDoNotSplitAColumn)
{
    PageMaker pm(1);
    // two lines whose word gaps line up exactly: still one column
    pm.line(50, 100, "aaaa bbbb cccc dddd");
    pm.line(50, 112, "eeee ffff gggg hhhh");
    const auto lines = build_lines(pm.page());
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].text(), "aaaa bbbb cccc dddd");
    EXPECT_EQ(lines[1].text(), "eeee ffff gggg hhhh");
}

TEST(TextLines, SuperscriptStaysOnItsLineAndIsFlagged)
{
    PageMaker pm(1);
    double x = pm.line(50, 100, "the end of a sentence.");
    x = pm.sup(x, 100, "12") + 2.5;
    pm.line(x, 100, "Next one");
    pm.line(50, 112, "second line of text here");
    const auto lines = build_lines(pm.page());
    ASSERT_EQ(lines.size(), 2u);
    ASSERT_EQ(lines[0].words.size(), 8u);
    EXPECT_TRUE(lines[0].words[5].superscript);
    EXPECT_EQ(lines[0].words[5].text, "12");
    EXPECT_FALSE(lines[0].words[5].space_before);
    EXPECT_DOUBLE_EQ(lines[0].size, 10);
}

TEST(TextLines, OcrWordsKeepTesseractsSpacesEvenWhenNarrow)
{
    // A tight justified line: "of" and "practical" 0.7 pt apart, under the text-layer threshold.
    for (const bool ocr : {false, true}) {
        PageMaker pm(1);
        double x = pm.word(50, 100, "list") + 2.5;
        x = pm.word(x, 100, "of") + 0.7;
        x = pm.word(x, 100, "practical") + 2.5;
        // a note mark split off its host touches it; from OCR it is glued to it
        x = pm.word(x, 100, "reforms.") + 0.2;
        pm.page().words.back().glued = false;
        pm.word(x, 100, "2");
        pm.page().words.back().glued = true;
        pm.page().from_ocr = ocr;
        const auto lines = build_lines(pm.page());
        ASSERT_EQ(lines.size(), 1u);
        EXPECT_EQ(lines[0].text(), ocr ? "list of practical reforms.2" : "list ofpractical reforms.2");
    }
}

TEST(TextLines, LinkAreaMarksTheWordsItCovers)
{
    PageMaker pm(1);
    pm.line(50, 100, "see the report here");
    pm.link({70, 99, 110, 111}, "https://example.org/r");
    const auto lines = build_lines(pm.page());
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].words[0].uri, "");
    EXPECT_EQ(lines[0].words[1].uri, "https://example.org/r");
    EXPECT_EQ(lines[0].words[2].uri, "https://example.org/r");
    EXPECT_EQ(lines[0].words[3].uri, "");
}

TEST(TextLines, ColumnsWithStaggeredBaselinesAreReadOneAfterTheOther)
{
    // The right column's baselines fall between the left column's: no scanline meets both, so
    // the gutter must be found from the two sides counted separately.
    PageMaker pm(1);
    for (int i = 0; i < 10; ++i) {
        pm.line(50, 100 + 12.0 * i, "left" + std::to_string(i) + " aaaa bbbb cccc dddd eeee ffff");
        pm.line(320, 106 + 12.0 * i, "right" + std::to_string(i) + " aaaa bbbb cccc dddd eeee ffff");
    }
    const auto lines = build_lines(pm.page());
    ASSERT_EQ(lines.size(), 20u);
    for (int i = 0; i < 10; ++i) {
        EXPECT_TRUE(lines[static_cast<std::size_t>(i)].text().starts_with("left" + std::to_string(i)));
        EXPECT_TRUE(lines[static_cast<std::size_t>(10 + i)].text().starts_with("right" + std::to_string(i)));
    }
}

TEST(TextLines, LongColumnKeepsItsLinesInOrder)
{
    // evenly spaced lines: every horizontal gap is as wide as the next
    PageMaker pm(1);
    for (int i = 0; i < 60; ++i)
        pm.line(50, 60 + 12.0 * i, "line" + std::to_string(i) + " aaaa bbbb cccc");
    const auto lines = build_lines(pm.page());
    ASSERT_EQ(lines.size(), 60u);
    for (int i = 0; i < 60; ++i)
        EXPECT_EQ(lines[static_cast<std::size_t>(i)].text(), "line" + std::to_string(i) + " aaaa bbbb cccc");
}

TEST(TextLines, WordsOffThePageDoNotBreakTheGutterSearch)
{
    PageMaker pm(1);
    for (int i = 0; i < 6; ++i)
        pm.line(50, 100 + 12.0 * i, "body" + std::to_string(i) + " aaaa bbbb");
    pm.line(-400, 300, "far left");
    pm.line(900, 320, "far right");
    colophon::words::PageWords page = pm.page();
    page.words.push_back({"nan", {std::nan(""), 340, std::nan(""), 350}, "Times", 10});
    const auto lines = build_lines(page);
    EXPECT_GE(lines.size(), 8u);
}

TEST(TextLines, NarrowGutterBetweenFullColumnsIsACut)
{
    // Two columns whose clear gutter is only 0.65 em where a hyphen hangs into it on the left
    // and a line starts early on the right; a full-width header on top, the page number in the
    // gutter at the foot, and a list indented in the right column widen the gutter the page
    // shows elsewhere, so the narrow gap is not "a good part" of it.
    PageMaker pm(1);
    pm.line(50, 30, "Running header of the review spanning both of the columns here");
    for (int i = 0; i < 12; ++i) {
        const double y = 60 + 12.0 * i;
        const double end = pm.line(127.5, y, "left" + std::to_string(i % 10) + " aaaa bbbb cccc dddd eeee ffff gg");
        if (i % 4 == 1)
            pm.word(end, y, "-", {7}); // hangs into the gutter to 303.5
        const double right_x = i < 4 ? 320 : (i == 7 ? 310.0 : 311.6);
        pm.line(right_x, y, "right" + std::to_string(i % 10) + " aaaa bbbb cccc dddd eeee");
    }
    pm.word(304, 760, "2");
    const auto lines = build_lines(pm.page());
    ASSERT_EQ(lines.size(), 26u);
    EXPECT_TRUE(lines[1].text().starts_with("left0"));
    EXPECT_TRUE(lines[12].text().starts_with("left1"));
    EXPECT_TRUE(lines[13].text().starts_with("right0"));
    EXPECT_NE(lines[1].frame_id, lines[13].frame_id);
}

TEST(TextLines, RaisedWordAtCssSmallerSizeIsASuperscript)
{
    // "3<sup>rd</sup>" from CSS: the raised word keeps 9/10.5 of the host's size
    PageMaker pm(1);
    pm.line(50, 200, "What changed was the context. The", {10.5});
    colophon::words::Word host;
    host.text = "3";
    host.size = 10.5;
    host.box = {260.4, 200, 265.6, 212.2};
    pm.page().words.push_back(host);
    colophon::words::Word raised;
    raised.text = "rd";
    raised.size = 9;
    raised.box = {265.6, 196.9, 275.6, 207.4};
    pm.page().words.push_back(raised);
    pm.line(50, 215, "round of border talks collapsed in June, and the accord", {10.5});
    const auto lines = build_lines(pm.page());
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_TRUE(lines[0].words.back().superscript);
    EXPECT_EQ(lines[0].words.back().text, "rd");
}

TEST(TextLines, NoteLabelsEmittedTogetherStillFindTheirTexts)
{
    // LaTeX emits a page's footnote labels one after the other, then their texts
    PageMaker pm(1);
    colophon::words::Word l1, l2;
    l1.text = "2";
    l1.size = 6;
    l1.box = {77.7, 699.6, 80.7, 705.6};
    l2.text = "3";
    l2.size = 6;
    l2.box = {77.7, 711.6, 80.7, 717.6};
    pm.page().words.push_back(l1);
    pm.page().words.push_back(l2);
    pm.line(82.7, 701.2, "Data available at the portal.", {9});
    pm.line(82.7, 713.2, "The estimate excludes payments.", {9});
    // the page's text is larger than the notes
    for (int i = 0; i < 10; ++i)
        pm.line(63, 100 + 14.0 * i, "Body text of the page runs on in the left column", {10.9});
    const auto lines = build_lines(pm.page());
    bool left = false, right = false;
    for (const auto& l : lines) {
        left = left || l.text() == "2 Data available at the portal.";
        right = right || l.text() == "3 The estimate excludes payments.";
        if (l.words.size() > 1 && (l.words[0].text == "2" || l.words[0].text == "3")) {
            EXPECT_TRUE(l.words[0].superscript) << l.text();
        }
    }
    EXPECT_TRUE(left);
    EXPECT_TRUE(right);
}

TEST(TextLines, PageNumberInTheGutterDoesNotCutColumnsAcross)
{
    // Both columns leave space for a heading at the same height, and the page number sits in
    // the gutter just below them: it blocks the column cut until it is cut off first; the
    // gap above it is narrower than the heading space.
    PageMaker pm(1);
    pm.line(50, 60, "A Title Spanning Both Columns Of The Page", {18, true, false});
    double last = 0;
    for (int i = 0; i < 20; ++i) {
        const double y = 120 + 12.0 * i + (i >= 10 ? 30 : 0);
        pm.line(50, y, "left" + std::to_string(i % 10) + " aaaa bbbb cccc dddd eeee ffff");
        pm.line(225, y, "right" + std::to_string(i % 10) + " aaaa bbbb cccc dddd eeee");
        last = y;
    }
    pm.word(212.5, last + 24, "12");
    const auto lines = build_lines(pm.page());
    ASSERT_EQ(lines.size(), 42u);
    for (int i = 0; i < 20; ++i) {
        EXPECT_TRUE(lines[static_cast<std::size_t>(1 + i)].text().starts_with("left" + std::to_string(i % 10))) << i;
        EXPECT_TRUE(lines[static_cast<std::size_t>(21 + i)].text().starts_with("right" + std::to_string(i % 10))) << i;
    }
    EXPECT_EQ(lines.back().text(), "12");
}
