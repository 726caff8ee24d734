// Typesets a small article description into a born-digital PDF with cairo, for the PDF samples
// (samples/pdf/<case>/source.txt -> input.pdf). Not a typesetter: just enough to produce the
// structures the layout analysis must recover (columns, running headers and footers, footnotes
// that continue on the next column or page, endnotes, links across line breaks, hyphenation).
//
//   colophon-make-pdf-samples source.txt output.pdf
//
// source.txt: "@key value" lines (page, columns, header, footer, kicker, title, subtitle, byline,
// affil, date, notes foot|end, bio), then the body: "# Heading" lines and paragraphs separated by
// blank lines. Inline: *italic*, **bold**, [anchor words](uri), ^[note text], and "~" inside a
// word marks where it may be hyphenated at a line end.

#include <cairo-pdf.h>
#include <cairo.h>

#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct SurfaceFree
{
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoFree
{
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};

struct Style
{
    bool bold = false, italic = false, sup = false;
    double size = 10;
};

struct Word
{
    std::string text;
    Style style;
    std::string uri;
    int note = 0;       // > 0: a note mark glued to the previous word
    bool glue = false;  // no space before
};

struct Op
{
    int page = 0;
    double x = 0, y = 0; // baseline
    std::string text;
    Style style;
    std::string uri;
};

struct Source
{
    std::map<std::string, std::string> meta;
    std::vector<std::pair<bool, std::string>> blocks; // (heading?, text)
};

Source read_source(const std::string& path)
{
    Source src;
    std::ifstream in(path);
    std::string line, para;
    auto flush = [&] {
        if (!para.empty())
            src.blocks.push_back({false, para});
        para.clear();
    };
    while (std::getline(in, line)) {
        if (line.starts_with("@")) {
            const auto sp = line.find(' ');
            src.meta[line.substr(1, sp - 1)] = sp == std::string::npos ? "" : line.substr(sp + 1);
        } else if (line.starts_with("# ")) {
            flush();
            src.blocks.push_back({true, line.substr(2)});
        } else if (line.empty()) {
            flush();
        } else {
            para += (para.empty() ? "" : " ") + line;
        }
    }
    flush();
    return src;
}

class Typesetter
{
public:
    explicit Typesetter(cairo_t* cr) : cr_(cr) {}

    double width(const std::string& text, const Style& st) const
    {
        set_font(st);
        cairo_text_extents_t ext;
        cairo_text_extents(cr_, text.c_str(), &ext);
        return ext.x_advance;
    }
    void set_font(const Style& st) const
    {
        cairo_select_font_face(cr_, "DejaVu Serif", st.italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                               st.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr_, st.sup ? st.size * 0.65 : st.size);
    }

private:
    cairo_t* cr_;
};

// Parses inline markup into words; notes are collected in `notes` (1-based marks).
std::vector<Word> parse_inline(const std::string& text, double size, std::vector<std::string>& notes)
{
    std::vector<Word> out;
    Style st;
    st.size = size;
    std::string uri;
    bool in_anchor = false;
    std::string cur;
    bool glue_next = false;
    auto flush = [&] {
        if (!cur.empty()) {
            Word w{cur, st, in_anchor ? uri : "", 0, glue_next};
            out.push_back(w);
            glue_next = false;
        }
        cur.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '^' && i + 1 < text.size() && text[i + 1] == '[') {
            const auto end = text.find(']', i);
            flush();
            notes.push_back(text.substr(i + 2, end - i - 2));
            Word w{std::to_string(notes.size()), st, "", static_cast<int>(notes.size()), true};
            w.style.sup = true;
            w.style.bold = w.style.italic = false;
            out.push_back(w);
            i = end;
            glue_next = true;
            continue;
        }
        if (c == '[') {
            flush();
            const auto close = text.find("](", i);
            const auto end = text.find(')', close);
            uri = text.substr(close + 2, end - close - 2);
            in_anchor = true;
            glue_next = i > 0 && text[i - 1] != ' ';
            const std::string anchor = text.substr(i + 1, close - i - 1);
            std::istringstream words(anchor);
            std::string w;
            while (words >> w) {
                cur = w;
                flush();
            }
            in_anchor = false;
            i = end;
            glue_next = end + 1 < text.size() && text[end + 1] != ' ';
            continue;
        }
        if (c == '*') {
            flush();
            if (i + 1 < text.size() && text[i + 1] == '*') {
                st.bold = !st.bold;
                ++i;
            } else {
                st.italic = !st.italic;
            }
            glue_next = !cur.empty() || (i + 1 < text.size() && text[i + 1] != ' ' && !out.empty() && i > 0 && text[i - 1] != ' ' &&
                                         text[i - 2] != ' ');
            continue;
        }
        if (c == ' ') {
            flush();
            glue_next = false;
            continue;
        }
        cur += c;
    }
    flush();
    return out;
}

struct Line
{
    std::vector<Word> words;
    double indent = 0;
};

// Greedy line breaking; "~" inside a word may become a hyphenated break.
std::vector<Line> break_lines(std::vector<Word> words, double width, double indent, const Typesetter& ts)
{
    std::vector<Line> lines(1);
    lines.back().indent = indent;
    double x = indent;
    const double space = ts.width(" ", words.empty() ? Style{} : words.front().style);
    for (std::size_t i = 0; i < words.size(); ++i) {
        Word w = words[i];
        std::string clean;
        for (char c : w.text)
            if (c != '~')
                clean += c;
        const double gap = (lines.back().words.empty() || w.glue) ? 0 : space;
        const double ww = ts.width(clean, w.style);
        if (x + gap + ww > width && !lines.back().words.empty() && !w.glue) {
            // try a hyphenation point
            const auto tilde = w.text.find('~');
            if (tilde != std::string::npos) {
                std::string head = w.text.substr(0, tilde), tail = w.text.substr(tilde + 1);
                std::string head_clean;
                for (char c : head)
                    if (c != '~')
                        head_clean += c;
                if (x + gap + ts.width(head_clean + "-", w.style) <= width) {
                    Word h = w;
                    h.text = head_clean + "-";
                    lines.back().words.push_back(h);
                    w.text = tail;
                    w.glue = false;
                    for (char& c : w.text)
                        if (c == '~')
                            c = '\x01';
                    std::string t;
                    for (char c : w.text)
                        if (c != '\x01')
                            t += c;
                    w.text = t;
                    lines.push_back({});
                    lines.back().words.push_back(w);
                    x = ts.width(w.text, w.style);
                    continue;
                }
            }
            lines.push_back({});
            x = 0;
            w.text = clean;
            lines.back().words.push_back(w);
            x += ww;
            continue;
        }
        w.text = clean;
        lines.back().words.push_back(w);
        x += gap + ww;
    }
    return lines;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::cerr << "usage: colophon-make-pdf-samples source.txt output.pdf\n";
        return 2;
    }
    const Source src = read_source(argv[1]);
    auto meta = [&](const std::string& k, const std::string& def = "") {
        const auto it = src.meta.find(k);
        return it == src.meta.end() ? def : it->second;
    };
    double pw = 595, ph = 842;
    std::istringstream(meta("page", "595 842")) >> pw >> ph;
    const int columns = std::stoi(meta("columns", "1"));
    const bool endnotes = meta("notes", "foot") == "end";
    const double margin = 60, gutter = 20, body_size = 10, leading = 13, note_size = 8, note_leading = 10;
    const double col_w = (pw - 2 * margin - gutter * (columns - 1)) / columns;
    const double top = 70, bottom = ph - 60;

    // A measuring context (ops are drawn once the page count is known).
    const std::unique_ptr<cairo_surface_t, SurfaceFree> measure_surface(cairo_pdf_surface_create(nullptr, pw, ph));
    const std::unique_ptr<cairo_t, CairoFree> mcr(cairo_create(measure_surface.get()));
    Typesetter ts(mcr.get());

    std::vector<Op> ops;
    std::vector<std::string> notes;
    auto emit_line = [&](int pg, const std::vector<Word>& words, double x, double baseline) {
        for (std::size_t i = 0; i < words.size(); ++i) {
            const Word& w = words[i];
            if (i > 0 && !w.glue)
                x += ts.width(" ", words[i - 1].style);
            ops.push_back({pg, x, w.style.sup ? baseline - 0.4 * w.style.size : baseline, w.text, w.style, w.uri});
            x += ts.width(w.text, w.style);
        }
    };

    // 1. front matter, full width on page 1
    double front_bottom = top;
    auto front = [&](const std::string& text, Style st, double before) {
        if (text.empty())
            return;
        std::vector<std::string> unused;
        auto words = parse_inline(text, st.size, unused);
        for (auto& w : words) {
            w.style.bold = w.style.bold || st.bold;
            w.style.italic = w.style.italic || st.italic;
        }
        front_bottom += before;
        for (const Line& l : break_lines(words, pw - 2 * margin, 0, ts)) {
            front_bottom += st.size * 1.3;
            emit_line(1, l.words, margin, front_bottom);
        }
    };
    front(meta("kicker"), {true, false, false, 9}, 0);
    front(meta("title"), {true, false, false, 20}, 6);
    front(meta("subtitle"), {false, true, false, 13}, 4);
    front(meta("byline"), {false, false, false, 10}, 8);
    front(meta("affil"), {false, false, false, 9}, 0);
    front(meta("date"), {false, false, false, 9}, 2);
    front_bottom += 22;

    // 2. body in columns, footnotes at the foot of the column that cites them
    int page = 1, col = 0;
    double y = front_bottom;
    std::vector<Line> col_notes, carried;
    auto col_x = [&] { return margin + col * (col_w + gutter); };
    auto notes_height = [&](std::size_t n) { return n == 0 ? 0.0 : 10 + note_leading * static_cast<double>(n); };
    auto flush_notes = [&] {
        const std::size_t fit = static_cast<std::size_t>(std::max(0.0, (bottom - (y + 10)) / note_leading));
        std::size_t n = std::min(fit, col_notes.size());
        double ny = bottom - notes_height(n) + 10 + note_size * 0.8;
        for (std::size_t k = 0; k < n; ++k, ny += note_leading)
            emit_line(page, col_notes[k].words, col_x() + col_notes[k].indent, ny);
        carried.assign(col_notes.begin() + static_cast<long>(n), col_notes.end());
        col_notes.clear();
    };
    auto next_column = [&] {
        flush_notes();
        if (++col >= columns) {
            col = 0;
            ++page;
        }
        y = page == 1 ? front_bottom : top;
        col_notes = carried;
        carried.clear();
    };
    auto note_lines = [&](int n) {
        std::vector<std::string> unused;
        auto words = parse_inline(notes[static_cast<std::size_t>(n - 1)], note_size, unused);
        Word mark{std::to_string(n), {false, false, true, note_size}, "", 0, false};
        words.insert(words.begin(), mark);
        if (words.size() > 1)
            words[1].glue = true;
        return break_lines(words, col_w, 8, ts);
    };
    auto place_lines = [&](const std::vector<Line>& lines, double size, double line_leading) {
        for (const Line& l : lines) {
            std::vector<Line> new_notes;
            if (!endnotes)
                for (const Word& w : l.words)
                    if (w.note > 0)
                        for (const Line& nl : note_lines(w.note))
                            new_notes.push_back(nl);
            // the line fits when at least the first line of its notes fits below it
            const std::size_t after = col_notes.size() + std::min<std::size_t>(new_notes.size(), 1);
            if (y + line_leading > bottom - notes_height(after))
                next_column();
            y += line_leading;
            emit_line(page, l.words, col_x() + l.indent, y);
            col_notes.insert(col_notes.end(), new_notes.begin(), new_notes.end());
            (void)size;
        }
    };
    bool after_heading = true;
    auto place_block = [&](bool heading, const std::string& text, Style extra = {}) {
        if (heading) {
            auto words = parse_inline(text, 12, notes);
            for (auto& w : words)
                w.style.bold = true;
            const auto lines = break_lines(words, col_w, 0, ts);
            if (y + 16 + 3 * leading > bottom - notes_height(col_notes.size()))
                next_column();
            else if (y > (page == 1 ? front_bottom : top))
                y += 12;
            place_lines(lines, 12, 16);
            after_heading = true;
            return;
        }
        auto words = parse_inline(text, body_size, notes);
        for (auto& w : words)
            w.style.italic = w.style.italic || extra.italic;
        place_lines(break_lines(words, col_w, after_heading ? 0 : 14, ts), body_size, leading);
        after_heading = false;
    };
    for (const auto& [heading, text] : src.blocks)
        place_block(heading, text);
    if (!meta("bio").empty()) {
        y += 12;
        after_heading = true;
        Style it;
        it.italic = true;
        place_block(false, meta("bio"), it);
    }
    if (endnotes && !notes.empty()) {
        place_block(true, "Notes");
        const std::vector<std::string> all = notes;
        for (std::size_t k = 0; k < all.size(); ++k) {
            std::vector<std::string> unused;
            auto words = parse_inline(std::to_string(k + 1) + ". " + all[k], note_size + 1, unused);
            place_lines(break_lines(words, col_w, 0, ts), note_size + 1, 12);
        }
    }
    flush_notes();
    while (!carried.empty()) {
        next_column();
        flush_notes();
    }
    const int pages = page;

    // 3. draw
    const std::unique_ptr<cairo_surface_t, SurfaceFree> surface(cairo_pdf_surface_create(argv[2], pw, ph));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "colophon-make-pdf-samples");
    if (!meta("info-title").empty())
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, meta("info-title").c_str());
    const std::unique_ptr<cairo_t, CairoFree> cr(cairo_create(surface.get()));
    Typesetter draw(cr.get());
    for (int p = 1; p <= pages; ++p) {
        cairo_set_source_rgb(cr.get(), 0, 0, 0);
        const Style furniture{false, false, false, 8};
        if (!meta("header").empty() && (p > 1 || meta("first-page-header", "yes") == "yes")) {
            draw.set_font(furniture);
            cairo_move_to(cr.get(), margin, 40);
            cairo_show_text(cr.get(), meta("header").c_str());
        }
        if (!meta("footer").empty()) {
            std::string f = meta("footer");
            for (auto [key, val] : {std::pair<std::string, int>{"{n}", p}, {"{N}", pages}}) {
                const auto pos = f.find(key);
                if (pos != std::string::npos)
                    f.replace(pos, key.size(), std::to_string(val));
            }
            draw.set_font(furniture);
            cairo_move_to(cr.get(), pw / 2 - draw.width(f, furniture) / 2, ph - 30);
            cairo_show_text(cr.get(), f.c_str());
        }
        for (const Op& op : ops) {
            if (op.page != p)
                continue;
            draw.set_font(op.style);
            if (!op.uri.empty()) {
                const std::string attrs = "uri='" + op.uri + "'";
                cairo_tag_begin(cr.get(), CAIRO_TAG_LINK, attrs.c_str());
            }
            cairo_move_to(cr.get(), op.x, op.y);
            cairo_show_text(cr.get(), op.text.c_str());
            if (!op.uri.empty())
                cairo_tag_end(cr.get(), CAIRO_TAG_LINK);
        }
        cairo_show_page(cr.get());
    }
    return 0;
}
