#include "furniture.h"

#include "core/text.h"

#include <algorithm>
#include <cmath>
#include <regex>

namespace colophon::layout {

namespace {

// Lines considered at each edge of a page.
constexpr int edge_lines = 3;
constexpr double edge_band = 0.16;  // share of the page height
constexpr double tight_band = 0.1;

int word_count(const std::string& s) { return static_cast<int>(core::split_words(s).size()); }

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

bool looks_like_page_number(const std::string& text)
{
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
            out.push_back({by_y[k], true, furniture_signature(l.text()), l.box.y0, l.size});
    }
    for (std::size_t k = 0; k < by_y.size() && k < edge_lines; ++k) {
        const std::size_t idx = by_y[by_y.size() - 1 - k];
        const TextLine& l = pl.lines[idx];
        if (l.box.y0 > (1 - edge_band) * h)
            out.push_back({idx, false, furniture_signature(l.text()), l.box.y0, l.size});
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
    // Repetition across nearby pages at about the same height. A header may be one line on one
    // page and split into two column lines on the next, so containment counts as a match.
    auto same = [](const std::string& a, const std::string& b) {
        if (a == b)
            return true;
        const std::string& shorter = a.size() < b.size() ? a : b;
        const std::string& longer = a.size() < b.size() ? b : a;
        return shorter.size() >= 8 && longer.find(shorter) != std::string::npos;
    };
    for (const EdgeLine& c : edges) {
        if (looks_like_page_number(pl.lines[c.line].text()))
            out[c.line] = true;
        if (c.sig.empty() || out[c.line])
            continue;
        for (const std::vector<EdgeLine>* other : neighbours) {
            for (const EdgeLine& o : *other) {
                if (o.top == c.top && std::abs(o.size - c.size) < 1.0 && std::abs(o.y - c.y) < 0.05 * pl.height &&
                    same(o.sig, c.sig)) {
                    out[c.line] = true;
                    break;
                }
            }
            if (out[c.line])
                break;
        }
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
