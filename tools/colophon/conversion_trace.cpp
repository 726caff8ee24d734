#include "conversion_trace.h"

#ifdef COLOPHON_HAVE_MEDIA_MODULE
#include "pipeline/media_loader.h"
#endif

#include <cstdio>
#include <iostream>

namespace colophon::cli {

void print_diagnostics(const core::Diagnostics& diags, const Verbosity& verbosity)
{
    for (const core::Diagnostic& d : diags.items()) {
        // INFO lines are decisions (a page OCR'd, a charset detected): --verbose shows them.
        if (verbosity.quiet && d.severity != core::Severity::Error)
            continue;
        if (!verbosity.verbose && d.severity == core::Severity::Info)
            continue;
        std::cerr << core::format_diagnostic(d) << '\n';
    }
    if (diags.dropped() > 0 && !verbosity.quiet)
        std::cerr << "WARNING: " << diags.file() << ": " << diags.dropped() << " more warnings not shown\n";
}

void StageClock::done(const std::string& what)
{
    if (!trace_.on())
        return;
    trace_.say(what + " (" + Trace::elapsed(last_) + ")");
    last_ = std::chrono::steady_clock::now();
}

std::string describe_input(const core::Input& input)
{
    return input.display_name + ": " + std::to_string(input.bytes.size()) + " bytes, sniffed as " +
           std::string(core::media_type_name(input.type));
}

std::string describe_document(const core::Document& doc)
{
    std::string s = "method " + (doc.extraction.method.empty() ? std::string("unknown") : doc.extraction.method);
    if (doc.extraction.page_count > 0)
        s += ", " + std::to_string(doc.extraction.page_count) + " pages";
    s += ", " + std::to_string(doc.body.size()) + " blocks, " + std::to_string(doc.notes.size()) + " notes, " +
         std::to_string(doc.meta.authors.size()) + " authors";
    s += doc.meta.date.iso.empty() ? ", no date" : ", date " + doc.meta.date.iso;
    return s;
}

std::vector<std::string> describe_decisions(const core::Document& doc, const core::Diagnostics& diags)
{
    std::vector<std::string> lines;
#ifdef COLOPHON_HAVE_MEDIA_MODULE
    if (const auto module = pipeline::media_module_path(); !module.empty())
        lines.push_back("PDF/OCR module: " + module.string());
#endif
    const core::Extraction& x = doc.extraction;
    if (!x.ocr_pages.empty()) {
        lines.push_back("OCR: " + x.ocr_engine + ", languages " + x.ocr_languages + ", " +
                        std::to_string(x.ocr_pages.size()) + " of " + std::to_string(std::max(x.page_count, 1)) +
                        " pages (the INFO lines say why each page was OCR'd)");
        for (const core::OcrPage& p : x.ocr_pages) {
            char conf[32];
            std::snprintf(conf, sizeof conf, "%.1f", p.mean_confidence);
            lines.push_back("OCR page " + std::to_string(p.page) + ": mean word confidence " + conf +
                            (p.low_confidence ? " (low)" : ""));
        }
    } else if (x.page_count > 0) {
        std::size_t without_text = 0;
        for (const core::Diagnostic& d : diags.items())
            without_text += d.code == "pdf.no-text-layer";
        lines.push_back(without_text == 0 ? "OCR: not needed, every page has a usable text layer"
                                          : "OCR: not run (turned off or unavailable); " +
                                                std::to_string(without_text) + " pages without a usable text layer");
    }
    return lines;
}

} // namespace colophon::cli
