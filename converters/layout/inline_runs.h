#pragma once
// Internal to the layout module. Inline runs: turns a paragraph's or note's tokens into the
// document's inline tree (links grouping their tokens, bold/italic/superscript spans, note
// references), after making bare URLs into links and keeping trailing punctuation out of them.

#include "core/document.h"
#include "layout_internal.h"

#include <vector>

namespace colophon::layout {

// Bare URLs become links; trailing punctuation is kept out of link text.
void mark_bare_urls(std::vector<Tok>& toks);

// Tokens -> inline tree: links group their tokens, styles wrap their text.
std::vector<core::Inline> build_inlines(const std::vector<Tok>& toks);

} // namespace colophon::layout
