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

std::vector<std::vector<bool>> find_furniture(const std::vector<PageLines>& pages, double body_size)
{
    std::vector<std::vector<bool>> out(pages.size());
    struct Candidate
    {
        std::size_t page, line;
        bool top;
        std::string sig;
        double y;
        double size;
    };
    std::vector<Candidate> cands;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const PageLines& pl = pages[p];
        out[p].assign(pl.lines.size(), false);
        std::vector<std::size_t> by_y(pl.lines.size());
        for (std::size_t i = 0; i < by_y.size(); ++i)
            by_y[i] = i;
        std::sort(by_y.begin(), by_y.end(), [&](std::size_t a, std::size_t b) { return pl.lines[a].box.y0 < pl.lines[b].box.y0; });
        const double h = pl.height > 0 ? pl.height : 792;
        for (std::size_t k = 0; k < by_y.size() && k < edge_lines; ++k) {
            const TextLine& l = pl.lines[by_y[k]];
            if (l.box.y1 < edge_band * h)
                cands.push_back({p, by_y[k], true, furniture_signature(l.text()), l.box.y0, l.size});
        }
        for (std::size_t k = 0; k < by_y.size() && k < edge_lines; ++k) {
            const std::size_t idx = by_y[by_y.size() - 1 - k];
            const TextLine& l = pl.lines[idx];
            if (l.box.y0 > (1 - edge_band) * h)
                cands.push_back({p, idx, false, furniture_signature(l.text()), l.box.y0, l.size});
        }
        // Lone short line at the very top or bottom, set apart from the text.
        if (!by_y.empty()) {
            const TextLine& first = pl.lines[by_y.front()];
            if (by_y.size() > 1 && first.box.y1 < tight_band * h && first.size <= 1.05 * body_size &&
                word_count(first.text()) <= 24) {
                const TextLine& next = pl.lines[by_y[1]];
                if (next.box.y0 - first.box.y1 > 1.5 * body_size)
                    out[p][by_y.front()] = true;
            }
            const TextLine& last = pl.lines[by_y.back()];
            if (by_y.size() > 1 && last.box.y0 > (1 - tight_band) * h && last.size <= 1.05 * body_size &&
                word_count(last.text()) <= 8 && !(last.words.front().superscript)) {
                const TextLine& prev = pl.lines[by_y[by_y.size() - 2]];
                if (last.box.y0 - prev.box.y1 > 1.5 * body_size)
                    out[p][by_y.back()] = true;
            }
        }
    }
    // Repetition across nearby pages at about the same height. A header may be one line on one
    // page and split into two column lines on the next, so containment counts as a match.
    constexpr std::size_t window = 3;
    std::vector<std::vector<std::size_t>> by_page(pages.size());
    for (std::size_t k = 0; k < cands.size(); ++k)
        by_page[cands[k].page].push_back(k);
    auto same = [](const std::string& a, const std::string& b) {
        if (a == b)
            return true;
        const std::string& shorter = a.size() < b.size() ? a : b;
        const std::string& longer = a.size() < b.size() ? b : a;
        return shorter.size() >= 8 && longer.find(shorter) != std::string::npos;
    };
    for (const Candidate& c : cands) {
        if (looks_like_page_number(pages[c.page].lines[c.line].text()))
            out[c.page][c.line] = true;
        if (c.sig.empty() || out[c.page][c.line])
            continue;
        const std::size_t lo = c.page >= window ? c.page - window : 0;
        const std::size_t hi = std::min(pages.size() - 1, c.page + window);
        for (std::size_t p = lo; p <= hi && !out[c.page][c.line]; ++p) {
            if (p == c.page)
                continue;
            for (std::size_t k : by_page[p]) {
                const Candidate& o = cands[k];
                if (o.top == c.top && std::abs(o.size - c.size) < 1.0 && std::abs(o.y - c.y) < 0.05 * pages[c.page].height && same(o.sig, c.sig)) {
                    out[c.page][c.line] = true;
                    break;
                }
            }
        }
    }
    return out;
}

} // namespace colophon::layout
