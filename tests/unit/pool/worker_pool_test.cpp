#include "pool/worker_pool.h"

#include "pool/claim_table.h"

#include "core/diagnostics.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <unistd.h>
#include <vector>
#include <thread>

using namespace colophon::pool;
using namespace colophon::state;

namespace {

// The document "path" says what the fake worker does.
DocumentFunctionFactory behaviour_factory()
{
    return [] {
        return [](const DocumentJob& job, WorkerContext& ctx) {
            DocumentRecord r;
            ctx.stage("convert");
            const std::string& what = job.input_path;
            if (what == "segfault")
                std::raise(SIGSEGV);
            if (what == "abort")
                std::abort();
            if (what == "exit")
                std::_Exit(7);
            if (what == "loop")
                for (;;)
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
            if (what == "throw")
                throw colophon::core::ConversionError("fake.failed", what, "told to fail");
            if (what == "hog") {
                std::vector<std::unique_ptr<char[]>> blocks;
                for (;;)
                    blocks.push_back(std::make_unique<char[]>(64u << 20));
            }
            const ClaimReply reply = ctx.claim(what.substr(0, 4), 1, "text/html", true);
            if (reply.decision == ClaimDecision::Duplicate) {
                r.status = DocStatus::Duplicate;
                r.duplicate_of = reply.duplicate_of;
                return r;
            }
            r.status = DocStatus::Ok;
            r.title = "pid " + std::to_string(::getpid());
            return r;
        };
    };
}

std::map<std::string, DocumentRecord> run(const std::vector<std::string>& inputs, PoolOptions opts)
{
    std::vector<DocumentJob> jobs;
    for (const std::string& in : inputs)
        jobs.push_back({in, in, in, in, {}, {}});
    std::map<std::string, DocumentRecord> out;
    ClaimTable claimed(inputs.size(), 1024);
    PoolCallbacks cb;
    cb.claims = [&claimed] {
        return [&claimed](const DocumentJob& job, const std::string& sha) {
            const std::optional<std::string> first = claimed.claim(sha, job.key);
            return first ? ClaimReply{ClaimDecision::Duplicate, *first} : ClaimReply{};
        };
    };
    cb.on_done = [&](const DocumentJob& job, DocumentRecord&& r, bool) {
        EXPECT_FALSE(out.count(job.key)) << "reported twice: " << job.key;
        out[job.key] = std::move(r);
    };
    run_worker_pool(jobs, opts, behaviour_factory(), cb);
    return out;
}

} // namespace

TEST(WorkerPool, CrashesAndTimeoutsCostOneDocumentEach)
{
    PoolOptions opts;
    opts.workers = 2;
    opts.max_seconds = 0.5;
    const auto out =
        run({"ok-1", "segfault", "ok-2", "abort", "loop", "throw", "exit", "ok-3", "ok-4", "ok-5"}, opts);
    ASSERT_EQ(out.size(), 10u);
    for (const char* ok : {"ok-1", "ok-2", "ok-3", "ok-4", "ok-5"})
        EXPECT_EQ(out.at(ok).status, DocStatus::Ok) << ok;

    EXPECT_EQ(out.at("segfault").status, DocStatus::Failed);
    EXPECT_EQ(out.at("segfault").code, "batch.crashed");
    EXPECT_NE(out.at("segfault").reason.find("signal " + std::to_string(SIGSEGV)), std::string::npos)
        << out.at("segfault").reason;
    EXPECT_EQ(out.at("segfault").stage, "convert");
    EXPECT_NE(out.at("abort").reason.find("signal " + std::to_string(SIGABRT)), std::string::npos);
    EXPECT_EQ(out.at("loop").code, "batch.timeout");
    EXPECT_EQ(out.at("loop").stage, "convert");
    EXPECT_EQ(out.at("throw").code, "fake.failed");
    EXPECT_EQ(out.at("throw").stage, "convert");
    EXPECT_EQ(out.at("exit").code, "batch.worker-exit");
    EXPECT_NE(out.at("exit").reason.find("status 7"), std::string::npos);
}

TEST(WorkerPool, WorkersShareClaimsSoDuplicatesAreNotConvertedTwice)
{
    PoolOptions opts;
    opts.workers = 2;
    const auto out = run({"same-a", "same-b", "other"}, opts);
    int duplicates = 0;
    for (const auto& [key, r] : out)
        duplicates += r.status == DocStatus::Duplicate;
    EXPECT_EQ(duplicates, 1); // "same-a" and "same-b" claim the same hash "same"
}

TEST(WorkerPool, RecyclesWorkersAfterSomeDocuments)
{
    PoolOptions opts;
    opts.workers = 1;
    opts.recycle_after = 2;
    const auto out = run({"doc1", "doc2", "doc3", "doc4", "doc5"}, opts);
    std::set<std::string> pids;
    for (const auto& [key, r] : out)
        pids.insert(r.title);
    EXPECT_EQ(pids.size(), 3u);
}

TEST(WorkerPool, MemoryLimitTurnsARunawayDocumentIntoAFailure)
{
#if defined(__SANITIZE_ADDRESS__)
    GTEST_SKIP() << "address-space limits do not mix with AddressSanitizer";
#endif
    PoolOptions opts;
    opts.workers = 1;
    opts.max_memory_bytes = std::size_t{512} << 20;
    const auto out = run({"hog", "ok-after"}, opts);
    EXPECT_EQ(out.at("hog").status, DocStatus::Failed);
    EXPECT_EQ(out.at("hog").code, "batch.out-of-memory");
    EXPECT_EQ(out.at("ok-after").status, DocStatus::Ok);
}

// The parent sleeps between wake-ups and workers hold several queued jobs: the results a worker
// wrote before it crashed or was killed for a timeout still count, and only the document it was
// on fails; the jobs queued behind it are converted by its replacement.
TEST(WorkerPool, ResultsWrittenBeforeACrashOrTimeoutAreKept)
{
    PoolOptions opts;
    opts.workers = 1;
    opts.max_seconds = 1.5; // a crash (its core dump) on a loaded machine must not look like a timeout
    opts.min_wake_seconds = 0.5;
    opts.max_queued = 8;
    const auto out = run({"ok-1", "ok-2", "ok-3", "loop", "ok-4", "ok-5", "segfault", "ok-6", "ok-7"}, opts);
    ASSERT_EQ(out.size(), 9u);
    for (const char* ok : {"ok-1", "ok-2", "ok-3", "ok-4", "ok-5", "ok-6", "ok-7"})
        EXPECT_EQ(out.at(ok).status, DocStatus::Ok) << ok << ": " << out.at(ok).reason;
    EXPECT_EQ(out.at("loop").code, "batch.timeout");
    EXPECT_EQ(out.at("loop").stage, "convert");
    EXPECT_EQ(out.at("segfault").code, "batch.crashed");
    EXPECT_EQ(out.at("segfault").stage, "convert");
}

// The time limit runs from the start of each document, not from the start of the last one the
// worker ran: a worker left idle by a slow job source (here 0.4 s, longer than the limit) is not
// killed the moment it gets its next job.
TEST(WorkerPool, TimeLimitRunsFromTheStartOfEachDocument)
{
    PoolOptions opts;
    opts.workers = 1;
    opts.max_seconds = 0.3;
    std::vector<std::string> names{"ok-1", "ok-2", "ok-3", "ok-4", "ok-5", "ok-6"};
    std::size_t calls = 0;
    const JobSource source = [&]() -> std::optional<DocumentJob> {
        if (calls >= names.size())
            return std::nullopt;
        if (++calls == 4)
            std::this_thread::sleep_for(std::chrono::milliseconds(400));
        const std::string& n = names[calls - 1];
        return DocumentJob{n, n, n, n, {}, {}};
    };
    std::map<std::string, DocumentRecord> out;
    PoolCallbacks cb;
    cb.on_done = [&](const DocumentJob& job, DocumentRecord&& r, bool) { out[job.key] = std::move(r); };
    run_worker_pool(source, opts, behaviour_factory(), cb);
    ASSERT_EQ(out.size(), names.size());
    for (const std::string& n : names)
        EXPECT_EQ(out.at(n).status, DocStatus::Ok) << n << ": " << out.at(n).code << " " << out.at(n).reason;
}
