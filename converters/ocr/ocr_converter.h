#pragma once
// OcrConverter: page images (PNG, JPEG, single and multi-page TIFF) through Tesseract to the
// document model. Every page is OCR'd; pages run in parallel with ConvertOptions::jobs workers.

#include "core/converter.h"

namespace colophon::ocr {

class OcrConverter : public core::Converter
{
public:
    std::string_view name() const override { return "ocr"; }
    bool accepts(const core::Input& input) const override;
    // Throws ConversionError for an unreadable, oversized or empty image and for a missing
    // language pack (checked before any decoding).
    core::Document convert(const core::Input& input, const core::ConvertOptions& options,
                           core::Diagnostics& diags) override;
};

} // namespace colophon::ocr
