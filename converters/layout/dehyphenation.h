#pragma once
// Internal to the layout module. De-hyphenation: which line-end hyphens are soft (a word broken
// to fit the line) and which are real (a compound such as "cross-border"), judged from the words
// the document itself uses, then from a spelling dictionary of its language (Hunspell); and
// joining a line's words onto a token run, mending words and URLs broken across the line end.

#include "layout_internal.h"
#include "text_lines.h"

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace colophon::lexicon {
class SpellingDictionary;
}

namespace colophon::layout {

class Vocabulary
{
public:
    // The document's declared language (BCP 47); without one, the dictionary is the one of the
    // document's script that knows most of its words.
    void set_language(std::string language) { language_ = std::move(language); }
    // Lines in reading order: the word after a line-end hyphen is a fragment, not a word.
    void add_line(const TextLine& l);
    // Whether "left-" at a line end followed by "right" keeps its hyphen.
    bool keep_hyphen(const std::string& left, const std::string& right) const;
    // Whether OCR split one word in two ("N orthern"): "right" is no word of the language's
    // dictionary, the two joined are one, and the document prints that word whole.
    bool split_by_ocr(const std::string& left, const std::string& right) const;

private:
    // Loaded when the first hyphen the document's own words cannot decide comes up.
    const lexicon::SpellingDictionary* dictionary() const;

    std::unordered_set<std::string> plain_, hyphenated_, whole_;
    bool prev_hyphen_ = false;
    std::string language_;
    mutable const lexicon::SpellingDictionary* dictionary_ = nullptr;
    mutable bool dictionary_chosen_ = false;
    // The dictionary's verdicts by "left\x1Fright" (0 join, 1 keep, 2 undecided): a hyphenated
    // word recurs, a dictionary lookup costs tens of microseconds.
    mutable std::unordered_map<std::string, char> dictionary_says_;
};

// Appends a line's words to a token run, joining a word hyphenated across the line end.
void append_line(std::vector<Tok>& toks, const TextLine& line, const Vocabulary& vocab, std::size_t skip_words = 0);

// The same, but whether a line-end hyphen stays is decided later, once the vocabulary has seen
// the whole document (pages are analysed as they come): the join keeps its hyphen for now and
// is recorded in `pending` for settle_hyphens.
void append_line(std::vector<Tok>& toks, const TextLine& line, std::vector<PendingHyphen>& pending,
                 std::size_t skip_words = 0);

// Joins the words of a run that OCR split in two (Vocabulary::split_by_ocr); the same for a
// line of text.
void mend_ocr_splits(std::vector<Tok>& toks, const Vocabulary& vocab);
std::string mend_ocr_splits(const std::string& text, const Vocabulary& vocab);

// Drops the hyphens of the recorded joins that the vocabulary reads as soft, in the order they
// were made, and clears `pending`.
void settle_hyphens(std::vector<Tok>& toks, std::vector<PendingHyphen>& pending, const Vocabulary& vocab);

} // namespace colophon::layout
