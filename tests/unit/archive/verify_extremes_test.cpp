// Property: every package colophon writes verifies with default limits, however well its content
// compresses. Extreme but legitimate originals: a blank 600-dpi colour scan (uncompressed TIFF,
// ~1000x compression), a page padded with white space, a large sparse payload. Each is packed as
// tar.gz and zip and verified; a lying archive is still refused.

#include "archive/bag_verifier.h"
#include "archive/package_writer.h"

#include "test_support.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fcntl.h>
#include <functional>
#include <unistd.h>

namespace colophon::archive {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

// Writes `size` bytes made by `fill` (called per 1 MiB block with its offset) without holding them.
void write_streamed(const fs::path& path, std::uint64_t size, const std::function<void(std::string&, std::uint64_t)>& fill)
{
    fs::create_directories(path.parent_path());
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    ASSERT_GE(fd, 0);
    std::string block;
    for (std::uint64_t at = 0; at < size; at += block.size()) {
        block.assign(static_cast<std::size_t>(std::min<std::uint64_t>(1 << 20, size - at)), '\0');
        fill(block, at);
        ASSERT_EQ(::write(fd, block.data(), block.size()), static_cast<ssize_t>(block.size()));
    }
    ::close(fd);
}

// A4 at 600 dpi, 8-bit RGB, uncompressed, all white: what a flatbed writes for an empty page.
void blank_scan(const fs::path& path)
{
    constexpr std::uint64_t width = 4960, height = 7016, bytes = width * height * 3;
    write_streamed(path, bytes + 8, [](std::string& b, std::uint64_t at) {
        std::fill(b.begin(), b.end(), '\xFF');
        if (at == 0)
            b.replace(0, 8, std::string("II*\0\x08\0\0\0", 8));
    });
}

// A saved page whose markup is mostly indentation: 80 MiB of spaces and line breaks around text.
void padded_page(const fs::path& path)
{
    write_streamed(path, 80ull << 20, [](std::string& b, std::uint64_t at) {
        for (std::size_t i = 0; i < b.size(); ++i)
            b[i] = (at + i) % 4096 == 4095 ? '\n' : ' ';
        if (at == 0)
            b.replace(0, 40, "<!DOCTYPE html><html><body><p>Text</p> ");
    });
}

// Sparse: costs no disk and reads at memory speed. COLOPHON_LARGE_TEST_MB raises it (1024 for 1 GB).
void large_sparse(const fs::path& path)
{
    const char* env = std::getenv("COLOPHON_LARGE_TEST_MB");
    const std::uint64_t mb = env ? std::strtoull(env, nullptr, 10) : 192;
    fs::create_directories(path.parent_path());
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::pwrite(fd, "%PDF-1.4\n", 9, 0), 9);
    ASSERT_EQ(::ftruncate(fd, static_cast<off_t>(mb << 20)), 0);
    ::close(fd);
}

struct Extreme
{
    const char* name;
    void (*make)(const fs::path&);
};

class VerifyExtremes : public ::testing::TestWithParam<Extreme>
{
};

TEST_P(VerifyExtremes, PackagesOfExtremeContentVerifyUnderDefaultLimits)
{
    TempDir dir;
    const fs::path original = dir.path() / "in" / "original.bin";
    GetParam().make(original);
    for (const auto format : {PackageFormat::TarGz, PackageFormat::Zip}) {
        auto c = testing::sample_contents(original);
        c.options.format = format;
        c.options.id = std::string("extreme-") + GetParam().name;
        fs::create_directories(dir.path() / "out");
        const PackageResult r = write_package(c, dir.path() / "out");
        const VerifyReport report = verify_package(r.path); // default limits
        EXPECT_TRUE(report.ok()) << format_report(report);
        EXPECT_EQ(report.payload_files, r.payload_files);
        fs::remove(r.path);
    }
}

INSTANTIATE_TEST_SUITE_P(Contents, VerifyExtremes,
                         ::testing::Values(Extreme{"blank-scan", blank_scan}, Extreme{"padded-page", padded_page},
                                           Extreme{"large-sparse", large_sparse}),
                         [](const auto& param_info) {
                             std::string n = param_info.param.name;
                             std::replace(n.begin(), n.end(), '-', '_');
                             return n;
                         });

} // namespace
} // namespace colophon::archive
