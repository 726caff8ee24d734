#pragma once
// Reads a saved HTML article page into the document model: charset, parse, clean, find the main
// content, merge metadata from every source, notes, then blocks.

#include "core/converter.h"
#include "html/html_facts.h"
#include "html/html_page_type.h"
#include "pagemeta/declared_metadata.h"
#include "xml/xml_handles.h"

namespace colophon::html {

class HtmlConverter : public core::Converter
{
public:
    std::string_view name() const override { return "html"; }
    bool accepts(const core::Input& input) const override;
    core::Document convert(const core::Input& input, const core::ConvertOptions& options,
                           core::Diagnostics& diags) override;
};

// A page read, parsed, cleaned and scored: the converter's first steps, shared with tools that
// explain its decisions (tools/eval/html_explain).
struct ScoredPage
{
    xml::XmlDocPtr tree;
    pagemeta::PageMeta declared; // what the page declares for machines (read before cleaning)
    PageSignals signals;   // schema.org types, og:type, articleBody (read before cleaning)
    std::string address;   // the page's own URL as declared, else the base URL given
    std::vector<float> kind_features; // what the page-type model reads (html_page_features)
    const PageProfile* profile = nullptr; // the kind of page and what its main content is
    FactsTable facts;      // per-element facts, chrome marked
    xmlNode* body = nullptr;
};

// Steps 1-4 of HtmlConverter::convert: bytes to UTF-8, parse, declared metadata, clean and score.
// Throws ConversionError for input that is no HTML page.
ScoredPage read_scored_page(const core::Input& input, const core::ConvertOptions& options, core::Diagnostics& diags);

// Only parses the page (charset + libxml2), for measuring the parser alone. Returns the number
// of elements.
std::size_t parse_only(const std::string& bytes);

} // namespace colophon::html
