// Runs colophon's OCR on a PDF (every page rendered and recognised) or a page image and prints
// the recognised text, so that it can be compared with the `tesseract` command (eval-ocr.sh) and
// timed (tools/bench/bench-ocr.sh). No layout analysis runs, for PDFs and images alike: the text
// is Tesseract's paragraphs as colophon's engine reads them (what layout analysis gets as words).
//
//   colophon-ocr-text [--dpi N] [--jobs N] [--lang L] [--json PRED.json] [--alto DIR]
//   [--no-preprocess] INPUT
// (--no-preprocess: images only, no despeckling, deskew or frame erasing: the page goes to
// Tesseract as the `tesseract` command gives it)

#include "core/diagnostics.h"
#include "core/input.h"
#include "core/text.h"
#include "ocr/ocr_converter.h"
#include "ocr/ocr_document.h"
#include "ocr/pdf_render.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

namespace {

using namespace colophon;

int usage()
{
    std::cerr << "usage: colophon-ocr-text [--dpi N] [--jobs N] [--lang L] [--json PRED.json] [--alto DIR] "
                 "[--no-preprocess] INPUT\n";
    return 2;
}

core::Document ocr_pdf(const core::Input& input, const core::ConvertOptions& options)
{
    GError* error = nullptr;
    GBytes* data = g_bytes_new_static(input.bytes.data(), input.bytes.size());
    const ocr::PopplerDocumentPtr doc(poppler_document_new_from_bytes(data, nullptr, &error));
    g_bytes_unref(data);
    if (!doc) {
        const std::string why = error != nullptr ? error->message : "unreadable";
        g_clear_error(&error);
        throw core::ConversionError("pdf.unreadable", input.display_name, why);
    }
    std::vector<int> pages;
    for (int i = 1; i <= poppler_document_get_n_pages(doc.get()); ++i)
        pages.push_back(i);
    const auto recognised = ocr::ocr_pdf_pages(doc.get(), pages, options, input.display_name);
    core::Document out = ocr::build_plain_document(recognised);
    out.extraction.method = "ocr";
    out.extraction.page_count = static_cast<int>(pages.size());
    ocr::record_ocr_pages(out.extraction, recognised, options.ocr_languages);
    return out;
}

core::Document ocr_image(const core::Input& input, const core::ConvertOptions& options, bool preprocess)
{
    ocr::EngineConfig config;
    config.deskew = preprocess;
    config.erase_frames = preprocess;
    config.erase_specks = preprocess;
    const auto recognised = ocr::recognise_image_pages(input, options, config);
    core::Document out = ocr::build_plain_document(recognised);
    out.extraction.method = "ocr";
    out.extraction.page_count = static_cast<int>(recognised.size());
    ocr::record_ocr_pages(out.extraction, recognised, options.ocr_languages);
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    core::ConvertOptions options;
    std::string json_path;
    std::string alto_dir;
    std::string path;
    bool preprocess = true;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--dpi" && has_value)
            options.ocr_dpi = std::stoi(argv[++i]);
        else if (arg == "--jobs" && has_value)
            options.jobs = std::stoi(argv[++i]);
        else if (arg == "--lang" && has_value)
            options.ocr_languages = argv[++i];
        else if (arg == "--json" && has_value)
            json_path = argv[++i];
        else if (arg == "--alto" && has_value)
            alto_dir = argv[++i];
        else if (arg == "--no-preprocess")
            preprocess = false;
        else if (!arg.empty() && arg[0] != '-' && path.empty())
            path = arg;
        else
            return usage();
    }
    if (path.empty())
        return usage();

    try {
        const auto start = std::chrono::steady_clock::now();
        const core::Input input = core::read_input(path, options.limits.max_input_bytes);
        const core::Document doc = input.type == core::MediaType::Pdf ? ocr_pdf(input, options)
                                                                        : ocr_image(input, options, preprocess);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

        int page = 0;
        for (const core::Block& b : doc.body) {
            if (b.source.page && *b.source.page != page) {
                if (page != 0)
                    std::cout << "\f";
                page = *b.source.page;
            }
            std::cout << core::plain_text(b) << "\n\n";
        }
        for (const core::OcrPage& p : doc.extraction.ocr_pages)
            std::cerr << "page " << p.page << ": mean confidence " << p.mean_confidence
                      << (p.low_confidence ? " (low)" : "") << "\n";
        std::cerr << "pages " << doc.extraction.page_count << " seconds " << seconds << "\n";

        if (!json_path.empty()) {
            nlohmann::json pred;
            pred["blocks"] = nlohmann::json::array();
            pred["body_paragraphs"] = nlohmann::json::array();
            for (const core::Block& b : doc.body) {
                const std::string text = core::plain_text(b);
                pred["blocks"].push_back({{"type", "paragraph"}, {"text", text}});
                pred["body_paragraphs"].push_back(text);
            }
            std::ofstream(json_path) << pred.dump(1) << "\n";
        }
        if (!alto_dir.empty()) {
            std::filesystem::create_directories(alto_dir);
            for (const core::OcrPage& p : doc.extraction.ocr_pages)
                std::ofstream(std::filesystem::path(alto_dir) / ("page-" + std::to_string(p.page) + ".alto.xml"))
                    << p.alto_xml;
        }
    } catch (const core::ConversionError& e) {
        std::cerr << core::format_diagnostic(e.diagnostic()) << "\n";
        return 1;
    }
    return 0;
}
