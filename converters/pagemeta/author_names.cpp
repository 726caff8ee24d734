#include "pagemeta/author_names.h"

#include "core/text.h"
#include "dom/html_dom.h"
#include "pagemeta/title_choice.h"
#include "pagemeta/title_words.h"

#include <algorithm>
#include <array>

namespace colophon::pagemeta {

namespace {

// Words that fill an author slot without naming anyone: a template's label or a missing value.
constexpr std::array<std::string_view, 16> placeholder_words = {
    "by",        "written", "posted", "author",  "authors",   "the",       "admin", "administrator",
    "undefined", "null",    "none",   "unknown", "anonymous", "posted_by", "n",     "a"};

bool is_edge_punctuation(char c)
{
    return c == ',' || c == ';' || c == ':' || c == '|' || c == '-' || c == '/' || c == '@' ||
           c == ' ';
}

std::string trim_punctuation(std::string_view s)
{
    while (!s.empty() && is_edge_punctuation(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_edge_punctuation(s.back()))
        s.remove_suffix(1);
    return core::clean_text(s);
}

bool is_placeholder(std::string_view name)
{
    const std::vector<std::string> words = title_words(name);
    return std::all_of(words.begin(), words.end(), [](const std::string &w) {
        return std::find(placeholder_words.begin(), placeholder_words.end(), w) !=
               placeholder_words.end();
    });
}

// "Jane Doe - Example News", "Jane Doe | Example News", "Jane Doe, Example News": the parts
// that name the site go.
std::string without_site_parts(const std::string &name, const TitleEvidence &site)
{
    std::vector<std::string> parts = title_segments(name);
    if (const auto comma = name.rfind(", "); parts.size() < 2 && comma != std::string::npos)
        parts = {name.substr(0, comma), name.substr(comma + 2)};
    if (parts.size() < 2)
        return name;
    std::string kept;
    bool dropped = false;
    for (const std::string &p : parts) {
        if (names_the_site(p, site))
            dropped = true;
        else
            kept += (kept.empty() ? "" : " - ") + p;
    }
    return dropped && !kept.empty() ? kept : name;
}

} // namespace

bool is_user_handle(std::string_view name)
{
    name = core::trim(name);
    if (name.empty() || name.find(' ') != std::string_view::npos)
        return false;
    if (name.find('@') != std::string_view::npos)
        return true;
    bool inner_mark = false;
    for (std::size_t i = 1; i + 1 < name.size(); ++i) {
        const char c = name[i];
        if ((c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-')
            inner_mark = true;
    }
    const char last = name.back();
    return inner_mark || (last >= '0' && last <= '9');
}

std::optional<std::string> clean_author_name(std::string_view name, const AuthorContext &context)
{
    std::string s = trim_punctuation(dom::decode_character_references(name));
    if (s.empty() || is_placeholder(s) || s.starts_with("http://") || s.starts_with("https://"))
        return std::nullopt;
    TitleEvidence site;
    site.site_names = context.site_names;
    site.address = context.address;
    s = trim_punctuation(without_site_parts(s, site));
    if (s.empty() || is_placeholder(s))
        return std::nullopt;
    if (!context.handles_are_authors && is_user_handle(s))
        return std::nullopt;
    return s;
}

} // namespace colophon::pagemeta
