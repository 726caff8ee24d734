#include "archive/bag_verifier.h"

#include "archive/archive_sink.h"
#include "archive/bag_names.h"
#include "archive/checksums.h"
#include "archive/package_writer.h"
#include "archive_rewrite.h"
#include "handmade_archive.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <archive.h>
#include <archive_entry.h>

namespace colophon::archive {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

struct Packed
{
    TempDir dir;
    PackageResult result;
};

std::unique_ptr<Packed> pack(PackageFormat format, bool failed = false)
{
    auto p = std::make_unique<Packed>();
    testing::write_file(p->dir.path() / "in" / "report.pdf", testing::random_bytes(200000));
    auto c = testing::sample_contents(p->dir.path() / "in" / "report.pdf");
    if (failed) {
        c.tei_xml.clear();
        c.plain_text.clear();
        c.json.clear();
        c.document.extraction.ocr_pages.clear();
        c.outcome.status = ConversionStatus::Failed;
        c.outcome.failed_stage = "convert";
        c.outcome.failure_reason = "pdf.encrypted: the PDF needs a password";
        c.outcome.tei_valid.reset();
    }
    c.options.format = format;
    c.options.id = "report-1";
    fs::create_directories(p->dir.path() / "out");
    p->result = write_package(c, p->dir.path() / "out");
    return p;
}

VerifyOptions with_schemas()
{
    VerifyOptions o;
    const auto dir = testing::shared_dir() / "schemas-external";
    if (fs::exists(dir / "mets-bundle.xsd"))
        o.external_schema_dir = dir;
    return o;
}

bool names(const VerifyReport& r, const std::string& file)
{
    for (const auto& i : r.issues)
        if (i.severity == core::Severity::Error &&
            (i.file.find(file) != std::string::npos || i.message.find(file) != std::string::npos))
            return true;
    return false;
}

std::vector<std::string> payload_files(const fs::path& bag)
{
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(bag / "data"))
        if (e.is_regular_file())
            out.push_back(e.path().lexically_relative(bag).generic_string());
    return out;
}

TEST(BagVerifier, OwnPackagesVerifyInEveryFormat)
{
    for (const auto format : {PackageFormat::Directory, PackageFormat::TarGz, PackageFormat::Zip}) {
        const auto p = pack(format);
        const auto report = verify_package(p->result.path, with_schemas());
        EXPECT_TRUE(report.ok()) << format_report(report);
        EXPECT_TRUE(report.colophon_package);
        EXPECT_EQ(report.warnings(), 0u) << format_report(report);
        EXPECT_EQ(report.payload_files, p->result.payload_files);
        EXPECT_EQ(report.bagit_version, "1.0");
    }
}

TEST(BagVerifier, MetsValidatesAgainstOfficialSchemas)
{
    const auto o = with_schemas();
    if (o.external_schema_dir.empty())
        GTEST_SKIP() << "../shared/schemas-external absent";
    for (const bool failed : {false, true}) {
        const auto p = pack(PackageFormat::Directory, failed);
        const auto report = verify_package(p->result.path, o);
        for (const auto& i : report.issues)
            EXPECT_NE(i.code.rfind("colophon.", 0), 0u) << format_report(report);
        EXPECT_TRUE(report.ok()) << format_report(report);
    }
}

TEST(BagVerifier, FailedConversionKeepsOriginalAndRecordsFailure)
{
    const auto p = pack(PackageFormat::Directory, true);
    EXPECT_TRUE(fs::exists(p->result.path / "data" / "original" / "Report on 100% Ümlauts.pdf"));
    EXPECT_FALSE(fs::exists(p->result.path / "data" / "text"));
    const std::string mets = testing::read_file(p->result.path / "data" / "METS.report-1.xml");
    EXPECT_NE(mets.find("<premis:eventOutcome>failure</premis:eventOutcome>"), std::string::npos);
    EXPECT_NE(mets.find("pdf.encrypted: the PDF needs a password"), std::string::npos);
    EXPECT_TRUE(verify_package(p->result.path).ok());
}

TEST(BagVerifier, CorruptingAnyPayloadByteInDirectoryIsNamed)
{
    const auto p = pack(PackageFormat::Directory);
    for (const auto& rel : payload_files(p->result.path)) {
        const fs::path file = p->result.path / rel;
        std::string bytes = testing::read_file(file);
        const std::string original = bytes;
        bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x01);
        testing::write_file(file, bytes);
        const auto report = verify_package(p->result.path);
        EXPECT_FALSE(report.ok()) << rel;
        EXPECT_TRUE(names(report, rel)) << format_report(report);
        testing::write_file(file, original);
    }
    EXPECT_TRUE(verify_package(p->result.path).ok());
}

TEST(BagVerifier, DeletedOrStrayFileInDirectoryIsNamed)
{
    const auto p = pack(PackageFormat::Directory);
    const fs::path tei = p->result.path / "data" / "text" / "Report-on-100-mlauts.tei.xml";
    const std::string keep = testing::read_file(tei);
    fs::remove(tei);
    auto report = verify_package(p->result.path);
    EXPECT_FALSE(report.ok());
    EXPECT_TRUE(names(report, "data/text/Report-on-100-mlauts.tei.xml")) << format_report(report);
    testing::write_file(tei, keep);

    testing::write_file(p->result.path / "data" / "stray.bin", "x");
    report = verify_package(p->result.path);
    EXPECT_TRUE(names(report, "data/stray.bin")) << format_report(report);
    fs::remove(p->result.path / "data" / "stray.bin");

    testing::write_file(p->result.path / "notes.txt", "added later");
    report = verify_package(p->result.path);
    EXPECT_TRUE(names(report, "notes.txt")) << format_report(report);
}

TEST(BagVerifier, CorruptDeletedAndStrayEntriesInArchivesAreNamed)
{
    for (const bool zip : {false, true}) {
        const auto p = pack(zip ? PackageFormat::Zip : PackageFormat::TarGz);
        const fs::path bad = p->dir.path() / (zip ? "report-1.zip" : "report-1.tar.gz");
        const std::vector<std::string> files = {"data/original/Report on 100% Ümlauts.pdf", "data/text/Report-on-100-mlauts.txt",
                                                "data/ocr/page-0002.alto.xml", "data/METS.report-1.xml"};
        for (const auto& target : files) {
            testing::rewrite_archive(p->result.path, bad, zip, [&](const std::string& path, std::string bytes) {
                if (path == "report-1/" + target)
                    bytes[bytes.size() / 3] = static_cast<char>(bytes[bytes.size() / 3] ^ 0x20);
                return std::optional<std::string>(std::move(bytes));
            });
            auto report = verify_package(bad);
            EXPECT_FALSE(report.ok());
            EXPECT_TRUE(names(report, target)) << format_report(report);

            testing::rewrite_archive(p->result.path, bad, zip, [&](const std::string& path, std::string bytes) {
                return path == "report-1/" + target ? std::nullopt : std::optional<std::string>(std::move(bytes));
            });
            report = verify_package(bad);
            EXPECT_FALSE(report.ok());
            EXPECT_TRUE(names(report, target)) << format_report(report);
        }
        testing::rewrite_archive(
            p->result.path, bad, zip, [](const std::string&, std::string b) { return std::optional<std::string>(std::move(b)); },
            {{"report-1/data/stray.txt", "stray"}});
        const auto report = verify_package(bad);
        EXPECT_FALSE(report.ok());
        EXPECT_TRUE(names(report, "data/stray.txt")) << format_report(report);
    }
}

TEST(BagVerifier, TruncatedTarGzFails)
{
    const auto p = pack(PackageFormat::TarGz);
    const std::string bytes = testing::read_file(p->result.path);
    for (const double fraction : {0.1, 0.5, 0.9, 0.999}) {
        const fs::path cut = p->dir.path() / "report-1.tar.gz";
        testing::write_file(cut, bytes.substr(0, static_cast<std::size_t>(bytes.size() * fraction)));
        const auto report = verify_package(cut);
        EXPECT_FALSE(report.ok()) << fraction;
        EXPECT_TRUE(names(report, "report-1.tar.gz")) << format_report(report);
    }
}

TEST(BagVerifier, RefusesUnsafeArchiveEntries)
{
    TempDir dir;
    const auto bag = testing::handmade_archive(dir.path() / "bag.tar.gz", [](struct archive* a) {
        testing::add_entry(a, "bag/bagit.txt", AE_IFREG, "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        testing::add_entry(a, "bag/../../escape.txt", AE_IFREG, "x");
        testing::add_entry(a, "/etc/evil", AE_IFREG, "x");
        testing::add_entry(a, "bag/data/link", AE_IFLNK, "", "/etc/passwd");
        testing::add_entry(a, "bag/data/hard", AE_IFREG, "", "bag/bagit.txt", true);
        testing::add_entry(a, "other/data/x", AE_IFREG, "x");
    });
    const auto report = verify_package(bag);
    EXPECT_FALSE(report.ok());
    std::set<std::string> codes;
    for (const auto& i : report.issues)
        codes.insert(i.code);
    EXPECT_TRUE(codes.count("archive.unsafe-path")) << format_report(report);
    EXPECT_TRUE(codes.count("archive.symlink")) << format_report(report);
    EXPECT_TRUE(codes.count("archive.hardlink")) << format_report(report);
    EXPECT_TRUE(codes.count("archive.not-one-directory")) << format_report(report);
    EXPECT_FALSE(fs::exists(dir.path().parent_path() / "escape.txt"));
}

// Bombs are judged against the sizes the archive declares: honest sizes expand as far as they
// say, whatever the ratio; a declared total over the limit is refused before inflating; an entry
// inflating past its declared size stops the read.
TEST(BagVerifier, RefusesDecompressionBombsByTheSizesTheArchiveDeclares)
{
    TempDir dir;
    const auto bag = testing::handmade_archive(dir.path() / "bag.tar.gz", [](struct archive* a) {
        testing::add_entry(a, "bag/bagit.txt", AE_IFREG, "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        testing::add_entry(a, "bag/data/zeros", AE_IFREG, std::string(8u << 20, '\0'));
    });
    VerifyOptions o;
    o.limits.ratio_grace_bytes = 1u << 20;
    o.limits.max_ratio = 100;
    auto report = verify_package(bag, o);
    for (const auto& i : report.issues)
        EXPECT_NE(i.code.rfind("archive.", 0), 0u) << "8 MiB of zeros declared as 8 MiB is no bomb: " << format_report(report);

    o = {};
    o.limits.max_total_bytes = 4u << 20;
    report = verify_package(bag, o);
    bool size = false;
    for (const auto& i : report.issues)
        size = size || (i.code == "archive.too-large" && i.message.find("before inflating") != std::string::npos);
    EXPECT_TRUE(size) << format_report(report);

    // 80 MiB of zeros whose zip headers claim 1 KiB.
    report = verify_package(fs::path(COLOPHON_SOURCE_DIR) / "samples/bad/archive-zip-bomb/input.zip");
    EXPECT_FALSE(report.ok());
    EXPECT_TRUE(names(report, "data/zeros.bin")) << format_report(report);
    bool exceeded = false;
    for (const auto& i : report.issues)
        exceeded = exceeded || i.code == "archive.size-exceeded";
    EXPECT_TRUE(exceeded) << format_report(report);
}

TEST(BagVerifier, JsonReportCarriesIssues)
{
    const auto p = pack(PackageFormat::Directory);
    fs::remove(p->result.path / "data" / "text" / "Report-on-100-mlauts.json");
    const std::string json = report_json(verify_package(p->result.path));
    EXPECT_NE(json.find("\"ok\":false"), std::string::npos);
    EXPECT_NE(json.find("bag.missing-file"), std::string::npos);
    EXPECT_NE(json.find("Report-on-100-mlauts.json"), std::string::npos);
}

TEST(BagVerifier, MissingPathIsReported)
{
    const auto report = verify_package("/nonexistent/colophon/bag");
    EXPECT_FALSE(report.ok());
    EXPECT_EQ(report.issues.front().code, "bag.not-found");
}

} // namespace
} // namespace colophon::archive

namespace colophon::archive {
namespace {

// Recomputes manifests, Payload-Oxum and tag manifests of a directory bag after a test edited a
// file, so only the colophon-level checks can fail.
void reseal(const fs::path& bag)
{
    std::uint64_t bytes = 0;
    std::size_t count = 0;
    for (const auto alg : {DigestAlgorithm::Sha256, DigestAlgorithm::Sha512}) {
        std::string manifest;
        bytes = 0;
        count = 0;
        std::vector<std::string> files = payload_files(bag);
        std::sort(files.begin(), files.end());
        for (const auto& rel : files) {
            const auto d = digest_file(bag / rel, {alg});
            manifest += d.digests.at(alg) + "  " + encode_manifest_path(rel) + "\n";
            bytes += d.size;
            ++count;
        }
        testing::write_file(bag / ("manifest-" + std::string(algorithm_token(alg)) + ".txt"), manifest);
    }
    std::string info = testing::read_file(bag / "bag-info.txt");
    const auto at = info.find("Payload-Oxum: ");
    const auto end = info.find('\n', at);
    info.replace(at, end - at, "Payload-Oxum: " + std::to_string(bytes) + "." + std::to_string(count));
    testing::write_file(bag / "bag-info.txt", info);
    for (const auto alg : {DigestAlgorithm::Sha256, DigestAlgorithm::Sha512}) {
        std::string tags;
        for (const char* f : {"bagit.txt", "bag-info.txt", "manifest-sha256.txt", "manifest-sha512.txt"})
            tags += digest_file(bag / f, {alg}).digests.at(alg) + "  " + f + "\n";
        testing::write_file(bag / ("tagmanifest-" + std::string(algorithm_token(alg)) + ".txt"), tags);
    }
}

bool has_code(const VerifyReport& r, const std::string& code)
{
    return std::any_of(r.issues.begin(), r.issues.end(), [&](const auto& i) { return i.code == code; });
}

TEST(BagVerifier, MetsChecksumsMustMatchManifestAndPremis)
{
    const auto p = pack(PackageFormat::Directory);
    const fs::path mets = p->result.path / "data" / "METS.report-1.xml";
    std::string xml = testing::read_file(mets);
    const auto at = xml.find("CHECKSUM=\"") + 10;
    xml[at] = xml[at] == '0' ? '1' : '0';
    testing::write_file(mets, xml);
    reseal(p->result.path);
    const auto report = verify_package(p->result.path);
    EXPECT_FALSE(report.ok());
    EXPECT_TRUE(has_code(report, "colophon.mets-checksum")) << format_report(report);
    EXPECT_TRUE(has_code(report, "colophon.premis-fixity")) << format_report(report);
    EXPECT_FALSE(has_code(report, "bag.checksum-mismatch")) << format_report(report);
}

TEST(BagVerifier, SchemaInvalidMetsIsReported)
{
    const auto o = with_schemas();
    if (o.external_schema_dir.empty())
        GTEST_SKIP() << "../shared/schemas-external absent";
    const auto p = pack(PackageFormat::Directory);
    const fs::path mets = p->result.path / "data" / "METS.report-1.xml";
    std::string xml = testing::read_file(mets);
    const auto at = xml.find("<premis:size>");
    xml.insert(at, "<premis:unexpected/>");
    testing::write_file(mets, xml);
    reseal(p->result.path);
    const auto report = verify_package(p->result.path, o);
    EXPECT_FALSE(report.ok());
    EXPECT_TRUE(has_code(report, "colophon.mets-invalid")) << format_report(report);
    EXPECT_FALSE(has_code(report, "bag.checksum-mismatch")) << format_report(report);
}

TEST(BagVerifier, MalformedTeiIsReported)
{
    const auto p = pack(PackageFormat::Directory);
    testing::write_file(p->result.path / "data" / "text" / "Report-on-100-mlauts.tei.xml", "<TEI><unclosed></TEI>");
    reseal(p->result.path);
    VerifyOptions o;
    int calls = 0;
    o.validate_tei = [&calls](const std::string&, const std::string&) {
        ++calls;
        return std::vector<std::string>{};
    };
    const auto report = verify_package(p->result.path, o);
    EXPECT_TRUE(has_code(report, "colophon.tei-malformed")) << format_report(report);
    EXPECT_EQ(calls, 0); // the schema hook only sees well-formed TEI
}

TEST(BagVerifier, TeiSchemaHookFindingsAreErrors)
{
    const auto p = pack(PackageFormat::TarGz);
    VerifyOptions o;
    o.validate_tei = [](const std::string&, const std::string&) { return std::vector<std::string>{"line 3: bad"}; };
    const auto report = verify_package(p->result.path, o);
    EXPECT_FALSE(report.ok());
    EXPECT_TRUE(has_code(report, "colophon.tei-invalid")) << format_report(report);
}

} // namespace
} // namespace colophon::archive
