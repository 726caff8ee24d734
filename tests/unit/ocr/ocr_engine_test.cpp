#include "ocr/ocr_engine.h"

#include "ocr/image_input.h"
#include "ocr/ocr_converter.h"
#include "xml/xml_handles.h"

#include "test_files.h"

#include <gtest/gtest.h>
#include <libxml/catalog.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace colophon::ocr {
namespace {

namespace fs = std::filesystem;
const fs::path samples = fs::path(COLOPHON_SOURCE_DIR) / "samples" / "ocr";

using colophon::testing::read_file;

// One recognition of the scanned sample page, shared by the tests that inspect its result.
const RecognisedPage& scanned_page()
{
    static const std::optional<RecognisedPage> page = [] {
        const core::Input in = core::make_input("scan.jpg", read_file(samples / "scanned-page" / "input.jpg"));
        const PixPtr pix = read_image_page(in, 0);
        OcrEngine engine(EngineConfig{}, "scan.jpg");
        return std::optional<RecognisedPage>(engine.recognise(pix.get(), 1, image_dpi(pix.get())));
    }();
    return *page;
}

std::vector<const words::Word*> words_in(const RecognisedPage& p, std::initializer_list<std::string> texts)
{
    std::vector<const words::Word*> out;
    for (const words::Word& w : p.words.words)
        if (std::find(texts.begin(), texts.end(), w.text) != texts.end())
            out.push_back(&w);
    return out;
}

TEST(OcrEngine, MissingLanguagePackIsFoundBeforeAnyWork)
{
    try {
        check_languages("eng+xyz", default_tessdata_dir(), "report.pdf");
        FAIL() << "no error";
    } catch (const core::ConversionError& e) {
        EXPECT_EQ(e.diagnostic().code, "ocr.missing-language");
        EXPECT_EQ(e.diagnostic().file, "report.pdf");
        EXPECT_NE(e.diagnostic().message.find("'xyz'"), std::string::npos) << e.diagnostic().message;
    }
    EngineConfig xyz;
    xyz.languages = "xyz";
    EXPECT_THROW(OcrEngine(xyz, "x.png"), core::ConversionError);
    EXPECT_THROW(check_languages("../eng", default_tessdata_dir(), "x.png"), core::ConversionError);
    EXPECT_THROW(check_languages("eng+", default_tessdata_dir(), "x.png"), core::ConversionError);
    EXPECT_NO_THROW(check_languages("eng+rus+bel", default_tessdata_dir(), "x.png"));
}

TEST(OcrEngine, ConverterChecksLanguagesBeforeDecoding)
{
    // The image is garbage: the language error must come first, before anything is read.
    const core::Input in = core::make_input("page.png", std::string("\x89PNG\r\n\x1a\n broken", 15));
    core::ConvertOptions options;
    options.ocr_languages = "eng+xyz";
    core::Diagnostics diags("page.png");
    try {
        OcrConverter().convert(in, options, diags);
        FAIL() << "no error";
    } catch (const core::ConversionError& e) {
        EXPECT_EQ(e.diagnostic().code, "ocr.missing-language");
    }
}

TEST(OcrEngine, VersionNamesTesseract)
{
    EXPECT_EQ(tesseract_version().rfind("Tesseract 5", 0), 0U) << tesseract_version();
}

TEST(OcrEngine, WordsHaveBoxesInPointsOnThePage)
{
    const RecognisedPage& p = scanned_page();
    EXPECT_TRUE(p.words.from_ocr);
    EXPECT_EQ(p.words.page, 1);
    // A5 at 200 dpi is 420 x 595 points.
    EXPECT_NEAR(p.words.width, 420, 3);
    EXPECT_NEAR(p.words.height, 595, 3);
    ASSERT_GT(p.words.words.size(), 80U);
    for (const words::Word& w : p.words.words) {
        EXPECT_GE(w.box.x0, 0);
        EXPECT_LE(w.box.x1, p.words.width + 0.01);
        EXPECT_LT(w.box.y0, w.box.y1);
        EXPECT_EQ(w.text.find(' '), std::string::npos);
    }
    // The text starts 48 pt from the left edge.
    const auto barges = words_in(p, {"Barges"});
    ASSERT_EQ(barges.size(), 1U);
    EXPECT_NEAR(barges[0]->box.x0, 48, 4);
}

TEST(OcrEngine, PageIsDeskewedBeforeRecognition)
{
    EXPECT_NEAR(scanned_page().skew, -0.8, 0.3);
    EXPECT_EQ(scanned_page().rotation, 0);
}

TEST(OcrEngine, FontSizeIsEstimatedFromLineHeight)
{
    const RecognisedPage& p = scanned_page();
    const auto title = words_in(p, {"Corridors", "River", "Ports"});
    const auto body = words_in(p, {"council", "railway", "harvest."});
    const auto note = words_in(p, {"Figures", "harbour", "returns."});
    ASSERT_FALSE(title.empty());
    ASSERT_FALSE(body.empty());
    ASSERT_FALSE(note.empty());
    // Drawn at 17, 11 and 8 points.
    for (const auto* w : title)
        EXPECT_NEAR(w->size, 17, 3.5) << w->text;
    for (const auto* w : body)
        EXPECT_NEAR(w->size, 11, 2.5) << w->text;
    for (const auto* w : note)
        EXPECT_NEAR(w->size, 8, 2) << w->text;
}

TEST(OcrEngine, BoldIsEstimatedFromStrokeWidth)
{
    const RecognisedPage& p = scanned_page();
    const auto title = words_in(p, {"Grain", "Corridors", "River", "Ports"});
    ASSERT_GE(title.size(), 3U);
    for (const auto* w : title)
        EXPECT_TRUE(w->bold) << w->text;
    int bold_body = 0;
    int body = 0;
    for (const words::Word& w : p.words.words)
        if (w.size < 13) {
            ++body;
            bold_body += w.bold ? 1 : 0;
        }
    EXPECT_LT(bold_body * 20, body) << bold_body << " of " << body << " body words taken as bold";
}

TEST(OcrEngine, RaisedNoteMarksBecomeWordsOfTheirOwn)
{
    const auto& words = scanned_page().words.words;
    // "harvest.¹" in the body and "¹ Figures" in the note: each mark is a small raised word
    // beside its host, read as the digit it is.
    int found = 0;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        const bool after = words[i].text == "harvest." && words[i + 1].text == "1";
        const bool before = words[i].text == "1" && words[i + 1].text == "Figures";
        if (!after && !before)
            continue;
        const words::Word& host = after ? words[i] : words[i + 1];
        const words::Word& mark = after ? words[i + 1] : words[i];
        EXPECT_LT(mark.box.y1, host.box.y1 - 0.15 * host.size) << host.text;
        EXPECT_LT(mark.size, 0.85 * host.size) << host.text;
        ++found;
    }
    EXPECT_EQ(found, 2);
}

TEST(OcrEngine, ConfidenceIsRecordedPerPage)
{
    const RecognisedPage& p = scanned_page();
    EXPECT_EQ(p.info.page, 1);
    EXPECT_GT(p.info.mean_confidence, 80);
    EXPECT_LE(p.info.mean_confidence, 100);
    EXPECT_FALSE(p.info.low_confidence);
    for (const words::Word& w : p.words.words) {
        EXPECT_GE(w.confidence, 0);
        EXPECT_LE(w.confidence, 100);
    }
}

TEST(OcrEngine, BlankPageGivesNoWordsAndNoError)
{
    const PixPtr blank(pixCreate(800, 1000, 8));
    pixSetAllArbitrary(blank.get(), 255);
    OcrEngine engine(EngineConfig{}, "blank.png");
    const RecognisedPage p = engine.recognise(blank.get(), 3, 150);
    EXPECT_TRUE(p.words.words.empty());
    EXPECT_FALSE(p.info.low_confidence);
    ASSERT_EQ(p.diagnostics.size(), 1U);
    EXPECT_EQ(p.diagnostics[0].code, "ocr.no-text");
    EXPECT_EQ(p.diagnostics[0].page, 3);
}

TEST(OcrEngine, NoisePageIsFlaggedLowConfidence)
{
    // Random specks and blots: whatever Tesseract makes of them, it cannot be sure.
    const PixPtr noise(pixCreate(900, 1200, 8));
    pixSetAllArbitrary(noise.get(), 255);
    std::uint32_t state = 12345;
    for (int i = 0; i < 400; ++i) {
        state = state * 1664525u + 1013904223u;
        const int x = static_cast<int>(state % 860), y = static_cast<int>((state >> 12) % 1160);
        const int w = 4 + static_cast<int>((state >> 3) % 30), h = 4 + static_cast<int>((state >> 7) % 30);
        pixRasterop(noise.get(), x, y, w, h, PIX_CLR, nullptr, 0, 0);
    }
    OcrEngine engine(EngineConfig{}, "noise.png");
    const RecognisedPage p = engine.recognise(noise.get(), 1, 150);
    if (!p.words.words.empty()) {
        EXPECT_TRUE(p.info.low_confidence) << p.info.mean_confidence;
        EXPECT_TRUE(std::any_of(p.diagnostics.begin(), p.diagnostics.end(),
                                [](const core::Diagnostic& d) { return d.code == "ocr.low-confidence"; }));
    }
}

TEST(OcrEngine, AltoIsValidAlto44)
{
    const fs::path shared = COLOPHON_SHARED_DIR;
    const fs::path xsd = shared / "schemas-external" / "alto" / "alto-4-4.xsd";
    if (!fs::exists(xsd))
        GTEST_SKIP() << "../shared is absent (no " << xsd << "): ALTO schema validation skipped";
    const std::string& alto = scanned_page().info.alto_xml;
    ASSERT_NE(alto.find("ns-v4#"), std::string::npos);
    ASSERT_NE(alto.find("CONTENT=\"Corridors\""), std::string::npos);

    // The schema imports XLink from loc.gov; the shared catalog maps it to a local copy.
    xmlLoadCatalog((shared / "schemas-external" / "catalog.xml").c_str());
    const xml::XmlSchemaParserCtxtPtr pctx(xmlSchemaNewParserCtxt(xsd.c_str()));
    ASSERT_TRUE(pctx);
    const xml::XmlSchemaPtr schema(xmlSchemaParse(pctx.get()));
    ASSERT_TRUE(schema) << "ALTO schema does not compile";
    const xml::XmlDocPtr doc(xmlReadMemory(alto.data(), static_cast<int>(alto.size()), "page.alto.xml", nullptr,
                                           XML_PARSE_NONET));
    ASSERT_TRUE(doc);
    const xml::XmlSchemaValidCtxtPtr vctx(xmlSchemaNewValidCtxt(schema.get()));
    EXPECT_EQ(xmlSchemaValidateDoc(vctx.get(), doc.get()), 0) << alto.substr(0, 2000);
}

} // namespace
} // namespace colophon::ocr
