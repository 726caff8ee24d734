#include "fake_converter.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <thread>

namespace colophon::testing {

core::Document FakeConverter::convert(const core::Input& input, const core::ConvertOptions&, core::Diagnostics&)
{
    const std::string& b = input.bytes;
    if (b.find("FAIL") != std::string::npos)
        throw core::ConversionError("fake.failed", input.display_name, "the fake converter was told to fail");
    if (b.find("CRASH") != std::string::npos)
        std::raise(SIGSEGV);
    if (b.find("ABORT") != std::string::npos)
        std::abort();
    if (b.find("LOOP") != std::string::npos) {
        for (;;)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (b.find("SLOW") != std::string::npos)
        std::this_thread::sleep_for(std::chrono::milliseconds(200));

    core::Document doc;
    const auto t0 = b.find("<title>");
    const auto t1 = b.find("</title>");
    if (t0 != std::string::npos && t1 != std::string::npos) {
        doc.meta.title = b.substr(t0 + 7, t1 - t0 - 7);
    }
    if (b.find("NOAUTHOR") == std::string::npos)
        doc.meta.authors.push_back({"Jane Doe", "", ""});
    doc.meta.date = {"2024-01-02", "2 January 2024"};
    doc.meta.language = "en";
    core::Block p;
    p.kind = core::BlockKind::Paragraph;
    p.content = {core::Inline::make_text(t1 == std::string::npos ? b : b.substr(t1 + 8))};
    doc.body.push_back(std::move(p));
    doc.extraction.method = "html";
    return doc;
}

std::vector<std::unique_ptr<core::Converter>> fake_converters()
{
    std::vector<std::unique_ptr<core::Converter>> v;
    v.push_back(std::make_unique<FakeConverter>());
    return v;
}

} // namespace colophon::testing
