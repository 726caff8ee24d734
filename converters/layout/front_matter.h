#pragma once
// Internal to the layout module. Front matter as a reader sees it on the first page with text,
// from the top down: kicker, series, date and provenance above the title; the title as the
// largest text in the upper half; under it the subtitle (one run of one style), bylines ("By A
// and B", a name alone, "Name | Affiliation", one author per line, names over columns),
// superscript-numbered affiliations, dates, provenance and series lines. The running header
// gives the series and publisher (and a date the page itself does not show). Then the lede:
// the first paragraph set apart from the body (all italic, or larger) is the abstract.

#include "core/document.h"
#include "furniture.h"
#include "layout_internal.h"
#include "paragraphs.h"

#include <vector>

namespace colophon::layout {

// Fills title, subtitle, series, publisher, date and provenance of `meta` from the first page
// with text, marks the lines used as Role::Front in `role` (that page's roles), and returns the
// authors of the byline.
std::vector<core::Author> read_front_matter(const PageLines &page, double body,
                                            std::vector<Role> &role, core::Metadata &meta);

// How many of the first paragraphs of [0, end) of `paras` are the lede, 0 when there is none:
// running text set apart from the paragraph after it by italics, or by a size larger than
// `body` and than the next paragraph's. A column or page break may split it in two.
std::size_t lede_paragraphs(const ParagraphBuilder &paras, std::size_t end, double body);

// An "originally published in ..." paragraph: sets meta.original_source and returns true.
bool take_provenance(const Para &para, core::Metadata &meta);

// OCR reads specks and stray dots after the last line as text: a paragraph without a letter or
// a digit.
bool is_ocr_noise(const Para &para);

} // namespace colophon::layout
