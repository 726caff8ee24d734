#pragma once
// The batch state: DIR/colophon-state.sqlite, one row per document. WAL journal, so killing the
// batch at any moment never corrupts what was committed; the batch commits finished documents in
// small groups (see BatchSettings::commit_documents).

#include "state/batch_record.h"
#include "state/sqlite_handles.h"

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace colophon::state {

inline constexpr const char* state_file_name = "colophon-state.sqlite";

// A document the batch was asked to convert, before it ran.
struct PlannedDocument
{
    std::string key;
    std::string input_path;
    std::string identifier;
    std::string catalogue; // JSON; empty when none
    std::int64_t size = 0;
    std::int64_t mtime_ns = 0;
};

// What resuming needs to know about an earlier attempt.
struct PriorState
{
    std::int64_t id = 0;
    DocStatus status = DocStatus::Pending;
    std::int64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::string sha256;
    std::vector<std::string> outputs;
    std::string corpus_record;
};

class StateDb
{
public:
    explicit StateDb(const std::filesystem::path& path,
                     sql::Database::Mode mode = sql::Database::Mode::ReadWriteCreate);

    // Records a new run (the command line, shard) and returns its id.
    std::int64_t begin_run(const std::string& command, const std::string& shard, int jobs);
    void finish_run(std::int64_t run_id, const std::string& summary_json);

    // Facts about the output folder that every run must agree on (the catalogue root).
    std::optional<std::string> setting(const std::string& name);
    void set_setting(const std::string& name, const std::string& value);

    // Adds a planned document not yet known, or refreshes the path, identifier and catalogue of a
    // known one, and returns its state before this run. Runs in the caller's transaction, if any:
    // the batch plans thousands of documents per transaction without holding them in memory.
    PriorState plan_document(const PlannedDocument& doc);
    // All of `docs` in one transaction; the prior state of every planned key.
    std::map<std::string, PriorState> plan(const std::vector<PlannedDocument>& docs);

    // Records one finished document (attempts + 1): in the caller's transaction when one is open
    // (the batch groups a few), else committed at once. The batch calls it only once the
    // document's outputs are on disk.
    void record(const DocumentRecord& r);
    // A finished document whose input did not change: refresh its size and time only. Returns
    // its recorded status.
    DocStatus touch(const std::string& key, std::int64_t size, std::int64_t mtime_ns);

    // Streams every document, ordered by key, without loading them all.
    void for_each(const std::function<void(const DocumentRecord&)>& fn);
    // The corpus line (relative path) of every successful document that has one, ordered by
    // key: the corpus needs no more of the row.
    void for_each_corpus_record(const std::function<void(const std::string&)>& fn);
    // The outputs every document recorded, ordered by key (the batch names new documents apart
    // from them).
    void for_each_outputs(const std::function<void(const std::string &key,
                                                   const std::vector<std::string> &outputs)> &fn);
    // The first `limit` documents with this status, ordered by key (an index, no sorting).
    void for_each_with_status(DocStatus status, std::int64_t limit, const std::function<void(const DocumentRecord&)>& fn);
    std::int64_t count();

    sql::Database& database() { return db_; }

private:
    // Statements used once per document are prepared once.
    sql::Statement& cached(std::optional<sql::Statement>& slot, const char* sql);

    sql::Database db_;
    std::optional<sql::Statement> plan_upsert_;
    std::optional<sql::Statement> record_update_;
    std::optional<sql::Statement> touch_update_;
};

// Reads the whole row (used by for_each and merge).
DocumentRecord read_document_row(const sql::Statement& s);
extern const char* const document_columns; // the column list read_document_row expects

} // namespace colophon::state
