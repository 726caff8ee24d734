#pragma once
// A note mark that Tesseract read as part of a word ("capital.²" as "capital.2" or "capital.'"):
// which of the word's recognised glyphs belong to the mark found in the page image, and which
// stay with the host word.

#include <string>
#include <vector>

namespace colophon::ocr {

// A recognised symbol or a blob of the page image, with its box in pixels.
struct Glyph
{
    std::string text;
    int l = 0, t = 0, r = 0, b = 0;
};

struct MarkSplit
{
    Glyph host;       // the host word's text and the box of its glyphs; empty text: none left
    std::string mark; // the glyphs read inside the mark's box (read again later), may be empty
};

// Splits `glyphs` (one word, left to right) at `mark`, a raised blob at the word's end, or at its
// start when `leading`. A glyph belongs to the mark when its centre lies in the mark's span;
// sentence punctuation on the baseline never does (a mark set close after a full stop overlaps
// it). A trailing quote, "!" or "*" that Tesseract made of the mark is dropped from the host.
MarkSplit split_mark_glyphs(const std::vector<Glyph>& glyphs, const Glyph& mark, bool leading);

} // namespace colophon::ocr
