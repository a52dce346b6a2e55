// Users and authentication: accounts (CLI), login with lockout, sessions with idle timeout
// and CSRF tokens (browser), Bearer API tokens (scripts). Every security event is audited.
#pragma once

#include <string>
#include <vector>

#include "app/clock.h"
#include "core/user.h"
#include "store/database.h"

namespace qq::app {

struct AuthPolicy {
  int max_failed_logins = 5;
  int64_t lockout_seconds = 15 * 60;
  int64_t idle_seconds = 30 * 60;        // logout after idle time
  int64_t session_seconds = 12 * 3600;   // absolute session lifetime
  int64_t touch_every_seconds = 60;      // how often last_seen is written
};

struct Session {
  User user;
  std::string csrf_token;
};

struct LoginResult {
  std::string session_token;  // goes into the cookie; only its hash is stored
  Session session;
};

class AuthService {
 public:
  AuthService(store::Database& db, Clock clock, AuthPolicy policy = {}) : db_(db), clock_(std::move(clock)), policy_(policy) {}

  // Unauthenticated for a wrong name or password (the same message either way); Locked when
  // the account is locked after repeated failures.
  Result<LoginResult> Login(const std::string& username, const std::string& password);
  // Unauthenticated if the session is unknown, expired or idle too long.
  Result<Session> FromSessionToken(const std::string& token);
  Status Logout(const std::string& token, const std::string& username);
  // Unauthenticated if the token is unknown or revoked.
  Result<User> FromApiToken(const std::string& token);

 private:
  Status Audit(const std::string& username, const std::string& action, const std::string& result,
               const std::string& detail = "");
  store::Database& db_;
  Clock clock_;
  AuthPolicy policy_;
};

// Account management for `qiangqu user`: each checks its input and audits on the CLI channel.
Result<User> AddUser(store::Database& db, const Clock& clock, User user, const std::string& password);
Status SetUserPassword(store::Database& db, const Clock& clock, const std::string& username, const std::string& password);
// Creates an API token and returns it (shown once; only its hash is stored).
Result<std::string> CreateApiToken(store::Database& db, const Clock& clock, const std::string& username,
                                   const std::string& name);
Result<std::vector<User>> ListUsers(store::Database& db);

}  // namespace qq::app
