#include "ocr/text_frames.h"

#include "grey_page.h"
#include "ocr/leptonica_handles.h"

#include <gtest/gtest.h>

#include <cmath>

namespace colophon::ocr {
namespace {

using testing::dark_pixels;
using testing::fill;
using testing::white_page;

// A pale frame, `t` px thick, around the box x0..x1, y0..y1.
void frame(Pix* pix, int x0, int y0, int x1, int y1, int t, int value)
{
    fill(pix, x0, y0, x1, y0 + t, value);
    fill(pix, x0, y1 - t, x1, y1, value);
    fill(pix, x0, y0, x0 + t, y1, value);
    fill(pix, x1 - t, y0, x1, y1, value);
}

TEST(TextFrames, LinkBoxAroundWordsIsErasedAndTheWordsStay)
{
    const PixPtr page = white_page(600, 400);
    // "words" inside a pale link box, one touching its top rule (an ascender)
    frame(page.get(), 40, 40, 300, 95, 4, 160);
    for (int x = 50; x < 280; x += 25)
        fill(page.get(), x, 55, x + 15, 85, 30);
    fill(page.get(), 130, 44, 140, 60, 30);
    // a boxed note mark: a small frame
    frame(page.get(), 320, 40, 350, 90, 3, 120);
    fill(page.get(), 331, 50, 339, 80, 30);
    EXPECT_EQ(erase_text_frames(page.get()), 2);
    EXPECT_EQ(dark_pixels(page.get(), 40, 40, 300, 44), 0) << "top rule";
    EXPECT_EQ(dark_pixels(page.get(), 40, 91, 300, 95), 0) << "bottom rule";
    EXPECT_EQ(dark_pixels(page.get(), 40, 40, 44, 95), 0) << "left side";
    EXPECT_EQ(dark_pixels(page.get(), 296, 40, 300, 95), 0) << "right side";
    EXPECT_EQ(dark_pixels(page.get(), 320, 40, 350, 90), 8 * 30) << "only the mark is left of the small box";
    EXPECT_EQ(dark_pixels(page.get(), 50, 55, 292, 85), 10 * 15 * 30) << "the framed words are untouched";
    EXPECT_GT(dark_pixels(page.get(), 130, 49, 140, 55), 0) << "the ascender below the rule's thickness stays";
}

TEST(TextFrames, LettersRulesAndSolidShapesAreNotFrames)
{
    const PixPtr page = white_page(600, 400);
    // a ring ("O"), a solid bar ("I"), a filled square, an underline, a serif "I" and an "H"
    for (int y = 20; y < 60; ++y)
        for (int x = 20; x < 60; ++x) {
            const double r = std::hypot(x - 39.5, y - 39.5);
            if (r <= 20 && r >= 15)
                pixSetPixel(page.get(), x, y, 0);
        }
    fill(page.get(), 100, 20, 130, 80, 0);
    fill(page.get(), 160, 20, 200, 60, 0);
    fill(page.get(), 40, 200, 500, 204, 0);
    fill(page.get(), 250, 20, 280, 26, 0);
    fill(page.get(), 260, 20, 270, 80, 0);
    fill(page.get(), 250, 74, 280, 80, 0);
    fill(page.get(), 320, 20, 326, 70, 0);
    fill(page.get(), 344, 20, 350, 70, 0);
    fill(page.get(), 320, 42, 350, 47, 0);
    const int before = dark_pixels(page.get(), 0, 0, 600, 400);
    EXPECT_EQ(erase_text_frames(page.get()), 0);
    EXPECT_EQ(dark_pixels(page.get(), 0, 0, 600, 400), before);
}

} // namespace
} // namespace colophon::ocr
