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
// marks the lines used as Role::Front, and returns the authors of the byline.
std::vector<core::Author> read_front_matter(const std::vector<PageLines>& pages, double body, RoleMap& role,
                                            core::Metadata& meta);

// Removes a trailing author note and provenance paragraphs from `paras`, adding what they say
// to `authors` and `meta`. With `ocr_text`, letterless noise paragraphs at the end go first.
void take_author_note_and_provenance(std::vector<Para>& paras, std::vector<core::Author>& authors, core::Metadata& meta,
                                     bool ocr_text = false);

} // namespace colophon::layout
