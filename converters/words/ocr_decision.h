#pragma once
// Whether a PDF page needs OCR: the one rule, decided from statistics of its text layer alone
// (pure function, no Poppler or Tesseract), so it can be tested and tuned without either
// library. The PDF converter asks it for every page; the OCR module asks it which pages to
// recognise ahead of the converter.

#include "core/options.h"
#include "words/page_words.h"

#include <string>
#include <string_view>
#include <vector>

namespace colophon::words {

// Letters of one writing system (an ICU UScriptCode; Japanese kana and Korean hangul count as
// Han, the writing systems they are mixed with).
struct ScriptCount
{
    int script = 0;
    int letters = 0;
};

// What the text layer of one page looks like.
struct PageTextStats
{
    int codepoints = 0;     // non-space code points
    int letters = 0;
    int digits = 0;
    int unmapped = 0;       // U+FFFD, private-use and C0/C1 control code points
    int symbols = 0;        // code points that are neither letters, digits nor common punctuation
    int latin_letters = 0;
    int latin_vowels = 0;   // a e i o u y, and accented Latin letters (mostly vowels)
    int latin1_letters = 0; // accented letters of Latin-1 (U+00C0..U+00FF)
    std::vector<ScriptCount> scripts; // letters per writing system, in order of appearance
    int kana_letters = 0;   // hiragana and katakana (counted with Han above): the text is Japanese
    int tokens = 0;         // whitespace-separated tokens
    int word_tokens = 0;    // tokens that look like words (letters of one script, digits, few marks)
    double ink = -1;        // share of the page's area that is dark when rendered, 0..1; <0 unknown
};

// Measures `text` (the page's text layer, UTF-8). `ink` is passed through (the OCR module
// measures it by rendering the page; unknown otherwise).
PageTextStats measure_page_text(std::string_view text, double ink = -1);
// The same over a page's words, as the PDF text layer gives them.
PageTextStats measure_page_words(const PageWords& page, double ink = -1);

enum class OcrReason
{
    None,            // the text layer is usable
    Forced,          // --ocr=always
    NoTextLayer,
    TooFewCharacters, // much more ink on the page than its text accounts for
    GarbledText,     // unmapped glyphs, replacement characters or non-words
};

struct OcrDecision
{
    bool ocr = false;
    OcrReason reason = OcrReason::None;
    std::string explanation; // for the diagnostic ("no text layer", "62% of tokens are not words")
};

// `language` is the document's declared language (BCP 47, may be empty): a layer whose letters
// are not in its script and look like a wrong code page is garbled. Words are never judged
// against a word list: by the Unicode properties of their letters only, so a layer in any
// script (Chinese and Japanese without spaces, Hebrew, Arabic, Devanagari) is kept.
OcrDecision decide_ocr(const PageTextStats& stats, core::OcrMode mode, std::string_view language = {});

// The ICU script (UScriptCode) a language is written in, as writing systems are counted in
// PageTextStats ("ru" Cyrillic, "ja" and "zh" Han); -1 when unknown or written in several.
int language_script(std::string_view language);

// Stable diagnostic code for a reason ("pdf.no-text-layer", "pdf.sparse-text", "pdf.garbled-text").
std::string_view ocr_reason_code(OcrReason reason);

} // namespace colophon::words
