#pragma once
// The documents a run still has to convert, kept in a temporary table of the state database:
// planning appends them, the worker pool takes them a chunk at a time. However large the
// catalogue, the parent holds one chunk of jobs in memory.

#include "pipeline/sqlite_handles.h"
#include "pipeline/worker_pool.h"

#include <cstdint>
#include <deque>
#include <optional>

namespace colophon::pipeline {

struct QueuedDocument
{
    DocumentJob job;
    std::int64_t size = -1;     // the input's size and time when planned
    std::int64_t mtime_ns = -1;
};

class WorkQueue
{
public:
    // Creates (or empties) the temporary table; `chunk` is how many rows are read at once.
    WorkQueue(sql::Database& db, std::size_t chunk);

    // Runs in the caller's transaction, if any.
    void push(const QueuedDocument& doc);
    std::int64_t pushed() const { return pushed_; }

    // The next document in the order pushed; nullopt when all were taken.
    std::optional<QueuedDocument> next();
    // The most documents held in memory at once (at most `chunk`).
    std::size_t max_buffered() const { return max_buffered_; }

private:
    sql::Database& db_;
    std::size_t chunk_;
    sql::Statement insert_;
    sql::Statement select_;
    std::deque<QueuedDocument> buffer_;
    std::int64_t last_seq_ = 0;
    std::int64_t pushed_ = 0;
    bool drained_ = false;
    std::size_t max_buffered_ = 0;
};

} // namespace colophon::pipeline
