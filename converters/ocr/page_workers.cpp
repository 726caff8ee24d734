#include "ocr/page_workers.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

namespace colophon::ocr {

std::vector<RecognisedPage> recognise_pages(int count, const std::function<PageImage(int)>& load,
                                            bool serial_load, const EngineConfig& config, int jobs,
                                            const std::string& file)
{
    if (count <= 0)
        return {};
    std::vector<std::optional<RecognisedPage>> results(static_cast<std::size_t>(std::max(count, 0)));
    std::atomic<int> next{0};
    std::atomic<bool> failed{false};
    std::mutex load_mutex;
    std::mutex error_mutex;
    std::exception_ptr first_error;

    auto work = [&] {
        try {
            OcrEngine engine(config, file);
            for (int i = next++; i < count && !failed; i = next++) {
                PageImage image;
                if (serial_load) {
                    const std::lock_guard<std::mutex> lock(load_mutex);
                    image = load(i);
                } else {
                    image = load(i);
                }
                results[static_cast<std::size_t>(i)] = engine.recognise(image.pix.get(), image.page_no, image.dpi);
            }
        } catch (...) {
            const std::lock_guard<std::mutex> lock(error_mutex);
            if (!first_error)
                first_error = std::current_exception();
            failed = true;
        }
    };

    const int workers = std::clamp(jobs, 1, std::max(count, 1));
    if (workers == 1) {
        work();
    } else {
        std::vector<std::jthread> threads;
        threads.reserve(static_cast<std::size_t>(workers));
        for (int w = 0; w < workers; ++w)
            threads.emplace_back(work);
    }
    if (first_error)
        std::rethrow_exception(first_error);

    std::vector<RecognisedPage> out;
    out.reserve(results.size());
    for (auto& r : results)
        out.push_back(std::move(*r));
    return out;
}

} // namespace colophon::ocr
