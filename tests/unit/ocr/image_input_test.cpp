#include "ocr/image_input.h"

#include "core/diagnostics.h"
#include "ocr/ocr_converter.h"

#include "test_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace colophon::ocr {
namespace {

const std::filesystem::path samples = std::filesystem::path(COLOPHON_SOURCE_DIR) / "samples" / "ocr";

using colophon::testing::read_file;

core::Input input_named(const std::string& name, std::string bytes)
{
    return core::make_input(name, std::move(bytes));
}

// The code of the ConversionError `f` throws, and checks its message names the file.
template <typename F>
std::string error_code_of(F&& f, const std::string& file)
{
    try {
        f();
    } catch (const core::ConversionError& e) {
        EXPECT_EQ(e.diagnostic().file, file);
        EXPECT_FALSE(e.diagnostic().message.empty());
        return e.diagnostic().code;
    }
    return "no error";
}

std::string png_of(Pix* pix)
{
    l_uint8* data = nullptr;
    size_t size = 0;
    EXPECT_EQ(pixWriteMemPng(&data, &size, pix, 0), 0);
    std::string bytes(reinterpret_cast<const char*>(data), size);
    lept_free(data);
    return bytes;
}

TEST(ImageInput, ReadsEveryPageOfAMultiPageTiffFromItsDirectory)
{
    const core::Input in = input_named("two.tif", read_file(samples / "multipage-tiff" / "input.tif"));
    ASSERT_EQ(in.type, core::MediaType::Tiff);
    const auto pages = read_image_pages(in, core::Limits{});
    ASSERT_EQ(pages.size(), 2U);
    for (int i = 0; i < 2; ++i) {
        const PixPtr pix = read_image_page(in, i);
        EXPECT_EQ(static_cast<int>(pixGetWidth(pix.get())), pages[static_cast<std::size_t>(i)].width);
        EXPECT_EQ(static_cast<int>(pixGetHeight(pix.get())), pages[static_cast<std::size_t>(i)].height);
        EXPECT_DOUBLE_EQ(image_dpi(pix.get()), 200);
    }
}

TEST(ImageInput, ZeroByteTiffIsAClearError)
{
    core::Input in = input_named("empty.tif", "");
    in.type = core::MediaType::Tiff; // as if the caller insisted
    EXPECT_EQ(error_code_of([&] { read_image_pages(in, core::Limits{}); }, "empty.tif"), "ocr.empty-image");
    core::Diagnostics diags("empty.tif");
    OcrConverter converter;
    EXPECT_EQ(error_code_of([&] { converter.convert(in, core::ConvertOptions{}, diags); }, "empty.tif"),
              "ocr.empty-image");
}

TEST(ImageInput, TruncatedTiffDirectoryIsAClearError)
{
    const std::string tiff = read_file(samples / "multipage-tiff" / "input.tif");
    const core::Input in = input_named("cut.tif", tiff.substr(0, 200));
    EXPECT_EQ(error_code_of([&] { read_image_pages(in, core::Limits{}); }, "cut.tif"), "ocr.corrupt-image");
}

TEST(ImageInput, LoopingTiffDirectoryChainIsAClearError)
{
    // Little-endian header whose first directory (at 8, no entries) points back to itself.
    std::string tiff("II*\0\x08\0\0\0\0\0\x08\0\0\0", 14);
    const core::Input in = input_named("loop.tif", tiff);
    ASSERT_EQ(in.type, core::MediaType::Tiff);
    EXPECT_EQ(error_code_of([&] { read_image_pages(in, core::Limits{}); }, "loop.tif"), "ocr.corrupt-image");
}

TEST(ImageInput, CorruptPngIsAClearErrorNotACrash)
{
    const PixPtr pix(pixCreate(300, 200, 8));
    pixSetAllArbitrary(pix.get(), 255);
    std::string png = png_of(pix.get());
    // Keep the header, garble the compressed data.
    for (std::size_t i = 60; i < png.size(); ++i)
        png[i] = static_cast<char>(png[i] ^ 0x5A);
    const core::Input in = input_named("garbled.png", png);
    ASSERT_EQ(in.type, core::MediaType::Png);
    core::Diagnostics diags("garbled.png");
    OcrConverter converter;
    EXPECT_EQ(error_code_of([&] { converter.convert(in, core::ConvertOptions{}, diags); }, "garbled.png"),
              "ocr.corrupt-image");
}

TEST(ImageInput, CorruptJpegHeaderIsAClearError)
{
    const core::Input in = input_named("bad.jpg", std::string("\xFF\xD8\xFF\xE0garbage that is no JPEG", 26));
    ASSERT_EQ(in.type, core::MediaType::Jpeg);
    core::Diagnostics diags("bad.jpg");
    OcrConverter converter;
    EXPECT_EQ(error_code_of([&] { converter.convert(in, core::ConvertOptions{}, diags); }, "bad.jpg"),
              "ocr.corrupt-image");
}

TEST(ImageInput, HugeImageIsRefusedFromItsHeaderBeforeDecoding)
{
    // 20,000 x 20,000 bilevel: small as a PNG, 400 million pixels once decoded.
    const PixPtr pix(pixCreate(20000, 20000, 1));
    ASSERT_TRUE(pix);
    const core::Input in = input_named("huge.png", png_of(pix.get()));
    EXPECT_LT(in.bytes.size(), 2'000'000U);
    EXPECT_EQ(error_code_of([&] { read_image_pages(in, core::Limits{}); }, "huge.png"), "ocr.image-too-large");
    core::Diagnostics diags("huge.png");
    OcrConverter converter;
    EXPECT_EQ(error_code_of([&] { converter.convert(in, core::ConvertOptions{}, diags); }, "huge.png"),
              "ocr.image-too-large");
}

TEST(ImageInput, PageCountIsLimited)
{
    const core::Input in = input_named("two.tif", read_file(samples / "multipage-tiff" / "input.tif"));
    core::Limits limits;
    limits.max_pages = 1;
    EXPECT_EQ(error_code_of([&] { read_image_pages(in, limits); }, "two.tif"), "ocr.too-many-pages");
}

TEST(ImageInput, ImplausibleResolutionFallsBackToScannerDefault)
{
    const PixPtr pix(pixCreate(2480, 3508, 8)); // A4 at 300 dpi, labelled 72 dpi by some software
    pixSetResolution(pix.get(), 72, 72);
    EXPECT_DOUBLE_EQ(image_dpi(pix.get()), 300);
    pixSetResolution(pix.get(), 300, 300);
    EXPECT_DOUBLE_EQ(image_dpi(pix.get()), 300);
    const PixPtr small(pixCreate(1200, 1700, 8));
    pixSetResolution(small.get(), 150, 150);
    EXPECT_DOUBLE_EQ(image_dpi(small.get()), 150);
}

} // namespace
} // namespace colophon::ocr
