// Database: one SQLite connection (WAL, foreign keys on) with RAII statements and
// transactions. Opening a database writes nothing; migrations and stores write only when
// asked. Not thread-safe: use one Database per thread (see ConnectionPool).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace qq::store {

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Statement& operator=(Statement&& o) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Parameters are 1-based, as in SQLite. Binding std::nullopt binds NULL.
  Statement& Bind(int index, int64_t v);
  Statement& Bind(int index, int v) { return Bind(index, static_cast<int64_t>(v)); }
  Statement& Bind(int index, double v);
  Statement& Bind(int index, std::string_view v);
  Statement& Bind(int index, const char* v) { return Bind(index, std::string_view(v)); }
  Statement& Bind(int index, const std::string& v) { return Bind(index, std::string_view(v)); }
  Statement& BindNull(int index);
  template <typename T>
  Statement& Bind(int index, const std::optional<T>& v) {
    return v ? Bind(index, *v) : BindNull(index);
  }

  // Advances to the next row: true if there is a row, false when done, or an Io error.
  Result<bool> Step();
  // Runs a statement that returns no rows.
  Status Run();
  // Resets for re-use with new bindings.
  void Reset();

  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Real(int col) const { return sqlite3_column_double(stmt_, col); }
  std::string Text(int col) const;
  std::optional<int64_t> OptInt(int col) const;
  std::optional<std::string> OptText(int col) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database;

// Begins on construction; rolls back on destruction unless Commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Database& db, bool immediate = true);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  const Status& begin_status() const { return begin_status_; }
  Status Commit();

 private:
  Database& db_;
  Status begin_status_;
  bool done_ = false;
};

// A nestable SAVEPOINT: makes a multi-statement store method all-or-nothing, inside or
// outside an enclosing transaction. Rolls back to its start unless Release() succeeded.
class Savepoint {
 public:
  explicit Savepoint(Database& db);
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;
  ~Savepoint();
  Status Release();

 private:
  Database& db_;
  std::string name_;
  bool done_ = false;
};

class Database {
 public:
  enum class Mode { kReadWrite, kReadOnly, kCreate };

  // Opens the file. kCreate creates it if missing; kReadWrite and kReadOnly need it to
  // exist (NotFound otherwise). Sets per-connection options only (foreign keys, busy
  // timeout); nothing is written to the file.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, Mode mode);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::string& path() const { return path_; }
  sqlite3* handle() { return db_; }

  // Prepares a statement; an SQL error is a bug, reported as Internal.
  Result<Statement> Prepare(std::string_view sql);
  // Returns a prepared statement kept for the life of the connection, reset and with its
  // bindings cleared: for statements run many times (bulk writes, point lookups). Do not
  // hold it across another call that could use the same SQL.
  Result<Statement*> Cached(const std::string& sql);
  // Runs one or more statements without results.
  Status Exec(std::string_view sql);
  int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  int Changes() const { return sqlite3_changes(db_); }

  // PRAGMA user_version: the schema version migrations have reached.
  Result<int> SchemaVersion();
  // PRAGMA data_version: changes when another connection commits.
  Result<int64_t> ConnectionDataVersion();
  // Switches the file to WAL mode (a write; done by migrations, not on open).
  Status EnableWal();

 private:
  Database(std::string path, sqlite3* db) : path_(std::move(path)), db_(db) {}
  std::string path_;
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, Statement> cache_;
  int savepoint_counter_ = 0;
  friend class Savepoint;
};

// Returns the Io status for the connection's last error, prefixed by `what`.
Status SqliteError(sqlite3* db, std::string_view what);

}  // namespace qq::store
