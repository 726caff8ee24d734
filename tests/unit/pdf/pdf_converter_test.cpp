#include "pdf/pdf_converter.h"

#include "core/input.h"

#include "document_queries.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

using namespace colophon;
namespace fs = std::filesystem;

namespace {

const fs::path samples = fs::path(COLOPHON_SOURCE_DIR) / "samples" / "pdf";
const fs::path pdf_real = fs::path(COLOPHON_SHARED_DIR) / "corpora" / "pdf-real";

core::Document convert(const fs::path& path, const core::ConvertOptions& options = {})
{
    const core::Input input = core::read_input(path.string(), options.limits.max_input_bytes);
    core::Diagnostics diags(path.string());
    pdf::PdfConverter conv;
    return conv.convert(input, options, diags);
}

using colophon::testing::find_kind;

} // namespace

TEST(PdfConverter, TwoColumnSampleKeepsFrontMatterNotesAndLinks)
{
    const core::Document doc = convert(samples / "two-columns" / "input.pdf");
    EXPECT_EQ(doc.extraction.method, "pdf-text");
    EXPECT_EQ(doc.extraction.page_count, 2);
    EXPECT_EQ(doc.meta.title, "The quiet costs of the river levy");
    ASSERT_EQ(doc.meta.authors.size(), 1u);
    EXPECT_EQ(doc.meta.authors[0].affiliation, "Riverside Institute");
    EXPECT_EQ(doc.meta.date.iso, "2022-05-02");
    ASSERT_EQ(doc.notes.size(), 2u);
    EXPECT_EQ(doc.notes[1].label, "2");
    bool link = false;
    for (const auto& b : doc.body) {
        const std::string text = core::plain_text(b);
        EXPECT_EQ(text.find("Working Paper No."), std::string::npos) << "running header leaked";
        EXPECT_EQ(text.find("schedule 2 of the charter"), std::string::npos) << "footnote leaked";
        if (const auto* l = find_kind(b.content, core::InlineKind::Link)) {
            link = true;
            EXPECT_EQ(l->target, "https://river.example/lab/report-2021");
            EXPECT_EQ(core::plain_text(l->children), "authority's website");
        }
    }
    EXPECT_TRUE(link);
}

TEST(PdfConverter, FootnoteContinuedOnNextPageIsOneNote)
{
    const core::Document doc = convert(samples / "footnotes-spanning-pages" / "input.pdf");
    ASSERT_EQ(doc.notes.size(), 1u);
    const std::string note = core::plain_text(doc.notes[0].blocks.at(0));
    EXPECT_TRUE(note.starts_with("The revision of 2019"));
    EXPECT_TRUE(note.ends_with("crosses the year of the revision."));
}

TEST(PdfConverter, GenericInfoTitleLosesToThePage)
{
    const core::Document doc = convert(samples / "one-column" / "input.pdf");
    EXPECT_EQ(doc.meta.title, "Why the river authority needs new powers");
}

TEST(PdfConverter, EmptyAndGarbageInputFailClearly)
{
    pdf::PdfConverter conv;
    core::Diagnostics diags("x.pdf");
    try {
        conv.convert(core::make_input("x.pdf", "%PDF-1.4\n%%EOF\n"), {}, diags);
        FAIL() << "expected ConversionError";
    } catch (const core::ConversionError& e) {
        EXPECT_EQ(e.diagnostic().code, "pdf.unreadable");
        EXPECT_EQ(e.diagnostic().file, "x.pdf");
    }
    EXPECT_THROW(conv.convert(core::make_input("e.pdf", ""), {}, diags), core::ConversionError);
}

TEST(PdfConverter, EncryptedNeedsPassword)
{
    const fs::path file = pdf_real / "pdfminer_aes-256-r6.pdf";
    if (!fs::exists(file))
        GTEST_SKIP() << "shared corpus absent: " << file;
    try {
        convert(file);
        FAIL() << "expected pdf.encrypted";
    } catch (const core::ConversionError& e) {
        EXPECT_EQ(e.diagnostic().code, "pdf.encrypted");
    }
    core::ConvertOptions options;
    options.password = "usersecret";
    const core::Document doc = convert(file, options);
    EXPECT_EQ(doc.extraction.page_count, 1);
    EXPECT_FALSE(doc.body.empty());
}

// Every real-world PDF converts or fails with a clear ConversionError; none crashes or hangs.
TEST(PdfConverter, RealWorldCorpusConvertsOrFailsClearly)
{
    if (!fs::exists(pdf_real))
        GTEST_SKIP() << "shared corpus absent: " << pdf_real;
    int converted = 0;
    for (const auto& entry : fs::directory_iterator(pdf_real)) {
        if (entry.path().extension() != ".pdf")
            continue;
        const auto t0 = std::chrono::steady_clock::now();
        try {
            const core::Document doc = convert(entry.path());
            EXPECT_GT(doc.extraction.page_count, 0) << entry.path();
            ++converted;
        } catch (const core::ConversionError& e) {
            EXPECT_FALSE(e.diagnostic().code.empty()) << entry.path();
            EXPECT_FALSE(e.diagnostic().message.empty()) << entry.path();
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        EXPECT_LT(seconds, 30) << entry.path();
    }
    EXPECT_GT(converted, 10);
}

TEST(PdfConverter, ImageOnlyPageIsListedForOcr)
{
    const fs::path file = pdf_real / "pdfjs_scan-bad.pdf";
    if (!fs::exists(file))
        GTEST_SKIP() << "shared corpus absent: " << file;
    const core::Input input = core::read_input(file.string(), 1u << 28);
    core::Diagnostics diags(file.string());
    pdf::PdfConverter conv;
    conv.convert(input, {}, diags);
    EXPECT_EQ(conv.pages_needing_ocr(), std::vector<int>{1});
    bool warned = false;
    for (const auto& d : diags.items())
        warned = warned || d.code == "pdf.no-text-layer";
    EXPECT_TRUE(warned);
}

namespace {

// Supplies fixed words for every page it is asked about, to prove the hook is used.
class FakeOcr : public words::PageOcrProvider
{
public:
    explicit FakeOcr(int& calls) : calls_(calls) {}
    std::optional<words::PageWords> recognise_page(int page_no, const words::PageWords& text_layer) override
    {
        words::PageWords out;
        out.page = page_no;
        out.width = text_layer.width;
        out.height = text_layer.height;
        double x = 72;
        for (const char* w : {"Recognised", "words", "from", "the", "fake", "engine."}) {
            words::Word word;
            word.text = w;
            word.size = 10;
            word.box = {x, 100, x + 40, 110};
            x += 45;
            out.words.push_back(word);
        }
        ++calls_;
        return out;
    }

private:
    int& calls_;
};

} // namespace

TEST(PdfConverter, OcrProviderSuppliesWordsForPagesWithoutText)
{
    const fs::path file = pdf_real / "pdfjs_scan-bad.pdf";
    if (!fs::exists(file))
        GTEST_SKIP() << "shared corpus absent: " << file;
    int calls = 0;
    pdf::PdfConverter conv([&](const core::Input&, const core::ConvertOptions&) {
        return std::make_unique<FakeOcr>(calls);
    });
    const core::Input input = core::read_input(file.string(), 1u << 28);
    core::Diagnostics diags(file.string());
    const core::Document doc = conv.convert(input, {}, diags);
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(doc.extraction.method, "ocr");
    ASSERT_FALSE(doc.body.empty());
    EXPECT_EQ(core::plain_text(doc.body[0]), "Recognised words from the fake engine.");
}

namespace {

// An OCR engine that cannot draw the page (over the page budget, a damaged image).
class FailingOcr : public words::PageOcrProvider
{
public:
    std::optional<words::PageWords> recognise_page(int page_no, const words::PageWords&) override
    {
        throw core::ConversionError("ocr.render-budget", "scan-bad.pdf",
                                    "page " + std::to_string(page_no) + ": drawing it took too long");
    }
};

bool has_code(const core::Diagnostics& diags, const std::string& code, int page)
{
    for (const auto& d : diags.items())
        if (d.code == code && d.page == page)
            return true;
    return false;
}

} // namespace

// A page OCR fails on costs that page's OCR, with a warning naming it, not the document.
TEST(PdfConverter, PageOcrCannotReadKeepsItsTextLayer)
{
    const fs::path file = pdf_real / "pdfjs_scan-bad.pdf";
    if (!fs::exists(file))
        GTEST_SKIP() << "shared corpus absent: " << file;
    pdf::PdfConverter conv([](const core::Input&, const core::ConvertOptions&) { return std::make_unique<FailingOcr>(); });
    const core::Input input = core::read_input(file.string(), 1u << 28);
    core::Diagnostics diags(file.string());
    const core::Document doc = conv.convert(input, {}, diags);
    EXPECT_EQ(doc.extraction.method, "pdf-text");
    EXPECT_TRUE(has_code(diags, "ocr.render-budget", 1));
}

// Poppler's own reports of damage end in a warning naming the page, not in a clean exit.
TEST(PdfConverter, PopplerErrorsAreWarnings)
{
    const fs::path file = fs::path(COLOPHON_SOURCE_DIR) / "samples" / "bad" / "pdf-huge-length" / "input.pdf";
    const core::Input input = core::read_input(file.string(), 1u << 28);
    core::Diagnostics diags(file.string());
    pdf::PdfConverter conv;
    conv.convert(input, {}, diags);
    EXPECT_TRUE(has_code(diags, "pdf.poppler-error", 1));
    // a sound file says nothing
    core::Diagnostics quiet("two-columns");
    conv.convert(core::read_input((samples / "two-columns" / "input.pdf").string(), 1u << 28), {}, quiet);
    for (const auto& d : quiet.items())
        EXPECT_NE(d.code, "pdf.poppler-error") << d.message;
}
