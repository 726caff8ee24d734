#pragma once
// Internal to the layout module. Footnotes and endnotes: what a note's opening label looks like
// ("1 Text", "¹Text", "* Text", "3. Text", "1Text"), the footnote zone at the foot of each
// column (including a note continued from the previous page), and linking the note marks in the
// body text (superscripts, marks glued to punctuation, "[3]") to the notes they refer to.

#include "dehyphenation.h"
#include "furniture.h"
#include "layout_internal.h"
#include "text_lines.h"

#include <string>
#include <vector>

namespace colophon::layout {

// The label a line opens with when it starts a note ("1 Text", "¹Text", "* Text", "3. Text",
// "1Text"), and whether it was set as a superscript.
std::string note_start_label(const TextLine& l, bool* superscript = nullptr);

// Tokens of a note's first line without its label.
std::vector<Tok> note_body_tokens(const TextLine& l, const Vocabulary& vocab);

// Marks each page's footnote zone (small lines opening with a note label at the foot of a
// column) as Role::Note in `role` (sized one entry per page; filled here, furniture included)
// and returns the notes found there, in order.
std::vector<RawNote> find_footnote_zones(const std::vector<PageLines>& pages, const std::vector<std::vector<bool>>& furniture,
                                         double body, RoleMap& role);

// Gives every note its id ("fn1", ...) and links the note marks in the paragraphs to them.
void link_note_marks(std::vector<Para>& paras, std::vector<RawNote>& notes);

} // namespace colophon::layout
