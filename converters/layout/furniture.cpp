#include "furniture.h"

#include "core/text.h"
#include "layout_internal.h"

#include <algorithm>
#include <cmath>
#include <array>
#include <regex>
#include <string_view>

namespace colophon::layout {

namespace {

// Lines considered at each edge of a page.
constexpr int edge_lines = 3;
constexpr double edge_band = 0.16;  // share of the page height
constexpr double tight_band = 0.1;

// A site's navigation bar printed with its page (browsers' "Save as PDF"): in the top band of a
// page, at least this many menu items of a few words between separators, no digits (a running
// header's "Vol. 3 | No. 2" has them), no sentence. The masthead is whatever stands above it.
// (pdf-gen2 Chromium.)
constexpr std::size_t min_menu_items = 4;
constexpr std::size_t max_menu_item_words = 3;
// A copyright notice ("© 2023 Site. All rights reserved.") is a site's or publisher's footer,
// never the article, wherever the article ends on the page; only a notice line that ends its
// sentence: a licence paragraph that runs on is left whole (pdf-real cermine_test1, test2).
constexpr int max_copyright_words = 25;

// Two parts of one running line share a baseline within this many points.
constexpr double same_row_points = 2.0;

// OCR's share of differing characters between two readings of one running line; repeated
// body lines rarely come this close, and only lines in the edge bands are compared.
constexpr double max_ocr_line_distance = 0.2;
constexpr std::size_t min_fuzzy_signature = 8;

int word_count(const std::string& s) { return static_cast<int>(core::split_words(s).size()); }

// Levenshtein distance over bytes, stopping early once it exceeds `limit`.
std::size_t edit_distance(const std::string& a, const std::string& b, std::size_t limit)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        std::size_t best = row[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
            best = std::min(best, row[j]);
        }
        if (best > limit)
            return best;
    }
    return row[b.size()];
}

// Characters OCR reads for digits in a number: l, I, | and ! for 1; O and o for 0.
std::string fold_ocr_digits(const std::string& text)
{
    std::string out = text;
    const auto is_digitish = [](char c) {
        return (c >= '0' && c <= '9') || c == 'l' || c == 'I' || c == '|' || c == '!' || c == 'O' || c == 'o';
    };
    // Only short tokens made of digits and look-alikes alone, with a real digit or a single
    // character, are folded: "of", "Page" and "lol" stay.
    std::size_t i = 0;
    while (i < out.size()) {
        if (out[i] == ' ') {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < out.size() && out[end] != ' ')
            ++end;
        bool all = true;
        bool digit = false;
        for (std::size_t k = i; k < end; ++k) {
            all = all && is_digitish(out[k]);
            digit = digit || (out[k] >= '0' && out[k] <= '9');
        }
        if (all && end - i <= 4 && (digit || end - i == 1)) {
            for (std::size_t k = i; k < end; ++k) {
                if (out[k] == 'l' || out[k] == 'I' || out[k] == '|' || out[k] == '!')
                    out[k] = '1';
                else if (out[k] == 'O' || out[k] == 'o')
                    out[k] = '0';
            }
        }
        i = end;
    }
    return out;
}

// A footnote opening with its raised mark may repeat on the next page but for its digits
// ("2 Data available at .../data-2" and "6 Data available at .../data-6", "3 Ibid., p. 4"): no
// running header or footer opens with a superscript.
bool opens_with_raised_label(const TextLine& l) { return l.words.size() >= 2 && l.words.front().superscript; }

// Menu items between separators ("WORLD · ECONOMY · TRADE · OPINION", "Home | News | About").
bool is_navigation_line(const std::string& text)
{
    static const std::array<std::string_view, 6> separators{"\u00b7", "|", "\u2022", "/", "\u2013", "\u2014"};
    std::vector<std::string> items{std::string()};
    std::string_view t = text;
    while (!t.empty()) {
        bool cut = false;
        for (std::string_view sep : separators)
            if (t.starts_with(sep)) {
                items.emplace_back();
                t.remove_prefix(sep.size());
                cut = true;
                break;
            }
        if (cut)
            continue;
        items.back() += t.front();
        t.remove_prefix(1);
    }
    if (items.size() < min_menu_items)
        return false;
    for (const std::string& item : items) {
        const auto words = core::split_words(item);
        const core::TextStats st = core::text_stats(item);
        if (words.empty() || words.size() > max_menu_item_words || st.digits > 0 || st.letters == 0)
            return false;
        const std::string_view w = core::trim(item);
        if (w.back() == '.' || w.back() == ',' || w.back() == ';')
            return false;
    }
    return true;
}

bool is_copyright_notice(const std::string& text)
{
    static const std::regex notice(R"(^(\(c\)\s*\d{4}|copyright\s*(\(c\)|\d{4})).*)", std::regex::icase);
    const std::string t = core::clean_text(text);
    if (word_count(t) > max_copyright_words || !ends_sentence(t))
        return false;
    if (t.starts_with("\u00a9") || (core::to_lower(t).starts_with("copyright") && t.find("\u00a9") != std::string::npos))
        return true;
    // The sign may be lost (OCR reads a small "\u00a9" as a speck): a year, then the reservation.
    static const std::regex reserved(R"(^\d{4}\b.*\ball rights reserved\.$)", std::regex::icase);
    return std::regex_match(t, notice) || std::regex_match(t, reserved);
}

bool has_alnum(const std::string& text)
{
    const core::TextStats st = core::text_stats(text);
    return st.letters + st.digits > 0;
}

} // namespace

std::string furniture_signature(const std::string& text)
{
    std::string out;
    for (const char c : core::to_lower(core::clean_text(text))) {
        if (c >= '0' && c <= '9') {
            if (out.empty() || out.back() != '#')
                out += '#';
        } else {
            out += c;
        }
    }
    return out;
}

bool looks_like_page_number(const std::string& text, bool ocr_text)
{
    if (ocr_text) {
        // "Page l of 2", "1O": look-alikes are folded only in tokens made of nothing else, and
        // the folded line must still read as a page number as a whole.
        const std::string cleaned = core::clean_text(text);
        const std::string folded = fold_ocr_digits(cleaned);
        if (folded != cleaned && folded.find_first_of("0123456789") != std::string::npos &&
            looks_like_page_number(folded, false))
            return true;
    }
    static const std::regex number(
        R"(^[\s\-|]*(page|p\.|seite|стр\.?|страница)?\s*\d{1,4}(\s*(of|/|из)\s*\d{1,4})?[\s\-|]*$)",
        std::regex::icase);
    static const std::regex roman(R"(^[\s\-]*[ivxlc]{1,7}[\s\-]*$)", std::regex::icase);
    const std::string t = core::clean_text(text);
    // The regex works on bytes: replace the dashes by ASCII first.
    std::string ascii;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t.compare(i, 3, "\u2014") == 0 || t.compare(i, 3, "\u2013") == 0 || t.compare(i, 3, "\u2212") == 0 ||
            t.compare(i, 2, "\u00b7") == 0 || t.compare(i, 3, "\u2022") == 0) {
            if (t.compare(i, 2, "\u00b7") == 0) {
                ascii += '-';
                i += 1;
                continue;
            }
            ascii += '-';
            i += 2;
        } else {
            ascii += t[i];
        }
    }
    return std::regex_match(ascii, number) || std::regex_match(ascii, roman);
}

bool same_running_line(const std::string& a, const std::string& b, bool ocr_text)
{
    if (a == b)
        return true;
    const std::string& shorter = a.size() < b.size() ? a : b;
    const std::string& longer = a.size() < b.size() ? b : a;
    if (shorter.size() >= min_fuzzy_signature && longer.find(shorter) != std::string::npos)
        return true;
    if (!ocr_text || shorter.size() < min_fuzzy_signature)
        return false;
    const auto limit = static_cast<std::size_t>(max_ocr_line_distance * static_cast<double>(longer.size()));
    if (longer.size() - shorter.size() > limit)
        return false;
    return edit_distance(a, b, limit) <= limit;
}

namespace {

// Line indices of a page sorted from the top down.
std::vector<std::size_t> lines_by_y(const PageLines& pl)
{
    std::vector<std::size_t> by_y(pl.lines.size());
    for (std::size_t i = 0; i < by_y.size(); ++i)
        by_y[i] = i;
    std::sort(by_y.begin(), by_y.end(), [&](std::size_t a, std::size_t b) { return pl.lines[a].box.y0 < pl.lines[b].box.y0; });
    return by_y;
}

double page_height(const PageLines& pl) { return pl.height > 0 ? pl.height : 792; }

} // namespace

std::vector<EdgeLine> find_edge_lines(const PageLines& pl)
{
    std::vector<EdgeLine> out;
    const std::vector<std::size_t> by_y = lines_by_y(pl);
    const double h = page_height(pl);
    for (std::size_t k = 0; k < by_y.size() && k < edge_lines; ++k) {
        const TextLine& l = pl.lines[by_y[k]];
        if (l.box.y1 < edge_band * h)
            out.push_back({by_y[k], true, furniture_signature(l.text()), l.box.y0, l.size, pl.from_ocr});
    }
    for (std::size_t k = 0; k < by_y.size() && k < edge_lines; ++k) {
        const std::size_t idx = by_y[by_y.size() - 1 - k];
        const TextLine& l = pl.lines[idx];
        if (l.box.y0 > (1 - edge_band) * h)
            out.push_back({idx, false, furniture_signature(l.text()), l.box.y0, l.size, pl.from_ocr});
    }
    return out;
}

std::vector<bool> find_page_furniture(const PageLines& pl, const std::vector<EdgeLine>& edges,
                                      const std::vector<const std::vector<EdgeLine>*>& neighbours, double body_size)
{
    std::vector<bool> out(pl.lines.size(), false);
    const std::vector<std::size_t> by_y = lines_by_y(pl);
    const double h = page_height(pl);
    // Lone short line at the very top or bottom, set apart from the text.
    if (by_y.size() > 1) {
        const TextLine& first = pl.lines[by_y.front()];
        if (first.box.y1 < tight_band * h && first.size <= 1.05 * body_size && word_count(first.text()) <= 24) {
            const TextLine& next = pl.lines[by_y[1]];
            if (next.box.y0 - first.box.y1 > 1.5 * body_size)
                out[by_y.front()] = true;
        }
        const TextLine& last = pl.lines[by_y.back()];
        if (last.box.y0 > (1 - tight_band) * h && last.size <= 1.05 * body_size && word_count(last.text()) <= 8 &&
            !(last.words.front().superscript)) {
            const TextLine& prev = pl.lines[by_y[by_y.size() - 2]];
            if (last.box.y0 - prev.box.y1 > 1.5 * body_size)
                out[by_y.back()] = true;
        }
    }
    // A navigation bar in the top band, with the masthead above it; a copyright notice.
    for (std::size_t k = 0; k < by_y.size(); ++k) {
        const TextLine& l = pl.lines[by_y[k]];
        if (l.box.y1 < edge_band * h && is_navigation_line(l.text()))
            for (std::size_t above = 0; above <= k; ++above)
                out[by_y[above]] = true;
        if (is_copyright_notice(l.text()))
            out[by_y[k]] = true;
    }
    // Repetition across nearby pages at about the same height. A header may be one line on one
    // page and split into two column lines on the next, so containment counts as a match.
    for (const EdgeLine& c : edges) {
        const std::string text = pl.lines[c.line].text();
        if (looks_like_page_number(text, pl.from_ocr))
            out[c.line] = true;
        // OCR noise at a page edge (the dots of a header's ellipsis, a speck read as ". ."):
        // nothing a reader would miss.
        if (pl.from_ocr && !has_alnum(text))
            out[c.line] = true;
        if (c.sig.empty() || out[c.line] || opens_with_raised_label(pl.lines[c.line]))
            continue;
        for (const std::vector<EdgeLine>* other : neighbours) {
            for (const EdgeLine& o : *other) {
                if (o.top == c.top && std::abs(o.size - c.size) < 1.0 && std::abs(o.y - c.y) < 0.05 * pl.height &&
                    same_running_line(o.sig, c.sig, pl.from_ocr || o.from_ocr)) {
                    out[c.line] = true;
                    break;
                }
            }
            if (out[c.line])
                break;
        }
    }
    // The other half of a running line: a header set in two parts on one baseline (series on
    // the left, short title on the right) whose other part repeats or reads as a page number
    // is furniture as a whole, also on a page where only one half is printed.
    for (const EdgeLine& c : edges) {
        if (!out[c.line])
            continue;
        for (const EdgeLine& o : edges)
            if (!out[o.line] && o.top == c.top && std::abs(o.y - c.y) < same_row_points && std::abs(o.size - c.size) < 1.0 &&
                o.size <= 1.05 * body_size && !opens_with_raised_label(pl.lines[o.line]))
                out[o.line] = true;
    }
    return out;
}

std::vector<std::vector<bool>> find_furniture(const std::vector<PageLines>& pages, double body_size)
{
    std::vector<std::vector<EdgeLine>> edges;
    edges.reserve(pages.size());
    for (const PageLines& pl : pages)
        edges.push_back(find_edge_lines(pl));
    std::vector<std::vector<bool>> out;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        std::vector<const std::vector<EdgeLine>*> neighbours;
        const std::size_t lo = p >= furniture_window ? p - furniture_window : 0;
        const std::size_t hi = std::min(pages.size() - 1, p + furniture_window);
        for (std::size_t q = lo; q <= hi; ++q)
            if (q != p)
                neighbours.push_back(&edges[q]);
        out.push_back(find_page_furniture(pages[p], edges[p], neighbours, body_size));
    }
    return out;
}

} // namespace colophon::layout
