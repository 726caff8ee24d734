#pragma once
// Reads a saved HTML article page into the document model: charset, parse, clean, find the main
// content, merge metadata from every source, notes, then blocks.

#include "core/converter.h"
#include "dom/html_charset.h"
#include "hints/class_hints.h"
#include "html/html_blocks.h"
#include "html/html_facts.h"
#include "html/html_page_type.h"
#include "pagemeta/declared_metadata.h"
#include "xml/xml_handles.h"

#include <functional>

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

// libxml2's options for reading a page (recover, no network, UTF-8 whatever the page says).
int page_parse_options();

// Step 1 of HtmlConverter::convert: the page's bytes as UTF-8 (views `input`'s bytes when they
// need no change). Throws ConversionError for input that cannot be an HTML page.
dom::DecodedHtml read_page_text(const core::Input &input, const core::ConvertOptions &options,
                                core::Diagnostics &diags);

// Steps 3-4 of HtmlConverter::convert on a parsed page: declared metadata, page type, clean and
// score.
ScoredPage score_tree(xml::XmlDocPtr tree, const core::ConvertOptions &options,
                      core::Diagnostics &diags);

// What the boilerplate rules are told about a kind of page (comments as content, ...).
hints::HintContext hints_for(const PageProfile &profile);

// A page converted in windows (htmlstream/): the first window's tree is converted like a whole
// page, but the main content goes on in the windows that follow.
struct PageWindowing
{
    // Sees the main content element and the context its blocks are built with before anything is
    // read from it; may take out the unfinished part the next windows bring. Returns whether the
    // body continues after this window (no closing rules then, no rescue of a thin body).
    std::function<bool(xmlNode *content, const BlockContext &ctx)> content_found;
};

// Steps 5-12 of HtmlConverter::convert: main content, metadata, notes, blocks, fallbacks.
core::Document convert_scored(ScoredPage &page, const core::ConvertOptions &options,
                              core::Diagnostics &diags, const PageWindowing *windowing);

// Steps 1-4 of HtmlConverter::convert: bytes to UTF-8, parse, declared metadata, clean and score.
// Throws ConversionError for input that is no HTML page.
ScoredPage read_scored_page(const core::Input& input, const core::ConvertOptions& options, core::Diagnostics& diags);

// Only parses the page (charset + libxml2), for measuring the parser alone. Returns the number
// of elements.
std::size_t parse_only(const std::string& bytes);

} // namespace colophon::html
