#pragma once
// A PDF's text layer read with Poppler's own text device, the engine of pdftotext: one pass per
// page gives every glyph with its box, font and size. (poppler-glib needs three passes over the
// same text page for the text, the glyph boxes and the attributes; poppler-cpp copies the
// cross-reference table for every page. On long documents either costs more than pdftotext.)
// Poppler's core API (libpoppler-private-dev) changes between releases: this file is the one
// to adapt to a new one.

#include "words/page_words.h"
#include "page_turn.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

class PDFDoc;
class GlobalParamsIniter;

namespace colophon::pdf {

// One page's words, turned upright (see page_turn.h).
struct PageText
{
    std::vector<words::Word> words;
    PageTurn turn; // the turn that made the page's dominant text direction upright
};

class TextLayer
{
public:
    // `bytes` must outlive the layer (they are not copied). Throws core::ConversionError
    // ("pdf.unreadable") when Poppler cannot open them with this password.
    TextLayer(std::string_view bytes, const std::string& password, const std::string& file);
    ~TextLayer();
    TextLayer(const TextLayer&) = delete;
    TextLayer& operator=(const TextLayer&) = delete;

    // The words of page `page_no` (1-based), in Poppler's reading order, in points from the
    // top-left corner of the crop box as shown (as poppler-glib places links), then turned so
    // that the page's dominant text direction is upright. Words are split at white space, where
    // consecutive glyphs are not neighbours along their own direction, and wherever the font or
    // size changes, so a superscript note mark glued to its word ("own.1") is its own Word.
    // The text is valid UTF-8 without control characters; a glyph whose code is one keeps its
    // box in an empty word.
    PageText words(int page_no) const;

private:
    // Poppler's process-wide settings, counted: they live while any document needs them
    // (poppler-glib frees them with its last document).
    std::unique_ptr<GlobalParamsIniter> params_;
    std::unique_ptr<PDFDoc> doc_;
};

} // namespace colophon::pdf
