#include "front_matter_text.h"

#include "core/dates.h"
#include "core/text.h"
#include "layout_internal.h"

#include <array>
#include <regex>
#include <string_view>

namespace colophon::layout {

namespace {

// A series or issue line ("Volume 20, Issue 45") and a date line are short: a sentence that
// mentions an issue or a date is not front matter. (pdf-gen, pdf-gen2: series lines 5-12 words,
// date lines 1-4.)
constexpr std::size_t series_max_words = 16;
constexpr std::size_t date_line_max_words = 10;
// The publisher named after a title in the document information is a short name.
constexpr std::size_t publisher_max_words = 8;

// How a provenance line opens (lower case, ASCII).
constexpr std::array provenance_openings{
    "originally published",
    "first published",
    "this article was originally",
    "this article first appeared",
    "this article originally appeared",
    "originally appeared",
    "reprinted from",
    "republished from",
};

// Separators between the parts of a running header or a document title.
constexpr std::array part_separators{" | ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ", " :: "};

// Lower-cases ASCII letters only, so byte offsets stay those of `text`.
std::string ascii_lower(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool starts_provenance(std::string_view lower)
{
    for (std::string_view opening : provenance_openings)
        if (lower.starts_with(opening))
            return true;
    return false;
}

bool same_text(const std::string &a, const std::string &b)
{
    return core::to_lower(core::clean_text(a)) == core::to_lower(core::clean_text(b));
}

} // namespace

std::size_t provenance_start(const std::string &text)
{
    const std::string lower = ascii_lower(text);
    if (starts_provenance(lower))
        return 0;
    // after a date on the same line: "July 20, 2025 Originally published in ..."
    for (std::size_t p = lower.find(' '); p != std::string::npos; p = lower.find(' ', p + 1)) {
        if (!starts_provenance(std::string_view(lower).substr(p + 1)))
            continue;
        core::PublicationDate d;
        return is_date_line(core::clean_text(text.substr(0, p)), d, {}) ? p + 1 : std::string::npos;
    }
    return std::string::npos;
}

bool is_provenance_line(const std::string &text)
{
    return provenance_start(text) == 0;
}

core::OriginalSource parse_provenance(const std::string &text)
{
    core::OriginalSource src;
    src.text = core::clean_text(text);
    static const std::regex in_rx(
        R"(\b(?:in|by|on|from)\s+(?:the\s+)?(.+?)(?:\s+on\s+.*|\s*,.*|\.?\s*)$)",
        std::regex::icase);
    std::smatch m;
    if (std::regex_search(src.text, m, in_rx))
        src.title = core::clean_text(m[1].str());
    static const std::regex url_rx(R"((https?://\S+))");
    if (std::regex_search(src.text, m, url_rx))
        src.url = strip_trailing_punct(m[1].str());
    return src;
}

bool is_series_line(const std::string &text)
{
    static const std::regex series(R"((\b(volume|vol\.|issue|no\.|number|nr\.)\s*\d+))",
                                   std::regex::icase);
    return std::regex_search(text, series) && core::split_words(text).size() <= series_max_words;
}

SeriesLine read_series_line(const std::string &text)
{
    SeriesLine out;
    out.series = core::clean_text(text);
    static const std::regex numbering_only(R"(^(volume|vol\.|issue|no\.|number|nr\.)\s*\d.*)",
                                           std::regex::icase);
    static const std::regex kind_and_number(R"(^\S.*\s(no\.|number|nr\.)\s*\d+\S*$)",
                                            std::regex::icase);
    for (std::string_view sep : part_separators) {
        const std::size_t at = out.series.find(sep);
        if (at == std::string::npos || at == 0)
            continue;
        const std::string head = core::clean_text(out.series.substr(0, at));
        const std::string tail = core::clean_text(out.series.substr(at + sep.size()));
        if (std::regex_match(tail, numbering_only))
            return out; // "Corridor Monitor — Volume 10, Issue 163": the periodical and its issue
        if (std::regex_match(tail, kind_and_number) && starts_upper(head)) {
            out.publisher = head;
            out.series = tail;
            return out;
        }
    }
    return out;
}

bool is_date_line(const std::string &text, core::PublicationDate &out, const std::string &lang)
{
    if (core::split_words(text).size() > date_line_max_words)
        return false;
    if (auto d = core::parse_date(text, lang)) {
        out = *d;
        return true;
    }
    if (auto d = core::find_date(text, lang)) {
        out = *d;
        return true;
    }
    return false;
}

std::string publisher_after_title(const std::string &info_title, const std::string &title)
{
    const std::string info = core::clean_text(info_title);
    const std::string t = core::clean_text(title);
    if (t.empty() || info.size() <= t.size())
        return {};
    for (std::string_view sep : part_separators) {
        std::string name;
        if (same_text(info.substr(0, t.size()), t) && info.substr(t.size()).starts_with(sep))
            name = info.substr(t.size() + sep.size()); // "Title | Site"
        else if (const std::size_t at = info.size() - t.size();
                 at >= sep.size() && same_text(info.substr(at), t) &&
                 info.substr(at - sep.size(), sep.size()) == sep)
            name = info.substr(0, at - sep.size()); // "Site | Title"
        name = core::clean_text(name);
        const std::size_t words = core::split_words(name).size();
        if (words > 0 && words <= publisher_max_words && starts_upper(name))
            return name;
    }
    return {};
}

} // namespace colophon::layout
