#include "pdf/font_style.h"

#include <gtest/gtest.h>

using colophon::pdf::style_from_font_name;

TEST(FontStyle, PostScriptNames)
{
    EXPECT_TRUE(style_from_font_name("ABCDEF+Times-Bold").bold);
    EXPECT_FALSE(style_from_font_name("ABCDEF+Times-Bold").italic);
    EXPECT_TRUE(style_from_font_name("Helvetica-Oblique").italic);
    const auto bi = style_from_font_name("ArialMT,BoldItalic");
    EXPECT_TRUE(bi.bold && bi.italic);
    const auto pbi = style_from_font_name("Palatino-BI");
    EXPECT_TRUE(pbi.bold && pbi.italic);
    EXPECT_TRUE(style_from_font_name("KPAXBL+NimbusRomNo9L-Medi").bold);
    EXPECT_TRUE(style_from_font_name("IPICNK+NimbusRomNo9L-ReguItal").italic);
    const auto regular = style_from_font_name("YSMION+NimbusRomNo9L-Regu");
    EXPECT_FALSE(regular.bold || regular.italic);
}

TEST(FontStyle, TeXNames)
{
    EXPECT_TRUE(style_from_font_name("CMBX10").bold);
    EXPECT_TRUE(style_from_font_name("CMTI10").italic);
    EXPECT_FALSE(style_from_font_name("CMR10").bold);
    EXPECT_FALSE(style_from_font_name("CMR10").italic);
    EXPECT_TRUE(style_from_font_name("GWYXYC+LMRoman10-Italic").italic);
    EXPECT_TRUE(style_from_font_name("TVXLYE+LMRoman12-Bold").bold);
    EXPECT_TRUE(style_from_font_name("ptmb8r").bold);
    EXPECT_TRUE(style_from_font_name("ptmri8r").italic);
}
