#include "ocr/specks.h"

#include "ocr/leptonica_handles.h"

#include <algorithm>
#include <cmath>

namespace colophon::ocr {
namespace {

// Ink at the threshold the deskew step reads the page with.
constexpr l_int32 ink_threshold = 130;
// Largest speck, in pixels at 300 dpi (scaled by the area at other resolutions).
constexpr double max_speck_pixels_300 = 3;

} // namespace

int erase_specks(Pix *gray, double dpi)
{
    if (gray == nullptr || pixGetDepth(gray) != 8)
        return 0;
    const PixPtr binary(pixThresholdToBinary(gray, ink_threshold));
    if (!binary)
        return 0;
    const double scale = dpi / 300.0;
    const auto max_pixels =
        static_cast<l_int32>(std::max(1.0, std::floor(max_speck_pixels_300 * scale * scale)));
    l_int32 changed = 0;
    // pixSelectByArea keeps the blobs of at most max_pixels ink pixels.
    const PixPtr specks(pixSelectByArea(binary.get(), static_cast<l_float32>(max_pixels), 8,
                                        L_SELECT_IF_LTE, &changed));
    if (!specks)
        return 0;
    l_int32 count = 0;
    if (pixCountConnComp(specks.get(), 8, &count) != 0 || count == 0)
        return 0;
    // With the ring of grey a renderer smoothed around each: ink of a neighbouring glyph that
    // touched the speck would have joined its blob, so the ring holds only paper and blur.
    const PixPtr ring(pixDilateBrick(nullptr, specks.get(), 3, 3));
    if (ring)
        pixSetMasked(gray, ring.get(), 255);
    return count;
}

} // namespace colophon::ocr
