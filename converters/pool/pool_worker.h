#pragma once
// The worker side of the pool (see worker_pool.h) and what both sides share: descriptors, the
// stage slot in shared memory, blocking pipe writes.

#include "pool/unique_fd.h"
#include "pool/worker_pool.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <sys/types.h>

namespace colophon::pool::pool {

using Fd = UniqueFd;

// What a worker is doing, in memory shared with the parent. A pipe message per stage would cost
// a write, a wake-up of the parent and a parse per stage; the parent reads the job and its start
// time to enforce the time limit, and the stage only once a worker has died or was killed.
struct StageSlot
{
    std::atomic<std::uint64_t> job{0};      // ordinal (per worker process) of the job running
    std::atomic<std::int64_t> started_ns{0}; // when it started, steady clock; 0 = none yet
    char stage[48] = "read";                // NUL-terminated
};

struct StageUnmap
{
    void operator()(StageSlot* p) const;
};
using StageMapping = std::unique_ptr<StageSlot, StageUnmap>;
StageMapping map_stage_slot();

std::int64_t steady_now_ns();

// Writes all of `data`; throws std::runtime_error (EPIPE once the other end is gone).
void write_all(int fd, const std::string& data);

// The record of a document that failed outside the document function (crash, timeout, setup).
state::DocumentRecord failure_record(const DocumentJob& job, const std::string& stage, const std::string& code,
                              const std::string& reason);

// The worker process: reads job messages from `in`, writes one result per job to `out`, exits
// when `in` closes. Never returns.
[[noreturn]] void run_worker(int in, int out, StageSlot* slot, pid_t parent, const DocumentFunctionFactory& factory,
                             const ClaimFunctionFactory& claims, const PoolOptions& options);

} // namespace colophon::pool::pool
