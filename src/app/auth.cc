#include "app/auth.h"

#include "app/security.h"
#include "store/user_store.h"

namespace qq::app {
namespace {

Status AuditCli(store::Database& db, const Clock& clock, const std::string& action, const std::string& object) {
  return store::AuditStore(db).Append({clock(), "", "cli", action, object, "ok", ""});
}

const char* kBadCredentials = "用户名或密码错误 (wrong user name or password)";

}  // namespace

Status AuthService::Audit(const std::string& username, const std::string& action, const std::string& result,
                          const std::string& detail) {
  return store::AuditStore(db_).Append({clock_(), username, "api", action, username, result, detail});
}

Result<LoginResult> AuthService::Login(const std::string& username, const std::string& password) {
  store::UserStore users(db_);
  auto creds = users.GetCredentials(username);
  int64_t now = clock_();
  if (!creds.ok()) {
    if (creds.status().code() != StatusCode::kNotFound) return creds.status();
    // Spend the same time as a real check, so response times do not reveal which names exist.
    static const std::string kDummyHash = HashPassword("qiangqu-dummy").value_or("");
    VerifyPassword(password, kDummyHash);
    QQ_RETURN_IF_ERROR(Audit(username, "login", "failed", "unknown user"));
    return Status::Unauthenticated(kBadCredentials).WithReason("bad_credentials");
  }
  if (creds->locked_until && *creds->locked_until > now) {
    QQ_RETURN_IF_ERROR(Audit(username, "login", "denied", "account locked"));
    int64_t minutes = (*creds->locked_until - now + 59) / 60;
    return Status::Locked("账号已锁定，请" + std::to_string(minutes) + "分钟后再试 (account locked after repeated failed logins; try again in " +
                          std::to_string(minutes) + " min)");
  }
  if (creds->user.disabled || !VerifyPassword(password, creds->password_hash)) {
    store::Transaction tx(db_);
    QQ_RETURN_IF_ERROR(tx.begin_status());
    QQ_RETURN_IF_ERROR(users.RecordFailedLogin(creds->user.id, policy_.max_failed_logins, now + policy_.lockout_seconds));
    QQ_RETURN_IF_ERROR(Audit(username, "login", "failed", creds->user.disabled ? "disabled" : "wrong password"));
    QQ_RETURN_IF_ERROR(tx.Commit());
    return Status::Unauthenticated(kBadCredentials).WithReason("bad_credentials");
  }
  LoginResult out;
  out.session_token = RandomHex(32);
  out.session.user = creds->user;
  out.session.csrf_token = RandomHex(16);
  store::Transaction tx(db_);
  QQ_RETURN_IF_ERROR(tx.begin_status());
  QQ_RETURN_IF_ERROR(users.ClearFailedLogins(creds->user.id));
  store::SessionStore sessions(db_);
  QQ_RETURN_IF_ERROR(sessions.DeleteExpired(now));
  QQ_RETURN_IF_ERROR(sessions.CreateSession(Sha256Hex(out.session_token),
                                            {creds->user.id, out.session.csrf_token, now, now, now + policy_.session_seconds}));
  QQ_RETURN_IF_ERROR(Audit(username, "login", "ok"));
  QQ_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<Session> AuthService::FromSessionToken(const std::string& token) {
  if (token.empty()) return Status::Unauthenticated("请先登录 (not logged in)");
  store::SessionStore sessions(db_);
  std::string hash = Sha256Hex(token);
  auto row = sessions.FindSession(hash);
  if (!row.ok()) return Status::Unauthenticated("会话已失效，请重新登录 (session expired; log in again)");
  int64_t now = clock_();
  if (row->expires_at < now || row->last_seen + policy_.idle_seconds < now) {
    QQ_RETURN_IF_ERROR(sessions.DeleteSession(hash));
    return Status::Unauthenticated("会话已超时，请重新登录 (session timed out; log in again)");
  }
  QQ_ASSIGN_OR_RETURN(User user, store::UserStore(db_).GetById(row->user_id));
  if (user.disabled) return Status::Unauthenticated("账号已停用 (account disabled)");
  if (now - row->last_seen >= policy_.touch_every_seconds) QQ_RETURN_IF_ERROR(sessions.TouchSession(hash, now));
  return Session{std::move(user), row->csrf_token};
}

Status AuthService::Logout(const std::string& token, const std::string& username) {
  QQ_RETURN_IF_ERROR(store::SessionStore(db_).DeleteSession(Sha256Hex(token)));
  return Audit(username, "logout", "ok");
}

Result<User> AuthService::FromApiToken(const std::string& token) {
  store::SessionStore sessions(db_);
  std::string hash = Sha256Hex(token);
  auto user_id = sessions.FindApiToken(hash);
  if (!user_id.ok()) return Status::Unauthenticated("API token 无效 (unknown or revoked API token)");
  QQ_ASSIGN_OR_RETURN(User user, store::UserStore(db_).GetById(*user_id));
  if (user.disabled) return Status::Unauthenticated("账号已停用 (account disabled)");
  return user;
}

Result<User> AddUser(store::Database& db, const Clock& clock, User user, const std::string& password) {
  if (user.username.empty() || user.username.find_first_of(" \t\n/") != std::string::npos) {
    return Status::InvalidArgument("user name '" + user.username + "' must be non-empty without spaces or '/'");
  }
  if (user.regions.empty()) return Status::InvalidArgument("a user needs at least one region (--region CODE)");
  QQ_RETURN_IF_ERROR(CheckPasswordPolicy(password));
  if (user.display_name.empty()) user.display_name = user.username;
  QQ_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));
  store::Transaction tx(db);
  QQ_RETURN_IF_ERROR(tx.begin_status());
  QQ_RETURN_IF_ERROR(store::UserStore(db).Create(user, hash, clock()));
  QQ_RETURN_IF_ERROR(AuditCli(db, clock, "user.add", user.username));
  QQ_RETURN_IF_ERROR(tx.Commit());
  return user;
}

Status SetUserPassword(store::Database& db, const Clock& clock, const std::string& username, const std::string& password) {
  QQ_RETURN_IF_ERROR(CheckPasswordPolicy(password));
  store::UserStore users(db);
  QQ_ASSIGN_OR_RETURN(auto creds, users.GetCredentials(username));
  QQ_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));
  store::Transaction tx(db);
  QQ_RETURN_IF_ERROR(tx.begin_status());
  QQ_RETURN_IF_ERROR(users.SetPassword(creds.user.id, hash, clock()));
  QQ_RETURN_IF_ERROR(AuditCli(db, clock, "user.passwd", username));
  return tx.Commit();
}

Result<std::string> CreateApiToken(store::Database& db, const Clock& clock, const std::string& username,
                                   const std::string& name) {
  QQ_ASSIGN_OR_RETURN(auto creds, store::UserStore(db).GetCredentials(username));
  std::string token = "qq_" + RandomHex(24);
  store::Transaction tx(db);
  QQ_RETURN_IF_ERROR(tx.begin_status());
  QQ_RETURN_IF_ERROR(store::SessionStore(db).CreateApiToken(Sha256Hex(token), creds.user.id, name, clock()));
  QQ_RETURN_IF_ERROR(AuditCli(db, clock, "user.token", username));
  QQ_RETURN_IF_ERROR(tx.Commit());
  return token;
}

Result<std::vector<User>> ListUsers(store::Database& db) { return store::UserStore(db).List(); }

}  // namespace qq::app
