#pragma once
// Born-digital PDFs to the Document model: Poppler text layer -> layout analysis.
// Pages whose text layer is unusable are listed for OCR; when an OCR provider is set
// (by the pipeline, from the OCR module) it supplies their words instead.

#include "core/converter.h"
#include "words/page_ocr_provider.h"

#include <functional>
#include <memory>
#include <vector>

namespace colophon::pdf {

// Creates an OCR provider for one document; called at most once per conversion, and only
// when some page needs OCR and OCR is not disabled.
using OcrProviderFactory =
    std::function<std::unique_ptr<words::PageOcrProvider>(const core::Input&, const core::ConvertOptions&)>;

class PdfConverter : public core::Converter
{
public:
    PdfConverter() = default;
    explicit PdfConverter(OcrProviderFactory ocr) : ocr_factory_(std::move(ocr)) {}

    std::string_view name() const override { return "pdf"; }
    bool accepts(const core::Input& input) const override;
    core::Document convert(const core::Input& input, const core::ConvertOptions& options,
                           core::Diagnostics& diags) override;

    // 1-based pages of the last conversion whose text layer was unusable (whether or not OCR
    // then supplied words for them).
    const std::vector<int>& pages_needing_ocr() const { return pages_needing_ocr_; }

private:
    OcrProviderFactory ocr_factory_;
    std::vector<int> pages_needing_ocr_;
};

} // namespace colophon::pdf

