#pragma once
// RAII over the SQLite C API: a connection, prepared statements and transactions that roll
// back unless committed. Errors throw std::runtime_error with SQLite's message.

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace colophon::state::sql {

struct DbClose
{
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtFinalize
{
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

class Statement;

class Database
{
public:
    enum class Mode
    {
        ReadWriteCreate,
        ReadOnly,
        Immutable, // read-only, no locking: only for a file nobody writes while it is open
    };
    Database(const std::filesystem::path& path, Mode mode = Mode::ReadWriteCreate);

    void exec(const std::string& sql);
    Statement prepare(std::string_view sql);
    std::int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_.get()); }
    sqlite3* get() const { return db_.get(); }
    [[noreturn]] void fail(const std::string& what) const;

private:
    std::unique_ptr<sqlite3, DbClose> db_;
};

class Statement
{
public:
    Statement(Database& db, sqlite3_stmt* stmt) : db_(&db), stmt_(stmt) {}

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::optional<double> value);
    Statement& bind_null(int index);

    // True while a row is available; false when done.
    bool step();
    void run() { step(); reset(); }
    void reset();

    std::string text(int col) const;
    std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_.get(), col); }
    double real(int col) const { return sqlite3_column_double(stmt_.get(), col); }
    bool is_null(int col) const { return sqlite3_column_type(stmt_.get(), col) == SQLITE_NULL; }

private:
    Database* db_;
    std::unique_ptr<sqlite3_stmt, StmtFinalize> stmt_;
};

// BEGIN IMMEDIATE on construction; rolls back in the destructor unless commit() ran.
class Transaction
{
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

} // namespace colophon::state::sql
