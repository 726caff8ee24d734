#pragma once
// Internal to the layout module. Footnotes and endnotes: what a note's opening label looks like
// ("1 Text", "¹Text", "* Text", "3. Text", "1Text"), the footnote zone at the foot of each
// column (including a note continued from the previous page), and linking the note marks in the
// body text (superscripts, marks glued to punctuation, "[3]") to the notes they refer to.

#include "dehyphenation.h"
#include "furniture.h"
#include "layout_internal.h"
#include "text_lines.h"

#include <map>
#include <string>
#include <vector>

namespace colophon::layout {

// The label a line opens with when it starts a note ("1 Text", "¹Text", "* Text", "3. Text",
// "1Text"), and whether it was set as a superscript.
std::string note_start_label(const TextLine& l, bool* superscript = nullptr);

// Tokens of a note's first line without its label.
std::vector<Tok> note_body_tokens(const TextLine& l, const Vocabulary& vocab);
// The same with the line-end hyphen decisions left for settle_hyphens.
std::vector<Tok> note_body_tokens(const TextLine& l, std::vector<PendingHyphen>& pending);

// Sets `role` for the lines of one page (Furniture from `furniture`, Note for its footnote
// zone: small lines opening with a note label at the foot of a column, Body otherwise) and
// appends the notes found there to `notes`. Pages come in order: a zone opening without a label
// continues the last note when that note is from the page before.
void find_footnote_zone(const PageLines& page, const std::vector<bool>& furniture, double body, std::vector<Role>& role,
                        std::vector<RawNote>& notes);

// Gives every note its id ("fn1", ...) and links the note marks in the paragraphs, taken in
// reading order, to them (a note is linked once).
class NoteLinker
{
public:
    explicit NoteLinker(std::vector<RawNote>& notes);
    void link(Para& para);

private:
    std::string resolve_mark(const Tok& t);

    std::vector<RawNote>& notes_;
    std::map<std::string, std::vector<std::size_t>> notes_by_label_;
};

} // namespace colophon::layout
