#include "options.h"

#ifdef COLOPHON_HAVE_MEDIA_MODULE
#include "pipeline/media_loader.h"
#endif

#include "html/html_page_type.h"

#include <iostream>
#include <map>

namespace colophon::cli {

void add_conversion_options(CLI::App& cmd, core::ConvertOptions& options)
{
    const std::map<std::string, core::OcrMode> ocr_modes{
        {"auto", core::OcrMode::Auto}, {"always", core::OcrMode::Always}, {"never", core::OcrMode::Never}};
    cmd.add_option("--base-url", options.base_url, "Resolve relative links against this URL");
    cmd.add_option("--password", options.password, "Password of an encrypted PDF");
    std::vector<std::string> kinds;
    for (const html::PageProfile& kind : html::page_kinds())
        kinds.emplace_back(kind.type);
    cmd.add_option("--page-type", options.page_type,
                   "Web pages: read every page as this kind instead of recognising it (a catalogue known to be "
                   "forum threads, product pages, ...)")
        ->check(CLI::IsMember(kinds))
        ->option_text("KIND:{article,forum,listing,collection,product,service,documentation}");
    cmd.add_option("--ocr", options.ocr,
                   "When to run OCR: auto (pages without a usable text layer, and page images), always, never")
        ->transform(CLI::CheckedTransformer(ocr_modes, CLI::ignore_case))
        ->default_str("auto")
        ->option_text("MODE:{auto,always,never}=auto");
    cmd.add_option("--lang", options.ocr_languages,
                   "OCR languages (Tesseract language packs), e.g. eng+rus; auto: each page in its own script")
        ->capture_default_str();
    cmd.add_option("--dpi", options.ocr_dpi, "Rendering resolution for OCR (72-1200)")
        ->check(CLI::Range(72, 1200))
        ->capture_default_str();
    cmd.add_option("-j,--jobs", options.jobs, "Worker threads for the OCR pages of one document")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    cmd.add_option("--max-input-bytes", options.limits.max_input_bytes, "Refuse larger inputs")
        ->capture_default_str();
    cmd.add_option("--max-pages", options.limits.max_pages, "Refuse documents with more pages")
        ->capture_default_str();
    cmd.add_option("--max-image-pixels", options.limits.max_image_pixels, "Refuse larger page images")
        ->capture_default_str();
    cmd.add_option("--max-seconds", options.limits.max_seconds, "Time limit per document, seconds")
        ->capture_default_str();
}

bool check_ocr_languages(const CLI::App& cmd, const core::ConvertOptions& options, const std::string& command)
{
    const bool asked = cmd.count("--lang") > 0 || options.ocr == core::OcrMode::Always;
    if (!asked || options.ocr == core::OcrMode::Never)
        return true;
#ifdef COLOPHON_HAVE_MEDIA_MODULE
    try {
        pipeline::media_module("colophon " + command).check_ocr_languages(options.ocr_languages, "colophon " + command);
    } catch (const core::ConversionError& e) {
        std::cerr << "colophon " << command << ": " << e.diagnostic().message << " [" << e.diagnostic().code << "]\n";
        return false;
    }
    return true;
#else
    std::cerr << "colophon " << command << ": this build has no OCR (COLOPHON_WITH_OCR=OFF) [ocr.init-failed]\n";
    return false;
#endif
}

} // namespace colophon::cli
