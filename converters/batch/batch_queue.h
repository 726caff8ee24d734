#pragma once
// Run-scoped data of a batch, on disk: the inputs found and the documents still to convert.
// However large the catalogue, the parent holds one chunk of it in memory.

#include "state/sqlite_handles.h"
#include "pool/worker_pool.h"

#include <cstdint>
#include <deque>
#include <filesystem>
#include <optional>
#include <string>

namespace colophon::batch {

// A scratch database for one run (DIR/.colophon/run.sqlite), removed when the run ends. Nothing
// in it needs to survive a crash, so it has no journal, no syncing and no locking: a write costs
// a page write, unlike a durable commit of the state database, whose every commit walks its
// dirty pages (temporary tables of the state connection would make that walk grow with the
// catalogue).
class RunScratch
{
public:
    explicit RunScratch(std::filesystem::path path);
    ~RunScratch();
    RunScratch(const RunScratch&) = delete;
    RunScratch& operator=(const RunScratch&) = delete;

    state::sql::Database& database() { return *db_; }

private:
    static void remove_files(const std::filesystem::path& path);

    std::filesystem::path path_;
    std::optional<state::sql::Database> db_;
};

struct QueuedDocument
{
    pool::DocumentJob job;
    std::int64_t size = -1;     // the input's size and time when planned
    std::int64_t mtime_ns = -1;
};

class WorkQueue
{
public:
    // Creates (or empties) its table; `chunk` is how many rows are read at once.
    WorkQueue(state::sql::Database& db, std::size_t chunk);

    // Runs in the caller's transaction, if any.
    void push(const QueuedDocument& doc);
    std::int64_t pushed() const { return pushed_; }
    std::size_t pushed_key_bytes() const { return pushed_key_bytes_; }

    // The next document in the order pushed; nullopt when all were taken.
    std::optional<QueuedDocument> next();
    // The most documents held in memory at once (at most `chunk`).
    std::size_t max_buffered() const { return max_buffered_; }

private:
    state::sql::Database& db_;
    std::size_t chunk_;
    state::sql::Statement insert_;
    state::sql::Statement select_;
    std::deque<QueuedDocument> buffer_;
    std::int64_t last_seq_ = 0;
    std::int64_t pushed_ = 0;
    std::size_t pushed_key_bytes_ = 0;
    bool drained_ = false;
    std::size_t max_buffered_ = 0;
};

} // namespace colophon::batch
