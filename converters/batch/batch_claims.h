#pragma once
// Duplicate claims of a batch, answered inside the workers: within the run by a ClaimTable in
// shared memory, against earlier runs by a read-only snapshot of their successes (sha256, key)
// taken before the workers start. The parent takes no part once the workers run.

#include "pool/claim_table.h"
#include "state/state_db.h"
#include "pool/worker_pool.h"

#include <cstdint>
#include <filesystem>

namespace colophon::batch {

// DIR/.colophon/earlier.sqlite: the successes of earlier runs, written once by the parent and
// closed before any worker opens it (an SQLite file must not stay open across fork), removed
// with this object. Empty (no file) when there were none.
class EarlierSuccesses
{
public:
    EarlierSuccesses(state::StateDb& db, std::filesystem::path path);
    ~EarlierSuccesses();
    EarlierSuccesses(const EarlierSuccesses&) = delete;
    EarlierSuccesses& operator=(const EarlierSuccesses&) = delete;

    std::int64_t count() const { return count_; }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
    std::int64_t count_ = 0;
};

// The claim function each worker builds after fork: an earlier success with the same bytes
// first (as the state database would answer), then the first claim of this run.
pool::ClaimFunctionFactory batch_claims(pool::ClaimTable& table, const EarlierSuccesses& earlier);

} // namespace colophon::batch
