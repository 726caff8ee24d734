#include "layout_internal.h"

#include "core/text.h"

#include <algorithm>
#include <array>

namespace colophon::layout {

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

bool is_symbol_mark(std::string_view s)
{
    if (s.empty())
        return false;
    // U+2217 and U+204E are the asterisk as math and typesetting fonts draw it (LaTeX's \fnsymbol)
    static const std::array<std::string_view, 9> symbols{"*",      "\u2217", "\u204e", "\u2020", "\u2021",
                                                         "\u00a7", "\u00b6", "\u2016", "#"};
    while (!s.empty()) {
        bool hit = false;
        for (std::string_view sym : symbols) {
            if (s.starts_with(sym)) {
                s.remove_prefix(sym.size());
                hit = true;
                break;
            }
        }
        if (!hit)
            return false;
    }
    return true;
}

// "1", "12", "*", "†", "[3]", "3.", "(4)" -> "1", "12", "*", "†", "3", "3", "4"; empty when not a mark.
std::string note_label_of(std::string_view s)
{
    while (!s.empty() && (s.front() == '[' || s.front() == '('))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ']' || s.back() == ')' || s.back() == '.' || s.back() == ','))
        s.remove_suffix(1);
    if (s.empty())
        return {};
    if (s.size() <= 3 && std::all_of(s.begin(), s.end(), is_ascii_digit))
        return std::string(s);
    if (is_symbol_mark(s)) {
        // one mark, however the font draws its asterisk
        std::string label;
        while (!s.empty()) {
            if (s.starts_with("\u2217") || s.starts_with("\u204e")) {
                label += '*';
                s.remove_prefix(3);
            } else {
                label += s.front();
                s.remove_prefix(1);
            }
        }
        return label;
    }
    return {};
}

bool ends_sentence(const std::string& text)
{
    std::string_view t = core::trim(text);
    while (!t.empty() && (t.back() == '"' || t.back() == ')' || t.back() == '\''))
        t.remove_suffix(1);
    if (t.ends_with("\u201d") || t.ends_with("\u2019"))
        t.remove_suffix(3);
    return !t.empty() && (t.back() == '.' || t.back() == '?' || t.back() == '!' || t.back() == ':');
}

bool starts_upper(std::string_view s)
{
    if (s.empty())
        return false;
    const std::string first = std::string(s.substr(0, 4));
    const std::string low = core::to_lower(first);
    return low != first;
}

std::string letters_only_lower(std::string_view s)
{
    std::string out;
    // most words are ASCII: lower-case them here rather than through ICU (a word at a time,
    // for every body line, this was a good part of the paragraph step)
    const bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    for (const char c : ascii ? std::string(s) : core::to_lower(s)) {
        if (ascii && c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
            continue;
        }
        const unsigned char u = static_cast<unsigned char>(c);
        if ((u >= 'a' && u <= 'z') || u >= 0x80 || c == '-')
            out += c;
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    while (!out.empty() && out.front() == '-')
        out.erase(out.begin());
    return out;
}

bool ends_with_hyphen(const std::string& s)
{
    return (s.size() > 1 && s.back() == '-' && s[s.size() - 2] != '-') || s.ends_with("\u00ad") || s.ends_with("\u2010");
}

std::string drop_hyphen(std::string s)
{
    if (s.ends_with("\u00ad") || s.ends_with("\u2010"))
        s.resize(s.size() - (s.ends_with("\u00ad") ? 2 : 3));
    else if (!s.empty() && s.back() == '-')
        s.pop_back();
    return s;
}

bool url_like(std::string_view s)
{
    return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.") || s.starts_with("ftp://");
}

std::string strip_trailing_punct(std::string s)
{
    while (!s.empty() && std::string_view(".,;:)]}\"'>").find(s.back()) != std::string_view::npos)
        s.pop_back();
    while (s.ends_with("\u201d") || s.ends_with("\u2019"))
        s.resize(s.size() - 3);
    return s;
}


Tok tok_of(const LineWord& w, int page)
{
    Tok t;
    t.text = w.text;
    t.bold = w.bold;
    t.italic = w.italic;
    t.sup = w.superscript;
    t.space_before = w.space_before;
    t.uri = w.uri;
    t.dest_page = w.dest_page;
    t.page = page;
    return t;
}

std::string tokens_text(const std::vector<Tok>& toks)
{
    std::string s;
    for (const Tok& t : toks) {
        if (!s.empty() && t.space_before)
            s += ' ';
        s += t.text;
    }
    return s;
}

} // namespace colophon::layout
