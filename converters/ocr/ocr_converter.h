#pragma once
// OcrConverter: page images (PNG, JPEG, single and multi-page TIFF) through Tesseract to the
// document model. Every page is OCR'd; pages run in parallel with ConvertOptions::jobs workers.

#include "core/converter.h"
#include "ocr/ocr_engine.h"

#include <vector>

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

// Recognises every page of an image input (the pages of a TIFF, or one PNG/JPEG), in page order,
// with options.jobs workers; no layout analysis. `config` (its languages are options.ocr_languages)
// lets evaluation switch steps off. Errors as for OcrConverter::convert.
std::vector<RecognisedPage> recognise_image_pages(const core::Input& input, const core::ConvertOptions& options,
                                                  EngineConfig config = {});

} // namespace colophon::ocr
