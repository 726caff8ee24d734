#pragma once
// The stage interfaces: a Converter reads one input format into the Document model.

#include "diagnostics.h"
#include "document.h"
#include "input.h"
#include "options.h"

#include <string_view>

namespace colophon::core {

// Reads one input format into the document model. Damage the document can survive goes to
// `diags` and conversion continues; throw ConversionError only when no Document can be built.
class Converter
{
public:
    virtual ~Converter() = default;
    virtual std::string_view name() const = 0;          // "html", "pdf", "ocr"
    virtual bool accepts(const Input& input) const = 0;  // by sniffed media type, not extension
    virtual Document convert(const Input& input, const ConvertOptions& options, Diagnostics& diags) = 0;
};

} // namespace colophon::core
