// Snippet tests over samples/ocr/<case>/: OCR output shifts between Tesseract versions, so each
// case lists phrases its text must contain ("with") and must not contain ("without").

#include "ocr/ocr_converter.h"
#include "ocr/ocr_document.h"
#include "ocr/pdf_render.h"

#include "core/text.h"
#include "words/ocr_decision.h"

#include "test_files.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace colophon::ocr {
namespace {

namespace fs = std::filesystem;
const fs::path samples = fs::path(COLOPHON_SOURCE_DIR) / "samples" / "ocr";

using colophon::testing::read_file;

// Everything a reader sees: title block, body and notes.
std::string document_text(const core::Document& doc)
{
    // the layout puts a page's title and subtitle in the metadata, ahead of the body
    std::string out = doc.meta.title + "\n" + doc.meta.subtitle + "\n";
    for (const core::Block& b : doc.body)
        out += core::plain_text(b) + "\n";
    for (const core::Note& n : doc.notes)
        for (const core::Block& b : n.blocks)
            out += core::plain_text(b) + "\n";
    return out;
}

void check_snippets(const fs::path& dir, const std::string& text)
{
    const auto expected = nlohmann::json::parse(read_file(dir / "expected.snippets.json"));
    const std::string flat = core::clean_text(text);
    for (const auto& s : expected.at("with"))
        EXPECT_NE(flat.find(s.get<std::string>()), std::string::npos)
            << dir.filename() << ": missing \"" << s.get<std::string>() << "\" in:\n" << flat;
    for (const auto& s : expected.at("without"))
        EXPECT_EQ(flat.find(s.get<std::string>()), std::string::npos)
            << dir.filename() << ": unexpected \"" << s.get<std::string>() << "\" in:\n" << flat;
}

core::Document convert_image(const fs::path& file, int jobs, core::Diagnostics& diags)
{
    core::ConvertOptions options;
    options.jobs = jobs;
    const core::Input in = core::make_input(file.filename().string(), read_file(file));
    OcrConverter converter;
    EXPECT_TRUE(converter.accepts(in));
    return converter.convert(in, options, diags);
}

TEST(OcrSamples, ScannedPage)
{
    const fs::path dir = samples / "scanned-page";
    core::Diagnostics diags("input.jpg");
    const core::Document doc = convert_image(dir / "input.jpg", 1, diags);
    check_snippets(dir, document_text(doc));
    EXPECT_EQ(doc.extraction.method, "ocr");
    EXPECT_EQ(doc.extraction.source_format, "image/jpeg");
    EXPECT_EQ(doc.extraction.ocr_languages, "eng");
    EXPECT_EQ(doc.extraction.ocr_engine.rfind("Tesseract ", 0), 0U);
    ASSERT_EQ(doc.extraction.ocr_pages.size(), 1U);
    EXPECT_FALSE(doc.extraction.ocr_pages[0].alto_xml.empty());
    EXPECT_FALSE(diags.has_warnings());
}

TEST(OcrSamples, RotatedPageIsTurnedUpright)
{
    const fs::path dir = samples / "rotated-page";
    core::Diagnostics diags("input.png");
    const core::Document doc = convert_image(dir / "input.png", 1, diags);
    check_snippets(dir, document_text(doc));
    ASSERT_EQ(doc.extraction.ocr_pages.size(), 1U);
    EXPECT_GT(doc.extraction.ocr_pages[0].mean_confidence, 75);
    bool rotated = false;
    for (const core::Diagnostic& d : diags.items())
        rotated = rotated || d.code == "ocr.rotated";
    EXPECT_TRUE(rotated);
}

TEST(OcrSamples, MultiPageTiffInPageOrderWithTwoWorkers)
{
    const fs::path dir = samples / "multipage-tiff";
    core::Diagnostics diags("input.tif");
    const core::Document doc = convert_image(dir / "input.tif", 2, diags);
    check_snippets(dir, document_text(doc));
    EXPECT_EQ(doc.extraction.page_count, 2);
    ASSERT_EQ(doc.extraction.ocr_pages.size(), 2U);
    EXPECT_EQ(doc.extraction.ocr_pages[0].page, 1);
    EXPECT_EQ(doc.extraction.ocr_pages[1].page, 2);
    // Pages merge in order whichever worker finished first.
    const std::string text = document_text(doc);
    EXPECT_LT(text.find("Orchard"), text.find("Decisions"));
    ASSERT_FALSE(doc.body.empty());
    EXPECT_EQ(doc.body.front().source.page, 1);
    EXPECT_EQ(doc.body.back().source.page, 2);
}

// Running header and "Page N of 2" footer stay out of the text; the byline under the title
// gives the author and affiliation, the printed date the date, and the author note at the end
// leaves the body.
TEST(OcrSamples, ScannedArticleFrontMatterAndFurniture)
{
    const fs::path dir = samples / "scanned-article";
    core::Diagnostics diags("input.tif");
    const core::Document doc = convert_image(dir / "input.tif", 1, diags);
    check_snippets(dir, document_text(doc));
    // the TEI keeps the printed date and the author note in its header; the text has neither
    const std::string text = core::clean_text(document_text(doc));
    for (const char* front : {"Published 3 March", "research fellow", "Freight Institute |"})
        EXPECT_EQ(text.find(front), std::string::npos) << front << " in:\n" << text;
    EXPECT_EQ(doc.meta.title, "Tolls and Tides on the Velora");
    EXPECT_EQ(doc.meta.subtitle, "Why the river ports lose freight to the roads");
    ASSERT_EQ(doc.meta.authors.size(), 1U);
    EXPECT_EQ(doc.meta.authors[0].name, "Isla Marwood");
    EXPECT_EQ(doc.meta.authors[0].affiliation, "Velora Freight Institute");
    EXPECT_EQ(doc.meta.date.iso, "2024-03-03");
    ASSERT_FALSE(doc.body.empty());
    EXPECT_EQ(core::plain_text(doc.body.front()).rfind("Every spring", 0), 0U) << core::plain_text(doc.body.front());
}

TEST(OcrSamples, MixedPdfOcrsOnlyTheScannedPage)
{
    const fs::path dir = samples / "mixed-pdf";
    const std::string bytes = read_file(dir / "input.pdf");
    GError* error = nullptr;
    GBytes* data = g_bytes_new_static(bytes.data(), bytes.size());
    const PopplerDocumentPtr doc(poppler_document_new_from_bytes(data, nullptr, &error));
    g_bytes_unref(data); // the document keeps its own reference
    ASSERT_TRUE(doc) << (error ? error->message : "");
    ASSERT_EQ(poppler_document_get_n_pages(doc.get()), 2);

    // 1. decide per page from the text layer and the page's ink.
    std::vector<int> ocr_pages;
    std::string text;
    for (int i = 0; i < 2; ++i) {
        const PopplerPagePtr page(poppler_document_get_page(doc.get(), i));
        char* raw = poppler_page_get_text(page.get());
        const std::string layer = raw ? raw : "";
        g_free(raw);
        const words::OcrDecision d =
            words::decide_ocr(words::measure_page_text(layer, page_ink_share(page.get())), core::OcrMode::Auto);
        if (d.ocr)
            ocr_pages.push_back(i + 1);
        else
            text += layer + "\n";
    }
    ASSERT_EQ(ocr_pages, std::vector<int>{2});

    // 2. OCR the scanned insert at a lower resolution than the default, to keep the test quick.
    core::ConvertOptions options;
    options.ocr_dpi = 200;
    const std::vector<RecognisedPage> pages = ocr_pdf_pages(doc.get(), ocr_pages, options, "input.pdf");
    ASSERT_EQ(pages.size(), 1U);
    EXPECT_EQ(pages[0].info.page, 2);
    EXPECT_NEAR(pages[0].words.width, 420, 1);
    text += document_text(build_plain_document(pages));
    check_snippets(dir, text);
}

TEST(OcrSamples, EveryCaseHasInputAndSnippets)
{
    int cases = 0;
    for (const auto& entry : fs::directory_iterator(samples)) {
        if (!entry.is_directory())
            continue;
        ++cases;
        EXPECT_TRUE(fs::exists(entry.path() / "expected.snippets.json")) << entry.path();
        bool input = false;
        for (const char* name : {"input.png", "input.jpg", "input.tif", "input.pdf"})
            input = input || fs::exists(entry.path() / name);
        EXPECT_TRUE(input) << entry.path();
    }
    EXPECT_GE(cases, 4);
}

} // namespace
} // namespace colophon::ocr
