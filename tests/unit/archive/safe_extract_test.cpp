#include "archive/safe_extract.h"

#include "archive/bag_verifier.h"
#include "archive/package_writer.h"
#include "archive/utf8_locale.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <archive.h>
#include <archive_entry.h>

namespace colophon::archive {
namespace {

namespace fs = std::filesystem;

void add(struct archive* a, const std::string& path, unsigned type, const std::string& bytes, const char* link = nullptr,
         bool hard = false)
{
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, path.c_str());
    archive_entry_set_filetype(e, type);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, static_cast<la_int64_t>(bytes.size()));
    if (link && hard)
        archive_entry_set_hardlink(e, link);
    else if (link)
        archive_entry_set_symlink(e, link);
    archive_write_header(a, e);
    if (!bytes.empty())
        archive_write_data(a, bytes.data(), bytes.size());
    archive_entry_free(e);
}

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
    const fs::path evil = dir.path() / "evil.tar";
    {
        const Utf8LocaleScope utf8;
        struct archive* a = archive_write_new();
        archive_write_set_format_pax_restricted(a);
        archive_write_open_filename(a, evil.c_str());
        add(a, "bag/ok.txt", AE_IFREG, "fine");
        add(a, "../outside.txt", AE_IFREG, "x");
        add(a, (dir.path() / "absolute.txt").string(), AE_IFREG, "x");
        add(a, "bag/link", AE_IFLNK, "", dir.path().c_str());
        add(a, "bag/link/through.txt", AE_IFREG, "x");
        add(a, "bag/hard", AE_IFREG, "", "bag/ok.txt", true);
        add(a, "~/home.txt", AE_IFREG, "x");
        archive_write_close(a);
        archive_write_free(a);
    }
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
    const fs::path bomb = dir.path() / "bomb.tar.gz";
    {
        struct archive* a = archive_write_new();
        archive_write_add_filter_gzip(a);
        archive_write_set_format_pax_restricted(a);
        archive_write_open_filename(a, bomb.c_str());
        add(a, "bag/zeros", AE_IFREG, std::string(8u << 20, '\0'));
        archive_write_close(a);
        archive_write_free(a);
    }
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
