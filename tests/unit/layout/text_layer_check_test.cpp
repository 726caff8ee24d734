#include "layout/text_layer_check.h"

#include "synthetic_page.h"

#include <gtest/gtest.h>

using namespace colophon::layout;
using colophon::layout::testing::PageMaker;

TEST(TextLayerCheck, EmptyPageNeedsOcr)
{
    PageMaker pm(1);
    EXPECT_FALSE(text_layer_usable(pm.page()));
    EXPECT_EQ(check_text_layer(pm.page()).reason, "no text");
}

TEST(TextLayerCheck, StrayPageNumberIsNotAText)
{
    PageMaker pm(1);
    pm.line(300, 750, "17");
    EXPECT_FALSE(text_layer_usable(pm.page()));
}

TEST(TextLayerCheck, ReplacementCharactersNeedOcr)
{
    PageMaker pm(1);
    for (int i = 0; i < 30; ++i)
        pm.line(50, 100 + 12.0 * i, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD ab\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_FALSE(text_layer_usable(pm.page()));
}

TEST(TextLayerCheck, SymbolSoupNeedsOcr)
{
    PageMaker pm(1);
    for (int i = 0; i < 30; ++i)
        pm.line(50, 100 + 12.0 * i, "%&# @@! abcdefghijklmnop ()*& $$%^ +=");
    EXPECT_EQ(check_text_layer(pm.page()).reason, "mostly non-words");
}

TEST(TextLayerCheck, OrdinaryProseIsUsable)
{
    PageMaker pm(1);
    for (int i = 0; i < 10; ++i)
        pm.line(50, 100 + 12.0 * i, "Ordinary prose in a text layer reads as words, 2023.");
    EXPECT_TRUE(text_layer_usable(pm.page()));
}
