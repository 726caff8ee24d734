#pragma once
// Test-only converter for HTML inputs whose behaviour the bytes choose, so the batch machinery
// can be tested without the real converters:
//   "FAIL"  -> throws ConversionError fake.failed     "CRASH" -> segfaults
//   "ABORT" -> abort()                                 "LOOP"  -> never returns
//   "SLOW"  -> sleeps 200 ms, then converts            "NOAUTHOR" -> no author in the metadata
// Otherwise the <title> becomes the title and the text after </title> one paragraph.

#include "core/converter.h"
#include "batch/batch_document.h"

#include <memory>
#include <vector>

namespace colophon::testing {

class FakeConverter : public core::Converter
{
public:
    std::string_view name() const override { return "fake"; }
    bool accepts(const core::Input& input) const override { return input.type == core::MediaType::Html; }
    core::Document convert(const core::Input& input, const core::ConvertOptions& options,
                           core::Diagnostics& diags) override;
};

std::vector<std::unique_ptr<core::Converter>> fake_converters();

} // namespace colophon::testing
