// Fuzzes the whole HTML path: charset, parse, cleaning, extraction, TEI building and validation.
// A ConversionError is a fine answer; a crash, leak, hang or an invalid TEI tree is not.
#include "core/diagnostics.h"
#include "core/input.h"
#include "html/html_converter.h"
#include "tei/tei_writer.h"
#include "validate/schema_validator.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace colophon;
    static html::HtmlConverter converter;
    static const core::ConvertOptions options;
    core::Input input = core::make_input("fuzz.html", std::string(reinterpret_cast<const char*>(data), size));
    input.type = core::MediaType::Html;
    core::Diagnostics diags("fuzz.html");
    try {
        const core::Document doc = converter.convert(input, options, diags);
        const auto tree = tei::build_tei(doc);
        if (!validate::SchemaValidator::tei().validate(tree.get(), diags) ||
            !validate::check_note_references(tree.get(), diags)) {
            // The converter built a document the TEI contract cannot carry: say why, then stop.
            for (const auto& d : diags.items())
                std::fprintf(stderr, "%s\n", core::format_diagnostic(d).c_str());
            std::abort();
        }
    } catch (const core::ConversionError&) {
    }
    return 0;
}
