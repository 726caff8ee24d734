#include "options.h"

#include <map>

namespace colophon::cli {

void add_conversion_options(CLI::App& cmd, core::ConvertOptions& options)
{
    const std::map<std::string, core::OcrMode> ocr_modes{
        {"auto", core::OcrMode::Auto}, {"always", core::OcrMode::Always}, {"never", core::OcrMode::Never}};
    cmd.add_option("--base-url", options.base_url, "Resolve relative links against this URL");
    cmd.add_option("--password", options.password, "Password of an encrypted PDF");
    cmd.add_option("--ocr", options.ocr, "When to run OCR: auto, always or never")
        ->transform(CLI::CheckedTransformer(ocr_modes, CLI::ignore_case))
        ->default_str("auto")
        ->option_text("MODE (auto|always|never)");
    cmd.add_option("--lang", options.ocr_languages, "OCR languages, e.g. eng+rus; auto: each page in its own script")->capture_default_str();
    cmd.add_option("--dpi", options.ocr_dpi, "Rendering resolution for OCR")
        ->check(CLI::Range(72, 1200))
        ->capture_default_str();
    cmd.add_option("-j,--jobs", options.jobs, "Worker threads")->check(CLI::Range(1, 256))->capture_default_str();
    cmd.add_option("--max-input-bytes", options.limits.max_input_bytes, "Refuse larger inputs")
        ->capture_default_str();
    cmd.add_option("--max-pages", options.limits.max_pages, "Refuse documents with more pages")
        ->capture_default_str();
    cmd.add_option("--max-image-pixels", options.limits.max_image_pixels, "Refuse larger page images")
        ->capture_default_str();
    cmd.add_option("--max-seconds", options.limits.max_seconds, "Time limit per document")->capture_default_str();
}

} // namespace colophon::cli
