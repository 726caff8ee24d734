#pragma once
// A greyscale PNG from 8-bit pixels, compressed for speed rather than size. A libpng or cairo PNG
// at their default settings cost about 25 ms for one 60-dpi page, far more than drawing it; a
// review page's images are read once, so libdeflate's fastest level is the choice.

#include <cstdint>
#include <string>
#include <vector>

namespace colophon::preview {

// `pixels` holds `height` rows of `width` bytes, `stride` bytes apart (0 black, 255 white).
std::string encode_grey_png(const std::uint8_t *pixels, int width, int height, int stride);

// PNG rows of 4-bit grey (16 levels: enough for a page seen small, half the bytes to compress):
// each a filter byte (0), then two pixels a byte, from grey(x, y) in 0..255.
template <typename Grey> std::vector<std::uint8_t> grey4_rows(int width, int height, Grey grey)
{
    const std::size_t row_bytes = (static_cast<std::size_t>(width) + 1) / 2 + 1;
    std::vector<std::uint8_t> rows(row_bytes * static_cast<std::size_t>(height), 0);
    for (int y = 0; y < height; ++y) {
        std::uint8_t *out = rows.data() + static_cast<std::size_t>(y) * row_bytes + 1;
        for (int x = 0; x < width; ++x) {
            const unsigned level = static_cast<unsigned>(grey(x, y)) >> 4;
            out[x / 2] |= static_cast<std::uint8_t>(x % 2 == 0 ? level << 4 : level);
        }
    }
    return rows;
}

// The same from rows already in PNG form: each a filter byte (0) and `width` samples of
// `bit_depth` bits (4 or 8), packed high bits first.
std::string encode_png_rows(const std::vector<std::uint8_t> &rows, int width, int height,
                            int bit_depth);

} // namespace colophon::preview
