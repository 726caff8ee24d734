// Sets a short text in any script into a born-digital PDF with Pango (shaping, bidi, font
// fallback) and cairo, for the script and orientation samples (samples/scripts/<case>/source.txt
// -> input.pdf). Each source line is one printed line, so line ends (and the hyphens at them)
// are exactly as written; the text layer is what any Pango/cairo producer writes (glyphs in
// visual order with a ToUnicode map, ActualText for ligatures).
//
//   colophon-make-script-pdfs source.txt output.pdf
//
// source.txt: "@key value" lines first (font, size, title, lang, rotate 0|90|180|270 turns the
// content clockwise on the sheet, as a landscape table or a page scanned upside down), then
// the text: "# " starts a heading line, a blank line ends a paragraph, "@newpage" a page.

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {

constexpr double page_width = 595; // A4, points
constexpr double page_height = 842;
constexpr double margin = 60;
constexpr double leading = 1.4;       // line pitch / font size
constexpr double paragraph_gap = 0.7; // extra space between paragraphs, in lines
constexpr double heading_scale = 1.4;

struct SurfaceFree
{
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoFree
{
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct GObjectFree
{
    void operator()(void* p) const { g_object_unref(p); }
};
struct FontFree
{
    void operator()(PangoFontDescription* f) const { pango_font_description_free(f); }
};

struct Line
{
    std::string text;
    bool heading = false;
    bool paragraph_end = false; // a blank line follows
    bool page_end = false;
};

struct Source
{
    std::map<std::string, std::string> meta;
    std::vector<Line> lines;
};

Source read_source(const std::string& path)
{
    Source src;
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::string line;
    bool body = false;
    while (std::getline(in, line)) {
        if (!body && line.starts_with("@") && line != "@newpage") {
            const auto sp = line.find(' ');
            src.meta[line.substr(1, sp - 1)] = sp == std::string::npos ? "" : line.substr(sp + 1);
            continue;
        }
        body = true;
        if (line == "@newpage") {
            if (!src.lines.empty())
                src.lines.back().page_end = true;
        } else if (line.empty()) {
            if (!src.lines.empty())
                src.lines.back().paragraph_end = true;
        } else if (line.starts_with("# ")) {
            src.lines.push_back({line.substr(2), true, true, false});
        } else {
            src.lines.push_back({line, false, false, false});
        }
    }
    return src;
}

// Turns the page content `degrees` clockwise on a sheet of `sheet_w` x `sheet_h`.
void turn_content(cairo_t* cr, int degrees, double sheet_w, double sheet_h)
{
    if (degrees == 90) {
        cairo_translate(cr, sheet_w, 0);
        cairo_rotate(cr, M_PI / 2);
    } else if (degrees == 180) {
        cairo_translate(cr, sheet_w, sheet_h);
        cairo_rotate(cr, M_PI);
    } else if (degrees == 270) {
        cairo_translate(cr, 0, sheet_h);
        cairo_rotate(cr, -M_PI / 2);
    }
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::cerr << "usage: colophon-make-script-pdfs source.txt output.pdf\n";
        return 2;
    }
    try {
        const Source src = read_source(argv[1]);
        auto meta = [&](const std::string& key, const std::string& fallback) {
            const auto it = src.meta.find(key);
            return it == src.meta.end() ? fallback : it->second;
        };
        const int rotate = std::stoi(meta("rotate", "0"));
        if (rotate != 0 && rotate != 90 && rotate != 180 && rotate != 270)
            throw std::runtime_error("@rotate must be 0, 90, 180 or 270");
        const double size = std::stod(meta("size", "10"));
        const bool sideways = rotate == 90 || rotate == 270;
        const double sheet_w = sideways ? page_height : page_width;
        const double sheet_h = sideways ? page_width : page_height;

        const std::unique_ptr<cairo_surface_t, SurfaceFree> surface(
            cairo_pdf_surface_create(argv[2], sheet_w, sheet_h));
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, meta("title", "").c_str());
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "colophon-make-script-pdfs");
        // Fixed dates keep the output the same from run to run.
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "2024-01-01T00:00:00Z");
        const std::unique_ptr<cairo_t, CairoFree> cr(cairo_create(surface.get()));
        const std::unique_ptr<PangoLayout, GObjectFree> layout(pango_cairo_create_layout(cr.get()));
        const std::string family = meta("font", "DejaVu Serif");
        const std::unique_ptr<PangoFontDescription, FontFree> body_font(pango_font_description_from_string(
            (family + " " + std::to_string(static_cast<int>(size))).c_str()));
        const std::unique_ptr<PangoFontDescription, FontFree> heading_font(pango_font_description_from_string(
            (family + " Bold " + std::to_string(static_cast<int>(size * heading_scale))).c_str()));
        if (const std::string lang = meta("lang", ""); !lang.empty())
            pango_context_set_language(pango_layout_get_context(layout.get()), pango_language_from_string(lang.c_str()));

        cairo_save(cr.get());
        turn_content(cr.get(), rotate, sheet_w, sheet_h);
        double y = margin;
        for (const Line& l : src.lines) {
            const double line_size = l.heading ? size * heading_scale : size;
            pango_layout_set_font_description(layout.get(), l.heading ? heading_font.get() : body_font.get());
            pango_layout_set_text(layout.get(), l.text.c_str(), -1);
            pango_cairo_update_layout(cr.get(), layout.get());
            PangoLayoutLine* pl = pango_layout_get_line_readonly(layout.get(), 0);
            PangoRectangle ink, logical;
            pango_layout_line_get_extents(pl, &ink, &logical);
            const double width = logical.width / static_cast<double>(PANGO_SCALE);
            if (width > page_width - 2 * margin)
                throw std::runtime_error("line wider than the text area (" + std::to_string(static_cast<int>(width)) +
                                         " points): " + l.text);
            // A line whose text starts right-to-left is set flush right, as RTL pages are.
            const bool rtl = pango_layout_get_direction(layout.get(), 0) == PANGO_DIRECTION_RTL;
            y += line_size * leading;
            if (y > page_height - margin)
                throw std::runtime_error("the text runs past the foot of the page at: " + l.text);
            cairo_move_to(cr.get(), rtl ? page_width - margin - width : margin, y);
            pango_cairo_show_layout_line(cr.get(), pl);
            if (l.paragraph_end)
                y += size * leading * paragraph_gap;
            if (l.page_end) {
                cairo_restore(cr.get());
                cairo_show_page(cr.get());
                cairo_save(cr.get());
                turn_content(cr.get(), rotate, sheet_w, sheet_h);
                y = margin;
            }
        }
        cairo_restore(cr.get());
        cairo_show_page(cr.get());
        cairo_surface_finish(surface.get());
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
            throw std::runtime_error(std::string("cairo: ") + cairo_status_to_string(cairo_surface_status(surface.get())));
    } catch (const std::exception& e) {
        std::cerr << "colophon-make-script-pdfs: " << argv[1] << ": " << e.what() << "\n";
        return 1;
    }
    return 0;
}
