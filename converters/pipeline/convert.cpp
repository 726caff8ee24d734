#include "pipeline/convert.h"

#include "pipeline/converters.h"
#ifdef COLOPHON_HAVE_MEDIA_MODULE
#include "pipeline/media_loader.h"
#endif
#include "tei/json_writer.h"
#include "tei/tei_repair.h"
#include "tei/tei_writer.h"
#include "tei/text_writer.h"
#include "validate/schema_validator.h"

#include <stdexcept>

namespace colophon::pipeline {

OutputFormat parse_output_format(const std::string& name)
{
    if (name == "tei")
        return OutputFormat::Tei;
    if (name == "text")
        return OutputFormat::Text;
    if (name == "json")
        return OutputFormat::Json;
    throw std::invalid_argument("unknown output format '" + name + "' (tei, text or json)");
}

std::string extension_for(OutputFormat format)
{
    switch (format) {
    case OutputFormat::Tei:
        return ".tei.xml";
    case OutputFormat::Text:
        return ".txt";
    case OutputFormat::Json:
        return ".json";
    }
    return {};
}

DocumentConverter::DocumentConverter(core::ConvertOptions options)
    : options_(std::move(options)), converters_(make_converters())
{
}

DocumentConverter::DocumentConverter(core::ConvertOptions options,
                                     std::vector<std::unique_ptr<core::Converter>> converters)
    : options_(std::move(options)), converters_(std::move(converters))
{
}

DocumentConverter::~DocumentConverter() = default;

bool DocumentConverter::accepts(const core::Input& input) const
{
    for (const auto& c : converters_) {
        if (c->accepts(input))
            return true;
    }
    return false;
}

core::Document DocumentConverter::convert(const core::Input& input, core::Diagnostics& diags) const
{
    core::Document doc = convert_streamed(input, diags);
    core::read_whole_body(doc, diags);
    return doc;
}

core::Document DocumentConverter::convert_streamed(const core::Input &input,
                                                   core::Diagnostics &diags) const
{
    core::Converter& converter = pick_converter(converters_, input);
    core::Document doc = converter.convert(input, options_, diags);
    if (doc.extraction.source_format.empty())
        doc.extraction.source_format = std::string(core::media_type_name(input.type));
    return doc;
}

namespace {

// How many times elements the schema refuses are unwrapped before the document is refused: each
// round can only expose what an unwrapped element held (a cell's text now directly in a row).
constexpr int max_repair_rounds = 3;

[[noreturn]] void refuse(const core::Diagnostics &problems, core::Diagnostics &diags)
{
    for (const core::Diagnostic &d : problems.items())
        diags.add(d);
    core::Diagnostic first =
        problems.items().empty() ? core::Diagnostic{} : problems.items().front();
    first.severity = core::Severity::Error;
    first.code = "tei.schema-invalid";
    first.file = diags.file();
    throw core::ConversionError(first);
}

// Validates a TEI tree (schema and note references) and serialises it. Elements of the text the
// schema refuses are unwrapped with a warning (tei_repair.h); what stays invalid = ConversionError.
std::string validated_tei(xmlDoc *tree, core::Diagnostics &diags)
{
    for (int round = 0;; ++round) {
        core::Diagnostics problems(diags.file());
        std::vector<xmlNode *> refused;
        if (validate::SchemaValidator::tei().validate(tree, problems, "tei.schema-invalid",
                                                      &refused))
            break;
        if (round == max_repair_rounds || !tei::unwrap_refused_elements(refused, diags))
            refuse(problems, diags);
    }
    core::Diagnostics problems(diags.file());
    if (!validate::check_note_references(tree, problems))
        refuse(problems, diags);
    return tei::write_tei(tree);
}

} // namespace

std::string DocumentConverter::render_tei(const core::Document& doc, core::Diagnostics& diags)
{
    const xml::XmlDocPtr tree = tei::build_tei(doc);
    return validated_tei(tree.get(), diags);
}

std::string DocumentConverter::render(const core::Document& doc, OutputFormat format, core::Diagnostics& diags)
{
    switch (format) {
    case OutputFormat::Tei:
        return render_tei(doc, diags);
    case OutputFormat::Text:
        return tei::write_text(doc);
    case OutputFormat::Json:
        return tei::write_json(doc);
    }
    return {};
}

std::string DocumentConverter::render(core::Document&& doc, OutputFormat format, core::Diagnostics& diags)
{
    if (format != OutputFormat::Tei)
        return render(static_cast<const core::Document&>(doc), format, diags);
    const xml::XmlDocPtr tree = tei::build_tei(doc);
    doc = core::Document{}; // the tree holds everything the TEI needs
    return validated_tei(tree.get(), diags);
}

std::vector<core::PagePreview> DocumentConverter::render_previews(const core::Input &input,
                                                                  int dpi) const
{
#ifdef COLOPHON_HAVE_MEDIA_MODULE
    const bool media = input.type == core::MediaType::Pdf || input.type == core::MediaType::Png ||
                       input.type == core::MediaType::Jpeg || input.type == core::MediaType::Tiff;
    if (media)
        return media_module(input.display_name).render_previews(input, dpi, options_);
#else
    (void)input;
    (void)dpi;
#endif
    return {};
}

Rendered DocumentConverter::render_all(const core::Document& doc, core::Diagnostics& diags)
{
    return {render_tei(doc, diags), tei::write_text(doc), tei::write_json(doc)};
}

} // namespace colophon::pipeline
