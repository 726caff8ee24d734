#include "batch/batch_claims.h"

#include <memory>

namespace colophon::batch {

namespace {

void remove_file(const std::filesystem::path& p)
{
    std::error_code ec;
    std::filesystem::remove(p, ec);
}

// A worker's read-only view of the snapshot. Immutable: nobody writes it during the run, so
// lookups take no locks.
class EarlierLookup
{
public:
    explicit EarlierLookup(const std::filesystem::path& path)
        : db_(path, state::sql::Database::Mode::Immutable),
          find_(db_.prepare("SELECT key FROM successes WHERE sha256=? AND key<>? ORDER BY key LIMIT 1"))
    {
    }
    std::optional<std::string> find(const std::string& sha256, const std::string& key)
    {
        find_.bind(1, sha256).bind(2, key);
        std::optional<std::string> out;
        if (find_.step())
            out = find_.text(0);
        find_.reset();
        return out;
    }

private:
    state::sql::Database db_;
    state::sql::Statement find_;
};

} // namespace

EarlierSuccesses::EarlierSuccesses(state::StateDb& db, std::filesystem::path path) : path_(std::move(path))
{
    remove_file(path_); // left by a killed run
    {
        state::sql::Statement has = db.database().prepare(
            "SELECT count(*) FROM documents WHERE status IN ('ok','warnings') AND sha256 IS NOT NULL AND sha256<>''");
        has.step();
        count_ = has.integer(0);
    } // finalized: DETACH fails while a statement is open
    if (count_ == 0)
        return;
    state::sql::Database& d = db.database();
    d.prepare("ATTACH DATABASE ? AS earlier").bind(1, path_.string()).run();
    try {
        d.exec("PRAGMA earlier.journal_mode=OFF; PRAGMA earlier.synchronous=OFF;"
               "CREATE TABLE earlier.successes(sha256 TEXT NOT NULL, key TEXT NOT NULL);"
               "INSERT INTO earlier.successes SELECT sha256, key FROM main.documents "
               "WHERE status IN ('ok','warnings') AND sha256 IS NOT NULL AND sha256<>'';"
               "CREATE INDEX earlier.successes_sha256 ON successes(sha256, key);");
    } catch (...) {
        d.exec("DETACH DATABASE earlier");
        throw;
    }
    d.exec("DETACH DATABASE earlier");
}

EarlierSuccesses::~EarlierSuccesses()
{
    remove_file(path_);
}

pool::ClaimFunctionFactory batch_claims(pool::ClaimTable& table, const EarlierSuccesses& earlier)
{
    const std::filesystem::path snapshot = earlier.count() > 0 ? earlier.path() : std::filesystem::path();
    return [&table, snapshot]() -> pool::ClaimFunction {
        std::shared_ptr<EarlierLookup> lookup;
        if (!snapshot.empty())
            lookup = std::make_shared<EarlierLookup>(snapshot);
        return [&table, lookup](const pool::DocumentJob& job, const std::string& sha256) -> pool::ClaimReply {
            if (lookup) {
                if (std::optional<std::string> first = lookup->find(sha256, job.key))
                    return {pool::ClaimDecision::Duplicate, std::move(*first)};
            }
            if (std::optional<std::string> first = table.claim(sha256, job.key))
                return {pool::ClaimDecision::Duplicate, std::move(*first)};
            return {};
        };
    };
}

} // namespace colophon::batch
