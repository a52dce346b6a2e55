#include "store/user_store.h"

namespace qq::store {

Status UserStore::Create(User& u, const std::string& password_hash, int64_t now) {
  Savepoint sp(db_);
  QQ_ASSIGN_OR_RETURN(auto ins, db_.Prepare(
      "INSERT INTO app_user (username, display_name, role, password_hash, password_changed_at, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)"));
  ins.Bind(1, u.username).Bind(2, u.display_name).Bind(3, RoleName(u.role)).Bind(4, password_hash)
      .Bind(5, now).Bind(6, now);
  Status s = ins.Run();
  if (s.code() == StatusCode::kConflict) return Status::AlreadyExists("user '" + u.username + "' exists");
  QQ_RETURN_IF_ERROR(s);
  u.id = db_.LastInsertId();
  QQ_ASSIGN_OR_RETURN(auto reg, db_.Prepare("INSERT INTO user_region (user_id, region) VALUES (?, ?)"));
  for (const auto& r : u.regions) {
    reg.Bind(1, u.id).Bind(2, r.str());
    Status rs = reg.Run();
    if (rs.code() == StatusCode::kConflict) return Status::NotFound("region " + r.str() + " is not a known region");
    QQ_RETURN_IF_ERROR(rs);
  }
  return sp.Release();
}

Status UserStore::LoadRegions(User& u) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("SELECT region FROM user_region WHERE user_id = ? ORDER BY region"));
  st.Bind(1, u.id);
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    QQ_ASSIGN_OR_RETURN(auto code, RegionCode::Parse(st.Text(0)));
    u.regions.push_back(code);
  }
  return Status::Ok();
}

Result<UserCredentials> UserStore::GetCredentials(const std::string& username) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "SELECT id, username, display_name, role, disabled, password_hash, failed_logins, locked_until "
      "FROM app_user WHERE username = ?"));
  st.Bind(1, username);
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Status::NotFound("no user '" + username + "'");
  UserCredentials c;
  c.user.id = st.Int(0);
  c.user.username = st.Text(1);
  c.user.display_name = st.Text(2);
  QQ_ASSIGN_OR_RETURN(c.user.role, ParseRole(st.Text(3)));
  c.user.disabled = st.Int(4) != 0;
  c.password_hash = st.Text(5);
  c.failed_logins = static_cast<int>(st.Int(6));
  c.locked_until = st.OptInt(7);
  QQ_RETURN_IF_ERROR(LoadRegions(c.user));
  return c;
}

Result<User> UserStore::GetById(int64_t id) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("SELECT username, display_name, role, disabled FROM app_user WHERE id = ?"));
  st.Bind(1, id);
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Status::NotFound("no user with id " + std::to_string(id));
  User u;
  u.id = id;
  u.username = st.Text(0);
  u.display_name = st.Text(1);
  QQ_ASSIGN_OR_RETURN(u.role, ParseRole(st.Text(2)));
  u.disabled = st.Int(3) != 0;
  QQ_RETURN_IF_ERROR(LoadRegions(u));
  return u;
}

Result<std::vector<User>> UserStore::List() {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("SELECT id FROM app_user ORDER BY username"));
  std::vector<int64_t> ids;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    ids.push_back(st.Int(0));
  }
  std::vector<User> out;
  for (int64_t id : ids) {
    QQ_ASSIGN_OR_RETURN(auto u, GetById(id));
    out.push_back(std::move(u));
  }
  return out;
}

Status UserStore::SetPassword(int64_t user_id, const std::string& password_hash, int64_t now) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "UPDATE app_user SET password_hash = ?, password_changed_at = ?, failed_logins = 0, locked_until = NULL WHERE id = ?"));
  st.Bind(1, password_hash).Bind(2, now).Bind(3, user_id);
  return st.Run();
}

Status UserStore::RecordFailedLogin(int64_t user_id, int max_failures, int64_t lock_until) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "UPDATE app_user SET failed_logins = failed_logins + 1, "
      "locked_until = CASE WHEN failed_logins + 1 >= ? THEN ? ELSE locked_until END WHERE id = ?"));
  st.Bind(1, max_failures).Bind(2, lock_until).Bind(3, user_id);
  return st.Run();
}

Status UserStore::ClearFailedLogins(int64_t user_id) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = ?"));
  st.Bind(1, user_id);
  return st.Run();
}

Status SessionStore::CreateSession(const std::string& token_hash, const SessionRow& r) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "INSERT INTO session (token_hash, user_id, csrf_token, created_at, last_seen, expires_at) VALUES (?, ?, ?, ?, ?, ?)"));
  st.Bind(1, token_hash).Bind(2, r.user_id).Bind(3, r.csrf_token).Bind(4, r.created_at).Bind(5, r.last_seen).Bind(6, r.expires_at);
  return st.Run();
}

Result<SessionRow> SessionStore::FindSession(const std::string& token_hash) {
  QQ_ASSIGN_OR_RETURN(Statement* st, db_.Cached(
      "SELECT user_id, csrf_token, created_at, last_seen, expires_at FROM session WHERE token_hash = ?"));
  st->Bind(1, token_hash);
  QQ_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::NotFound("no such session");
  SessionRow r{st->Int(0), st->Text(1), st->Int(2), st->Int(3), st->Int(4)};
  st->Reset();
  return r;
}

Status SessionStore::TouchSession(const std::string& token_hash, int64_t now) {
  QQ_ASSIGN_OR_RETURN(Statement* st, db_.Cached("UPDATE session SET last_seen = ? WHERE token_hash = ?"));
  st->Bind(1, now).Bind(2, token_hash);
  return st->Run();
}

Status SessionStore::DeleteSession(const std::string& token_hash) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("DELETE FROM session WHERE token_hash = ?"));
  st.Bind(1, token_hash);
  return st.Run();
}

Status SessionStore::DeleteExpired(int64_t now) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("DELETE FROM session WHERE expires_at < ?"));
  st.Bind(1, now);
  return st.Run();
}

Status SessionStore::CreateApiToken(const std::string& token_hash, int64_t user_id, const std::string& name, int64_t now) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("INSERT INTO api_token (token_hash, user_id, name, created_at) VALUES (?, ?, ?, ?)"));
  st.Bind(1, token_hash).Bind(2, user_id).Bind(3, name).Bind(4, now);
  return st.Run();
}

Result<int64_t> SessionStore::FindApiToken(const std::string& token_hash) {
  QQ_ASSIGN_OR_RETURN(Statement* st, db_.Cached("SELECT user_id FROM api_token WHERE token_hash = ? AND revoked = 0"));
  st->Bind(1, token_hash);
  QQ_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::NotFound("no such API token");
  int64_t id = st->Int(0);
  st->Reset();
  return id;
}

Status SessionStore::TouchApiToken(const std::string& token_hash, int64_t now) {
  QQ_ASSIGN_OR_RETURN(Statement* st, db_.Cached("UPDATE api_token SET last_used = ? WHERE token_hash = ?"));
  st->Bind(1, now).Bind(2, token_hash);
  return st->Run();
}

Status AuditStore::Append(const AuditEntry& e) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "INSERT INTO audit_log (at, username, channel, action, object, result, detail) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  st.Bind(1, e.at).Bind(2, e.username).Bind(3, e.channel).Bind(4, e.action).Bind(5, e.object)
      .Bind(6, e.result).Bind(7, e.detail);
  return st.Run();
}

Result<std::vector<AuditEntry>> AuditStore::Recent(int limit) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "SELECT at, username, channel, action, object, result, detail FROM audit_log ORDER BY id DESC LIMIT ?"));
  st.Bind(1, limit);
  std::vector<AuditEntry> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back({st.Int(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4), st.Text(5), st.Text(6)});
  }
  return out;
}

}  // namespace qq::store
