#pragma once
// One document, start to end: input -> converter -> Document -> writer -> validated output.

#include "core/converter.h"
#include "core/trace.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace colophon::pipeline {

enum class OutputFormat
{
    Tei,
    Text,
    Json
};

// Parses "tei", "text", "json"; throws std::invalid_argument otherwise.
OutputFormat parse_output_format(const std::string& name);
std::string extension_for(OutputFormat format); // ".tei.xml", ".txt", ".json"

// Every rendering of one document. TEI has been validated against colophon-tei.xsd.
struct Rendered
{
    std::string tei;
    std::string text;
    std::string json;
};

class DocumentConverter
{
public:
    explicit DocumentConverter(core::ConvertOptions options);
    // With a given set of converters (tests use a fake one).
    DocumentConverter(core::ConvertOptions options, std::vector<std::unique_ptr<core::Converter>> converters);
    ~DocumentConverter();

    // Whether some converter reads this input's sniffed type.
    bool accepts(const core::Input& input) const;

    // Converts one input; throws ConversionError when no Document can be built.
    core::Document convert(const core::Input& input, core::Diagnostics& diags) const;
    // The same, but the body of a very large page may be left in Document::rest, to be read as
    // render_streamed writes it (the Document then needs nothing of `input`).
    core::Document convert_streamed(const core::Input &input, core::Diagnostics &diags) const;

    // TEI is built, validated (schema + note references) and serialised; an invalid result
    // throws ConversionError `tei.schema-invalid` instead of producing output.
    static std::string render_tei(const core::Document& doc, core::Diagnostics& diags);
    static std::string render(const core::Document& doc, OutputFormat format, core::Diagnostics& diags);
    // The same for a document not needed afterwards: it is released as soon as the output is
    // built from it, so a large document, its TEI tree and the serialised TEI are never all held.
    static std::string render(core::Document&& doc, OutputFormat format, core::Diagnostics& diags);
    static Rendered render_all(const core::Document& doc, core::Diagnostics& diags);
    // Renders `doc` into `write` a piece at a time, reading the rest of a streamed body
    // (Document::rest) window by window: TEI and text never hold more than a window of it; JSON
    // reads the whole body first. Every piece of TEI is validated before it is written.
    static void render_streamed(core::Document &&doc, OutputFormat format, core::Diagnostics &diags,
                                const std::function<void(std::string_view)> &write);

    // The pages of a PDF or page image drawn at `dpi` for the review page (loads the PDF/OCR
    // module); empty for an HTML page. Throws ConversionError "review.render-failed".
    std::vector<core::PagePreview> render_previews(const core::Input &input, int dpi) const;

    const core::ConvertOptions& options() const { return options_; }

private:
    core::ConvertOptions options_;
    std::vector<std::unique_ptr<core::Converter>> converters_;
};

} // namespace colophon::pipeline
