#pragma once
// Conversion options shared by convert, pack and batch.

#include "core/options.h"

#include <CLI/CLI.hpp>

namespace colophon::cli {

void add_conversion_options(CLI::App& cmd, core::ConvertOptions& options);

} // namespace colophon::cli
