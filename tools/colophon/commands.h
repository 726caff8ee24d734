#pragma once
// The colophon subcommands. Each registers its options on the parent app and returns the
// function that runs it once parsing succeeded; that function returns the process exit code.

#include <CLI/CLI.hpp>

#include <functional>

namespace colophon::cli {

// Exit codes shared by every subcommand.
enum ExitCode : int
{
    exit_ok = 0,       // clean
    exit_failed = 1,   // some documents failed
    exit_usage = 2,    // usage or setup error
    exit_warnings = 3, // everything converted, with warnings
};

using Runner = std::function<int()>;

Runner add_convert_command(CLI::App& app);
Runner add_pack_command(CLI::App& app);   // cmd_pack.cpp
Runner add_verify_command(CLI::App& app); // cmd_verify.cpp
Runner add_batch_command(CLI::App& app);  // cmd_batch.cpp
Runner add_merge_command(CLI::App& app);  // cmd_merge.cpp

} // namespace colophon::cli
