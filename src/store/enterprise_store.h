// EnterpriseStore: the firm registry. IndicatorStore: firms' monthly figures.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/enterprise.h"
#include "core/indicator.h"
#include "store/database.h"

namespace qq::store {

struct EnterpriseQuery {
  std::vector<RegionCode> scope;  // empty: all
  std::string text;               // name or USCC contains
  int page = 1;                   // 1-based
  int page_size = 20;
};

struct EnterprisePage {
  int64_t total = 0;
  std::vector<Enterprise> items;
};

class EnterpriseStore {
 public:
  explicit EnterpriseStore(Database& db) : db_(db) {}
  // Inserts a new firm or updates the one with the same USCC; sets `e.id`.
  Status Upsert(Enterprise& e, int64_t now);
  Result<Enterprise> GetByUscc(const Uscc& uscc);
  Result<Enterprise> GetById(int64_t id);
  Result<EnterprisePage> Search(const EnterpriseQuery& q);
  // Streams every firm inside `scope` (all if empty) in id order.
  Status ForEach(const std::vector<RegionCode>& scope, const std::function<Status(const Enterprise&)>& fn);
  Result<int64_t> Count();

 private:
  Database& db_;
};

class IndicatorStore {
 public:
  explicit IndicatorStore(Database& db) : db_(db) {}
  // Inserts or replaces the firm-month.
  Status Upsert(const IndicatorMonth& m);
  // Streams every row in (month, enterprise) order.
  Status ForEach(const std::function<Status(const IndicatorMonth&)>& fn);
  Result<std::vector<IndicatorMonth>> ForEnterprise(int64_t enterprise_id);
  Result<int64_t> Count();

 private:
  Database& db_;
};

}  // namespace qq::store
