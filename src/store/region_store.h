// RegionStore: regions (民政部 and NBS codes, down to towns) and the historical-code crosswalk.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/region.h"
#include "store/database.h"

namespace qq::store {

struct RegionFilter {
  std::optional<RegionLevel> level;
  std::optional<RegionCode> parent;
  std::string name_contains;
  std::vector<RegionCode> scope;  // empty: all
};

class RegionStore {
 public:
  explicit RegionStore(Database& db) : db_(db) {}
  // Replaces all regions and aliases (reference load); call inside a transaction. Parents
  // must precede children in `regions`.
  Status ReplaceAll(const std::vector<Region>& regions, const std::vector<RegionAlias>& aliases);
  // Adds one region (an unknown town met on import). AlreadyExists if the code exists.
  Status Add(const Region& region);
  Result<Region> Get(const RegionCode& code);
  Result<std::vector<Region>> List(const RegionFilter& filter);
  // Every alias, for building the resolver.
  Result<std::vector<RegionAlias>> Aliases();
  Result<int64_t> Count();

 private:
  Database& db_;
};

}  // namespace qq::store
