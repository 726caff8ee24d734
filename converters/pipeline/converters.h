#pragma once
// The one place that knows every converter: picks the one for an input by its sniffed type.

#include "core/converter.h"

#include <memory>
#include <vector>

namespace colophon::pipeline {

// Every converter this build has (HTML always; PDF and OCR when built).
std::vector<std::unique_ptr<core::Converter>> make_converters();

// The converter that accepts `input`; throws ConversionError `input.unsupported-type` naming the
// file and its sniffed type when none does.
core::Converter& pick_converter(const std::vector<std::unique_ptr<core::Converter>>& converters,
                                const core::Input& input);

} // namespace colophon::pipeline
