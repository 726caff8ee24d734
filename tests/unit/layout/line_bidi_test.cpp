#include "layout/text_lines.h"

#include "synthetic_page.h"

#include <gtest/gtest.h>

namespace colophon::layout {
namespace {

// The text of the only line built from `words`, placed left to right as they stand on the page.
std::string line_of(const std::vector<std::string>& words, bool from_ocr)
{
    testing::PageMaker page(1);
    double x = 100;
    for (const std::string& w : words)
        x = page.word(x, 100, w) + 4;
    words::PageWords p = page.page();
    p.from_ocr = from_ocr;
    const std::vector<TextLine> lines = build_lines(p);
    EXPECT_EQ(lines.size(), 1u);
    return lines.empty() ? std::string() : lines.front().text();
}

// A text layer gives a Hebrew line's glyphs as they stand: "שלום עולם" is drawn from its left
// end, "םלוע" then "םולש".
TEST(LineBidi, TextLayerHebrewComesInReadingOrder)
{
    EXPECT_EQ(line_of({"םלוע", "םולש"}, false), "שלום עולם");
}

TEST(LineBidi, TextLayerArabicComesInReadingOrder)
{
    // "الحفظ الرقمي" as drawn: the second word leftmost, each word's letters reversed
    EXPECT_EQ(line_of({"يمقرلا", "ظفحلا"}, false), "الحفظ الرقمي");
}

TEST(LineBidi, NumbersAndLatinInsideRightToLeftTextStayWhole)
{
    EXPECT_EQ(line_of({"איה", "2023", "הנש"}, false), "שנה 2023 היא");
    EXPECT_EQ(line_of({"םשרנ", "SHA-256", "םוכס"}, false), "סכום SHA-256 נרשם");
    EXPECT_EQ(line_of({"םיכמסמ", "40,000-מ"}, false), "מ-40,000 מסמכים");
}

TEST(LineBidi, MirroredParenthesesKeepTheirMeaning)
{
    // the producer maps the glyph drawn at the left of a right-to-left parenthesis to ")"
    EXPECT_EQ(line_of({")SHA-256(", "תרוקיב"}, false), "ביקורת (SHA-256)");
}

// OCR words spell their letters in reading order already: only the words move.
TEST(LineBidi, OcrWordsMoveWhole)
{
    EXPECT_EQ(line_of({"עולם", "שלום"}, true), "שלום עולם");
    EXPECT_EQ(line_of({"היא", "2023", "שנה"}, true), "שנה 2023 היא");
}

TEST(LineBidi, LeftToRightLinesStayAsTheyAre)
{
    EXPECT_EQ(line_of({"Minsk", "and", "Beijing", "2023"}, false), "Minsk and Beijing 2023");
    EXPECT_EQ(line_of({"Минск", "и", "Пекин"}, false), "Минск и Пекин");
    // a Hebrew word quoted in an English line: the line stays left to right, the word is turned
    EXPECT_EQ(line_of({"the", "word", "םולש", "means", "peace"}, false), "the word שלום means peace");
}

} // namespace
} // namespace colophon::layout
