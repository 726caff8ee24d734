#include "state/state_db.h"

#include "state/record_json.h"

#include <nlohmann/json.hpp>

namespace colophon::state {

namespace {

constexpr const char *schema = R"sql(
CREATE TABLE IF NOT EXISTS settings(
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs(
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  command TEXT,
  shard TEXT,
  jobs INTEGER,
  summary TEXT
);
CREATE TABLE IF NOT EXISTS documents(
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  input_path TEXT NOT NULL,
  identifier TEXT,
  catalogue TEXT,
  size INTEGER,
  mtime_ns INTEGER,
  sha256 TEXT,
  media_type TEXT,
  status TEXT NOT NULL DEFAULT 'pending',
  stage TEXT,
  code TEXT,
  reason TEXT,
  duplicate_of TEXT,
  outputs TEXT,
  warnings TEXT,
  warning_count INTEGER DEFAULT 0,
  method TEXT,
  ocr_confidence REAL,
  pages INTEGER,
  title TEXT,
  authors TEXT,
  date TEXT,
  language TEXT,
  corpus_record TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  finished_at TEXT,
  seconds REAL,
  timings TEXT
);
-- No index on sha256: duplicates are found by the workers (claims in shared memory, a snapshot
-- of earlier successes), and an index of random hashes cost every recorded document a random
-- page write.
DROP INDEX IF EXISTS documents_sha256;
CREATE INDEX IF NOT EXISTS documents_status ON documents(status, key);
-- A reviewer's verdict on a document (colophon review --mark): kept apart from the document's
-- row, which every new conversion of it rewrites.
CREATE TABLE IF NOT EXISTS verdicts(
  key TEXT PRIMARY KEY,
  verdict TEXT NOT NULL,
  note TEXT,
  marked_at TEXT NOT NULL
);
)sql";

// Resets a cached statement however its use ends, so it holds no read cursor between uses.
class ResetOnExit
{
public:
    explicit ResetOnExit(sql::Statement& s) : s_(s) {}
    ~ResetOnExit() { s_.reset(); }
    ResetOnExit(const ResetOnExit&) = delete;
    ResetOnExit& operator=(const ResetOnExit&) = delete;

private:
    sql::Statement& s_;
};

std::string json_list(const std::vector<std::string>& v)
{
    return strings_to_json(v);
}

std::vector<std::string> parse_list(const std::string& s)
{
    return strings_from_json(s);
}

} // namespace

const char* const document_columns =
    "id, key, input_path, identifier, catalogue, size, mtime_ns, sha256, media_type, status, stage, code, "
    "reason, duplicate_of, outputs, warnings, warning_count, method, ocr_confidence, pages, title, authors, "
    "date, language, corpus_record, attempts, finished_at, seconds, timings";

DocumentRecord read_document_row(const sql::Statement& s)
{
    DocumentRecord r;
    r.id = s.integer(0);
    r.key = s.text(1);
    r.input_path = s.text(2);
    r.identifier = s.text(3);
    r.catalogue = s.text(4);
    r.size = s.integer(5);
    r.mtime_ns = s.integer(6);
    r.sha256 = s.text(7);
    r.media_type = s.text(8);
    r.status = parse_status(s.text(9));
    r.stage = s.text(10);
    r.code = s.text(11);
    r.reason = s.text(12);
    r.duplicate_of = s.text(13);
    r.outputs = parse_list(s.text(14));
    r.warnings = parse_list(s.text(15));
    r.warning_count = static_cast<int>(s.integer(16));
    r.method = s.text(17);
    if (!s.is_null(18))
        r.ocr_confidence = s.real(18);
    r.pages = static_cast<int>(s.integer(19));
    r.title = s.text(20);
    r.authors = parse_list(s.text(21));
    r.date = s.text(22);
    r.language = s.text(23);
    r.corpus_record = s.text(24);
    r.attempts = static_cast<int>(s.integer(25));
    r.finished_at = s.text(26);
    r.seconds = s.real(27);
    r.timings = s.text(28);
    return r;
}

StateDb::StateDb(const std::filesystem::path& path, sql::Database::Mode mode) : db_(path, mode)
{
    if (mode == sql::Database::Mode::ReadOnly)
        return;
    // WAL: readers (a progress monitor, the report) never block the writer, and a commit is
    // one append. synchronous=NORMAL survives a killed process; only power loss can drop the
    // last commits, never corrupt the file.
    db_.exec("PRAGMA journal_mode=WAL");
    db_.exec("PRAGMA synchronous=NORMAL");
    db_.exec(schema);
}

sql::Statement& StateDb::cached(std::optional<sql::Statement>& slot, const char* sql)
{
    if (!slot)
        slot.emplace(db_.prepare(sql));
    return *slot;
}

std::int64_t StateDb::begin_run(const std::string& command, const std::string& shard, int jobs)
{
    sql::Statement s = db_.prepare("INSERT INTO runs(started_at, command, shard, jobs) VALUES(?,?,?,?)");
    s.bind(1, utc_now_iso()).bind(2, command).bind(3, shard).bind(4, jobs).run();
    return db_.last_insert_rowid();
}

std::optional<std::string> StateDb::setting(const std::string& name)
{
    sql::Statement s = db_.prepare("SELECT value FROM settings WHERE name=?");
    s.bind(1, name);
    if (!s.step())
        return std::nullopt;
    return s.text(0);
}

void StateDb::set_setting(const std::string& name, const std::string& value)
{
    sql::Statement s = db_.prepare("INSERT INTO settings(name, value) VALUES(?,?) "
                                   "ON CONFLICT(name) DO UPDATE SET value=excluded.value");
    s.bind(1, name).bind(2, value).run();
}

void StateDb::finish_run(std::int64_t run_id, const std::string& summary_json)
{
    sql::Statement s = db_.prepare("UPDATE runs SET finished_at=?, summary=? WHERE id=?");
    s.bind(1, utc_now_iso()).bind(2, summary_json).bind(3, run_id).run();
}

PriorState StateDb::plan_document(const PlannedDocument& d)
{
    // One statement: the upsert returns the row as it is after it (the prior state: an upsert
    // of a known document changes only its path, identifier and catalogue).
    sql::Statement& upsert = cached(
        plan_upsert_,
        "INSERT INTO documents(key, input_path, identifier, catalogue, size, mtime_ns) VALUES(?,?,?,?,?,?) "
        "ON CONFLICT(key) DO UPDATE SET input_path=excluded.input_path, identifier=excluded.identifier, "
        "catalogue=excluded.catalogue "
        "RETURNING id, status, size, mtime_ns, sha256, outputs, corpus_record");
    const ResetOnExit reset(upsert);
    upsert.bind(1, d.key).bind(2, d.input_path).bind(3, d.identifier).bind(4, d.catalogue);
    upsert.bind(5, d.size).bind(6, d.mtime_ns);
    if (!upsert.step())
        throw std::runtime_error("state database: planned document '" + d.key + "' is missing");
    PriorState p;
    p.id = upsert.integer(0);
    p.status = parse_status(upsert.text(1));
    p.size = upsert.integer(2);
    p.mtime_ns = upsert.integer(3);
    p.sha256 = upsert.text(4);
    p.outputs = parse_list(upsert.text(5));
    p.corpus_record = upsert.text(6);
    while (upsert.step()) {
    }
    return p;
}

std::map<std::string, PriorState> StateDb::plan(const std::vector<PlannedDocument>& docs)
{
    sql::Transaction tx(db_);
    std::map<std::string, PriorState> out;
    for (const PlannedDocument& d : docs)
        out[d.key] = plan_document(d);
    tx.commit();
    return out;
}

void StateDb::record(const DocumentRecord& r)
{
    // One statement is one transaction (autocommit): atomic, and durable against a killed
    // process once this returns.
    sql::Statement& s = cached(
        record_update_,
        "UPDATE documents SET size=?, mtime_ns=?, sha256=?, media_type=?, status=?, stage=?, code=?, reason=?, "
        "duplicate_of=?, outputs=?, warnings=?, warning_count=?, method=?, ocr_confidence=?, pages=?, title=?, "
        "authors=?, date=?, language=?, corpus_record=?, attempts=attempts+1, finished_at=?, seconds=?, timings=? "
        "WHERE key=?");
    s.bind(1, r.size).bind(2, r.mtime_ns).bind(3, r.sha256).bind(4, r.media_type).bind(5, status_name(r.status));
    s.bind(6, r.stage).bind(7, r.code).bind(8, r.reason).bind(9, r.duplicate_of).bind(10, json_list(r.outputs));
    s.bind(11, json_list(r.warnings)).bind(12, r.warning_count).bind(13, r.method).bind(14, r.ocr_confidence);
    s.bind(15, r.pages).bind(16, r.title).bind(17, json_list(r.authors)).bind(18, r.date).bind(19, r.language);
    s.bind(20, r.corpus_record).bind(21, r.finished_at.empty() ? utc_now_iso() : r.finished_at);
    s.bind(22, r.seconds).bind(23, r.timings).bind(24, r.key);
    {
        const ResetOnExit reset(s);
        s.step();
    }
    if (sqlite3_changes(db_.get()) != 1)
        throw std::runtime_error("state database: no planned document '" + r.key + "'");
}

DocStatus StateDb::touch(const std::string& key, std::int64_t size, std::int64_t mtime_ns)
{
    sql::Statement& s = cached(touch_update_, "UPDATE documents SET size=?, mtime_ns=? WHERE key=? RETURNING status");
    const ResetOnExit reset(s);
    s.bind(1, size).bind(2, mtime_ns).bind(3, key);
    const DocStatus status = s.step() ? parse_status(s.text(0)) : DocStatus::Pending;
    while (s.step()) {
    }
    return status;
}

void StateDb::for_each(const std::function<void(const DocumentRecord&)>& fn)
{
    sql::Statement s = db_.prepare(std::string("SELECT ") + document_columns + " FROM documents ORDER BY key");
    while (s.step())
        fn(read_document_row(s));
}

void StateDb::for_each_corpus_record(const std::function<void(const std::string&)>& fn)
{
    sql::Statement s = db_.prepare("SELECT corpus_record FROM documents WHERE status IN ('ok','warnings') ORDER BY key");
    while (s.step())
        fn(s.text(0));
}

void StateDb::for_each_outputs(
    const std::function<void(const std::string &key, const std::vector<std::string> &outputs)> &fn)
{
    sql::Statement s = db_.prepare("SELECT key, outputs FROM documents ORDER BY key");
    while (s.step())
        fn(s.text(0), parse_list(s.text(1)));
}

void StateDb::for_each_with_status(DocStatus status, std::int64_t limit,
                                   const std::function<void(const DocumentRecord&)>& fn)
{
    sql::Statement s = db_.prepare(std::string("SELECT ") + document_columns +
                                   " FROM documents WHERE status=? ORDER BY key LIMIT ?");
    s.bind(1, status_name(status)).bind(2, limit);
    while (s.step())
        fn(read_document_row(s));
}

std::int64_t StateDb::count()
{
    sql::Statement s = db_.prepare("SELECT count(*) FROM documents");
    s.step();
    return s.integer(0);
}

} // namespace colophon::state
