#pragma once
// The PDF and OCR converters are a module of their own (libcolophon-media.so), loaded the first
// time a PDF or page image arrives. Poppler, Tesseract, Cairo and the ~60 libraries they pull in
// cost about 25 ms of CPU at every start of the program otherwise, five times the conversion of a
// small HTML page (tools/bench/bench-memory-startup.sh); an HTML-only run never loads them.
//
// The program and the module are built together from the same sources: the module names the
// version and interface revision it was built for, and a module of another build is refused.

#include "core/converter.h"
#include "core/trace.h"

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace colophon::pipeline {

// The media types the module's converters read (checked against them by a unit test).
inline constexpr std::array<core::MediaType, 4> media_module_types{core::MediaType::Pdf, core::MediaType::Png,
                                                                   core::MediaType::Jpeg, core::MediaType::Tiff};

inline constexpr const char* media_module_file = "libcolophon-media.so";

// Raised whenever the functions below or the types they exchange change.
inline constexpr int media_module_interface = 2;

// What the module exports, as one table found by its C name.
struct MediaModuleApi
{
    int interface_revision;
    const char* version; // core::version of the module's build
    // Appends the module's converters (PDF with its OCR fallback, page images).
    void (*make_converters)(std::vector<std::unique_ptr<core::Converter>>& out);
    // Throws ConversionError "ocr.missing-language" naming `file` when a language pack is missing.
    void (*check_ocr_languages)(const std::string& languages, const std::string& file);
    // The pages of a PDF or page image drawn at `dpi` for the review page (converters/preview).
    std::vector<core::PagePreview> (*render_previews)(const core::Input &input, int dpi,
                                                      const core::ConvertOptions &options);
};

} // namespace colophon::pipeline

extern "C" {
// Defined in the module only; looked up with dlsym.
const colophon::pipeline::MediaModuleApi* colophon_media_module();
}
