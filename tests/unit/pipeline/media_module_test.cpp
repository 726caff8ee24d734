#include "pipeline/media_loader.h"

#include "pipeline/convert.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace colophon;

namespace {

core::Input input_of(core::MediaType type)
{
    core::Input in;
    in.display_name = "test";
    in.type = type;
    return in;
}

constexpr core::MediaType all_types[] = {core::MediaType::Unknown, core::MediaType::Html, core::MediaType::Pdf,
                                          core::MediaType::Png,     core::MediaType::Jpeg, core::MediaType::Tiff,
                                          core::MediaType::Xml,     core::MediaType::Zip,  core::MediaType::Gzip,
                                          core::MediaType::Empty};

} // namespace

// Converting HTML never loads the PDF/OCR module (the start-up cost it exists to avoid). Runs
// first in this program: nothing has loaded the module yet.
TEST(MediaModule, HtmlConversionDoesNotLoadIt)
{
    const pipeline::DocumentConverter converter(core::ConvertOptions{});
    core::Diagnostics diags("page.html");
    const core::Input page = core::make_input(
        "page.html", "<html><body><article><h1>Title</h1><p>A paragraph of prose long enough to be kept by the "
                     "converter, with several words in it.</p></article></body></html>");
    converter.convert(page, diags);
    EXPECT_TRUE(pipeline::media_module_path().empty()) << pipeline::media_module_path();
}

// The stand-in answers accepts() for exactly the types the module's converters read.
TEST(MediaModule, StandInAcceptsWhatTheModuleReads)
{
    std::vector<std::unique_ptr<core::Converter>> real;
    pipeline::media_module("test").make_converters(real);
    ASSERT_FALSE(real.empty());
    const auto stand_in = pipeline::make_lazy_media_converter();
    for (const core::MediaType t : all_types) {
        const core::Input in = input_of(t);
        const bool module_reads = std::any_of(real.begin(), real.end(), [&](const auto& c) { return c->accepts(in); });
        EXPECT_EQ(stand_in->accepts(in), module_reads) << core::media_type_name(t);
    }
    EXPECT_FALSE(pipeline::media_module_path().empty());
}

TEST(MediaModule, ConvertsAPdfThroughTheModule)
{
    const pipeline::DocumentConverter converter(core::ConvertOptions{});
    core::Diagnostics diags("one-column.pdf");
    const core::Input pdf =
        core::read_input(std::string(COLOPHON_SOURCE_DIR) + "/samples/pdf/one-column/input.pdf", 1u << 26);
    const core::Document doc = converter.convert(pdf, diags);
    EXPECT_EQ(doc.extraction.method, "pdf-text");
    EXPECT_FALSE(doc.body.empty());
}
