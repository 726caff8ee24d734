#include "state/verdicts.h"

#include "state/batch_record.h"

namespace colophon::state {

bool is_verdict(const std::string &verdict)
{
    return verdict == "accepted" || verdict == "rejected";
}

std::string find_document_key(StateDb &db, const std::string &id)
{
    for (const char *column : {"key", "identifier", "input_path"}) {
        sql::Statement s = db.database().prepare(std::string("SELECT key FROM documents WHERE ") +
                                                 column + "=? ORDER BY key LIMIT 2");
        s.bind(1, id);
        if (!s.step())
            continue;
        std::string key = s.text(0);
        if (!s.step()) // an identifier or path two documents share names neither
            return key;
    }
    return {};
}

void set_verdict(StateDb &db, const std::string &key, const Verdict &verdict)
{
    sql::Statement s =
        db.database().prepare("INSERT INTO verdicts(key, verdict, note, marked_at) VALUES(?,?,?,?) "
                              "ON CONFLICT(key) DO UPDATE SET verdict=excluded.verdict, "
                              "note=excluded.note, marked_at=excluded.marked_at");
    s.bind(1, key).bind(2, verdict.verdict).bind(3, verdict.note);
    s.bind(4, verdict.marked_at.empty() ? utc_now_iso() : verdict.marked_at);
    s.run();
}

std::map<std::string, Verdict> read_verdicts(StateDb &db)
{
    std::map<std::string, Verdict> out;
    // A database opened read-only from before verdicts existed has no table for them.
    sql::Statement has =
        db.database().prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='verdicts'");
    if (!has.step())
        return out;
    sql::Statement s =
        db.database().prepare("SELECT key, verdict, note, marked_at FROM verdicts ORDER BY key");
    while (s.step())
        out.emplace(s.text(0), Verdict{s.text(1), s.text(2), s.text(3)});
    return out;
}

} // namespace colophon::state
