#pragma once
// Options that reach the converters, with the resource limits every entry point enforces.

#include <cstddef>
#include <string>

namespace colophon::core {

enum class OcrMode
{
    Auto,   // OCR only pages without a usable text layer
    Always,
    Never
};

struct Limits
{
    std::size_t max_input_bytes = 200u * 1024 * 1024;
    int max_pages = 2000;
    long long max_image_pixels = 120'000'000; // about 11,000 x 11,000
    // HTML element depth kept; deeper content is flattened. Real pages stay below ~100 levels.
    // Wrappers are walked without recursion; nested lists, quotes and inline markup still recurse
    // per level, so this also bounds their stack use.
    int max_nesting_depth = 500;
    double max_seconds = 300;                 // per document
    // HTML pages over two windows are parsed and converted a window of bytes at a time (the tree
    // of a whole page costs about seven times its size).
    std::size_t html_window_bytes = 4u * 1024 * 1024;
};

struct ConvertOptions
{
    std::string base_url;     // resolves relative links when the page names no <base>/canonical URL
    std::string password;     // for encrypted PDFs
    OcrMode ocr = OcrMode::Auto;
    std::string ocr_languages = "auto"; // Tesseract's "eng+rus", or "auto": each page in its script
    int ocr_dpi = 300;
    int jobs = 1;             // worker threads inside one document (OCR pages)
    std::string page_type;    // web pages: the kind when the caller knows it ("forum", ...); empty: recognised
    Limits limits;
    bool trace = false; // fill Document::trace (the review page's boxes and block verdicts)
};

} // namespace colophon::core
