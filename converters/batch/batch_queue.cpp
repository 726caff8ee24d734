#include "batch/batch_queue.h"

#include <algorithm>

namespace colophon::batch {

namespace {

state::sql::Database& with_queue_table(state::sql::Database& db)
{
    db.exec("DROP TABLE IF EXISTS work;"
            "CREATE TABLE work(seq INTEGER PRIMARY KEY, key TEXT NOT NULL, input_path TEXT NOT NULL, "
            "output_stem TEXT, identifier TEXT, catalogue TEXT, previous_sha256 TEXT, size INTEGER, mtime_ns INTEGER)");
    return db;
}

} // namespace

RunScratch::RunScratch(std::filesystem::path path) : path_(std::move(path))
{
    remove_files(path_); // left by a killed run
    db_.emplace(path_);
    db_->exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE; "
              "PRAGMA temp_store=FILE");
}

RunScratch::~RunScratch()
{
    db_.reset();
    remove_files(path_);
}

void RunScratch::remove_files(const std::filesystem::path& path)
{
    std::error_code ec;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
        std::filesystem::remove(path.string() + suffix, ec);
}

WorkQueue::WorkQueue(state::sql::Database& db, std::size_t chunk)
    : db_(with_queue_table(db)), chunk_(std::max<std::size_t>(chunk, 1)),
      insert_(db_.prepare("INSERT INTO work(key, input_path, output_stem, identifier, catalogue, previous_sha256, "
                          "size, mtime_ns) VALUES(?,?,?,?,?,?,?,?)")),
      select_(db_.prepare("SELECT seq, key, input_path, output_stem, identifier, catalogue, previous_sha256, size, "
                          "mtime_ns FROM work WHERE seq > ? ORDER BY seq LIMIT ?"))
{
}

void WorkQueue::push(const QueuedDocument& d)
{
    const pool::DocumentJob& j = d.job;
    insert_.bind(1, j.key).bind(2, j.input_path).bind(3, j.output_stem).bind(4, j.identifier).bind(5, j.catalogue);
    insert_.bind(6, j.previous_sha256).bind(7, d.size).bind(8, d.mtime_ns).run();
    ++pushed_;
    pushed_key_bytes_ += j.key.size();
}

std::optional<QueuedDocument> WorkQueue::next()
{
    if (buffer_.empty() && !drained_) {
        select_.bind(1, last_seq_).bind(2, static_cast<std::int64_t>(chunk_));
        while (select_.step()) {
            last_seq_ = select_.integer(0);
            QueuedDocument d;
            d.job = pool::DocumentJob{select_.text(1), select_.text(2), select_.text(3),
                                select_.text(4), select_.text(5), select_.text(6)};
            d.size = select_.integer(7);
            d.mtime_ns = select_.integer(8);
            buffer_.push_back(std::move(d));
        }
        select_.reset();
        drained_ = buffer_.size() < chunk_;
        max_buffered_ = std::max(max_buffered_, buffer_.size());
    }
    if (buffer_.empty())
        return std::nullopt;
    QueuedDocument d = std::move(buffer_.front());
    buffer_.pop_front();
    return d;
}

} // namespace colophon::batch
