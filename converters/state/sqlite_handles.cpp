#include "state/sqlite_handles.h"

#include <stdexcept>

namespace colophon::state::sql {

namespace {

// "file:" URI of a path: '%', '?' and '#' would otherwise end or alter it.
std::string file_uri(const std::filesystem::path& path, const char* query)
{
    std::string uri = "file:";
    for (const char c : path.string()) {
        if (c == '%')
            uri += "%25";
        else if (c == '?')
            uri += "%3f";
        else if (c == '#')
            uri += "%23";
        else
            uri += c;
    }
    return uri + query;
}

} // namespace

Database::Database(const std::filesystem::path& path, Mode mode)
{
    sqlite3* raw = nullptr;
    const int flags = mode == Mode::ReadWriteCreate ? (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
                      : mode == Mode::ReadOnly      ? SQLITE_OPEN_READONLY
                                                    : (SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    const std::string name = mode == Mode::Immutable ? file_uri(path, "?immutable=1") : path.string();
    const int rc = sqlite3_open_v2(name.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    db_.reset(raw); // closed even when opening failed
    if (rc != SQLITE_OK)
        throw std::runtime_error(path.string() + ": cannot open database: " +
                                 (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
    sqlite3_busy_timeout(raw, 10000);
}

void Database::fail(const std::string& what) const
{
    throw std::runtime_error("state database: " + what + ": " + sqlite3_errmsg(db_.get()));
}

void Database::exec(const std::string& sql)
{
    char* err = nullptr;
    const int rc = sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &err);
    const std::unique_ptr<char, decltype(&sqlite3_free)> holder(err, &sqlite3_free);
    if (rc != SQLITE_OK)
        throw std::runtime_error("state database: " + std::string(err ? err : sqlite3_errstr(rc)) + " in: " + sql);
}

Statement Database::prepare(std::string_view sql)
{
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK) {
        sqlite3_finalize(raw);
        fail("prepare '" + std::string(sql) + "'");
    }
    return Statement(*this, raw);
}

Statement& Statement::bind(int index, std::string_view text)
{
    if (sqlite3_bind_text(stmt_.get(), index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        db_->fail("bind");
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value)
{
    if (sqlite3_bind_int64(stmt_.get(), index, value) != SQLITE_OK)
        db_->fail("bind");
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    if (sqlite3_bind_double(stmt_.get(), index, value) != SQLITE_OK)
        db_->fail("bind");
    return *this;
}

Statement& Statement::bind(int index, std::optional<double> value)
{
    return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind_null(int index)
{
    if (sqlite3_bind_null(stmt_.get(), index) != SQLITE_OK)
        db_->fail("bind");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    db_->fail("step");
}

void Statement::reset()
{
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
}

std::string Statement::text(int col) const
{
    const auto* p = sqlite3_column_text(stmt_.get(), col);
    if (!p)
        return {};
    return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), col)));
}

Transaction::Transaction(Database& db) : db_(db)
{
    db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (!done_) {
        char* err = nullptr;
        sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, &err);
        sqlite3_free(err);
    }
}

void Transaction::commit()
{
    db_.exec("COMMIT");
    done_ = true;
}

} // namespace colophon::state::sql
