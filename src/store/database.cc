#include "store/database.h"

#include <filesystem>

namespace qq::store {

Status SqliteError(sqlite3* db, std::string_view what) {
  int code = sqlite3_extended_errcode(db);
  std::string msg = std::string(what) + ": " + sqlite3_errmsg(db);
  if ((code & 0xff) == SQLITE_CONSTRAINT) return Status::Conflict(msg);
  if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) return Status::Conflict(msg);
  return Status::Io(msg);
}

Statement& Statement::operator=(Statement&& o) noexcept {
  if (this != &o) {
    if (stmt_) sqlite3_finalize(stmt_);
    db_ = o.db_;
    stmt_ = o.stmt_;
    o.stmt_ = nullptr;
  }
  return *this;
}

Statement::~Statement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

Statement& Statement::Bind(int index, int64_t v) {
  sqlite3_bind_int64(stmt_, index, v);
  return *this;
}
Statement& Statement::Bind(int index, double v) {
  sqlite3_bind_double(stmt_, index, v);
  return *this;
}
Statement& Statement::Bind(int index, std::string_view v) {
  sqlite3_bind_text(stmt_, index, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError(db_, "database step failed");
}

Status Statement::Run() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
    sqlite3_reset(stmt_);
    return Status::Ok();
  }
  Status s = SqliteError(db_, "database write failed");
  sqlite3_reset(stmt_);
  return s;
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(n)) : std::string();
}

std::optional<int64_t> Statement::OptInt(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Int(col);
}

std::optional<std::string> Statement::OptText(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Text(col);
}

Transaction::Transaction(Database& db, bool immediate) : db_(db) {
  begin_status_ = db_.Exec(immediate ? "BEGIN IMMEDIATE" : "BEGIN");
  done_ = !begin_status_.ok();
}

Transaction::~Transaction() {
  if (!done_) (void)db_.Exec("ROLLBACK");
}

Status Transaction::Commit() {
  if (done_) return begin_status_.ok() ? Status::Internal("transaction already finished") : begin_status_;
  Status s = db_.Exec("COMMIT");
  done_ = s.ok();
  return s;
}

Savepoint::Savepoint(Database& db) : db_(db), name_("qq_sp" + std::to_string(++db.savepoint_counter_)) {
  done_ = !db_.Exec("SAVEPOINT " + name_).ok();
}

Savepoint::~Savepoint() {
  if (!done_) (void)db_.Exec("ROLLBACK TO " + name_ + "; RELEASE " + name_);
}

Status Savepoint::Release() {
  if (done_) return Status::Io("savepoint could not be opened");
  Status s = db_.Exec("RELEASE " + name_);
  done_ = s.ok();
  return s;
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, Mode mode) {
  if (mode != Mode::kCreate && !std::filesystem::exists(path)) {
    return Status::NotFound("database '" + path + "' does not exist (create it with `qiangqu init --db " + path + "`)");
  }
  int flags = SQLITE_OPEN_NOMUTEX;
  switch (mode) {
    case Mode::kReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    case Mode::kReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::kCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
  }
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    Status s = Status::Io("cannot open database '" + path + "': " + (db ? sqlite3_errmsg(db) : "out of memory"));
    sqlite3_close(db);
    return s;
  }
  std::unique_ptr<Database> out(new Database(path, db));
  sqlite3_busy_timeout(db, 10000);
  QQ_RETURN_IF_ERROR(out->Exec("PRAGMA foreign_keys = ON"));
  return out;
}

Database::~Database() {
  cache_.clear();
  sqlite3_close_v2(db_);
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
    return Status::Internal(std::string("cannot prepare SQL: ") + sqlite3_errmsg(db_) + " in: " + std::string(sql.substr(0, 200)));
  }
  return Statement(db_, stmt);
}

Result<Statement*> Database::Cached(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    QQ_ASSIGN_OR_RETURN(auto st, Prepare(sql));
    it = cache_.emplace(sql, std::move(st)).first;
  } else {
    it->second.Reset();
  }
  return &it->second;
}

Status Database::Exec(std::string_view sql) {
  char* err = nullptr;
  std::string copy(sql);
  if (sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    Status s = SqliteError(db_, "database statement failed");
    sqlite3_free(err);
    return s;
  }
  return Status::Ok();
}

Result<int> Database::SchemaVersion() {
  QQ_ASSIGN_OR_RETURN(auto st, Prepare("PRAGMA user_version"));
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? static_cast<int>(st.Int(0)) : 0;
}

Result<int64_t> Database::ConnectionDataVersion() {
  QQ_ASSIGN_OR_RETURN(auto st, Prepare("PRAGMA data_version"));
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? st.Int(0) : 0;
}

Status Database::EnableWal() {
  QQ_ASSIGN_OR_RETURN(auto st, Prepare("PRAGMA journal_mode = WAL"));
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row || st.Text(0) != "wal") return Status::Io("could not switch '" + path_ + "' to WAL mode");
  return Status::Ok();
}

}  // namespace qq::store
