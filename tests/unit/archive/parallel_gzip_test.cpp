#include "archive/parallel_gzip.h"

#include "test_support.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <fcntl.h>
#include <unistd.h>

namespace colophon::archive {
namespace {

namespace fs = std::filesystem;

struct Compressed
{
    std::string bytes;
    std::uint64_t stored = 0;
    std::uint64_t compressed = 0;
};

Compressed gzip_through_pool(const std::string& data, unsigned threads, std::size_t piece = 70000)
{
    testing::TempDir dir;
    const fs::path out = dir.path() / "out.gz";
    const int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    Compressed c;
    {
        ParallelGzipWriter gz(fd, out.string(), 6, threads);
        for (std::size_t at = 0; at < data.size(); at += piece)
            gz.write(data.data() + at, std::min(piece, data.size() - at));
        gz.finish();
        c.stored = gz.stored_blocks();
        c.compressed = gz.compressed_blocks();
    }
    ::close(fd);
    c.bytes = testing::read_file(out);
    return c;
}

// gzread reads concatenated members as one stream, as gzip -d does.
std::string gunzip(const std::string& gz)
{
    testing::TempDir dir;
    testing::write_file(dir.path() / "x.gz", gz);
    gzFile f = gzopen((dir.path() / "x.gz").c_str(), "rb");
    std::string out;
    char buf[65536];
    int n = 0;
    while ((n = gzread(f, buf, sizeof buf)) > 0)
        out.append(buf, static_cast<std::size_t>(n));
    EXPECT_EQ(n, 0);
    gzclose(f);
    return out;
}

std::string text_like(std::size_t n)
{
    std::string s;
    const std::string words[] = {"archive ", "preservation ", "the ", "of ", "catalogue ", "library\n"};
    for (std::size_t i = 0; s.size() < n; ++i)
        s += words[(i * 7 + i / 3) % 6];
    s.resize(n);
    return s;
}

TEST(ParallelGzip, RoundTripsThroughGzipAcrossManyBlocks)
{
    const std::string data = text_like(3 * ParallelGzipWriter::block_bytes + 12345);
    const Compressed c = gzip_through_pool(data, 3);
    EXPECT_EQ(gunzip(c.bytes), data);
    EXPECT_LT(c.bytes.size(), data.size() / 3);
    EXPECT_EQ(c.compressed, 4u);
}

TEST(ParallelGzip, OutputDoesNotDependOnTheThreadCount)
{
    const std::string data = text_like(2 * ParallelGzipWriter::block_bytes + 99) + testing::random_bytes(300000);
    const std::string one = gzip_through_pool(data, 1).bytes;
    EXPECT_EQ(gzip_through_pool(data, 2).bytes, one);
    EXPECT_EQ(gzip_through_pool(data, 4, 4096).bytes, one);
}

TEST(ParallelGzip, IncompressibleBlocksAreStored)
{
    const std::string data = testing::random_bytes(2 * ParallelGzipWriter::block_bytes);
    const Compressed c = gzip_through_pool(data, 2);
    EXPECT_EQ(c.stored, 2u);
    EXPECT_EQ(c.compressed, 0u);
    EXPECT_EQ(gunzip(c.bytes), data);
    EXPECT_LT(c.bytes.size(), data.size() + data.size() / 100);
}

TEST(ParallelGzip, EmptyStreamIsOneValidMember)
{
    const Compressed c = gzip_through_pool("", 2);
    EXPECT_FALSE(c.bytes.empty());
    EXPECT_EQ(gunzip(c.bytes), "");
}

} // namespace
} // namespace colophon::archive
