#pragma once
// Internal to the layout module. Text that no output holds: front matter reading takes lines
// near the title out of the body for the title, authors, date and series, and a line it takes
// but stores nowhere (a table cell or a large line read as the title, with the heading and
// body lines above it) would vanish with a clean exit. This finds such lines, so the document
// gets a warning naming the page.

#include "core/document.h"
#include "furniture.h"
#include "layout_internal.h"

#include <string>
#include <vector>

namespace colophon::layout {

struct DroppedText
{
    int lines = 0;
    int words = 0;
    std::string first; // the first such line, as printed
};

// The lines of running text on `page` whose role is Front but whose words are mostly in no
// field of `meta` or `authors`; empty (words == 0) when every such line went somewhere.
DroppedText front_text_not_kept(const PageLines& page, const std::vector<Role>& role, const core::Metadata& meta,
                                const std::vector<core::Author>& authors);

// Whether `dropped` is worth a warning: more than a stray line.
bool is_text_loss(const DroppedText& dropped);

} // namespace colophon::layout
