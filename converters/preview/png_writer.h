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

// The same from rows already in PNG form: each a filter byte (0) and `width` samples of
// `bit_depth` bits (4 or 8), packed high bits first.
std::string encode_png_rows(const std::vector<std::uint8_t> &rows, int width, int height,
                            int bit_depth);

} // namespace colophon::preview
