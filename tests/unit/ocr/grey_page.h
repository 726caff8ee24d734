#pragma once
// Drawing on 8-bit grey Leptonica pages for the image tests: a white page, filled boxes, and a
// count of the dark pixels left in a box.

#include "ocr/leptonica_handles.h"

namespace colophon::ocr::testing {

inline PixPtr white_page(int width, int height)
{
    PixPtr pix(pixCreate(width, height, 8));
    pixSetAllArbitrary(pix.get(), 255);
    return pix;
}

// The box x0..x1, y0..y1 (ends excluded) in grey `value` (0 black, 255 white).
inline void fill(Pix *pix, int x0, int y0, int x1, int y1, int value)
{
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x)
            pixSetPixel(pix, x, y, static_cast<l_uint32>(value));
}

// Pixels darker than 200 in the box.
inline int dark_pixels(Pix *pix, int x0, int y0, int x1, int y1)
{
    int n = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            l_uint32 v = 0;
            pixGetPixel(pix, x, y, &v);
            n += v < 200 ? 1 : 0;
        }
    return n;
}

} // namespace colophon::ocr::testing
