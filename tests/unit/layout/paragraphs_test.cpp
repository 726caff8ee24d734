// Blocks rebuilt from body lines (converters/layout/paragraphs.cpp) and the lines they come from.
#include "layout/layout_builder.h"
#include "layout/text_lines.h"

#include "synthetic_page.h"

#include <gtest/gtest.h>

using namespace colophon;
using namespace colophon::layout;
using colophon::testing::PageMaker;

namespace {

std::vector<std::string> paragraphs(PageMaker& pm)
{
    LayoutBuilder b;
    b.add_page(pm.page());
    core::Diagnostics diags("test");
    const core::Document doc = b.finish(diags);
    std::vector<std::string> out;
    for (const auto& blk : doc.body)
        out.push_back(core::plain_text(blk));
    return out;
}

} // namespace

TEST(Paragraphs, BulletsInAColumnOfTheirOwnStayWithTheirItems)
{
    // LibreOffice sets the bullets at one tab stop and the item text at the next
    PageMaker pm(1);
    for (int i = 0; i < 4; ++i) {
        pm.word(62, 100 + 15.0 * i, "\u2022");
        pm.line(86, 100 + 15.0 * i, "Item number " + std::to_string(i) + " of the list here");
    }
    const auto lines = build_lines(pm.page());
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[1].text(), "\u2022 Item number 1 of the list here");
}

TEST(Paragraphs, EachBulletOpensAnItemWithoutItsBullet)
{
    PageMaker pm(1);
    double y = filler(pm, 100, 4);
    pm.line(50, y, "The review should concentrate on a short list of measures:");
    pm.line(62, y + 14, "\u2022 Rotate inspectors between crossing points every six months");
    pm.line(62, y + 28, "\u2022 Digitise the remaining paper certificates");
    y = filler(pm, y + 50, 3);
    const auto paras = paragraphs(pm);
    ASSERT_GE(paras.size(), 3u);
    EXPECT_EQ(paras[1], "Rotate inspectors between crossing points every six months");
    EXPECT_EQ(paras[2], "Digitise the remaining paper certificates");
}

TEST(Paragraphs, ShortIndentedLineEndingWithASemicolonEndsAnItem)
{
    // a browser prints list bullets as graphics: only the indent and the ';' are left
    PageMaker pm(1);
    double y = filler(pm, 100, 4);
    pm.line(50, y, "The review should concentrate on a short list of measures:");
    pm.line(80, y + 14, "Share a portion of transit fees with municipalities;");
    pm.line(80, y + 28, "Rotate inspectors between crossing points.");
    filler(pm, y + 50, 3);
    const auto paras = paragraphs(pm);
    ASSERT_GE(paras.size(), 3u);
    EXPECT_EQ(paras[1], "Share a portion of transit fees with municipalities;");
    EXPECT_EQ(paras[2], "Rotate inspectors between crossing points.");
}

TEST(Paragraphs, QuotationWithAHangingOpeningQuoteIsOneBlock)
{
    PageMaker pm(1);
    double y = filler(pm, 100, 4);
    pm.line(50, y, "As one senior official put it in an interview:");
    pm.line(80.3, y + 20, "\u201cEvery hour a truck waits at the border");
    pm.line(81.6, y + 32, "is an hour our exporters cannot get back.\u201d");
    filler(pm, y + 52, 3);
    const auto paras = paragraphs(pm);
    ASSERT_GE(paras.size(), 3u);
    EXPECT_EQ(paras[1], "\u201cEvery hour a truck waits at the border is an hour our exporters cannot get back.\u201d");
}

TEST(Paragraphs, HangingIndentUnderANumberedItemContinuesTheItem)
{
    PageMaker pm(1);
    double y = filler(pm, 100, 4);
    pm.line(50, y, "Three steps would make an immediate difference:");
    const double text_x = pm.word(58, y + 14, "1.") + 2.5;
    pm.line(text_x, y + 14, "Rotate inspectors between crossing points every six");
    pm.line(text_x, y + 26, "months without exception.");
    pm.line(58, y + 40, "2. Share a portion of transit fees.");
    filler(pm, y + 60, 3);
    const auto paras = paragraphs(pm);
    ASSERT_GE(paras.size(), 3u);
    EXPECT_EQ(paras[1], "1. Rotate inspectors between crossing points every six months without exception.");
    EXPECT_EQ(paras[2], "2. Share a portion of transit fees.");
}

TEST(Paragraphs, BoldSmallCapitalsSetSmallerThanTheBodyAreAHeading)
{
    LayoutBuilder b;
    PageMaker pm(1);
    double y = filler(pm, 100, 4);
    pm.line(50, y + 10, "WHAT SHOULD HAPPEN NEXT", {8.7, true, false});
    filler(pm, y + 30, 4);
    b.add_page(pm.page());
    core::Diagnostics diags("test");
    const core::Document doc = b.finish(diags);
    bool found = false;
    for (const auto& blk : doc.body)
        found = found || (blk.kind == core::BlockKind::Heading && core::plain_text(blk) == "WHAT SHOULD HAPPEN NEXT");
    EXPECT_TRUE(found);
}
