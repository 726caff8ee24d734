// Fuzzes the windowed HTML path with windows of a kilobyte: the push parser, the cuts
// between blocks, the first window's held-back part and the TEI written window by window. A
// ConversionError about the page is a fine answer; a crash, leak, hang, a window's TEI the
// schema refuses or a streamed whole that is not valid TEI is not.
#include "core/diagnostics.h"
#include "core/input.h"
#include "htmlstream/windowed_converter.h"
#include "pipeline/convert.h"
#include "validate/schema_validator.h"
#include "xml/xml_handles.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

[[noreturn]] void fail(const colophon::core::Diagnostics &diags, const char *why)
{
    std::fprintf(stderr, "%s\n", why);
    for (const auto &d : diags.items())
        std::fprintf(stderr, "%s\n", colophon::core::format_diagnostic(d).c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace colophon;
    static htmlstream::WindowedHtmlConverter converter;
    static const core::ConvertOptions options = [] {
        core::ConvertOptions o;
        o.limits.html_window_bytes = 1024;
        return o;
    }();
    core::Input input =
        core::make_input("fuzz.html", std::string(reinterpret_cast<const char *>(data), size));
    input.type = core::MediaType::Html;
    core::Diagnostics diags("fuzz.html");
    std::string tei;
    try {
        core::Document doc = converter.convert(input, options, diags);
        pipeline::DocumentConverter::render_streamed(std::move(doc), pipeline::OutputFormat::Tei,
                                                     diags,
                                                     [&](std::string_view piece) { tei += piece; });
    } catch (const core::ConversionError &e) {
        if (e.diagnostic().code.rfind("tei.", 0) == 0)
            fail(diags, "a window's TEI was refused");
        return 0;
    }
    const xml::XmlDocPtr tree(xmlReadMemory(tei.data(), static_cast<int>(tei.size()), "out.xml",
                                            nullptr, XML_PARSE_NONET | XML_PARSE_HUGE));
    if (!tree || !validate::SchemaValidator::tei().validate(tree.get(), diags) ||
        !validate::check_note_references(tree.get(), diags))
        fail(diags, "the streamed TEI is not valid as a whole");
    return 0;
}
