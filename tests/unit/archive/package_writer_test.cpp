#include "archive/package_writer.h"

#include "archive/checksums.h"
#include "core/diagnostics.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

namespace colophon::archive {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

TEST(PackageWriter, WritesDirectoryBag)
{
    TempDir dir;
    testing::write_file(dir.path() / "in" / "report.pdf", testing::random_bytes(5000));
    auto c = testing::sample_contents(dir.path() / "in" / "report.pdf");
    c.options.format = PackageFormat::Directory;
    c.options.id = "report-1";
    const auto r = write_package(c, dir.path());
    EXPECT_EQ(r.path, dir.path() / "report-1");
    EXPECT_TRUE(std::filesystem::exists(r.path / "bagit.txt"));
    EXPECT_TRUE(std::filesystem::exists(r.path / "data" / "original" / "Report on 100% Ümlauts.pdf"));
    EXPECT_TRUE(std::filesystem::exists(r.path / "data" / "METS.report-1.xml"));
    EXPECT_TRUE(std::filesystem::exists(r.path / "data" / "ocr" / "page-0002.alto.xml"));
    const std::string manifest = testing::read_file(r.path / "manifest-sha256.txt");
    EXPECT_NE(manifest.find("data/original/Report on 100%25 Ümlauts.pdf"), std::string::npos);
    const std::string info = testing::read_file(r.path / "bag-info.txt");
    EXPECT_NE(info.find("Payload-Oxum: "), std::string::npos);
    EXPECT_NE(info.find("Bagging-Date: 2026-01-02\n"), std::string::npos);
    EXPECT_NE(info.find("Bag-Software-Agent: colophon "), std::string::npos);
}

TEST(PackageWriter, SameInputAndDateGiveSameBytes)
{
    TempDir dir;
    testing::write_file(dir.path() / "report.pdf", testing::random_bytes(300000));
    auto c = testing::sample_contents(dir.path() / "report.pdf");
    for (const auto format : {PackageFormat::TarGz, PackageFormat::Zip}) {
        std::filesystem::create_directories(dir.path() / "a");
        std::filesystem::create_directories(dir.path() / "b");
        c.options.format = format;
        const auto a = write_package(c, dir.path() / "a");
        const auto b = write_package(c, dir.path() / "b");
        EXPECT_EQ(a.path.filename(), b.path.filename());
        EXPECT_EQ(testing::read_file(a.path), testing::read_file(b.path));
        std::filesystem::remove_all(dir.path() / "a");
        std::filesystem::remove_all(dir.path() / "b");
    }
}

TEST(PackageWriter, ExistingPackageIsNotOverwritten)
{
    TempDir dir;
    testing::write_file(dir.path() / "report.pdf", "x");
    auto c = testing::sample_contents(dir.path() / "report.pdf");
    write_package(c, dir.path());
    EXPECT_THROW(write_package(c, dir.path()), core::ConversionError);
    c.options.overwrite = true;
    EXPECT_NO_THROW(write_package(c, dir.path()));
}

TEST(PackageWriter, NoTemporaryFilesLeftAfterFailure)
{
    TempDir dir;
    auto c = testing::sample_contents(dir.path() / "missing.pdf");
    EXPECT_THROW(write_package(c, dir.path()), core::ConversionError);
    testing::write_file(dir.path() / "report.pdf", "x");
    c = testing::sample_contents(dir.path() / "report.pdf");
    c.options.id = "../evil";
    EXPECT_THROW(write_package(c, dir.path()), core::ConversionError);
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path()))
        ++entries;
    EXPECT_EQ(entries, 1u); // only report.pdf
}

TEST(PackageWriter, RejectsMalformedBaggingDate)
{
    EXPECT_THROW(parse_bagging_date("2026-13-01"), core::ConversionError);
    EXPECT_THROW(parse_bagging_date("yesterday"), core::ConversionError);
    EXPECT_THROW(parse_bagging_date("2026-02-30"), core::ConversionError);
    const auto t = parse_bagging_date("2026-01-02T03:04:05Z");
    EXPECT_EQ(t.date, "2026-01-02");
    EXPECT_EQ(t.date_time, "2026-01-02T03:04:05Z");
}

} // namespace
} // namespace colophon::archive

#include <csignal>
#include <sys/wait.h>
#include <thread>

namespace colophon::archive {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

// A packer killed mid-write leaves at most its temporary file, never a package under the final name.
TEST(PackageWriter, KilledRunLeavesNoFinalPackage)
{
    TempDir dir;
    const auto original = dir.path() / "big.bin";
    {
        std::ofstream out(original, std::ios::binary);
        out.seekp((512u << 20) - 1);
        out.put('x'); // sparse: reading it costs no disk
    }
    auto c = testing::sample_contents(original);
    c.options.id = "big";
    fs::create_directories(dir.path() / "out");
    const pid_t pid = fork();
    if (pid == 0) {
        try {
            write_package(c, dir.path() / "out");
        } catch (...) {
        }
        _exit(0);
    }
    bool killed = false;
    for (int i = 0; i < 20000 && !killed; ++i) {
        for (const auto& e : fs::directory_iterator(dir.path() / "out")) {
            if (e.path().filename().string().rfind(".big.tmp-", 0) == 0 && fs::file_size(e.path()) > 0) {
                kill(pid, SIGKILL);
                killed = true;
                break;
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!killed || !WIFSIGNALED(status))
        GTEST_SKIP() << "the packer finished before it could be interrupted";
    EXPECT_FALSE(fs::exists(dir.path() / "out" / "big.tar.gz"));
}

} // namespace
} // namespace colophon::archive
