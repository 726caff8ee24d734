#include "archive/format_identification.h"

#include "test_support.h"

#include <gtest/gtest.h>

namespace colophon::archive {
namespace {

namespace fs = std::filesystem;

std::string pdf_with_xmp(const std::string& version, const std::string& xmp)
{
    return "%PDF-" + version + "\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Metadata /Subtype /XML >>\nstream\n" + xmp +
           "\nendstream\nendobj\n%%EOF\n";
}

TEST(FormatIdentification, PdfVersionFromTheHeader)
{
    EXPECT_EQ(identify_format("%PDF-1.4\n%\xE2\xE3\n").puid, "fmt/18");
    EXPECT_EQ(identify_format("%PDF-1.7\n").puid, "fmt/276");
    EXPECT_EQ(identify_format("%PDF-2.0\n").puid, "fmt/1129");
    const FormatIdentity f = identify_format("%PDF-1.3\n");
    EXPECT_EQ(f.name, "Acrobat PDF 1.3 - Portable Document Format");
    EXPECT_EQ(f.version, "1.3");
    EXPECT_EQ(f.mime, "application/pdf");
}

TEST(FormatIdentification, PdfAPartAndConformanceFromXmpInBothForms)
{
    const auto attr = identify_format(pdf_with_xmp("1.4", "<rdf:Description pdfaid:part=\"1\" pdfaid:conformance=\"B\"/>"));
    EXPECT_EQ(attr.puid, "fmt/354");
    EXPECT_EQ(attr.version, "1b");
    EXPECT_EQ(attr.name, "Acrobat PDF/A - Portable Document Format");
    const auto elem = identify_format(
        pdf_with_xmp("1.7", "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>U</pdfaid:conformance>"));
    EXPECT_EQ(elem.puid, "fmt/478");
    EXPECT_EQ(identify_format(pdf_with_xmp("1.7", "<pdfaid:part>3</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>")).puid,
              "fmt/479");
}

TEST(FormatIdentification, XmpMarkerSplitAcrossChunksIsFound)
{
    const std::string pdf =
        pdf_with_xmp("1.4", std::string(300000, ' ') + "pdfaid:part=\"1\" pdfaid:conformance=\"A\"");
    const auto at = pdf.find("pdfaid:part") + 4;
    FormatIdentifier id;
    id.update(pdf.data(), at);
    id.update(pdf.data() + at, pdf.size() - at);
    EXPECT_EQ(id.finish().puid, "fmt/95");
}

TEST(FormatIdentification, HtmlVersionsFromTheDoctype)
{
    EXPECT_EQ(identify_format("<!DOCTYPE html>\n<html><head></head></html>").puid, "fmt/471");
    EXPECT_EQ(identify_format("\xEF\xBB\xBF<!doctype HTML><html>").puid, "fmt/471");
    EXPECT_EQ(identify_format("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n<html>").puid,
              "fmt/100");
    EXPECT_EQ(identify_format("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x\">\n<html>").puid,
              "fmt/102");
    EXPECT_EQ(identify_format("<html><body><p>no doctype</p></body></html>").puid, "fmt/96");
}

TEST(FormatIdentification, ImagesBySignature)
{
    EXPECT_EQ(identify_format(std::string("II*\0\x08\0\0\0", 8)).puid, "fmt/353");
    EXPECT_EQ(identify_format(std::string("MM\0*\0\0\0\x08", 8)).puid, "fmt/353");
    EXPECT_EQ(identify_format(std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01", 13)).puid, "fmt/43");
    EXPECT_EQ(identify_format(std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x02", 13)).puid, "fmt/44");
    EXPECT_EQ(identify_format(std::string("\xFF\xD8\xFF\xDB\0\x43", 6)).puid, "fmt/41");
    const std::string jp2("\0\0\0\x0CjP  \r\n\x87\n\0\0\0\x14" "ftypjp2 ", 24);
    EXPECT_EQ(identify_format(jp2).puid, "x-fmt/392");
    EXPECT_EQ(identify_format("GIF89a....").puid, "fmt/4");
}

TEST(FormatIdentification, PngVersionFromItsChunks)
{
    const std::string sig("\x89PNG\r\n\x1A\n", 8);
    const auto chunk = [](const std::string& type, std::size_t n) {
        std::string c(4, '\0');
        c[3] = static_cast<char>(n);
        return c + type + std::string(n, '\0') + "CRC!";
    };
    EXPECT_EQ(identify_format(sig + chunk("IHDR", 13) + chunk("IDAT", 2) + chunk("IEND", 0)).puid, "fmt/11");
    EXPECT_EQ(identify_format(sig + chunk("IHDR", 13) + chunk("sRGB", 1) + chunk("IDAT", 2)).puid, "fmt/12");
    EXPECT_EQ(identify_format(sig + chunk("IHDR", 13) + chunk("iTXt", 5) + chunk("IDAT", 2)).puid, "fmt/13");
}

TEST(FormatIdentification, UnknownBytesAreNotGivenAPuid)
{
    const FormatIdentity f = identify_format(testing::random_bytes(1000, 3).insert(0, "zz"));
    EXPECT_FALSE(f.identified());
    EXPECT_EQ(f.mime, "application/octet-stream");
    EXPECT_FALSE(identify_format("").identified());
}

TEST(FormatIdentification, SamplesOfEveryKindAreIdentified)
{
    const fs::path samples = fs::path(COLOPHON_SOURCE_DIR) / "samples";
    int checked = 0;
    for (const char* kind : {"html", "pdf", "ocr"}) {
        for (const auto& dir : fs::directory_iterator(samples / kind)) {
            if (!dir.is_directory())
                continue;
            for (const auto& f : fs::directory_iterator(dir.path())) {
                if (f.path().stem() != "input")
                    continue;
                const FormatIdentity id = identify_format(testing::read_file(f.path()));
                EXPECT_TRUE(id.identified()) << f.path() << ": " << id.basis;
                ++checked;
            }
        }
    }
    EXPECT_GT(checked, 20);
}

} // namespace
} // namespace colophon::archive
