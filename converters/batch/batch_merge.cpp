#include "batch/batch_merge.h"

#include <nlohmann/json.hpp>

#include <map>

namespace colophon::batch {

namespace fs = std::filesystem;

namespace {

// Ranks records so that a merge keeps the most useful one for a key.
int rank(state::DocStatus s)
{
    switch (s) {
    case state::DocStatus::Ok:
    case state::DocStatus::Warnings:
        return 3;
    case state::DocStatus::Duplicate:
        return 2;
    case state::DocStatus::Failed:
    case state::DocStatus::Unsupported:
        return 1;
    case state::DocStatus::Pending:
        return 0;
    }
    return 0;
}

std::string rebase(const fs::path& shard, const fs::path& out, const std::string& rel)
{
    if (rel.empty())
        return rel;
    return (shard / rel).lexically_relative(out).generic_string();
}

void insert_full(state::sql::Database& db, const state::DocumentRecord& r)
{
    state::sql::Statement s = db.prepare(
        "INSERT OR REPLACE INTO documents(key, input_path, identifier, catalogue, size, mtime_ns, sha256, media_type, "
        "status, stage, code, reason, duplicate_of, outputs, warnings, warning_count, method, ocr_confidence, pages, "
        "title, authors, date, language, corpus_record, attempts, finished_at, seconds, timings) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    const auto list = [](const std::vector<std::string>& v) {
        return nlohmann::json(v).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    };
    s.bind(1, r.key).bind(2, r.input_path).bind(3, r.identifier).bind(4, r.catalogue).bind(5, r.size);
    s.bind(6, r.mtime_ns).bind(7, r.sha256).bind(8, r.media_type).bind(9, state::status_name(r.status));
    s.bind(10, r.stage);
    s.bind(11, r.code).bind(12, r.reason).bind(13, r.duplicate_of).bind(14, list(r.outputs)).bind(15, list(r.warnings));
    s.bind(16, r.warning_count).bind(17, r.method).bind(18, r.ocr_confidence).bind(19, r.pages).bind(20, r.title);
    s.bind(21, list(r.authors)).bind(22, r.date).bind(23, r.language).bind(24, r.corpus_record).bind(25, r.attempts);
    s.bind(26, r.finished_at).bind(27, r.seconds).bind(28, r.timings);
    s.run();
}

std::int64_t mark_cross_shard_duplicates(state::sql::Database& db)
{
    db.exec(R"sql(
CREATE TEMP TABLE first_copy AS
  SELECT sha256, min(key) AS key FROM documents
  WHERE status IN ('ok','warnings') AND sha256 <> '' GROUP BY sha256 HAVING count(*) > 1;
UPDATE documents SET
  status = 'duplicate',
  duplicate_of = (SELECT f.key FROM first_copy f WHERE f.sha256 = documents.sha256),
  reason = 'same content as ' || (SELECT f.key FROM first_copy f WHERE f.sha256 = documents.sha256),
  corpus_record = ''
WHERE status IN ('ok','warnings')
  AND EXISTS (SELECT 1 FROM first_copy f WHERE f.sha256 = documents.sha256 AND f.key <> documents.key);
)sql");
    const std::int64_t changed = sqlite3_changes(db.get());
    db.exec("DROP TABLE first_copy");
    return changed;
}

} // namespace

MergeResult merge_batches(const std::vector<fs::path>& shard_dirs, const fs::path& out_dir, const fs::path& corpus,
                          const std::string& command_line)
{
    MergeResult result;
    fs::create_directories(out_dir);
    const fs::path out = fs::absolute(out_dir).lexically_normal();
    const fs::path state = out / state::state_file_name;
    for (const fs::path& dir : shard_dirs) {
        if (fs::equivalent(fs::absolute(dir), out))
            throw std::runtime_error(dir.string() + ": the merge output must not be one of the shard directories");
    }
    // The merged database is rebuilt from scratch every time: merging is cheap and idempotent.
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(state.string() + suffix);
    state::StateDb merged(state);
    const std::int64_t run_id = merged.begin_run(command_line, "merge", 0);

    std::map<std::string, int> kept_rank;
    for (const fs::path& dir : shard_dirs) {
        const fs::path shard = fs::absolute(dir).lexically_normal();
        const fs::path shard_state = shard / state::state_file_name;
        if (!fs::exists(shard_state))
            throw std::runtime_error(dir.string() + ": no " + state::state_file_name +
                                     " (not a batch output directory)");
        state::StateDb source(shard_state, state::sql::Database::Mode::ReadOnly);
        state::sql::Transaction tx(merged.database());
        source.for_each([&](const state::DocumentRecord& original) {
            ++result.merged;
            state::DocumentRecord r = original;
            for (std::string& o : r.outputs)
                o = rebase(shard, out, o);
            r.corpus_record = rebase(shard, out, r.corpus_record);
            const int rk = rank(r.status);
            if (const auto it = kept_rank.find(r.key); it != kept_rank.end()) {
                ++result.conflicts;
                if (it->second >= rk)
                    return;
            }
            kept_rank[r.key] = rk;
            insert_full(merged.database(), r);
        });
        tx.commit();
    }

    // Shards do not see each other, so the same bytes may have been converted in two of them:
    // the copy with the smallest key stays, the others become its duplicates.
    result.duplicates_across_shards = mark_cross_shard_duplicates(merged.database());

    write_reports(merged, out, {"colophon batch report (merged)", command_line, 0});
    if (!corpus.empty())
        result.corpus = write_corpus(merged, out, corpus);
    result.counts = count_documents(merged);
    result.exit_code = batch_exit_code(result.counts);
    nlohmann::json summary = counts_json(result.counts);
    summary["shards"] = shard_dirs.size();
    merged.finish_run(run_id, summary.dump());
    return result;
}

} // namespace colophon::batch
