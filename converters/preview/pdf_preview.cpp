#include "preview/page_preview.h"

#include "preview/png_writer.h"

#include <cairo.h>
#include <poppler.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <vector>

namespace colophon::preview {

namespace {

struct GObjectUnref
{
    void operator()(gpointer p) const
    {
        if (p)
            g_object_unref(p);
    }
};
struct GErrorFree
{
    void operator()(GError *e) const
    {
        if (e)
            g_error_free(e);
    }
};
struct GBytesUnref
{
    void operator()(GBytes *b) const
    {
        if (b)
            g_bytes_unref(b);
    }
};
struct SurfaceDestroy
{
    void operator()(cairo_surface_t *s) const { cairo_surface_destroy(s); }
};
struct CairoDestroy
{
    void operator()(cairo_t *c) const { cairo_destroy(c); }
};
using DocumentPtr = std::unique_ptr<PopplerDocument, GObjectUnref>;
using PagePtr = std::unique_ptr<PopplerPage, GObjectUnref>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;
using CairoPtr = std::unique_ptr<cairo_t, CairoDestroy>;

// A bitmap larger than this is no preview (a poster-sized page at 60 dpi is about 3 megapixels).
constexpr long long max_preview_pixels = 16'000'000;

// Cairo's 0xXXRRGGBB pixels in grey, ITU-R BT.601 weights.
std::vector<std::uint8_t> grey4_rows_of(cairo_surface_t *surface, int w, int h)
{
    cairo_surface_flush(surface);
    const unsigned char *data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    return grey4_rows(w, h, [&](int x, int y) {
        const std::uint32_t p = reinterpret_cast<const std::uint32_t *>(
            data + static_cast<std::ptrdiff_t>(y) * stride)[x];
        return ((p >> 16 & 0xFF) * 77 + (p >> 8 & 0xFF) * 150 + (p & 0xFF) * 29) >> 8;
    });
}

core::ConversionError render_failed(const core::Input &input, int page, const std::string &why)
{
    return core::ConversionError("review.render-failed", input.display_name,
                                 "page " + std::to_string(page) +
                                     " cannot be drawn for the review page: " + why);
}

core::PagePreview draw_page(PopplerPage *page, int page_no, int dpi, const core::Input &input)
{
    double w_pt = 0, h_pt = 0;
    poppler_page_get_size(page, &w_pt, &h_pt);
    const double scale = dpi / 72.0;
    const int w = std::max(1, static_cast<int>(std::lround(w_pt * scale)));
    const int h = std::max(1, static_cast<int>(std::lround(h_pt * scale)));
    if (static_cast<long long>(w) * h > max_preview_pixels)
        throw render_failed(input, page_no, "the page is too large");
    const SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        throw render_failed(input, page_no,
                            cairo_status_to_string(cairo_surface_status(surface.get())));
    {
        const CairoPtr cr(cairo_create(surface.get()));
        cairo_set_source_rgb(cr.get(), 1, 1, 1);
        cairo_paint(cr.get());
        cairo_scale(cr.get(), scale, scale);
        poppler_page_render(page, cr.get());
        if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
            throw render_failed(input, page_no, cairo_status_to_string(cairo_status(cr.get())));
    }
    return {page_no, w, h, encode_png_rows(grey4_rows_of(surface.get(), w, h), w, h, 4)};
}

} // namespace

std::vector<core::PagePreview> render_pdf_previews(const core::Input &input, int dpi,
                                                   const core::ConvertOptions &options)
{
    // The input outlives the document: Poppler reads its bytes in place.
    const std::unique_ptr<GBytes, GBytesUnref> bytes(
        g_bytes_new_static(input.bytes.data(), input.bytes.size()));
    GError *raw = nullptr;
    const DocumentPtr doc(poppler_document_new_from_bytes(
        bytes.get(), options.password.empty() ? nullptr : options.password.c_str(), &raw));
    const std::unique_ptr<GError, GErrorFree> err(raw);
    if (!doc)
        throw core::ConversionError("review.render-failed", input.display_name,
                                    std::string("Poppler cannot open the PDF: ") +
                                        (err ? err->message : "unknown error"));
    const int n = std::min(
        {poppler_document_get_n_pages(doc.get()), options.limits.max_pages, max_preview_pages});
    std::vector<core::PagePreview> out;
    for (int i = 0; i < n; ++i) {
        const PagePtr page(poppler_document_get_page(doc.get(), i));
        if (!page)
            continue; // the conversion has already warned about it
        out.push_back(draw_page(page.get(), i + 1, dpi, input));
    }
    return out;
}

std::vector<core::PagePreview> render_previews(const core::Input &input, int dpi,
                                               const core::ConvertOptions &options)
{
    if (input.type == core::MediaType::Pdf)
        return render_pdf_previews(input, dpi, options);
    if (input.type == core::MediaType::Png || input.type == core::MediaType::Jpeg ||
        input.type == core::MediaType::Tiff)
        return render_image_previews(input, dpi, options);
    return {};
}

#ifndef COLOPHON_PREVIEW_HAVE_IMAGES
std::vector<core::PagePreview> render_image_previews(const core::Input &, int,
                                                     const core::ConvertOptions &)
{
    return {}; // a build without Leptonica (COLOPHON_WITH_OCR=OFF) reads no page images either
}
#endif

} // namespace colophon::preview
