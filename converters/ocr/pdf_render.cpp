#include "ocr/pdf_render.h"

#include "core/diagnostics.h"
#include "ocr/page_workers.h"

#include <cairo.h>

#include <cmath>
#include <cstdint>
#include <cstring>

namespace colophon::ocr {
namespace {

struct CairoSurfaceDestroy
{
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDestroy
{
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using CairoSurfacePtr = std::unique_ptr<cairo_surface_t, CairoSurfaceDestroy>;
using CairoPtr = std::unique_ptr<cairo_t, CairoDestroy>;

// Coarse enough to be cheap, fine enough that a line of text still darkens its pixels.
constexpr double ink_dpi = 36;

struct Rendered
{
    CairoSurfacePtr surface;
    int width = 0;
    int height = 0;
};

Rendered render(PopplerPage* page, double dpi, const core::Limits& limits, const std::string& file, int page_no)
{
    double w_pt = 0, h_pt = 0;
    poppler_page_get_size(page, &w_pt, &h_pt);
    const double scale = dpi / 72.0;
    const double w = std::ceil(w_pt * scale);
    const double h = std::ceil(h_pt * scale);
    if (!(w >= 1 && h >= 1) || w * h > static_cast<double>(limits.max_image_pixels) || w > 1e6 || h > 1e6)
        throw core::ConversionError("ocr.image-too-large", file,
                                    "page " + std::to_string(page_no) + " would render at " +
                                        std::to_string(static_cast<long long>(w)) + " x " +
                                        std::to_string(static_cast<long long>(h)) + " pixels at " +
                                        std::to_string(static_cast<int>(dpi)) + " dpi, over the limit of " +
                                        std::to_string(limits.max_image_pixels) + " pixels");
    Rendered r;
    r.width = static_cast<int>(w);
    r.height = static_cast<int>(h);
    r.surface = CairoSurfacePtr(cairo_image_surface_create(CAIRO_FORMAT_RGB24, r.width, r.height));
    if (cairo_surface_status(r.surface.get()) != CAIRO_STATUS_SUCCESS)
        throw core::ConversionError("ocr.render-failed", file,
                                    "page " + std::to_string(page_no) + ": cannot allocate the page image");
    {
        const CairoPtr cr(cairo_create(r.surface.get()));
        cairo_set_source_rgb(cr.get(), 1, 1, 1);
        cairo_paint(cr.get());
        cairo_scale(cr.get(), scale, scale);
        poppler_page_render(page, cr.get());
        if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
            throw core::ConversionError("ocr.render-failed", file,
                                        "page " + std::to_string(page_no) + ": rendering failed");
    }
    cairo_surface_flush(r.surface.get());
    return r;
}

unsigned grey_at(const unsigned char* row, int x)
{
    std::uint32_t px = 0;
    std::memcpy(&px, row + static_cast<std::ptrdiff_t>(x) * 4, 4);
    const unsigned red = (px >> 16) & 0xFF, green = (px >> 8) & 0xFF, blue = px & 0xFF;
    return (red * 77 + green * 150 + blue * 29) >> 8;
}

} // namespace

PixPtr render_pdf_page(PopplerPage* page, double dpi, const core::Limits& limits, const std::string& file,
                       int page_no)
{
    const Rendered r = render(page, dpi, limits, file, page_no);
    PixPtr pix(pixCreate(r.width, r.height, 8));
    if (!pix)
        throw core::ConversionError("ocr.render-failed", file,
                                    "page " + std::to_string(page_no) + ": cannot allocate the page image");
    pixSetResolution(pix.get(), static_cast<l_int32>(std::lround(dpi)), static_cast<l_int32>(std::lround(dpi)));
    const unsigned char* data = cairo_image_surface_get_data(r.surface.get());
    const int stride = cairo_image_surface_get_stride(r.surface.get());
    l_uint32* out = pixGetData(pix.get());
    const l_int32 wpl = pixGetWpl(pix.get());
    for (int y = 0; y < r.height; ++y) {
        const unsigned char* row = data + static_cast<std::ptrdiff_t>(y) * stride;
        l_uint32* line = out + static_cast<std::ptrdiff_t>(y) * wpl;
        for (int x = 0; x < r.width; ++x)
            SET_DATA_BYTE(line, x, grey_at(row, x));
    }
    return pix;
}

double page_ink_share(PopplerPage* page)
{
    const Rendered r = render(page, ink_dpi, core::Limits{}, {}, 0);
    const unsigned char* data = cairo_image_surface_get_data(r.surface.get());
    const int stride = cairo_image_surface_get_stride(r.surface.get());
    double darkness = 0;
    for (int y = 0; y < r.height; ++y)
        for (int x = 0; x < r.width; ++x)
            darkness += 255 - grey_at(data + static_cast<std::ptrdiff_t>(y) * stride, x);
    return darkness / (255.0 * r.width * r.height);
}

double ink_share(const Pix* grey)
{
    Pix* p = const_cast<Pix*>(grey);
    const int w = pixGetWidth(p), h = pixGetHeight(p);
    if (w <= 0 || h <= 0 || pixGetDepth(p) != 8)
        return -1;
    const l_uint32* data = pixGetData(p);
    const l_int32 wpl = pixGetWpl(p);
    double darkness = 0;
    for (int y = 0; y < h; ++y) {
        const l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
        for (int x = 0; x < w; ++x)
            darkness += 255 - GET_DATA_BYTE(line, x);
    }
    return darkness / (255.0 * w * h);
}

RecognisedPage ocr_pdf_page(PopplerDocument* doc, int page_no, OcrEngine& engine,
                            const core::ConvertOptions& options, const std::string& file)
{
    const PopplerPagePtr page(poppler_document_get_page(doc, page_no - 1));
    if (!page)
        throw core::ConversionError("ocr.render-failed", file, "page " + std::to_string(page_no) + " does not exist");
    const PixPtr pix = render_pdf_page(page.get(), options.ocr_dpi, options.limits, file, page_no);
    return engine.recognise(pix.get(), page_no, options.ocr_dpi);
}

std::vector<RecognisedPage> ocr_pdf_pages(PopplerDocument* doc, const std::vector<int>& pages,
                                          const core::ConvertOptions& options, const std::string& file)
{
    EngineConfig config;
    config.languages = options.ocr_languages;
    const auto load = [&](int i) {
        const int page_no = pages[static_cast<std::size_t>(i)];
        const PopplerPagePtr page(poppler_document_get_page(doc, page_no - 1));
        if (!page)
            throw core::ConversionError("ocr.render-failed", file,
                                        "page " + std::to_string(page_no) + " does not exist");
        return PageImage{render_pdf_page(page.get(), options.ocr_dpi, options.limits, file, page_no),
                         static_cast<double>(options.ocr_dpi), page_no};
    };
    return recognise_pages(static_cast<int>(pages.size()), load, true, config, options.jobs, file);
}

} // namespace colophon::ocr
