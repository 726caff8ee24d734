#pragma once
// From recognised pages to the document model: provenance for the TEI header, and a plain
// document (Tesseract's own paragraphs in page order) for when layout analysis is not run.

#include "core/document.h"
#include "ocr/ocr_engine.h"

#include <string_view>
#include <vector>

namespace colophon::ocr {

// Records engine, version, languages and each page's confidence and ALTO in `extraction`
// (pages are appended, so a PDF can add its OCR'd pages to a text-layer extraction).
void record_ocr_pages(core::Extraction& extraction, const std::vector<RecognisedPage>& pages,
                      std::string_view languages);

// One paragraph block per Tesseract paragraph, in page order, each with its page as source.
core::Document build_plain_document(const std::vector<RecognisedPage>& pages);

// The words of every page, for layout analysis.
std::vector<words::PageWords> page_words(const std::vector<RecognisedPage>& pages);

} // namespace colophon::ocr
