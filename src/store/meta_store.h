// MetaStore: the data version that tells a running server the CLI changed domain data.
#pragma once

#include "store/database.h"

namespace qq::store {

class MetaStore {
 public:
  explicit MetaStore(Database& db) : db_(db) {}
  // Current data version; every committed change to domain data increases it.
  Result<int64_t> DataVersion();
  // Increments the version; call inside the transaction that changes the data.
  Status BumpDataVersion();

 private:
  Database& db_;
};

}  // namespace qq::store
