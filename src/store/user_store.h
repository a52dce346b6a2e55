// UserStore: accounts, their regions and login-failure counters. SessionStore: browser
// sessions and API tokens, by the hash of the token. AuditStore: the append-only trail.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/user.h"
#include "store/database.h"

namespace qq::store {

// A user row with what only authentication needs; never sent on the wire.
struct UserCredentials {
  User user;
  std::string password_hash;
  int failed_logins = 0;
  std::optional<int64_t> locked_until;
};

class UserStore {
 public:
  explicit UserStore(Database& db) : db_(db) {}
  // Creates the user; AlreadyExists if the username is taken. Regions must exist.
  Status Create(User& user, const std::string& password_hash, int64_t now);
  Result<UserCredentials> GetCredentials(const std::string& username);
  Result<User> GetById(int64_t id);
  Result<std::vector<User>> List();
  Status SetPassword(int64_t user_id, const std::string& password_hash, int64_t now);
  // Records a failed login; locks the account until `lock_until` once `failures` is reached.
  Status RecordFailedLogin(int64_t user_id, int max_failures, int64_t lock_until);
  Status ClearFailedLogins(int64_t user_id);

 private:
  Status LoadRegions(User& user);
  Database& db_;
};

struct SessionRow {
  int64_t user_id = 0;
  std::string csrf_token;
  int64_t created_at = 0;
  int64_t last_seen = 0;
  int64_t expires_at = 0;
};

class SessionStore {
 public:
  explicit SessionStore(Database& db) : db_(db) {}
  Status CreateSession(const std::string& token_hash, const SessionRow& row);
  Result<SessionRow> FindSession(const std::string& token_hash);
  Status TouchSession(const std::string& token_hash, int64_t now);
  Status DeleteSession(const std::string& token_hash);
  Status DeleteExpired(int64_t now);

  Status CreateApiToken(const std::string& token_hash, int64_t user_id, const std::string& name, int64_t now);
  // Returns the user id of a live (not revoked) token; NotFound otherwise.
  Result<int64_t> FindApiToken(const std::string& token_hash);
  Status TouchApiToken(const std::string& token_hash, int64_t now);

 private:
  Database& db_;
};

struct AuditEntry {
  int64_t at = 0;
  std::string username;
  std::string channel;  // cli, api
  std::string action;   // login, logout, user.add, import.indicators, …
  std::string object;
  std::string result;   // ok, denied, failed
  std::string detail;
};

class AuditStore {
 public:
  explicit AuditStore(Database& db) : db_(db) {}
  Status Append(const AuditEntry& e);
  Result<std::vector<AuditEntry>> Recent(int limit);

 private:
  Database& db_;
};

}  // namespace qq::store
