#pragma once
// Pages cairo cannot be trusted to draw in time. Poppler's cairo backend renders smooth
// shadings (gradients, meshes) patch by patch: on one 4 KB page it took over 60 s and 1.7 GB,
// where Poppler's own rasteriser, Splash, takes 1.2 s in a bitmap of known size. Such pages
// are drawn with Splash, against a time budget checked between drawing operators; every other
// page keeps cairo (which draws scanned images pixel for pixel at 300 dpi: OCR reads them best).

#include "core/options.h"
#include "ocr/leptonica_handles.h"

#include <memory>
#include <string>
#include <string_view>

class PDFDoc;
class GlobalParamsIniter;

namespace colophon::ocr {

class SplashRenderer
{
public:
    // Opens its own Poppler document over `bytes`, which must outlive it. Throws ConversionError
    // "ocr.render-failed" when Poppler cannot open them.
    SplashRenderer(std::string_view bytes, const std::string& password, const std::string& file);
    ~SplashRenderer();
    SplashRenderer(const SplashRenderer&) = delete;
    SplashRenderer& operator=(const SplashRenderer&) = delete;

    // The page (or a form it draws) paints smooth shadings: an /Shading resource or a shading
    // pattern.
    bool draws_shadings(int page_no) const;

    // `page_no` at `dpi` as 8-bit grey on white. Throws ConversionError "ocr.image-too-large"
    // over limits.max_image_pixels, "ocr.render-budget" when drawing takes longer than
    // `max_seconds`, "ocr.render-failed" when Splash fails.
    PixPtr render(int page_no, double dpi, const core::Limits& limits, double max_seconds) const;

private:
    std::unique_ptr<GlobalParamsIniter> params_; // Poppler's settings, while this document lives
    std::unique_ptr<PDFDoc> doc_;
    std::string file_;
};

} // namespace colophon::ocr
