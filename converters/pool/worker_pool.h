#pragma once
// Crash isolation for a batch: documents are converted in forked worker processes that receive
// jobs over a pipe, so a converter that segfaults, aborts, loops or exhausts memory costs one
// document, never the batch. The parent enforces the time limit (SIGKILL), records what
// happened and forks a replacement. The parent stays single-threaded, which makes fork safe.
//
// Cost per document: a worker gets several jobs per message and writes one result message per
// document (so a crash never loses a finished result: it is in the pipe); duplicate claims are
// answered inside the workers (see ClaimFunction); the parent wakes up at most every
// `min_wake_seconds` and handles whatever results arrived meanwhile.

#include "state/batch_record.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace colophon::pool {

// One document to convert, as the worker receives it.
struct DocumentJob
{
    std::string key;
    std::string input_path;
    std::string output_stem;
    std::string identifier;
    std::string catalogue;       // manifest record as JSON; empty when none
    std::string previous_sha256; // of the last finished attempt; empty when none
};

// The answer to a worker that has read and hashed a document.
enum class ClaimDecision
{
    Convert,
    Unchanged, // same bytes as the finished attempt: keep it, do nothing
    Duplicate, // same bytes as another document of the batch
};

struct ClaimReply
{
    ClaimDecision decision = ClaimDecision::Convert;
    std::string duplicate_of;
};

// Given to the document function inside the worker: reports progress to the parent.
class WorkerContext
{
public:
    virtual ~WorkerContext() = default;
    // The stage now running ("read", "convert", "render", "write", "package"); a crash or
    // timeout is recorded against the last stage named.
    virtual void stage(const std::string& name) = 0;
    // Whether to go on with a document with these bytes: Unchanged when they are the bytes of
    // the job's finished attempt, else the ClaimFunction's answer. Only `convertible` documents
    // (non-empty, of a type some converter reads) can be duplicates of one another: two empty
    // files are two failures, not one document. Its CPU time is not counted as conversion.
    virtual ClaimReply claim(const std::string& sha256, std::int64_t size, const std::string& media_type,
                             bool convertible) = 0;
};

// Converts one document inside a worker. Exceptions are caught and recorded as a failure of the
// stage last named.
using DocumentFunction = std::function<state::DocumentRecord(const DocumentJob&, WorkerContext&)>;
// Runs once in each new worker, after fork: builds the converters that worker uses.
using DocumentFunctionFactory = std::function<DocumentFunction()>;
// Inside a worker: whether a convertible document with these bytes is the first of its run
// (Convert) or a Duplicate (of `duplicate_of`). Shared state between workers is the caller's
// business (the batch uses a ClaimTable in shared memory).
using ClaimFunction = std::function<ClaimReply(const DocumentJob&, const std::string& sha256)>;
using ClaimFunctionFactory = std::function<ClaimFunction()>; // runs in each new worker

struct PoolOptions
{
    int workers = 1;
    double max_seconds = 300;           // per document, 0 = no limit
    std::size_t max_memory_bytes = 0;   // address-space limit of a worker, 0 = none
    int recycle_after = 2000;           // documents per worker before a fresh one is forked
    std::string worker_log;             // workers' stderr goes here (empty: inherited)
    double tick_seconds = 0.2;          // how often on_tick runs while waiting
    // The parent sleeps at least this long between two wake-ups, and keeps enough jobs queued
    // in each worker (up to max_queued) that none runs dry meanwhile. 0 = wake for every message.
    double min_wake_seconds = 0.1;
    int max_queued = 64;
};

struct PoolCallbacks
{
    // In each worker (see ClaimFunction); none: every document is converted.
    ClaimFunctionFactory claims;
    // In the parent, for every job: the worker's record, or one describing the crash or timeout.
    // `unchanged` is true when the claim answered Unchanged.
    std::function<void(const DocumentJob&, state::DocumentRecord&&, bool unchanged)> on_done;
    std::function<void()> on_tick;
    // Return true to stop handing out new jobs (jobs in flight finish).
    std::function<bool()> should_stop;
};

// Hands out the jobs one at a time, nullopt when there are no more. The pool asks for a job only
// when a worker has room for it, so a source backed by the state database keeps the plan on disk.
using JobSource = std::function<std::optional<DocumentJob>()>;

struct PoolStats
{
    double document_cpu_seconds = 0; // CPU the workers spent inside the document function, claims excluded
    std::int64_t documents = 0;      // outcomes reported through on_done
    int workers_started = 0;
};

// Runs every job on the pool and returns when all have an outcome.
PoolStats run_worker_pool(const JobSource& jobs, const PoolOptions& options, const DocumentFunctionFactory& factory,
                          const PoolCallbacks& callbacks);
PoolStats run_worker_pool(const std::vector<DocumentJob>& jobs, const PoolOptions& options,
                          const DocumentFunctionFactory& factory, const PoolCallbacks& callbacks);

} // namespace colophon::pool
