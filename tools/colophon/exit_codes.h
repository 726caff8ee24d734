#pragma once
// The one exit-code table of every colophon subcommand (README "Exit codes"):
//   0  clean: every document converted (or package verified) without warnings
//   3  everything converted, with warnings (or duplicates in a batch)
//   1  some documents failed, were unsupported or not finished; some package is invalid
//   2  usage or setup: a bad option, a path named on the command line that does not exist, an
//      output folder that does not exist, a missing schema or OCR language pack
// Usage and setup problems are found before any output is written.

#include "core/diagnostics.h"

#include <string_view>

namespace colophon::cli {

enum ExitCode : int
{
    exit_ok = 0,
    exit_failed = 1,
    exit_usage = 2,
    exit_warnings = 3,
};

// A problem of the machine or the command line rather than of the document: the diagnostic codes
// that mean "fix the set-up and run again" (a missing OCR language pack, an unreadable schema).
bool is_setup_problem(std::string_view code);

// The exit code of one document's conversion: failed (or setup, by the code of the error that
// stopped it), warnings, or clean.
int exit_code_for(const core::Diagnostics& diags, const core::Diagnostic* fatal);

// Combines the codes of several documents: usage beats failed beats warnings beats ok.
int worse_exit_code(int a, int b);

} // namespace colophon::cli
