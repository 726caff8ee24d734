#pragma once
// Internal to the layout module (not part of its API): the token a line's words become, the
// small text tests every layout step shares (note labels, sentence ends, hyphens, URLs), and
// the per-line roles, raw notes and paragraphs that the steps of LayoutBuilder pass on.

#include "core/document.h"
#include "text_lines.h"

#include <string>
#include <string_view>
#include <vector>

namespace colophon::layout {

// Footnote text is set smaller than the body.
constexpr double note_size_ratio = 0.92;
// Headings are set larger than the body (or bold at body size).
constexpr double heading_size_ratio = 1.08;

bool is_ascii_digit(char c);
bool is_symbol_mark(std::string_view s);
// "1", "12", "*", "†", "[3]", "3.", "(4)" -> "1", "12", "*", "†", "3", "3", "4"; empty when not a mark.
std::string note_label_of(std::string_view s);
bool ends_sentence(const std::string& text);
bool starts_upper(std::string_view s);
std::string letters_only_lower(std::string_view s);
bool ends_with_hyphen(const std::string& s);
std::string drop_hyphen(std::string s);
bool url_like(std::string_view s);
std::string strip_trailing_punct(std::string s);

struct Tok
{
    std::string text;
    bool bold = false, italic = false, sup = false;
    bool space_before = false;
    std::string uri;
    int dest_page = 0;
    int page = 0;
    std::string note_id; // set for note marks
};

// A word joined across a line-end hyphen whose hyphen may still go (see settle_hyphens).
struct PendingHyphen
{
    std::size_t tok = 0;        // index of the joined token in its run
    std::size_t hyphen = 0;     // byte offset of the hyphen in the token's text as joined
    std::size_t hyphen_len = 0; // "-" 1, U+00AD 2, U+2010 3
    std::size_t right_len = 0;  // bytes of the word joined after the hyphen
};

Tok tok_of(const LineWord& w, int page);
std::string tokens_text(const std::vector<Tok>& toks);

// What each line of a page turned out to be.
enum class Role { Body, Furniture, Note, Front, Gone };

struct RawNote
{
    std::string label;
    int page = 0;
    core::NotePlace place = core::NotePlace::Foot;
    std::vector<Tok> toks;
    std::vector<PendingHyphen> hyphens;
    bool used = false;
    std::string id;
};

struct Para
{
    bool heading = false;
    double size = 0;
    std::vector<Tok> toks;
    std::vector<PendingHyphen> hyphens;
    int page = 0;
    core::Box box;
};

} // namespace colophon::layout
