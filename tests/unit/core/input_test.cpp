#include "core/input.h"

#include <gtest/gtest.h>

using namespace colophon::core;

TEST(Sniff, PdfByMagic) { EXPECT_EQ(sniff_media_type("%PDF-1.7\n..."), MediaType::Pdf); }
// The "%PDF-" line lost, the binary comment of the second line first: Poppler still reads it.
TEST(Sniff, PdfWithoutHeaderLineByItsBinaryComment)
{
    EXPECT_EQ(sniff_media_type("%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"), MediaType::Pdf);
    // binary bytes after a percent sign alone are no PDF
    EXPECT_EQ(sniff_media_type("%\xE2\xE3\xCF\xD3 some binary junk without objects"), MediaType::Unknown);
    EXPECT_EQ(sniff_media_type("% a TeX comment\n1 0 obj << >>"), MediaType::Unknown);
}
TEST(Sniff, HtmlByDoctype) { EXPECT_EQ(sniff_media_type("\n <!DOCTYPE html><html>"), MediaType::Html); }
TEST(Sniff, HtmlWithBom) { EXPECT_EQ(sniff_media_type("\xEF\xBB\xBF<html><body>"), MediaType::Html); }
TEST(Sniff, Png) { EXPECT_EQ(sniff_media_type("\x89PNG\r\n\x1a\n...."), MediaType::Png); }
TEST(Sniff, TiffLittleEndian) { EXPECT_EQ(sniff_media_type(std::string("II*\0abc", 7)), MediaType::Tiff); }
TEST(Sniff, EmptyIsEmpty) { EXPECT_EQ(sniff_media_type(""), MediaType::Empty); }
TEST(Sniff, ExtensionIsIgnored) { EXPECT_EQ(sniff_media_type("just some text"), MediaType::Unknown); }
