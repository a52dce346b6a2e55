// Versioned schema migrations: src/store/migrations/NNN_name.sql, embedded at build time.
// Each migration runs in its own transaction and sets PRAGMA user_version to its number.
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace qq::store {

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

const std::vector<Migration>& EmbeddedMigrations();
int LatestSchemaVersion();

// Applies every migration above the database's version up to `target` (default: latest),
// and switches the file to WAL. Returns FailedPrecondition if the file is newer than this
// program knows.
Status Migrate(Database& db, int target = -1);

// Returns FailedPrecondition, telling the user to run `qiangqu migrate`, unless the
// database is at the latest version.
Status RequireLatestSchema(Database& db);

}  // namespace qq::store
