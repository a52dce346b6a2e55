// Creating, migrating and opening a qiangqu database.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "store/database.h"

namespace qq::app {

struct InitReport {
  int64_t regions = 0;
  int64_t aliases = 0;
  int64_t industry_classes = 0;
  int64_t chains = 0;
  int schema_version = 0;
};

// Creates a new database at `db_path` holding the reference data from `data_dir` (regions,
// crosswalk, industry classes, chain templates) and nothing else. AlreadyExists if the file
// exists. All or nothing: on error no file is left behind.
Result<InitReport> InitDatabase(const std::string& db_path, const std::filesystem::path& data_dir);

// Upgrades an existing database to the latest schema; returns the version reached.
Result<int> MigrateDatabase(const std::string& db_path);

// Opens an existing database at the latest schema (FailedPrecondition naming `qiangqu migrate`
// otherwise). Opening writes nothing.
Result<std::unique_ptr<store::Database>> OpenDatabase(const std::string& db_path, bool read_only = false);

// Reloads data/chains into the database (ids stay stable); returns the number of chains.
Result<int64_t> ReloadChains(store::Database& db, const std::filesystem::path& data_dir);

}  // namespace qq::app
