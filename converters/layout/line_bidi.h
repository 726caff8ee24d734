#pragma once
// Internal to the layout module. Right-to-left text (Hebrew, Arabic, Syriac, Thaana...) in
// logical order. Lines are built from word boxes, so their words come left to right as they
// stand on the page: the visual order. A text layer's glyphs are in visual order too (PDF
// producers draw a right-to-left word from its left end), OCR words already spell their
// letters in logical order. ICU's inverse bidirectional algorithm (visual to logical, UAX #9)
// gives the reading order of the words and, for a text layer, of the letters inside them; a
// line without right-to-left letters is left as it is.

#include "text_lines.h"

namespace colophon::layout {

// Reorders `line.words` (and, when `letters_visual`, the letters of each word) into reading
// order; boxes, styles and links stay with their words, and `space_before` follows the gaps.
void put_in_logical_order(TextLine& line, bool letters_visual);

} // namespace colophon::layout
