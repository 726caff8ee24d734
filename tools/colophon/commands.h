#pragma once
// The colophon subcommands. Each registers its options on the parent app and returns the
// function that runs it once parsing succeeded; that function returns the process exit code
// (exit_codes.h: one table for every subcommand).

#include "exit_codes.h"

#include <CLI/CLI.hpp>

#include <functional>

namespace colophon::cli {

using Runner = std::function<int()>;

Runner add_convert_command(CLI::App& app);
Runner add_pack_command(CLI::App& app);   // cmd_pack.cpp
Runner add_verify_command(CLI::App& app); // cmd_verify.cpp
Runner add_batch_command(CLI::App& app);  // cmd_batch.cpp
Runner add_merge_command(CLI::App& app);  // cmd_merge.cpp
Runner add_review_command(CLI::App &app); // cmd_review.cpp

} // namespace colophon::cli
