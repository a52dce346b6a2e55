// IndustryStore: the GB/T 4754-2017 classification.
#pragma once

#include <optional>
#include <vector>

#include "core/region.h"
#include "store/database.h"

namespace qq::store {

class IndustryStore {
 public:
  explicit IndustryStore(Database& db) : db_(db) {}
  // Replaces the classification (reference load); parents precede children.
  Status ReplaceAll(const std::vector<IndustryClass>& classes);
  Result<IndustryClass> Get(const IndustryCode& code);
  // Classes whose name or code contains `q` (all if empty), optionally of one level.
  Result<std::vector<IndustryClass>> List(const std::string& q, std::optional<int> level);

 private:
  Database& db_;
};

}  // namespace qq::store
