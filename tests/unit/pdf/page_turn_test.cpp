#include "pdf/page_turn.h"

#include <gtest/gtest.h>

using colophon::core::Box;
using colophon::pdf::PageTurn;

namespace {

void expect_box(const Box& b, double x0, double y0, double x1, double y1)
{
    EXPECT_DOUBLE_EQ(b.x0, x0);
    EXPECT_DOUBLE_EQ(b.y0, y0);
    EXPECT_DOUBLE_EQ(b.x1, x1);
    EXPECT_DOUBLE_EQ(b.y1, y1);
}

} // namespace

// A 600 x 400 landscape sheet; a glyph box 10 wide (along x) and 20 tall near its top-left.
TEST(PageTurn, UprightPageIsLeftAsItIs)
{
    const PageTurn t{0, 600, 400};
    expect_box(t.upright({10, 20, 20, 40}), 10, 20, 20, 40);
    EXPECT_DOUBLE_EQ(t.upright_width(), 600);
}

// Text running down the sheet, its tops to the right: the rightmost line is the first.
TEST(PageTurn, TextRunningDownIsTurnedBack)
{
    const PageTurn t{1, 600, 400};
    expect_box(t.upright({580, 10, 590, 20}), 10, 10, 20, 20);
    EXPECT_DOUBLE_EQ(t.upright_width(), 400);
    EXPECT_DOUBLE_EQ(t.upright_height(), 600);
}

TEST(PageTurn, UpsideDownTextIsTurnedBack)
{
    const PageTurn t{2, 600, 400};
    expect_box(t.upright({580, 370, 590, 380}), 10, 20, 20, 30);
}

// Text running up the sheet, its tops to the left: the leftmost line is the first.
TEST(PageTurn, TextRunningUpIsTurnedBack)
{
    const PageTurn t{3, 600, 400};
    expect_box(t.upright({10, 380, 20, 390}), 10, 10, 20, 20);
}

TEST(PageTurn, MostCharactersDecideTheDirection)
{
    EXPECT_EQ(colophon::pdf::dominant_quarter({0, 0, 0, 0}), 0);
    EXPECT_EQ(colophon::pdf::dominant_quarter({40, 900, 0, 12}), 1); // a side stamp on a turned page
    EXPECT_EQ(colophon::pdf::dominant_quarter({900, 0, 0, 40}), 0);  // an arXiv stamp on an upright one
    EXPECT_EQ(colophon::pdf::dominant_quarter({5, 5, 5, 5}), 0);
}
