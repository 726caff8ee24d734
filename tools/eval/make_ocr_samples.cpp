// Makes the OCR samples in samples/ocr/: pages of invented text drawn with cairo, then "scanned"
// (rendered, slightly rotated, noise added) with Leptonica. Deterministic: the same files each run.
//
//   make-ocr-samples SAMPLES_DIR      (writes SAMPLES_DIR/<case>/input.* and expected.snippets.json)

#include <cairo-pdf.h>
#include <cairo.h>
#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct PixDestroy
{
    void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDestroy>;
struct SurfaceDestroy
{
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;
struct CairoDestroy
{
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using CairoPtr = std::unique_ptr<cairo_t, CairoDestroy>;

constexpr double page_w = 420; // A5, points
constexpr double page_h = 595;
constexpr double margin = 48;

struct Line
{
    std::string text;
    double size = 11;
    bool bold = false;
    double space_before = 0;
};
using Page = std::vector<Line>;

// Draws the page's paragraphs word-wrapped to the text width, in points.
void draw_page(cairo_t* cr, const Page& page, const char* family)
{
    cairo_set_source_rgb(cr, 0, 0, 0);
    double y = margin;
    for (const Line& para : page) {
        cairo_select_font_face(cr, family, CAIRO_FONT_SLANT_NORMAL,
                               para.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr, para.size);
        y += para.space_before + para.size;
        std::string line;
        std::size_t start = 0;
        // "word^1" draws a superscript "1" after "word" (a note mark), smaller and raised.
        auto flush = [&] {
            cairo_move_to(cr, margin, y);
            std::size_t at = 0;
            while (at < line.size()) {
                const std::size_t caret = line.find('^', at);
                cairo_show_text(cr, line.substr(at, caret == std::string::npos ? std::string::npos : caret - at).c_str());
                if (caret == std::string::npos)
                    break;
                std::size_t end = line.find(' ', caret);
                if (end == std::string::npos)
                    end = line.size();
                double x = 0, y0 = 0;
                cairo_get_current_point(cr, &x, &y0);
                cairo_set_font_size(cr, para.size * 0.62);
                cairo_move_to(cr, x + para.size * 0.05, y0 - para.size * 0.38);
                cairo_show_text(cr, line.substr(caret + 1, end - caret - 1).c_str());
                cairo_get_current_point(cr, &x, &y0);
                cairo_set_font_size(cr, para.size);
                cairo_move_to(cr, x, y0 + para.size * 0.38);
                at = end;
            }
            y += para.size * 1.3;
            line.clear();
        };
        while (start < para.text.size()) {
            std::size_t end = para.text.find(' ', start);
            if (end == std::string::npos)
                end = para.text.size();
            const std::string word = para.text.substr(start, end - start);
            const std::string candidate = line.empty() ? word : line + " " + word;
            cairo_text_extents_t ext;
            cairo_text_extents(cr, candidate.c_str(), &ext);
            if (!line.empty() && ext.x_advance > page_w - 2 * margin) {
                flush();
                line = word;
            } else {
                line = candidate;
            }
            start = end + 1;
        }
        if (!line.empty())
            flush();
        y -= para.size * 1.3 - para.size * 0.4;
    }
}

// A running header at the top of the page and a footer centred at its foot, in small type.
struct Running
{
    std::string header;
    std::string footer;
};

void draw_running(cairo_t* cr, const Running& running, const char* family)
{
    cairo_select_font_face(cr, family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 8);
    if (!running.header.empty()) {
        cairo_move_to(cr, margin, 30);
        cairo_show_text(cr, running.header.c_str());
    }
    if (!running.footer.empty()) {
        cairo_text_extents_t ext;
        cairo_text_extents(cr, running.footer.c_str(), &ext);
        cairo_move_to(cr, (page_w - ext.x_advance) / 2, page_h - 24);
        cairo_show_text(cr, running.footer.c_str());
    }
}

// The page as a grey image at `dpi`, as a scanner would see it: slightly rotated, with noise.
PixPtr scan_page(const Page& page, const char* family, int dpi, double degrees, std::uint32_t seed,
                 const Running& running = {})
{
    const double scale = dpi / 72.0;
    const int w = static_cast<int>(std::ceil(page_w * scale));
    const int h = static_cast<int>(std::ceil(page_h * scale));
    const SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
    {
        const CairoPtr cr(cairo_create(surface.get()));
        cairo_set_source_rgb(cr.get(), 1, 1, 1);
        cairo_paint(cr.get());
        cairo_scale(cr.get(), scale, scale);
        draw_page(cr.get(), page, family);
        draw_running(cr.get(), running, family);
    }
    cairo_surface_flush(surface.get());
    PixPtr grey(pixCreate(w, h, 8));
    pixSetResolution(grey.get(), dpi, dpi);
    const unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    std::uint32_t state = seed;
    auto rnd = [&] { // LCG: deterministic noise
        state = state * 1664525u + 1013904223u;
        return static_cast<int>((state >> 16) & 0xFF);
    };
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint32_t px = 0;
            std::memcpy(&px, data + static_cast<std::ptrdiff_t>(y) * stride + x * 4, 4);
            int v = static_cast<int>(px & 0xFF);
            v += (rnd() + rnd() - 255) / 6; // soft noise
            if (rnd() == 0 && rnd() < 64)
                v = 40; // specks
            pixSetPixel(grey.get(), x, y, static_cast<l_uint32>(std::clamp(v, 0, 255)));
        }
    if (degrees == 0)
        return grey;
    return PixPtr(pixRotate(grey.get(), static_cast<float>(degrees * M_PI / 180), L_ROTATE_AREA_MAP,
                            L_BRING_IN_WHITE, 0, 0));
}

void write_snippets(const fs::path& dir, const std::vector<std::string>& with,
                    const std::vector<std::string>& without)
{
    auto list = [](const std::vector<std::string>& v) {
        std::string s;
        for (std::size_t i = 0; i < v.size(); ++i)
            s += (i ? ", \"" : "\"") + v[i] + "\"";
        return s;
    };
    std::ofstream(dir / "expected.snippets.json") << "{\"with\": [" << list(with) << "], \"without\": ["
                                                  << list(without) << "]}\n";
}

void write_pix(const fs::path& path, Pix* pix, int format)
{
    if (pixWrite(path.c_str(), pix, format) != 0)
        throw std::runtime_error("cannot write " + path.string());
}

const Page letter_page = {
    {"Grain Corridors and River Ports", 17, true, 0},
    {"A note on freight through the Velora valley", 12, false, 4},
    {"Barges on the Velora carry most of the valley's grain to the coast, yet the locks at Tamsin "
     "were built for boats half their size. Each crossing now waits for a second lock cycle, and "
     "in a dry summer the queue stretches for days.",
     11, false, 10},
    {"Port managers have asked for a joint timetable with the railway, so that wagons meet the "
     "barges instead of waiting beside an empty quay. The regional council has promised a study "
     "before the next harvest.^1",
     11, false, 6},
    {"^1 Figures from the harbour office annual returns.", 8, false, 24},
};

const Page tiff_page_1 = {
    {"Minutes of the Orchard Cooperative", 15, true, 0},
    {"The members met in the old school hall on a wet Thursday evening. The treasurer reported that "
     "the new cold store had paid for itself within two seasons, and that the apple presses needed "
     "new seals before the autumn.",
     11, false, 10},
};

const Page tiff_page_2 = {
    {"Decisions", 15, true, 0},
    {"The meeting agreed to rent a second lorry for the pear harvest and to invite the beekeepers "
     "to the spring fair. Lantern repairs were postponed until the roof of the packing shed is mended.",
     11, false, 10},
};

const Page rotated_page = {
    {"Lighthouse Keepers of the Northern Cape", 15, true, 0},
    {"Until the lamps were automated, three families shared the watch at the cape, turning the lens "
     "by hand through every winter storm. Their logbooks record ships, whales and the colour of the "
     "sea at dawn.",
     11, false, 10},
};

const Page digital_page = {
    {"Annual Report of the Marsh Library", 16, true, 0},
    {"The reading room reopened in March after the repair of its ceiling. Visitors consulted the "
     "parish registers more often than any other collection, and the volunteers catalogued four "
     "hundred pamphlets from the bequest of a local printer.",
     11, false, 10},
};

const Page scanned_insert = {
    {"Appendix: Inventory of Maps", 15, true, 0},
    {"The surveyors' sheets of the estuary were found rolled in a tin trunk, damp but legible. They "
     "show the old ferry landing, the salt pans and a windmill that no longer stands.",
     11, false, 10},
};

// A two-page article scan: running header and "Page N of 2" footer on both pages, a
// "Name | Affiliation" byline and a printed date under the title, an author note at the end.
const Page article_page_1 = {
    {"Tolls and Tides on the Velora", 17, true, 0},
    {"Why the river ports lose freight to the roads", 12.5, false, 4},
    {"Isla Marwood | Velora Freight Institute", 10.5, false, 8},
    {"Published 3 March 2024", 10, false, 2},
    {"Every spring the river ports of the Velora publish their tonnage, and every spring the figures "
     "are lower than the year before. Hauliers say the locks are slow and the quays are far from the "
     "warehouses; port managers answer that the tolls were set when barges carried coal, not grain.",
     11, false, 12},
    {"A barge that waits two lock cycles at Tamsin loses most of a working day. Over a season the delay "
     "costs more than the toll itself, and the roads, which charge nothing at the point of use, look "
     "cheaper than they are. The council has never counted the wear on the valley road.",
     11, false, 6},
    {"Three changes would bring freight back to the water without new concrete: tolls charged by the "
     "tonne rather than by the hull, lock slots booked a day ahead, and one timetable for barges and "
     "wagons at the railhead.",
     11, false, 6},
};

const Page article_page_2 = {
    {"None of this is costly. Booking slots needs a telephone line and a ledger at each lock; the "
     "railway already publishes its timetable a month ahead. What has been missing is a single office "
     "that answers for the whole corridor rather than for one port at a time.",
     11, false, 12},
    {"The ports that tried booked slots last autumn cut their waiting times by half, and two hauliers "
     "moved their winter loads back to the river. A valley-wide trial in the coming season would show "
     "whether the gains hold when every port takes part.",
     11, false, 6},
    {"Isla Marwood is a research fellow at the Velora Freight Institute.", 9.5, false, 22},
};

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: make-ocr-samples SAMPLES_DIR\n";
        return 2;
    }
    setMsgSeverity(L_SEVERITY_ERROR);
    const fs::path root = argv[1];
    try {
        // 1. a scanned page: grey JPEG, 200 dpi, rotated 0.8 degrees, noisy.
        {
            const fs::path dir = root / "scanned-page";
            fs::create_directories(dir);
            const PixPtr pix = scan_page(letter_page, "DejaVu Serif", 200, 0.8, 7);
            if (pixWriteJpeg((dir / "input.jpg").c_str(), pix.get(), 60, 0) != 0)
                throw std::runtime_error("cannot write JPEG");
            write_snippets(dir, {"Grain Corridors and River Ports", "locks at Tamsin", "joint timetable with the railway",
                                 "regional council"},
                           {"Grain Corridors Grain Corridors", "\\ufffd"});
        }
        // 2. a page scanned sideways (turned 90 degrees clockwise), bilevel PNG.
        {
            const fs::path dir = root / "rotated-page";
            fs::create_directories(dir);
            const PixPtr pix = scan_page(rotated_page, "DejaVu Sans", 200, -0.5, 11);
            const PixPtr binary(pixConvertTo1(pix.get(), 150));
            const PixPtr turned(pixRotateOrth(binary.get(), 1));
            write_pix(dir / "input.png", turned.get(), IFF_PNG);
            write_snippets(dir, {"Lighthouse Keepers", "turning the lens", "colour of the sea"}, {});
        }
        // 3. a two-page bilevel TIFF (CCITT G4), as office scanners make them.
        {
            const fs::path dir = root / "multipage-tiff";
            fs::create_directories(dir);
            const fs::path out = dir / "input.tif";
            fs::remove(out);
            int n = 0;
            for (const Page* page : {&tiff_page_1, &tiff_page_2}) {
                const PixPtr grey = scan_page(*page, "DejaVu Serif", 200, n == 0 ? -0.6 : 0.4, 23u + n);
                const PixPtr binary(pixConvertTo1(grey.get(), 150));
                pixSetResolution(binary.get(), 200, 200);
                if (pixWriteTiff(out.c_str(), binary.get(), IFF_TIFF_G4, n == 0 ? "w" : "a") != 0)
                    throw std::runtime_error("cannot write " + out.string());
                ++n;
            }
            write_snippets(dir, {"Orchard Cooperative", "cold store", "Decisions", "pear harvest", "beekeepers"},
                           {});
        }
        // 4. a mixed PDF: a born-digital page followed by a scanned insert (grey JPEG).
        {
            const fs::path dir = root / "mixed-pdf";
            fs::create_directories(dir);
            const PixPtr scan = scan_page(scanned_insert, "DejaVu Serif", 200, 1.1, 31);
            l_uint8* jpeg_data = nullptr;
            size_t jpeg_size = 0;
            if (pixWriteMemJpeg(&jpeg_data, &jpeg_size, scan.get(), 60, 0) != 0)
                throw std::runtime_error("cannot encode JPEG");
            const std::unique_ptr<l_uint8, void (*)(void*)> jpeg(jpeg_data, lept_free);

            const SurfacePtr pdf(cairo_pdf_surface_create((dir / "input.pdf").c_str(), page_w, page_h));
            const CairoPtr cr(cairo_create(pdf.get()));
            draw_page(cr.get(), digital_page, "DejaVu Serif");
            cairo_show_page(cr.get());

            const int w = static_cast<int>(pixGetWidth(scan.get()));
            const int h = static_cast<int>(pixGetHeight(scan.get()));
            const SurfacePtr image(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
            // cairo embeds the JPEG bytes as they are (the pixels are only its fallback); they
            // must outlive the PDF surface, which is finished below before they are freed.
            cairo_surface_set_mime_data(image.get(), CAIRO_MIME_TYPE_JPEG, jpeg.get(), jpeg_size, nullptr,
                                        nullptr);
            cairo_save(cr.get());
            cairo_scale(cr.get(), page_w / w, page_h / h);
            cairo_set_source_surface(cr.get(), image.get(), 0, 0);
            cairo_paint(cr.get());
            cairo_restore(cr.get());
            cairo_show_page(cr.get());
            cairo_surface_finish(pdf.get());
            write_snippets(dir, {"Annual Report of the Marsh Library", "parish registers", "Inventory of Maps",
                                 "tin trunk", "salt pans"},
                           {});
        }
        // 5. a two-page article scan with running header, page-number footer, a byline with its
        //    affiliation and an author note (multi-page grey TIFF, 200 dpi).
        {
            const fs::path dir = root / "scanned-article";
            fs::create_directories(dir);
            const fs::path out = dir / "input.tif";
            fs::remove(out);
            int n = 0;
            for (const Page* page : {&article_page_1, &article_page_2}) {
                const Running running{"Velora Freight Institute | Briefing No. 7",
                                      "Page " + std::to_string(n + 1) + " of 2"};
                const PixPtr grey = scan_page(*page, "DejaVu Serif", 200, n == 0 ? 0.5 : -0.7, 41u + n, running);
                const PixPtr binary(pixConvertTo1(grey.get(), 150));
                pixSetResolution(binary.get(), 200, 200);
                if (pixWriteTiff(out.c_str(), binary.get(), IFF_TIFF_G4, n == 0 ? "w" : "a") != 0)
                    throw std::runtime_error("cannot write " + out.string());
                ++n;
            }
            write_snippets(dir, {"Every spring the river ports", "wear on the valley road", "booked slots last autumn",
                                 "whether the gains hold"},
                           {"Briefing No", "Page 1 of 2", "Page 2 of 2"});
        }
    } catch (const std::exception& e) {
        std::cerr << "make-ocr-samples: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
