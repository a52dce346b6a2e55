// Test helper: a throwaway SQLite file with the real migrations.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "store/database.h"
#include "store/migrations.h"

namespace qq::store {

class TempDb {
 public:
  // Creates an empty file under the system temp folder; migrated unless `migrate` is false.
  explicit TempDb(bool migrate = true);
  ~TempDb();
  Database& db() { return *db_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::unique_ptr<Database> db_;
};

}  // namespace qq::store
