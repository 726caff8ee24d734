#pragma once
// Whether a page's text layer can be trusted, and the hook through which OCR supplies words
// for the pages where it cannot (the PDF converter never depends on Tesseract itself).

#include "core/diagnostics.h"
#include "page_words.h"

#include <optional>
#include <string>

namespace colophon::layout {

struct TextLayerVerdict
{
    bool usable = true;
    std::string reason; // "no text", "too few characters", "mostly unmapped glyphs", "mostly non-words"
};

// Scanned pages often keep a stray page number or a watermark in the text layer, so "empty" is
// too strict; broken font encodings extract as replacement characters, private-use code points
// or letter-less symbol soup.
TextLayerVerdict check_text_layer(const PageWords& page);
inline bool text_layer_usable(const PageWords& page) { return check_text_layer(page).usable; }

// Supplies words for a page whose text layer is unusable (implemented by the OCR module).
// `text_layer` is what the PDF gave for that page (may be empty). Returning nullopt keeps the
// text layer as it is. Called once per such page, in page order, on the converting thread.
class PageOcrProvider
{
public:
    virtual ~PageOcrProvider() = default;
    virtual std::optional<PageWords> recognise_page(int page_no, const PageWords& text_layer) = 0;
    // Called once after the last page: records what OCR did (engine, languages, per-page
    // confidence and ALTO) and its page warnings.
    virtual void finish(core::Extraction& extraction, core::Diagnostics& diags)
    {
        (void)extraction;
        (void)diags;
    }
};

} // namespace colophon::layout
