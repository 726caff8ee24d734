#pragma once
// Pages of a PDF or page image drawn small for the review page, as PNG.

#include "core/converter.h"
#include "core/trace.h"

#include <vector>

namespace colophon::preview {

// Resolution the review page draws pages at: enough to read a heading and see the boxes over it,
// small enough that a 20-page report stays under a few megabytes once embedded.
constexpr int default_preview_dpi = 60;
// Pages drawn at most: a 2,000-page volume's review page would otherwise weigh 100 MB. Later
// pages keep their boxes on blank sheets.
constexpr int max_preview_pages = 200;

// Every page of `input` (up to max_preview_pages and options.limits.max_pages) at `dpi`. Throws
// ConversionError "review.render-failed" naming the page when Poppler, cairo or Leptonica cannot
// draw it.
std::vector<core::PagePreview> render_previews(const core::Input &input, int dpi,
                                               const core::ConvertOptions &options);

// The PDF part (pdf_preview.cpp) and the page-image part (image_preview.cpp).
std::vector<core::PagePreview> render_pdf_previews(const core::Input &input, int dpi,
                                                   const core::ConvertOptions &options);
std::vector<core::PagePreview> render_image_previews(const core::Input &input, int dpi,
                                                     const core::ConvertOptions &options);

} // namespace colophon::preview
