#pragma once
// Internal to the layout module. The author's bio at the end of the text: "Jane Doe is a senior
// fellow at Some Institute." sentences, or the name set apart (bold, italic) with the
// affiliation after it, in one paragraph or two. What it says goes to the authors; it is not
// body.

#include "core/document.h"
#include "layout_internal.h"
#include "paragraphs.h"

#include <functional>
#include <string>
#include <vector>

namespace colophon::layout {

// "Jane Doe is a senior fellow at Some Institute." -> {Jane Doe, Some Institute}. With
// `ocr_text`, names OCR misread are repaired (core::repair_ocr_name).
std::vector<core::Author> parse_bio(const std::string &text, bool ocr_text = false);

// An author note ("Jane Doe is a senior fellow at ..."): adds what it says to `authors` (the
// byline's, or the note's own when the page showed none) and returns true. With `ocr_text`,
// names OCR misread are repaired.
bool take_author_note(const Para &para, std::vector<core::Author> &authors, bool ocr_text = false);

// The bios among paragraphs [0, end) of `paras` that close the text, read into `authors`;
// returns where they start (`end` when there are none).
std::size_t take_author_bios(const ParagraphBuilder &paras, std::size_t end,
                             std::vector<core::Author> &authors, bool ocr_text);

// A bio inside the text (reading order may put the closing bio before the last column, and
// notes or a site footer may follow it): `para` is an author of `authors` set apart (bold,
// italic or a heading of its own) with the affiliation after it, in the same paragraph or in
// the next (`next` is called only then). Fills the affiliation and returns how many paragraphs
// the bio took: 0, 1 or 2.
std::size_t take_inner_bio(const Para &para, const std::function<Para()> &next,
                           std::vector<core::Author> &authors, bool ocr_text);

} // namespace colophon::layout
