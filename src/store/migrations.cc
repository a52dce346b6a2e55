#include "store/migrations.h"

#include <string>

namespace qq::store {

int LatestSchemaVersion() {
  const auto& all = EmbeddedMigrations();
  return all.empty() ? 0 : all.back().version;
}

Status Migrate(Database& db, int target) {
  if (target < 0) target = LatestSchemaVersion();
  QQ_ASSIGN_OR_RETURN(int current, db.SchemaVersion());
  if (current > LatestSchemaVersion()) {
    return Status::FailedPrecondition("database '" + db.path() + "' has schema version " +
                                      std::to_string(current) + ", newer than this program (" +
                                      std::to_string(LatestSchemaVersion()) + ")");
  }
  if (current < target) QQ_RETURN_IF_ERROR(db.EnableWal());
  for (const auto& m : EmbeddedMigrations()) {
    if (m.version <= current || m.version > target) continue;
    // Foreign keys cannot be toggled inside a transaction; table rebuilds need them off.
    QQ_RETURN_IF_ERROR(db.Exec("PRAGMA foreign_keys = OFF"));
    Transaction tx(db);
    QQ_RETURN_IF_ERROR(tx.begin_status());
    Status s = db.Exec(m.sql);
    if (s.ok()) s = db.Exec("PRAGMA user_version = " + std::to_string(m.version));
    if (s.ok()) {
      QQ_ASSIGN_OR_RETURN(auto check, db.Prepare("PRAGMA foreign_key_check"));
      QQ_ASSIGN_OR_RETURN(bool violation, check.Step());
      if (violation) s = Status::Internal("migration leaves a foreign-key violation in table " + check.Text(0));
    }
    if (s.ok()) s = tx.Commit();
    (void)db.Exec("PRAGMA foreign_keys = ON");
    if (!s.ok()) {
      return s.WithContext("migration " + std::to_string(m.version) + " (" + m.name + ")");
    }
  }
  return Status::Ok();
}

Status RequireLatestSchema(Database& db) {
  QQ_ASSIGN_OR_RETURN(int v, db.SchemaVersion());
  if (v == LatestSchemaVersion()) return Status::Ok();
  if (v == 0) {
    return Status::FailedPrecondition("'" + db.path() + "' is not a qiangqu database (run `qiangqu init --db " + db.path() + "`)");
  }
  if (v > LatestSchemaVersion()) {
    return Status::FailedPrecondition("'" + db.path() + "' was written by a newer qiangqu (schema " + std::to_string(v) + ")");
  }
  return Status::FailedPrecondition("'" + db.path() + "' has schema version " + std::to_string(v) +
                                    "; run `qiangqu migrate --db " + db.path() + "` to upgrade it to " +
                                    std::to_string(LatestSchemaVersion()));
}

}  // namespace qq::store
