// Converts PDFs with the PdfConverter and writes colophon's document JSON per file (eval-pdf.sh
// turns it into the shape ../shared/eval/score_pdf.py reads with scorer_json.py); prints pages and
// time so pages/s can be compared.
//
//   colophon-eval-pdf [--ocr] OUT_DIR FILE.pdf...
//
// Without --ocr, pages without a usable text layer keep what their text layer has (fast, no
// Tesseract); with --ocr they are recognised as `colophon convert` does it.

#include "core/diagnostics.h"
#include "core/input.h"
#include "layout/text_lines.h"
#include "pdf/pdf_line_dump.h"
#include "pdf/pdf_converter.h"
#include "tei/json_writer.h"
#ifdef COLOPHON_EVAL_WITH_OCR
#include "ocr/pdf_ocr_provider.h"
#endif

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

int main(int argc, char** argv)
{
    // Debug aid: colophon-eval-pdf --lines FILE.pdf prints each page's lines as the layout sees them.
    if (argc == 3 && std::string(argv[1]) == "--lines")
        return colophon::pdf::dump_lines(argv[2], std::cout);
    int first = 1;
    bool with_ocr = false;
    if (argc > 1 && std::string(argv[1]) == "--ocr") {
        with_ocr = true;
        ++first;
    }
    if (argc < first + 2) {
        std::cerr << "usage: colophon-eval-pdf [--ocr] OUT_DIR FILE.pdf...\n";
        return 2;
    }
#ifndef COLOPHON_EVAL_WITH_OCR
    if (with_ocr) {
        std::cerr << "colophon-eval-pdf: this build has no OCR (COLOPHON_WITH_OCR=OFF)\n";
        return 2;
    }
#endif
    const std::filesystem::path out_dir = argv[first];
    std::filesystem::create_directories(out_dir);
    int pages = 0, failed = 0;
    double seconds = 0;
    for (int i = first + 1; i < argc; ++i) {
        const std::filesystem::path path = argv[i];
        colophon::core::Diagnostics diags(path.string());
        try {
            const auto t0 = std::chrono::steady_clock::now();
            const colophon::core::Input input = colophon::core::read_input(path.string(), 200u * 1024 * 1024);
            colophon::pdf::PdfConverter conv;
#ifdef COLOPHON_EVAL_WITH_OCR
            if (with_ocr)
                conv = colophon::pdf::PdfConverter(colophon::ocr::make_pdf_ocr_provider);
#endif
            const colophon::core::Document doc = conv.convert(input, {}, diags);
            const auto t1 = std::chrono::steady_clock::now();
            seconds += std::chrono::duration<double>(t1 - t0).count();
            pages += doc.extraction.page_count;
            std::ofstream(out_dir / (path.stem().string() + ".json")) << colophon::tei::build_json(doc).dump(1) << "\n";
        } catch (const colophon::core::ConversionError& e) {
            ++failed;
            std::cerr << colophon::core::format_diagnostic(e.diagnostic()) << "\n";
        }
        for (const auto& d : diags.items())
            std::cerr << colophon::core::format_diagnostic(d) << "\n";
    }
    std::cout << "files " << (argc - first - 1) << " failed " << failed << " pages " << pages << " seconds " << seconds
              << " pages/s " << (seconds > 0 ? pages / seconds : 0) << "\n";
    return failed ? 1 : 0;
}
