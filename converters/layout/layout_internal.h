#pragma once
// Internal to the layout module (not part of its API): the token a line's words become, the
// small text tests every layout step shares (note labels, sentence ends, hyphens, URLs), and
// the per-line roles, raw notes and paragraphs that the steps of LayoutBuilder::finish pass on.

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

Tok tok_of(const LineWord& w, int page);
std::string tokens_text(const std::vector<Tok>& toks);

// What each line of each page turned out to be.
enum class Role { Body, Furniture, Note, Front, Gone };
using RoleMap = std::vector<std::vector<Role>>;

struct RawNote
{
    std::string label;
    int page = 0;
    core::NotePlace place = core::NotePlace::Foot;
    std::vector<Tok> toks;
    bool used = false;
    std::string id;
};

struct Para
{
    bool heading = false;
    double size = 0;
    std::vector<Tok> toks;
    int page = 0;
    core::Box box;
};

} // namespace colophon::layout
