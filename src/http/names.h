// Per-request caches of region and industry names for the wire documents.
#pragma once

#include <string>
#include <unordered_map>

#include "store/database.h"
#include "wire/entities.h"

namespace qq::http {

class NameCache {
 public:
  explicit NameCache(store::Database& db) : db_(db) {}
  wire::NameOf Regions();
  wire::NameOf Industries();

 private:
  store::Database& db_;
  std::unordered_map<std::string, std::string> regions_, industries_;
};

}  // namespace qq::http
