#pragma once
// Reads a saved HTML article page into the document model: charset, parse, clean, find the main
// content, merge metadata from every source, notes, then blocks.

#include "core/converter.h"

namespace colophon::html {

class HtmlConverter : public core::Converter
{
public:
    std::string_view name() const override { return "html"; }
    bool accepts(const core::Input& input) const override;
    core::Document convert(const core::Input& input, const core::ConvertOptions& options,
                           core::Diagnostics& diags) override;
};

// Only parses the page (charset + libxml2), for measuring the parser alone. Returns the number
// of elements.
std::size_t parse_only(const std::string& bytes);

} // namespace colophon::html
