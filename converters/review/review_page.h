#pragma once
// One document's review page: a self-contained HTML file (inline CSS and images, no scripts, no
// network) with the original beside what colophon kept, for a reviewer to accept or reject.
//
//   PDF, page image   each page drawn (PNG data) with the boxes layout analysis found, coloured by
//                     role (Document::trace); OCR'd pages with their mean confidence
//   HTML page         its blocks of visible text in document order, each kept, dropped (and by
//                     which rule) or furniture; the page type and the fallback step
//   beside it         the metadata, the warnings, how to record a verdict
//   below             every block of the document as kept, with its role (what the TEI holds)

#include "core/diagnostics.h"
#include "core/document.h"
#include "core/trace.h"

#include <string>
#include <vector>

namespace colophon::review {

struct ReviewInput
{
    std::string id;          // the document's batch id or file name, shown and used in --mark
    std::string source_name; // the input as named on the command line or in the catalogue
    const core::Document *doc = nullptr;
    std::vector<core::Diagnostic> diagnostics; // warnings and errors to show
    std::vector<core::PagePreview> pages;      // empty for HTML pages
};

// The whole page. Deterministic: the same input gives the same bytes.
std::string build_review_page(const ReviewInput &input);

} // namespace colophon::review
