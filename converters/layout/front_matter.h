#pragma once
// Internal to the layout module. Front matter: reads the first page with text from the top down
// (kicker, series and date above the title; the title as the largest text in the upper half;
// subtitle, byline, affiliations, provenance, series and date below it) into the metadata, and
// takes an author note ("Jane Doe is a senior fellow at ...") and "originally published in"
// lines out of the body.

#include "core/document.h"
#include "furniture.h"
#include "layout_internal.h"

#include <string>
#include <vector>

namespace colophon::layout {

bool is_provenance_line(const std::string& text);
core::OriginalSource parse_provenance(const std::string& text);
// "Jane Doe is a senior fellow at Some Institute." -> {Jane Doe, Some Institute}. With
// `ocr_text`, names OCR misread are repaired (core::repair_ocr_name).
std::vector<core::Author> parse_bio(const std::string& text, bool ocr_text = false);

// Fills title, subtitle, series, date and provenance of `meta` from the first page with text,
// marks the lines used as Role::Front in `role` (that page's roles), and returns the authors of
// the byline.
std::vector<core::Author> read_front_matter(const PageLines& page, double body, std::vector<Role>& role,
                                            core::Metadata& meta);

// An author note ("Jane Doe is a senior fellow at ..."): adds what it says to `authors` (the
// byline's, or the note's own when the page showed none) and returns true. With `ocr_text`,
// names OCR misread are repaired.
bool take_author_note(const Para& para, std::vector<core::Author>& authors, bool ocr_text = false);

// An "originally published in ..." paragraph: sets meta.original_source and returns true.
bool take_provenance(const Para& para, core::Metadata& meta);

// OCR reads specks and stray dots after the last line as text: a paragraph without a letter or
// a digit.
bool is_ocr_noise(const Para& para);

} // namespace colophon::layout
