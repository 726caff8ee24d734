#include "ocr/ocr_converter.h"

#include "ocr/image_input.h"
#include "ocr/ocr_document.h"
#include "ocr/page_workers.h"

#ifdef COLOPHON_OCR_HAVE_LAYOUT
#include "layout/layout_builder.h"
#endif

namespace colophon::ocr {

bool OcrConverter::accepts(const core::Input& input) const
{
    return input.type == core::MediaType::Png || input.type == core::MediaType::Jpeg ||
           input.type == core::MediaType::Tiff;
}

std::vector<RecognisedPage> recognise_image_pages(const core::Input& input, const core::ConvertOptions& options,
                                                  EngineConfig config)
{
    // 1. set-up and headers first: a missing language or an oversized page fails before decoding.
    config.languages = options.ocr_languages;
    check_languages(config.languages, default_tessdata_dir(), input.display_name);
    const std::vector<ImagePageInfo> pages = read_image_pages(input, options.limits);

    // 2. recognition, pages in parallel.
    const auto load = [&](int i) {
        PixPtr pix = read_image_page(input, i);
        const double dpi = image_dpi(pix.get());
        return PageImage{std::move(pix), dpi, i + 1};
    };
    return recognise_pages(static_cast<int>(pages.size()), load, false, config, options.jobs, input.display_name);
}

core::Document OcrConverter::convert(const core::Input& input, const core::ConvertOptions& options,
                                     core::Diagnostics& diags)
{
    const std::vector<RecognisedPage> recognised = recognise_image_pages(input, options);

    // The document in page order, with provenance.
    for (const RecognisedPage& p : recognised)
        for (const core::Diagnostic& d : p.diagnostics)
            diags.add(d);
#ifdef COLOPHON_OCR_HAVE_LAYOUT
    layout::LayoutBuilder builder;
    if (options.trace)
        builder.enable_trace();
    for (const RecognisedPage& p : recognised)
        builder.add_page(p.words);
    core::Document doc = builder.finish(diags);
#else
    core::Document doc = build_plain_document(recognised);
#endif
    doc.extraction.method = "ocr";
    doc.extraction.source_format = std::string(core::media_type_name(input.type));
    doc.extraction.page_count = static_cast<int>(recognised.size());
    record_ocr_pages(doc.extraction, recognised, options.ocr_languages);
    return doc;
}

} // namespace colophon::ocr
