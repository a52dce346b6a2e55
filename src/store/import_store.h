// ImportStore: the log of accepted imports (each file by its SHA-256) and published rates.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/region_code.h"
#include "store/database.h"

namespace qq::store {

struct ImportLogEntry {
  int64_t id = 0;
  std::string kind;  // indicators, enterprises, projects, published
  std::string file_name, sha256;
  int64_t bytes = 0;
  int rows = 0, inserted = 0, replaced = 0, unchanged = 0, created_firms = 0;
  std::string username, channel;
  int64_t at = 0;
  std::string archive_path;
};

struct PublishedRate {
  int64_t id = 0;
  RegionCode region;
  std::string metric, period;
  double value = 0;  // percent
  std::string source;
  std::optional<int64_t> import_id;
};

class ImportStore {
 public:
  explicit ImportStore(Database& db) : db_(db) {}
  // Records an accepted import; sets its id. AlreadyExists for a file of this kind already imported.
  Status Record(ImportLogEntry& e);
  Result<std::optional<ImportLogEntry>> FindBySha(const std::string& kind, const std::string& sha256);
  Result<ImportLogEntry> Get(int64_t id);
  Result<std::vector<ImportLogEntry>> Recent(int limit);

  // Inserts or replaces the rate for (region, metric, period).
  Status UpsertRate(PublishedRate& r);
  Result<std::vector<PublishedRate>> Rates(const std::vector<RegionCode>& scope);

 private:
  Database& db_;
};

}  // namespace qq::store
