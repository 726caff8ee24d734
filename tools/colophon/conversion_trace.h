#pragma once
// What convert and pack tell about one document: its diagnostics (by verbosity) and, with
// --verbose, stage timings and the decisions taken (type sniffed, method, why pages were OCR'd).

#include "cli_common.h"

#include "core/diagnostics.h"
#include "core/document.h"
#include "core/input.h"

#include <chrono>
#include <string>
#include <vector>

namespace colophon::cli {

// Quiet: errors only; default: warnings and errors; verbose: also INFO (the decisions taken).
void print_diagnostics(const core::Diagnostics& diags, const Verbosity& verbosity);

// Times consecutive stages: done("convert: ...") prints the line with the time since the last one.
class StageClock
{
public:
    explicit StageClock(const Trace& trace) : trace_(trace), last_(std::chrono::steady_clock::now()) {}
    void done(const std::string& what);

private:
    const Trace& trace_;
    std::chrono::steady_clock::time_point last_;
};

// "page.html: 12,345 bytes, sniffed as text/html"
std::string describe_input(const core::Input& input);
// "method html: 14 blocks, 3 notes, 2 authors, date 2023-03-16"
std::string describe_document(const core::Document& doc);
// One line per decision the Document records: OCR engine, languages and pages with their
// confidence, or why no page was OCR'd. (Why each page was OCR'd is an INFO diagnostic.)
std::vector<std::string> describe_decisions(const core::Document& doc, const core::Diagnostics& diags);

} // namespace colophon::cli
