#pragma once
// Recognises many pages in parallel: `jobs` worker threads, each with its own OcrEngine
// (Tesseract instances are never shared), results merged back in page order.

#include "ocr/ocr_engine.h"

#include <functional>
#include <string>
#include <vector>

namespace colophon::ocr {

struct PageImage
{
    PixPtr pix;
    double dpi = 300;
    int page_no = 0; // 1-based
};

// Calls `load(i)` for i in [0, count) from the workers (under one mutex when `serial_load`), then
// recognises the image. The first exception of any worker stops the others and is rethrown.
std::vector<RecognisedPage> recognise_pages(int count, const std::function<PageImage(int)>& load,
                                            bool serial_load, const EngineConfig& config, int jobs,
                                            const std::string& file);

} // namespace colophon::ocr
