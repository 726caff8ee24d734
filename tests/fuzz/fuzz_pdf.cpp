// Fuzzes the PDF path: Poppler's parser behind our text layer, then layout analysis.
#include "core/diagnostics.h"
#include "core/input.h"
#include "pdf/pdf_converter.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace colophon;
    static pdf::PdfConverter converter;
    core::ConvertOptions options;
    options.ocr = core::OcrMode::Never;
    options.limits.max_pages = 20;
    core::Input input = core::make_input("fuzz.pdf", std::string(reinterpret_cast<const char*>(data), size));
    input.type = core::MediaType::Pdf;
    core::Diagnostics diags("fuzz.pdf");
    try {
        (void)converter.convert(input, options, diags);
    } catch (const core::ConversionError&) {
    }
    return 0;
}
