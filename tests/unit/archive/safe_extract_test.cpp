#include "archive/safe_extract.h"

#include "archive/bag_verifier.h"
#include "archive/package_writer.h"
#include "archive/utf8_locale.h"
#include "handmade_archive.h"
#include "test_support.h"

#include <gtest/gtest.h>

namespace colophon::archive {
namespace {

namespace fs = std::filesystem;

TEST(SafeExtract, ExtractedPackageVerifies)
{
    testing::ScratchDir dir;
    testing::write_text(dir.path() / "report.pdf", testing::random_bytes(100000));
    auto c = testing::sample_contents(dir.path() / "report.pdf");
    c.options.id = "pkg";
    const auto packed = write_package(c, dir.path());
    const auto r = extract_archive(packed.path, dir.path() / "x");
    EXPECT_TRUE(r.ok());
    EXPECT_EQ(r.files, packed.payload_files + 6);
    EXPECT_TRUE(verify_package(dir.path() / "x" / "pkg").ok());
}

TEST(SafeExtract, NeverWritesOutsideTheTarget)
{
    testing::ScratchDir dir;
    const fs::path evil = testing::handmade_archive(
        dir.path() / "evil.tar",
        [&dir](struct archive* a) {
            testing::add_entry(a, "bag/ok.txt", AE_IFREG, "fine");
            testing::add_entry(a, "../outside.txt", AE_IFREG, "x");
            testing::add_entry(a, (dir.path() / "absolute.txt").string(), AE_IFREG, "x");
            testing::add_entry(a, "bag/link", AE_IFLNK, "", dir.path().c_str());
            testing::add_entry(a, "bag/link/through.txt", AE_IFREG, "x");
            testing::add_entry(a, "bag/hard", AE_IFREG, "", "bag/ok.txt", true);
            testing::add_entry(a, "~/home.txt", AE_IFREG, "x");
        },
        false);
    const auto r = extract_archive(evil, dir.path() / "target" / "t");
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(fs::exists(dir.path() / "target" / "t" / "bag" / "ok.txt"));
    EXPECT_FALSE(fs::exists(dir.path() / "target" / "outside.txt"));
    EXPECT_FALSE(fs::exists(dir.path() / "absolute.txt"));
    EXPECT_FALSE(fs::exists(dir.path() / "through.txt"));
    EXPECT_FALSE(fs::is_symlink(dir.path() / "target" / "t" / "bag" / "link"));
    EXPECT_FALSE(fs::exists(dir.path() / "target" / "t" / "bag" / "hard"));
    EXPECT_GE(r.issues.size(), 5u);
}

TEST(SafeExtract, StopsDecompressionBombAndRemovesTarget)
{
    testing::ScratchDir dir;
    const fs::path bomb = testing::handmade_archive(dir.path() / "bomb.tar.gz", [](struct archive* a) {
        testing::add_entry(a, "bag/zeros", AE_IFREG, std::string(8u << 20, '\0'));
    });
    ReadLimits limits;
    limits.ratio_grace_bytes = 1u << 20;
    limits.max_ratio = 100;
    const auto r = extract_archive(bomb, dir.path() / "t", limits);
    EXPECT_TRUE(r.aborted);
    EXPECT_FALSE(fs::exists(dir.path() / "t"));
}

TEST(SafeExtract, RefusesNonEmptyTarget)
{
    testing::ScratchDir dir;
    testing::write_text(dir.path() / "t" / "x", "x");
    const auto r = extract_archive(dir.path() / "none.tar.gz", dir.path() / "t");
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(fs::exists(dir.path() / "t" / "x"));
}

} // namespace
} // namespace colophon::archive
