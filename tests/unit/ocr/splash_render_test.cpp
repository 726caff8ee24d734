#include "ocr/splash_render.h"

#include "core/diagnostics.h"
#include "core/input.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

using namespace colophon;
namespace fs = std::filesystem;

namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length)
{
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// A one-page PDF whose background is a smooth gradient (a shading pattern).
std::string gradient_pdf()
{
    std::string bytes;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &bytes, 200, 200);
    cairo_t* cr = cairo_create(surface);
    cairo_pattern_t* gradient = cairo_pattern_create_linear(0, 0, 200, 200);
    cairo_pattern_add_color_stop_rgb(gradient, 0, 1, 1, 1);
    cairo_pattern_add_color_stop_rgb(gradient, 1, 0.2, 0.2, 0.2);
    cairo_set_source(cr, gradient);
    cairo_paint(cr);
    cairo_pattern_destroy(gradient);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    return bytes;
}

} // namespace

TEST(SplashRender, PagesWithShadingsAreFoundAndDrawn)
{
    const std::string bytes = gradient_pdf();
    const ocr::SplashRenderer splash(bytes, {}, "gradient.pdf");
    EXPECT_TRUE(splash.draws_shadings(1));
    const ocr::PixPtr pix = splash.render(1, 72, core::Limits{}, 30);
    ASSERT_TRUE(pix);
    EXPECT_EQ(pixGetWidth(pix.get()), 200);
    EXPECT_EQ(pixGetDepth(pix.get()), 8);
    l_uint32 corner = 0, far = 0;
    pixGetPixel(pix.get(), 2, 2, &corner);
    pixGetPixel(pix.get(), 197, 197, &far);
    EXPECT_GT(corner, far + 100) << "light to dark";
}

TEST(SplashRender, TextPagesHaveNoShadings)
{
    const fs::path file = fs::path(COLOPHON_SOURCE_DIR) / "samples" / "pdf" / "one-column" / "input.pdf";
    const core::Input input = core::read_input(file.string(), 1u << 26);
    const ocr::SplashRenderer splash(input.bytes, {}, file.string());
    EXPECT_FALSE(splash.draws_shadings(1));
    EXPECT_FALSE(splash.draws_shadings(99));
}

// A page that takes longer than its budget fails that page, clearly.
TEST(SplashRender, OverThePageBudgetFailsThePage)
{
    const std::string bytes = gradient_pdf();
    const ocr::SplashRenderer splash(bytes, {}, "gradient.pdf");
    try {
        splash.render(1, 300, core::Limits{}, 0);
        FAIL() << "expected ocr.render-budget";
    } catch (const core::ConversionError& e) {
        EXPECT_EQ(e.diagnostic().code, "ocr.render-budget");
        EXPECT_NE(e.diagnostic().message.find("page 1"), std::string::npos);
    }
}

TEST(SplashRender, OverThePixelLimitFailsThePage)
{
    const std::string bytes = gradient_pdf();
    const ocr::SplashRenderer splash(bytes, {}, "gradient.pdf");
    core::Limits small;
    small.max_image_pixels = 1000;
    EXPECT_THROW(splash.render(1, 300, small, 30), core::ConversionError);
}
