#include "exit_codes.h"

#include <array>

namespace colophon::cli {

namespace {

// Diagnostic codes that name a set-up problem: the same command fails for every document until
// the machine is fixed, so a script should stop rather than record each document as failed.
constexpr std::array<std::string_view, 4> setup_codes{"ocr.missing-language", "ocr.init-failed",
                                                      "setup.schema-missing", "setup.module-missing"};

int rank(int code)
{
    switch (code) {
    case exit_usage:
        return 3;
    case exit_failed:
        return 2;
    case exit_warnings:
        return 1;
    default:
        return 0;
    }
}

} // namespace

bool is_setup_problem(std::string_view code)
{
    for (const std::string_view c : setup_codes)
        if (c == code)
            return true;
    return false;
}

int exit_code_for(const core::Diagnostics& diags, const core::Diagnostic* fatal)
{
    if (fatal != nullptr)
        return is_setup_problem(fatal->code) ? exit_usage : exit_failed;
    return diags.has_warnings() ? exit_warnings : exit_ok;
}

int worse_exit_code(int a, int b)
{
    return rank(a) >= rank(b) ? a : b;
}

} // namespace colophon::cli
