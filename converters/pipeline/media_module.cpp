// The entry point of libcolophon-media.so (see media_module.h): PDF and page-image converters.

#include "pipeline/media_module.h"

#include "core/version.h"
#include "preview/page_preview.h"

#ifdef COLOPHON_HAVE_PDF
#include "pdf/pdf_converter.h"
#endif
#ifdef COLOPHON_HAVE_OCR
#include "ocr/ocr_converter.h"
#include "ocr/ocr_engine.h"
#include "ocr/pdf_ocr_provider.h"
#endif

namespace {

using namespace colophon;

void make_converters(std::vector<std::unique_ptr<core::Converter>>& out)
{
#if defined(COLOPHON_HAVE_PDF) && defined(COLOPHON_HAVE_OCR)
    // Pages without a usable text layer are recognised by the OCR module.
    out.push_back(std::make_unique<pdf::PdfConverter>(ocr::make_pdf_ocr_provider));
#elif defined(COLOPHON_HAVE_PDF)
    out.push_back(std::make_unique<pdf::PdfConverter>());
#endif
#ifdef COLOPHON_HAVE_OCR
    out.push_back(std::make_unique<ocr::OcrConverter>());
#endif
}

void check_ocr_languages(const std::string& languages, const std::string& file)
{
#ifdef COLOPHON_HAVE_OCR
    ocr::check_languages(languages, ocr::default_tessdata_dir(), file);
#else
    throw core::ConversionError("ocr.init-failed", file, "this build has no OCR (COLOPHON_WITH_OCR=OFF)");
#endif
}

const pipeline::MediaModuleApi api{pipeline::media_module_interface, core::version, make_converters,
                                   check_ocr_languages, preview::render_previews};

} // namespace

extern "C" const colophon::pipeline::MediaModuleApi* colophon_media_module()
{
    return &api;
}
