#include "preview/page_preview.h"

#include "preview/png_writer.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

namespace colophon::preview {

namespace {

struct PixDestroy
{
    void operator()(Pix *p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDestroy>;

// An image that declares no usable resolution was scanned at about this.
constexpr double assumed_scan_dpi = 300;

const l_uint8 *data_of(const core::Input &input)
{
    return reinterpret_cast<const l_uint8 *>(input.bytes.data());
}

PixPtr read_page(const core::Input &input, int index)
{
    if (input.type == core::MediaType::Tiff)
        return PixPtr(pixReadMemTiff(data_of(input), input.bytes.size(), index));
    return index == 0 ? PixPtr(pixReadMem(data_of(input), input.bytes.size())) : PixPtr();
}

core::PagePreview shrink(Pix *pix, int page_no, int dpi, const core::Input &input)
{
    const double res = pixGetXRes(pix);
    const double scan_dpi = res >= 50 && res <= 2400 ? res : assumed_scan_dpi;
    const auto factor = static_cast<l_float32>(std::min(1.0, dpi / scan_dpi));
    const PixPtr grey(pixConvertTo8(pix, 0));
    const PixPtr small(grey && factor < 1 ? pixScale(grey.get(), factor, factor) : nullptr);
    Pix *out = small ? small.get() : grey.get();
    if (out == nullptr)
        throw core::ConversionError("review.render-failed", input.display_name,
                                    "page " + std::to_string(page_no) +
                                        " cannot be scaled for the review page");
    const int w = pixGetWidth(out), h = pixGetHeight(out), wpl = pixGetWpl(out);
    const l_uint32 *data = pixGetData(out);
    const std::vector<std::uint8_t> rows = grey4_rows(w, h, [&](int x, int y) {
        return GET_DATA_BYTE(data + static_cast<std::ptrdiff_t>(y) * wpl, x);
    });
    return {page_no, w, h, encode_png_rows(rows, w, h, 4)};
}

} // namespace

std::vector<core::PagePreview> render_image_previews(const core::Input &input, int dpi,
                                                     const core::ConvertOptions &options)
{
    setMsgSeverity(L_SEVERITY_NONE); // failures are reported as ConversionError
    std::vector<core::PagePreview> out;
    for (int i = 0; i < std::min(options.limits.max_pages, max_preview_pages); ++i) {
        const PixPtr pix = read_page(input, i);
        if (!pix)
            break;
        out.push_back(shrink(pix.get(), i + 1, dpi, input));
    }
    return out;
}

} // namespace colophon::preview
