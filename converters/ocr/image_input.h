#pragma once
// Page images from PNG, JPEG and (multi-page) TIFF inputs, read with Leptonica. Sizes are
// checked from the headers against core::Limits before anything is decoded.

#include "core/input.h"
#include "core/options.h"
#include "ocr/leptonica_handles.h"

#include <string_view>
#include <vector>

namespace colophon::ocr {

struct ImagePageInfo
{
    int width = 0;  // pixels
    int height = 0;
};

// Dimensions of a TIFF's pages, read from its directory chain without decoding any image.
// Throws ConversionError "ocr.corrupt-image" naming `file` for a chain that cannot be followed.
std::vector<ImagePageInfo> read_tiff_directory(std::string_view bytes, const std::string& file);

// The pages of an image input (one for PNG and JPEG), after checking they are readable and within
// `limits` (max_pages, max_image_pixels). Throws ConversionError "ocr.empty-image",
// "ocr.corrupt-image", "ocr.image-too-large", "ocr.too-many-pages" or "ocr.unsupported-image".
std::vector<ImagePageInfo> read_image_pages(const core::Input& input, const core::Limits& limits);

// Decodes page `index` (0-based) of an image input already checked by read_image_pages.
// Throws ConversionError "ocr.corrupt-image" when the data does not decode.
PixPtr read_image_page(const core::Input& input, int index);

// The image's resolution when it declares a plausible one, else 300 (scanners' usual setting):
// many files carry 72 or 96 dpi from software defaults, which would make a page metres wide.
double image_dpi(const Pix* image);

} // namespace colophon::ocr
