#include "ocr/specks.h"

#include "grey_page.h"
#include "ocr/leptonica_handles.h"

#include <gtest/gtest.h>

namespace colophon::ocr {
namespace {

using testing::dark_pixels;
using testing::fill;
using testing::white_page;

// A bilevel scanner's threshold jitter leaves blobs of 1 to 3 pixels between and inside the
// lines (pdf-gen2 scans: thousands a page, 1x1, 2x1 and 3x1); the smallest glyph part a reader
// sees, the dot of a period or an "i" in small type, has 9 pixels or more at 300 dpi.
TEST(Specks, BlobsSmallerThanAnyGlyphPartAreErased)
{
    const PixPtr page = white_page(400, 200);
    fill(page.get(), 20, 20, 21, 21, 0);   // 1x1
    fill(page.get(), 40, 20, 42, 21, 0);   // 2x1
    fill(page.get(), 59, 19, 64, 22, 180); // the renderer's pale ring around...
    fill(page.get(), 60, 20, 63, 21, 40);  // ...a 3x1 speck, dark grey
    fill(page.get(), 100, 50, 103, 53, 0); // a period in 6 pt type: 3x3
    fill(page.get(), 150, 50, 154, 60, 0); // a stroke of a letter
    fill(page.get(), 154, 59, 155, 60, 0); // a serif pixel touching it
    fill(page.get(), 200, 50, 300, 52, 0); // a thin rule
    EXPECT_EQ(erase_specks(page.get(), 300), 3);
    EXPECT_EQ(dark_pixels(page.get(), 0, 0, 400, 30), 0);
    l_uint32 ring = 0;
    pixGetPixel(page.get(), 59, 19, &ring);
    EXPECT_EQ(ring, 255u) << "the grey around a speck goes with it";
    EXPECT_EQ(dark_pixels(page.get(), 100, 50, 103, 53), 9) << "period";
    EXPECT_EQ(dark_pixels(page.get(), 150, 50, 155, 60), 41) << "stroke and serif";
    EXPECT_EQ(dark_pixels(page.get(), 200, 50, 300, 52), 200) << "rule";
}

// The limit is a size on paper: at 600 dpi a speck of the same size has four times the pixels,
// and a period still has more.
TEST(Specks, TheLimitScalesWithTheResolution)
{
    const PixPtr page = white_page(400, 200);
    fill(page.get(), 20, 20, 23, 24, 0);   // 12 px: a 3-pixel speck at 600 dpi
    fill(page.get(), 100, 50, 106, 56, 0); // 36 px: a 3x3 period at 600 dpi
    EXPECT_EQ(erase_specks(page.get(), 600), 1);
    EXPECT_EQ(dark_pixels(page.get(), 20, 20, 23, 24), 0);
    EXPECT_EQ(dark_pixels(page.get(), 100, 50, 106, 56), 36);
    const PixPtr low = white_page(400, 200);
    fill(low.get(), 20, 20, 23, 24, 0);
    EXPECT_EQ(erase_specks(low.get(), 300), 0) << "12 px at 300 dpi is a glyph part";
}

TEST(Specks, OnlyGreyImagesAreTouched)
{
    const PixPtr binary(pixCreate(100, 100, 1));
    EXPECT_EQ(erase_specks(binary.get(), 300), 0);
    EXPECT_EQ(erase_specks(nullptr, 300), 0);
}

} // namespace
} // namespace colophon::ocr
