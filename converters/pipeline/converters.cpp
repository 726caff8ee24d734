#include "pipeline/converters.h"

#ifdef COLOPHON_HAVE_HTML
#include "html/html_converter.h"
#endif
#ifdef COLOPHON_HAVE_PDF
#include "pdf/pdf_converter.h"
#endif
#ifdef COLOPHON_HAVE_OCR
#include "ocr/ocr_converter.h"
#include "ocr/pdf_ocr_provider.h"
#endif

namespace colophon::pipeline {

std::vector<std::unique_ptr<core::Converter>> make_converters()
{
    std::vector<std::unique_ptr<core::Converter>> out;
#ifdef COLOPHON_HAVE_HTML
    out.push_back(std::make_unique<html::HtmlConverter>());
#endif
#if defined(COLOPHON_HAVE_PDF) && defined(COLOPHON_HAVE_OCR)
    // Pages without a usable text layer are recognised by the OCR module.
    out.push_back(std::make_unique<pdf::PdfConverter>(ocr::make_pdf_ocr_provider));
#elif defined(COLOPHON_HAVE_PDF)
    out.push_back(std::make_unique<pdf::PdfConverter>());
#endif
#ifdef COLOPHON_HAVE_OCR
    out.push_back(std::make_unique<ocr::OcrConverter>());
#endif
    return out;
}

core::Converter& pick_converter(const std::vector<std::unique_ptr<core::Converter>>& converters,
                                const core::Input& input)
{
    for (const auto& c : converters) {
        if (c->accepts(input))
            return *c;
    }
    const std::string type(core::media_type_name(input.type));
    if (input.type == core::MediaType::Empty)
        throw core::ConversionError("input.empty", input.display_name, "the file is empty");
    throw core::ConversionError("input.unsupported-type", input.display_name,
                                "unsupported type " + type + " (colophon reads HTML, PDF and page images)");
}

} // namespace colophon::pipeline
