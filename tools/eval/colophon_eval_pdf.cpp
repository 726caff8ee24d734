// Converts PDFs with the PdfConverter and writes one prediction JSON per file in the shape
// ../shared/eval/score_pdf.py reads; prints pages and time so pages/s can be compared.
//
//   colophon-eval-pdf OUT_DIR FILE.pdf...

#include "core/diagnostics.h"
#include "core/input.h"
#include "core/text.h"
#include "layout/text_lines.h"
#include "pdf/pdf_converter.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace {

using colophon::core::Inline;
using colophon::core::InlineKind;
using nlohmann::json;

void collect_links(const std::vector<Inline>& inlines, json& links)
{
    for (const Inline& in : inlines) {
        if (in.kind == InlineKind::Link)
            links.push_back({{"text", colophon::core::clean_text(colophon::core::plain_text(in.children))}, {"uri", in.target}});
        collect_links(in.children, links);
    }
}

json to_prediction(const colophon::core::Document& doc)
{
    using colophon::core::clean_text;
    using colophon::core::plain_text;
    json j;
    j["title"] = doc.meta.title;
    j["subtitle"] = doc.meta.subtitle;
    j["date"] = doc.meta.date.iso;
    j["authors"] = json::array();
    for (const auto& a : doc.meta.authors)
        j["authors"].push_back({{"name", a.name}, {"affiliation", a.affiliation}});
    j["blocks"] = json::array();
    j["headings"] = json::array();
    j["body_paragraphs"] = json::array();
    j["links"] = json::array();
    if (!doc.meta.abstract.empty()) {
        j["blocks"].push_back({{"type", "paragraph"}, {"text", clean_text(plain_text(doc.meta.abstract))}});
        collect_links(doc.meta.abstract, j["links"]);
    }
    for (const auto& b : doc.body) {
        const std::string text = clean_text(plain_text(b));
        const bool heading = b.kind == colophon::core::BlockKind::Heading;
        j["blocks"].push_back({{"type", heading ? "heading" : "paragraph"}, {"text", text}});
        (heading ? j["headings"] : j["body_paragraphs"]).push_back(text);
        collect_links(b.content, j["links"]);
    }
    j["footnotes"] = json::array();
    for (const auto& n : doc.notes) {
        std::string text;
        for (const auto& b : n.blocks) {
            text += (text.empty() ? "" : " ") + plain_text(b);
            collect_links(b.content, j["links"]);
        }
        j["footnotes"].push_back({{"label", n.label}, {"text", clean_text(text)}});
    }
    return j;
}

} // namespace

int main(int argc, char** argv)
{
    // Debug aid: colophon-eval-pdf --lines FILE.pdf prints each page's lines as the layout sees them.
    if (argc == 3 && std::string(argv[1]) == "--lines")
        return colophon::pdf::dump_lines(argv[2], std::cout);
    if (argc < 3) {
        std::cerr << "usage: colophon-eval-pdf OUT_DIR FILE.pdf...\n";
        return 2;
    }
    const std::filesystem::path out_dir = argv[1];
    std::filesystem::create_directories(out_dir);
    int pages = 0, failed = 0;
    double seconds = 0;
    for (int i = 2; i < argc; ++i) {
        const std::filesystem::path path = argv[i];
        colophon::core::Diagnostics diags(path.string());
        try {
            const auto t0 = std::chrono::steady_clock::now();
            const colophon::core::Input input = colophon::core::read_input(path.string(), 200u * 1024 * 1024);
            colophon::pdf::PdfConverter conv;
            const colophon::core::Document doc = conv.convert(input, {}, diags);
            const auto t1 = std::chrono::steady_clock::now();
            seconds += std::chrono::duration<double>(t1 - t0).count();
            pages += doc.extraction.page_count;
            std::ofstream(out_dir / (path.stem().string() + ".json")) << to_prediction(doc).dump(1) << "\n";
        } catch (const colophon::core::ConversionError& e) {
            ++failed;
            std::cerr << colophon::core::format_diagnostic(e.diagnostic()) << "\n";
        }
        for (const auto& d : diags.items())
            std::cerr << colophon::core::format_diagnostic(d) << "\n";
    }
    std::cout << "files " << (argc - 2) << " failed " << failed << " pages " << pages << " seconds " << seconds
              << " pages/s " << (seconds > 0 ? pages / seconds : 0) << "\n";
    return failed ? 1 : 0;
}
