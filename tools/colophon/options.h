#pragma once
// Conversion options shared by convert, pack and batch.

#include "core/options.h"

#include <CLI/CLI.hpp>

#include <string>

namespace colophon::cli {

// Registers --base-url, --password, --ocr, --lang, --dpi, -j/--jobs and the limits; every help
// text shows the real default.
void add_conversion_options(CLI::App& cmd, core::ConvertOptions& options);

// When --lang was given or --ocr always asks for OCR, every language pack must be installed
// before any document is read: prints "colophon CMD: ... [ocr.missing-language]" and returns
// false (exit 2). Without them a missing default pack is found when a page needs OCR.
bool check_ocr_languages(const CLI::App& cmd, const core::ConvertOptions& options, const std::string& command);

} // namespace colophon::cli
