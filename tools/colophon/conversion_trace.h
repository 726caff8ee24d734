#pragma once
// What convert and pack tell about one document: its diagnostics (by verbosity) and, with
// --verbose, stage timings and the decisions taken (type sniffed, method, why pages were OCR'd).

#include "cli_common.h"
#include "exit_codes.h"

#include "core/diagnostics.h"
#include "core/document.h"
#include "core/input.h"

#include <chrono>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

namespace colophon::cli {

// Quiet: errors only; default: warnings and errors; verbose: also INFO (the decisions taken).
void print_diagnostics(const core::Diagnostics& diags, const Verbosity& verbosity);

// Runs one document's work, then prints its diagnostics and returns the exit code: a failure
// the converters name (ConversionError) is a diagnostic, anything else an ERROR line for `input`.
template <typename Work>
int run_document(const std::string &input, core::Diagnostics &diags, const Verbosity &verbosity,
                 Work work)
{
    try {
        work();
    } catch (const core::ConversionError &e) {
        diags.add(e.diagnostic());
        print_diagnostics(diags, verbosity);
        return exit_code_for(diags, &e.diagnostic());
    } catch (const std::exception &e) {
        print_diagnostics(diags, verbosity);
        std::cerr << "ERROR: " << input << ": " << e.what() << '\n';
        return exit_failed;
    }
    print_diagnostics(diags, verbosity);
    return exit_code_for(diags, nullptr);
}

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
