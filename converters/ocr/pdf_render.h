#pragma once
// PDF pages as images for OCR: Poppler renders a page through cairo on white at the OCR
// resolution; the result goes to OcrEngine like any scanned page.

#include "core/options.h"
#include "ocr/leptonica_handles.h"
#include "ocr/ocr_engine.h"

#include <poppler.h>

#include <memory>
#include <string>
#include <vector>

namespace colophon::ocr {

struct GObjectUnref
{
    void operator()(void* p) const { g_object_unref(p); }
};
using PopplerDocumentPtr = std::unique_ptr<PopplerDocument, GObjectUnref>;
using PopplerPagePtr = std::unique_ptr<PopplerPage, GObjectUnref>;

// Renders `page` at `dpi` as 8-bit grey on white. Throws ConversionError "ocr.image-too-large"
// when the bitmap would exceed limits.max_image_pixels, "ocr.render-failed" when cairo fails.
PixPtr render_pdf_page(PopplerPage* page, double dpi, const core::Limits& limits, const std::string& file,
                       int page_no);

// Mean darkness of the rendered page, 0 (white) .. 1 (black), from a coarse rendering: how much
// ink the page carries, whatever draws it (text, vector art or a scanned image).
double page_ink_share(PopplerPage* page);
// The same for a page already rendered as 8-bit grey.
double ink_share(const Pix* grey);

// Renders 1-based `page_no` of `doc` at options.ocr_dpi and recognises it with `engine`.
RecognisedPage ocr_pdf_page(PopplerDocument* doc, int page_no, OcrEngine& engine,
                            const core::ConvertOptions& options, const std::string& file);

// Renders and recognises the given 1-based pages of `doc` with options.jobs workers, each with
// its own engine; results in the order of `pages`. Rendering is serialised (a PopplerDocument is
// not safe to render from two threads at once); recognition runs in parallel.
std::vector<RecognisedPage> ocr_pdf_pages(PopplerDocument* doc, const std::vector<int>& pages,
                                          const core::ConvertOptions& options, const std::string& file);

} // namespace colophon::ocr
