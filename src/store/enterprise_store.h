// EnterpriseStore: the firm registry. IndicatorStore: firms' monthly figures.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
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
  // Every firm's USCC → id (for importers).
  Result<std::unordered_map<std::string, int64_t>> UsccIndex();

 private:
  Database& db_;
};

class IndicatorStore {
 public:
  explicit IndicatorStore(Database& db) : db_(db) {}
  // Inserts or replaces the firm-month; `import_id` records which import wrote it.
  Status Upsert(const IndicatorMonth& m, std::optional<int64_t> import_id = std::nullopt);
  // The stored firm-month and the import that wrote it, if any.
  Result<std::optional<std::pair<IndicatorMonth, std::optional<int64_t>>>> Get(int64_t enterprise_id, YearMonth month);
  // Keeps a firm-month's values before an import replaces them.
  Status AppendHistory(const IndicatorMonth& old, std::optional<int64_t> previous_import, int64_t replaced_by,
                       int64_t at);
  // Number of history rows of a firm-month.
  Result<int64_t> HistoryCount(int64_t enterprise_id, YearMonth month);
  // Streams the rows with from <= month <= to, in (month, enterprise) order.
  Status ForEachInMonths(YearMonth from, YearMonth to, const std::function<Status(const IndicatorMonth&)>& fn);
  // Streams every row in (month, enterprise) order.
  Status ForEach(const std::function<Status(const IndicatorMonth&)>& fn);
  Result<std::vector<IndicatorMonth>> ForEnterprise(int64_t enterprise_id);
  Result<int64_t> Count();

 private:
  Database& db_;
};

}  // namespace qq::store
