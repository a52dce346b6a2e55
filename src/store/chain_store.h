// ChainStore: chain templates and their links as loaded from data/chains.
#pragma once

#include <vector>

#include "core/chain.h"
#include "store/database.h"

namespace qq::store {

class ChainStore {
 public:
  explicit ChainStore(Database& db) : db_(db) {}
  // Inserts or updates chains by name and links by (chain, key), keeping ids stable so that
  // tags and clusters pointing at them survive a template update. Links no longer in a
  // template are removed.
  Status Upsert(const std::vector<Chain>& chains);
  // All chains in display order, with their links (sorted as in the template).
  Result<std::vector<Chain>> List();
  Result<Chain> Get(int64_t id);
  Result<Chain> GetByName(const std::string& name);

 private:
  Result<std::vector<ChainLink>> Links(int64_t chain_id);
  Database& db_;
};

}  // namespace qq::store
