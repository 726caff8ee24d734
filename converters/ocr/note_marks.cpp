#include "ocr/note_marks.h"

#include <algorithm>

namespace colophon::ocr {
namespace {

// What Tesseract often makes of a mark whose box it misplaces: left on the host, it belongs to
// the mark (sentence marks stay).
bool misread_mark(const std::string& g)
{
    return g == "!" || g == "'" || g == "\"" || g == "*" || g == ">" || g == "^" || g == "\u2019" ||
           g == "\u201d" || g == "\u00b0" || g == "?";
}

bool baseline_punctuation(const std::string& g) { return g == "." || g == "," || g == ";" || g == ":"; }

} // namespace

MarkSplit split_mark_glyphs(const std::vector<Glyph>& glyphs, const Glyph& mark, bool leading)
{
    MarkSplit out;
    out.host = {{}, 1 << 30, 1 << 30, -1, -1};
    for (const Glyph& g : glyphs) {
        const double c = (g.l + g.r) / 2.0;
        const bool in_mark = (leading ? c < mark.r + 1 : c > mark.l - 1) && !baseline_punctuation(g.text);
        if (in_mark) {
            out.mark += g.text;
            continue;
        }
        out.host.text += g.text;
        out.host.l = std::min(out.host.l, g.l);
        out.host.t = std::min(out.host.t, g.t);
        out.host.r = std::max(out.host.r, g.r);
        out.host.b = std::max(out.host.b, g.b);
    }
    if (out.mark.empty() && !glyphs.empty()) {
        const std::string& edge = leading ? glyphs.front().text : glyphs.back().text;
        if (misread_mark(edge) && out.host.text.size() > edge.size()) {
            if (leading)
                out.host.text.erase(0, edge.size());
            else
                out.host.text.resize(out.host.text.size() - edge.size());
        }
    }
    return out;
}

} // namespace colophon::ocr
