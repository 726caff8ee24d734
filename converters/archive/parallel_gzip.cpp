#include "archive/parallel_gzip.h"

#include "core/diagnostics.h"

#include <libdeflate.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <unistd.h>
#include <vector>

namespace colophon::archive {

namespace {

// A block is stored when a fast compression of its first bytes saves less than this share:
// compressed PDF streams, JPEG and PNG data save < 1% at any level, text and markup 60-80%,
// so the threshold sits far from both (measured on the PDFs, scans and HTML of ../shared).
constexpr std::size_t sample_bytes = 64 * 1024;
constexpr double store_when_sample_ratio_above = 0.97;

// Blocks in flight beyond one per thread: one being filled, one being written.
constexpr std::size_t extra_slots = 2;

struct CompressorFree
{
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};
using CompressorPtr = std::unique_ptr<libdeflate_compressor, CompressorFree>;

CompressorPtr make_compressor(int level)
{
    CompressorPtr c(libdeflate_alloc_compressor(level));
    if (!c)
        throw core::ConversionError("archive.write-failed", "", "libdeflate initialisation failed");
    return c;
}

// One thread's compressors (libdeflate compressors are not shared between threads).
struct Compressors
{
    explicit Compressors(int level) : main(make_compressor(level)), probe(make_compressor(1)), store(make_compressor(0)) {}
    CompressorPtr main, probe, store;
    std::vector<char> probe_out;
};

void write_all(int fd, const char* data, std::size_t size, const std::string& name)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw core::ConversionError("archive.write-failed", name, std::strerror(errno));
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

} // namespace

struct ParallelGzipWriter::Pool
{
    enum class State
    {
        Free,
        Queued,
        Working,
        Done,
    };
    struct Slot
    {
        std::vector<char> in;
        std::size_t in_size = 0;
        std::vector<char> out;
        std::size_t out_size = 0;
        bool stored = false;
        State state = State::Free;
    };

    int fd;
    std::string name;
    int level;
    std::vector<Slot> slots;
    std::size_t filling = 0; // slot being filled (ring order = output order)
    std::size_t next_out = 0; // oldest slot not yet written
    std::size_t outstanding = 0; // submitted, not yet written
    std::deque<std::size_t> queue;
    std::mutex mutex;
    std::condition_variable work_ready;
    std::condition_variable block_done;
    bool stopping = false;
    std::string error;
    std::vector<std::thread> threads;
    std::atomic<std::uint64_t> stored_blocks{0};
    std::atomic<std::uint64_t> compressed_blocks{0};
    bool wrote_any = false;
    bool finished = false;

    Pool(int fd_, std::string name_, int level_, unsigned n) : fd(fd_), name(std::move(name_)), level(level_)
    {
        slots.resize(n + extra_slots);
        slots[0].in.resize(block_bytes);
        for (unsigned i = 0; i < n; ++i)
            threads.emplace_back([this] { work(); });
    }

    ~Pool()
    {
        {
            const std::lock_guard lock(mutex);
            stopping = true;
        }
        work_ready.notify_all();
        for (auto& t : threads)
            t.join();
    }

    void compress(Slot& s, Compressors& c) const
    {
        const std::size_t probe = std::min(sample_bytes, s.in_size);
        bool store = false;
        if (probe > 0) {
            c.probe_out.resize(libdeflate_deflate_compress_bound(c.probe.get(), probe));
            const std::size_t n = libdeflate_deflate_compress(c.probe.get(), s.in.data(), probe, c.probe_out.data(),
                                                              c.probe_out.size());
            store = n == 0 || static_cast<double>(n) > store_when_sample_ratio_above * static_cast<double>(probe);
        }
        libdeflate_compressor* comp = store ? c.store.get() : c.main.get();
        s.out.resize(libdeflate_gzip_compress_bound(comp, s.in_size));
        s.out_size = libdeflate_gzip_compress(comp, s.in.data(), s.in_size, s.out.data(), s.out.size());
        s.stored = store;
    }

    void work()
    {
        std::optional<Compressors> c;
        for (;;) {
            std::size_t i = 0;
            {
                std::unique_lock lock(mutex);
                work_ready.wait(lock, [&] { return stopping || !queue.empty(); });
                if (queue.empty())
                    return;
                i = queue.front();
                queue.pop_front();
                slots[i].state = State::Working;
            }
            Slot& s = slots[i];
            std::string failure;
            try {
                if (!c)
                    c.emplace(level);
                compress(s, *c);
                if (s.out_size == 0)
                    failure = "libdeflate could not compress a block";
            } catch (const std::exception& e) {
                failure = e.what();
            }
            (s.stored ? stored_blocks : compressed_blocks)++;
            {
                const std::lock_guard lock(mutex);
                s.state = State::Done;
                if (!failure.empty() && error.empty())
                    error = failure;
            }
            block_done.notify_all();
        }
    }

    // Writes the oldest block once it is compressed; the caller holds no lock.
    void write_oldest()
    {
        Slot& s = slots[next_out];
        {
            std::unique_lock lock(mutex);
            block_done.wait(lock, [&] { return s.state == State::Done; });
            if (!error.empty())
                throw core::ConversionError("archive.write-failed", name, error);
        }
        write_all(fd, s.out.data(), s.out_size, name);
        wrote_any = true;
        {
            const std::lock_guard lock(mutex);
            s.state = State::Free;
        }
        s.in_size = 0;
        next_out = (next_out + 1) % slots.size();
        --outstanding;
    }

    void submit_filling()
    {
        {
            const std::lock_guard lock(mutex);
            slots[filling].state = State::Queued;
            queue.push_back(filling);
        }
        work_ready.notify_one();
        ++outstanding;
        filling = (filling + 1) % slots.size();
        if (outstanding == slots.size())
            write_oldest(); // the ring is full: the next slot to fill is the oldest one
        slots[filling].in.resize(block_bytes);
    }

    void write(const char* data, std::size_t size)
    {
        while (size > 0) {
            Slot& s = slots[filling];
            const std::size_t take = std::min(size, block_bytes - s.in_size);
            std::memcpy(s.in.data() + s.in_size, data, take);
            s.in_size += take;
            data += take;
            size -= take;
            if (s.in_size == block_bytes)
                submit_filling();
        }
    }

    void finish()
    {
        if (finished)
            return;
        finished = true;
        // An empty stream is still one (empty) gzip member.
        if (slots[filling].in_size > 0 || (!wrote_any && outstanding == 0))
            submit_filling();
        while (outstanding > 0)
            write_oldest();
    }
};

ParallelGzipWriter::ParallelGzipWriter(int fd, std::string name, int level, unsigned threads)
{
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    pool_ = std::make_unique<Pool>(fd, std::move(name), level, threads);
}

ParallelGzipWriter::~ParallelGzipWriter() = default;

void ParallelGzipWriter::write(const char* data, std::size_t size) { pool_->write(data, size); }

void ParallelGzipWriter::finish() { pool_->finish(); }

std::uint64_t ParallelGzipWriter::stored_blocks() const { return pool_->stored_blocks.load(); }

std::uint64_t ParallelGzipWriter::compressed_blocks() const { return pool_->compressed_blocks.load(); }

} // namespace colophon::archive
