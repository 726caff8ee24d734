#pragma once
// Internal to the layout module. Paragraphs: rebuilds headings and paragraphs from the body lines
// in reading order across line, column and page breaks (gaps, indents, short last lines, size
// changes), de-hyphenating as it joins lines, and collects the notes of endnote sections
// ("Notes", "Endnotes") found among the body lines.

#include "furniture.h"
#include "layout_internal.h"

#include <vector>

namespace colophon::layout {

// Headings and paragraphs from the lines whose role is Body, in reading order. Notes under an
// endnotes heading are appended to `notes` instead. `body` is the dominant font size.
std::vector<Para> build_paragraphs(const std::vector<PageLines>& pages, const RoleMap& role, double body,
                                   std::vector<RawNote>& notes);

} // namespace colophon::layout
