#pragma once
// Builds synthetic words::PageWords for layout tests: a monospaced "font" where a character is half
// the font size wide and a space a quarter, so boxes are predictable.

#include "words/page_words.h"

#include <sstream>
#include <string>

namespace colophon::testing {

struct Style
{
    double size = 10;
    bool bold = false;
    bool italic = false;
};

class PageMaker
{
public:
    explicit PageMaker(int page_no, double width = 612, double height = 792)
    {
        page_.page = page_no;
        page_.width = width;
        page_.height = height;
    }

    // Places `text` on a line whose top is `y`, starting at `x`; returns the last word's right edge.
    double line(double x, double y, const std::string& text, Style st = {})
    {
        std::istringstream in(text);
        std::string w;
        bool first = true;
        while (in >> w) {
            if (!first)
                x += 0.25 * st.size;
            x = word(x, y, w, st);
            first = false;
        }
        return x;
    }

    // One word; returns its right edge.
    double word(double x, double y, const std::string& w, Style st = {})
    {
        words::Word out;
        out.text = w;
        out.size = st.size;
        out.bold = st.bold;
        out.italic = st.italic;
        const double width = 0.5 * st.size * static_cast<double>(utf8_length(w));
        out.box = {x, y, x + width, y + st.size};
        page_.words.push_back(out);
        return x + width;
    }

    // A superscript right after the previous word (smaller, raised).
    double sup(double x, double y, const std::string& w, double host_size = 10)
    {
        words::Word out;
        out.text = w;
        out.size = 0.7 * host_size;
        const double width = 0.5 * out.size * static_cast<double>(utf8_length(w));
        out.box = {x, y - 0.35 * host_size, x + width, y - 0.35 * host_size + out.size};
        page_.words.push_back(out);
        return x + width;
    }

    void link(core::Box box, std::string uri)
    {
        words::LinkArea l;
        l.box = box;
        l.uri = std::move(uri);
        page_.links.push_back(l);
    }

    words::PageWords& page() { return page_; }

private:
    static std::size_t utf8_length(const std::string& s)
    {
        std::size_t n = 0;
        for (unsigned char c : s)
            n += (c & 0xC0) != 0x80;
        return n;
    }
    words::PageWords page_;
};

// `n` lines of body text at `x` from `y` down, 12 points apart; returns the y under the last one.
inline double filler(PageMaker &pm, double y, int n, double x = 50)
{
    for (int i = 0; i < n; ++i, y += 12)
        pm.line(x, y,
                "Filler words keep this line of body text long enough for a real margin to form");
    return y;
}

} // namespace colophon::testing
