// PlanStore: regions' industrial frameworks and their clusters; TargetStore: their targets.
#pragma once

#include <vector>

#include "core/plan.h"
#include "core/target.h"
#include "store/database.h"

namespace qq::store {

class PlanStore {
 public:
  explicit PlanStore(Database& db) : db_(db) {}
  // Inserts the plan and its clusters; fills in the ids. Cluster chains must exist
  // (NotFound names the chain). AlreadyExists if the region has a plan of that name.
  Status Add(Plan& plan);
  // Plans of regions inside `scope` (all if empty), by region then id.
  Result<std::vector<Plan>> List(const std::vector<RegionCode>& scope);

 private:
  Database& db_;
};

class TargetStore {
 public:
  explicit TargetStore(Database& db) : db_(db) {}
  Status Add(Target& target);
  Result<std::vector<Target>> List(const std::vector<RegionCode>& scope);

 private:
  Database& db_;
};

}  // namespace qq::store
