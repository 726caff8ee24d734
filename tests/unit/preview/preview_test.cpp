// Pages drawn for review pages: valid greyscale PNGs of the page's size at the resolution asked.

#include "preview/page_preview.h"
#include "preview/png_writer.h"

#include "core/input.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <vector>

using namespace colophon;

namespace {

std::uint32_t u32_at(const std::string &s, std::size_t at)
{
    return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) << 24 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 2])) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 3]));
}

// The PNG's pixels (one filter byte a row), checking every chunk's CRC on the way.
std::vector<std::uint8_t> decode(const std::string &png, int &w, int &h, int *depth = nullptr)
{
    int bits = 8;
    EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    std::string idat;
    for (std::size_t at = 8; at + 12 <= png.size();) {
        const std::uint32_t len = u32_at(png, at);
        const std::string type = png.substr(at + 4, 4);
        const std::string data = png.substr(at + 8, len);
        const auto crc = crc32(0L, reinterpret_cast<const Bytef *>(png.data() + at + 4), 4 + len);
        EXPECT_EQ(u32_at(png, at + 8 + len), static_cast<std::uint32_t>(crc)) << type;
        if (type == "IHDR") {
            w = static_cast<int>(u32_at(data, 0));
            h = static_cast<int>(u32_at(data, 4));
            bits = data[8];
            EXPECT_TRUE(bits == 8 || bits == 4) << bits;
            EXPECT_EQ(data[9], 0); // greyscale
        } else if (type == "IDAT") {
            idat += data;
        }
        at += 12 + len;
    }
    if (depth != nullptr)
        *depth = bits;
    std::vector<std::uint8_t> raw(static_cast<std::size_t>(((w * bits + 7) / 8 + 1) * h));
    uLongf n = raw.size();
    EXPECT_EQ(uncompress(raw.data(), &n, reinterpret_cast<const Bytef *>(idat.data()), idat.size()),
              Z_OK);
    EXPECT_EQ(n, raw.size());
    return raw;
}

} // namespace

TEST(PngWriter, RoundTripsEveryPixel)
{
    const int w = 7, h = 3, stride = 9;
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(stride * h),
                                     0xEE); // padding never read
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            pixels[static_cast<std::size_t>(y * stride + x)] =
                static_cast<std::uint8_t>(x * 30 + y);
    int dw = 0, dh = 0;
    const std::vector<std::uint8_t> raw =
        decode(preview::encode_grey_png(pixels.data(), w, h, stride), dw, dh);
    ASSERT_EQ(dw, w);
    ASSERT_EQ(dh, h);
    for (int y = 0; y < h; ++y) {
        EXPECT_EQ(raw[static_cast<std::size_t>(y * (w + 1))], 0); // filter: none
        for (int x = 0; x < w; ++x)
            EXPECT_EQ(raw[static_cast<std::size_t>(y * (w + 1) + 1 + x)], x * 30 + y);
    }
    EXPECT_THROW(preview::encode_grey_png(pixels.data(), 0, 1, 1), std::invalid_argument);
    EXPECT_THROW(preview::encode_png_rows(std::vector<std::uint8_t>(4), 7, 1, 4),
                 std::invalid_argument); // needs 1 + 4
    int d = 0;
    const auto four = decode(preview::encode_png_rows({0, 0x0F, 0xA0}, 3, 1, 4), dw, dh, &d);
    EXPECT_EQ(d, 4);
    EXPECT_EQ(four, (std::vector<std::uint8_t>{0, 0x0F, 0xA0}));
}

TEST(PagePreview, PdfPagesAtTheResolutionAsked)
{
    const core::Input input = core::read_input(
        COLOPHON_SOURCE_DIR "/samples/pdf/footnotes-spanning-pages/input.pdf", 1u << 26);
    const auto pages = preview::render_previews(input, 60, {});
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_EQ(pages[1].page, 2);
    // A4 or Letter at 60 dpi: about 500 x 700 px
    EXPECT_GT(pages[0].width_px, 450);
    EXPECT_LT(pages[0].width_px, 560);
    EXPECT_GT(pages[0].height_px, pages[0].width_px);
    int w = 0, h = 0, depth = 0;
    const auto raw = decode(pages[0].png, w, h, &depth);
    EXPECT_EQ(w, pages[0].width_px);
    EXPECT_EQ(h, pages[0].height_px);
    EXPECT_EQ(depth, 4);
    const std::size_t row = static_cast<std::size_t>((w + 1) / 2 + 1);
    std::size_t dark = 0; // samples darker than mid grey
    for (std::size_t i = 0; i < raw.size(); ++i)
        if (i % row != 0)
            dark += static_cast<std::size_t>((raw[i] >> 4) < 8) +
                    static_cast<std::size_t>((raw[i] & 15) < 8);
    EXPECT_GT(dark, 1000u); // the text is drawn
    EXPECT_LT(pages[0].png.size(), 200'000u);
    const auto small = preview::render_previews(input, 30, {});
    EXPECT_NEAR(small[0].width_px, pages[0].width_px / 2, 2);
}

TEST(PagePreview, HtmlHasNoPagesAndBrokenPdfsSayWhy)
{
    EXPECT_TRUE(preview::render_previews(core::make_input("a.html", "<p>x</p>"), 60, {}).empty());
    core::Input broken = core::make_input("b.pdf", "%PDF-1.4 nothing else");
    broken.type = core::MediaType::Pdf;
    try {
        preview::render_previews(broken, 60, {});
        FAIL() << "no error";
    } catch (const core::ConversionError &e) {
        EXPECT_EQ(e.diagnostic().code, "review.render-failed");
    }
}

TEST(PagePreview, PageImagesShrunkToTheResolution)
{
    const core::Input input =
        core::read_input(COLOPHON_SOURCE_DIR "/samples/ocr/scanned-page/input.jpg", 1u << 26);
    const auto pages = preview::render_previews(input, 60, {});
    ASSERT_EQ(pages.size(), 1u);
    EXPECT_GT(pages[0].width_px, 300);
    EXPECT_LT(pages[0].width_px, 900);
    EXPECT_EQ(pages[0].png.substr(1, 3), "PNG");
}
