// What the METS and bag-info of a package say about the document: PRONOM formats, event types
// from the Library of Congress vocabulary, real event times, catalogue rights and collection,
// the original's catalogue path.

#include "archive/bag_verifier.h"
#include "archive/package_writer.h"

#include "test_support.h"

#include <gtest/gtest.h>

#include <regex>

namespace colophon::archive {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

struct Packed
{
    TempDir dir;
    fs::path bag;
    std::string mets;
    std::string bag_info;
};

std::unique_ptr<Packed> pack_directory(PackageContents c, const std::string& original_bytes)
{
    auto p = std::make_unique<Packed>();
    testing::write_file(p->dir.path() / "in" / "report.pdf", original_bytes);
    c.original_path = p->dir.path() / "in" / "report.pdf";
    c.options.format = PackageFormat::Directory;
    c.options.id = "report-1";
    p->bag = write_package(c, p->dir.path()).path;
    p->mets = testing::read_file(p->bag / "data" / "METS.report-1.xml");
    p->bag_info = testing::read_file(p->bag / "bag-info.txt");
    return p;
}

std::string pdfa_1b(const std::string& pad = {})
{
    return "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n" + pad +
           "1 0 obj\n<< /Type /Metadata >>\nstream\n<rdf:Description pdfaid:part=\"1\" pdfaid:conformance=\"B\"/>\n"
           "endstream\nendobj\n%%EOF\n";
}

TEST(PackageMetadata, PremisNamesPronomFormatsBesideTheMimeType)
{
    auto c = testing::sample_contents("");
    const auto p = pack_directory(c, pdfa_1b(std::string(3 << 20, ' ')));
    EXPECT_NE(p->mets.find("<premis:formatName>application/pdf</premis:formatName>"), std::string::npos);
    EXPECT_NE(p->mets.find("<premis:formatName>Acrobat PDF/A - Portable Document Format</premis:formatName>"),
              std::string::npos);
    EXPECT_NE(p->mets.find("<premis:formatVersion>1b</premis:formatVersion>"), std::string::npos);
    EXPECT_NE(p->mets.find("<premis:formatRegistryName>PRONOM</premis:formatRegistryName>"), std::string::npos);
    EXPECT_NE(p->mets.find("<premis:formatRegistryKey>fmt/354</premis:formatRegistryKey>"), std::string::npos);
    // the files colophon wrote: XML, plain text, JSON
    EXPECT_NE(p->mets.find("<premis:formatRegistryKey>fmt/101</premis:formatRegistryKey>"), std::string::npos);
    EXPECT_NE(p->mets.find("<premis:formatRegistryKey>x-fmt/111</premis:formatRegistryKey>"), std::string::npos);
    EXPECT_NE(p->mets.find("<premis:formatRegistryKey>fmt/817</premis:formatRegistryKey>"), std::string::npos);
}

TEST(PackageMetadata, EventTypesAreLibraryOfCongressTermsWithTheirUris)
{
    const auto p = pack_directory(testing::sample_contents(""), pdfa_1b());
    for (const auto& [label, code] : std::vector<std::pair<std::string, std::string>>{
             {"ingestion", "ing"},
             {"message digest calculation", "mes"},
             {"format identification", "for"},
             {"normalization", "nor"},
             {"creation", "cre"},
             {"validation", "val"},
             {"information package creation", "ipc"}}) {
        const std::string element =
            "<premis:eventType authority=\"eventType\" authorityURI=\"http://id.loc.gov/vocabulary/preservation/"
            "eventType\" valueURI=\"http://id.loc.gov/vocabulary/preservation/eventType/" +
            code + "\">" + label + "</premis:eventType>";
        EXPECT_NE(p->mets.find(element), std::string::npos) << element;
    }
    EXPECT_EQ(p->mets.find(">transcription</premis:eventType>"), std::string::npos);
    EXPECT_NE(p->mets.find("<premis:agentVersion>5.3.0</premis:agentVersion>"), std::string::npos)
        << "the OCR engine's version";
}

TEST(PackageMetadata, EventsCarryTheTimeTheyHappenedUnlessTheDateIsFixed)
{
    auto c = testing::sample_contents("");
    c.options.bagging_date.clear();
    c.times.received = "2026-03-04T05:06:07Z";
    c.times.converted = "2026-03-04T05:06:09Z";
    c.times.validated = "2026-03-04T05:06:10Z";
    const auto p = pack_directory(c, pdfa_1b());
    EXPECT_NE(p->mets.find("<premis:eventDateTime>2026-03-04T05:06:07Z</premis:eventDateTime>"), std::string::npos);
    EXPECT_NE(p->mets.find("<premis:eventDateTime>2026-03-04T05:06:09Z</premis:eventDateTime>"), std::string::npos);
    EXPECT_NE(p->mets.find("<premis:eventDateTime>2026-03-04T05:06:10Z</premis:eventDateTime>"), std::string::npos);
    // digests and packing happen while the package is written: now, to the second, in UTC
    const std::regex now_event("<premis:eventDateTime>(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ)</premis:eventDateTime>");
    int written_now = 0;
    const std::string today = utc_timestamp().substr(0, 10);
    for (std::sregex_iterator it(p->mets.begin(), p->mets.end(), now_event), end; it != end; ++it)
        written_now += (*it)[1].str().rfind(today, 0) == 0;
    EXPECT_GE(written_now, 3);
    EXPECT_EQ(p->mets.find("fixed with --bagging-date"), std::string::npos);

    c.options.bagging_date = "2026-01-02";
    const auto fixed = pack_directory(c, pdfa_1b());
    EXPECT_EQ(fixed->mets.find("2026-03-04T05:06:07Z"), std::string::npos);
    EXPECT_NE(fixed->mets.find("<premis:eventDateTime>2026-01-02T00:00:00Z</premis:eventDateTime>"), std::string::npos);
    EXPECT_NE(fixed->mets.find("fixed with --bagging-date"), std::string::npos) << "the package says its dates are fixed";
}

TEST(PackageMetadata, CatalogueRightsCollectionAndPathAreKept)
{
    auto c = testing::sample_contents("");
    c.document.meta.rights = "CC BY 4.0";
    c.document.meta.collection = "Pamphlets 1990-1999";
    c.catalogue_path = "shelf/1998/Report on 100% Ümlauts.pdf";
    const auto p = pack_directory(c, pdfa_1b());
    EXPECT_NE(p->mets.find("<dc:rights>CC BY 4.0</dc:rights>"), std::string::npos);
    EXPECT_NE(p->mets.find("<dcterms:isPartOf>Pamphlets 1990-1999</dcterms:isPartOf>"), std::string::npos);
    EXPECT_NE(p->mets.find("<mets:rightsMD ID=\"rights-catalogue\">"), std::string::npos);
    EXPECT_NE(p->mets.find("<premis:otherRightsNote>CC BY 4.0</premis:otherRightsNote>"), std::string::npos);
    EXPECT_NE(p->mets.find("<premis:originalName>shelf/1998/Report on 100% Ümlauts.pdf</premis:originalName>"),
              std::string::npos);
    EXPECT_NE(p->bag_info.find("Bag-Group-Identifier: Pamphlets 1990-1999\n"), std::string::npos);

    VerifyOptions o;
    const fs::path schemas = testing::shared_dir() / "schemas-external";
    if (!fs::exists(schemas / "mets-bundle.xsd"))
        GTEST_SKIP() << "../shared/schemas-external absent: METS with rights not checked against the official schemas";
    o.external_schema_dir = schemas;
    const VerifyReport r = verify_package(p->bag, o);
    EXPECT_TRUE(r.ok()) << format_report(r);
    EXPECT_EQ(r.warnings(), 0u) << format_report(r);
}

} // namespace
} // namespace colophon::archive

namespace colophon::archive {
namespace {

TEST(PackageMetadata, AltoIsCheckedAgainstTheOfficialAlto4Schema)
{
    const fs::path schemas = testing::shared_dir() / "schemas-external";
    if (!fs::exists(schemas / "alto" / "alto-4-4.xsd"))
        GTEST_SKIP() << "../shared/schemas-external absent: ALTO not checked against ALTO 4";
    VerifyOptions o;
    o.external_schema_dir = schemas;
    auto good = testing::sample_contents("");
    EXPECT_TRUE(verify_package(pack_directory(good, "%PDF-1.4\n")->bag, o).ok());
    auto bad = testing::sample_contents("");
    bad.document.extraction.ocr_pages.at(0).alto_xml =
        "<?xml version=\"1.0\"?>\n<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\"/>\n";
    const VerifyReport r = verify_package(pack_directory(bad, "%PDF-1.4\n")->bag, o);
    EXPECT_FALSE(r.ok());
    bool alto_invalid = false;
    for (const auto& i : r.issues)
        alto_invalid = alto_invalid || (i.code == "colophon.alto-invalid" && i.file == "data/ocr/page-0002.alto.xml");
    EXPECT_TRUE(alto_invalid) << format_report(r);
}

} // namespace
} // namespace colophon::archive
