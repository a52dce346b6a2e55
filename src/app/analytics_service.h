// AnalyticsService: the in-memory analytics snapshot of one database, rebuilt when the data
// version moves (an import, the CLI writing while the server runs). Readers share an
// immutable snapshot; a rebuild swaps it.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "analytics/dataset.h"
#include "analytics/rollup.h"
#include "core/chain.h"
#include "core/scale_thresholds.h"
#include "store/database.h"

namespace qq::app {

struct AnalyticsSnapshot {
  int64_t data_version = 0;
  analytics::Dataset dataset;
  analytics::Rollups rollups;
  std::unordered_map<int64_t, uint32_t> firm_of_enterprise;      // enterprise id → firm index
  std::map<std::string, std::vector<uint32_t>> links_of_chain;    // chain name → link ids
  std::map<uint32_t, std::pair<std::string, std::string>> link_names;  // link id → (chain, link)
  bool links_from_tags = false;  // false: links come from industry codes (registry not tagged yet)

  // Firms inside a region (6-digit code) that belong to any of the chains or whose industry
  // code starts with one of the prefixes.
  std::vector<uint32_t> FirmsOf(const std::string& region, const std::vector<std::string>& chains,
                                const std::vector<std::string>& industry_prefixes) const;
  // All firms inside a region.
  std::vector<uint32_t> FirmsIn(const std::string& region) const;
};

class AnalyticsService {
 public:
  AnalyticsService(ScaleThresholds thresholds, int threads) : thresholds_(std::move(thresholds)), threads_(threads) {}

  // The snapshot for the database's current data version, rebuilding it if the version moved.
  Result<std::shared_ptr<const AnalyticsSnapshot>> Current(store::Database& db);
  // Builds a snapshot from the store (firms, their chain links, monthly figures).
  Result<std::shared_ptr<AnalyticsSnapshot>> Load(store::Database& db) const;

 private:
  ScaleThresholds thresholds_;
  int threads_;
  std::mutex mu_;
  std::shared_ptr<const AnalyticsSnapshot> current_;
};

// Loads data/statistics/scale_thresholds.csv (a convenience for the CLI and server).
Result<ScaleThresholds> LoadThresholds(const std::filesystem::path& data_dir);

}  // namespace qq::app
