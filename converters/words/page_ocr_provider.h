#pragma once
// The hook through which OCR supplies words for the pages whose text layer cannot be trusted
// (ocr_decision.h decides which), so the PDF converter never depends on Tesseract itself.

#include "core/diagnostics.h"
#include "words/page_words.h"

#include <optional>

namespace colophon::words {

// Supplies words for a page whose text layer is unusable (implemented by the OCR module).
// `text_layer` is what the PDF gave for that page (may be empty). Returning nullopt keeps the
// text layer as it is. Called once per such page, in page order, on the converting thread.
class PageOcrProvider
{
public:
    virtual ~PageOcrProvider() = default;
    virtual std::optional<PageWords> recognise_page(int page_no, const PageWords& text_layer) = 0;
    // Share of the page's area that is dark when rendered (0..1), for decide_ocr; negative
    // when unknown.
    virtual double page_ink(int page_no)
    {
        (void)page_no;
        return -1;
    }
    // Called once after the last page: records what OCR did (engine, languages, per-page
    // confidence and ALTO) and its page warnings.
    virtual void finish(core::Extraction& extraction, core::Diagnostics& diags)
    {
        (void)extraction;
        (void)diags;
    }
};

} // namespace colophon::words
