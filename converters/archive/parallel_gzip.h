#pragma once
// A gzip stream compressed on every core: the bytes are cut into fixed-size blocks, each block
// becomes one complete gzip member (RFC 1952 allows members end to end; gzip, tar, libarchive,
// zlib's gzread and Python's gzip read them as one stream), compressed by libdeflate on a pool of
// threads and written in order. Memory is bounded by the blocks in flight, not by the stream.
// Output depends only on the bytes, the level and the block size, never on the thread count or
// timing, so packages stay reproducible. Blocks that would not shrink (JPEG, PNG, compressed
// PDF streams) are stored: a quick sample decides, so no time is spent recompressing them.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace colophon::archive {

class ParallelGzipWriter
{
public:
    // Bytes per gzip member: large enough that the restarted dictionary costs < 0.1% of the
    // compressed size on text, small enough that threads+2 blocks in flight stay a few MiB.
    static constexpr std::size_t block_bytes = 1 << 20;

    // Writes to `fd` (owned by the caller, left open); `name` is for error messages. `threads`
    // = 0: one per core.
    ParallelGzipWriter(int fd, std::string name, int level, unsigned threads = 0);
    ~ParallelGzipWriter();
    ParallelGzipWriter(const ParallelGzipWriter&) = delete;
    ParallelGzipWriter& operator=(const ParallelGzipWriter&) = delete;

    void write(const char* data, std::size_t size);
    // Compresses and writes what is left; throws core::ConversionError ("archive.write-failed").
    void finish();

    std::uint64_t stored_blocks() const;     // blocks kept uncompressed (did not shrink)
    std::uint64_t compressed_blocks() const;

private:
    struct Pool;
    std::unique_ptr<Pool> pool_;
};

} // namespace colophon::archive
