// IndicatorBulkWriter: many firm-months written at once — a large monthly file, a snapshot
// restore, the benchmark's persistence. One transaction (all or nothing), one prepared
// INSERT OR REPLACE. Rows are best given in (enterprise, month) order, so that the
// WITHOUT ROWID primary key of indicator_month grows at its end instead of splitting pages.
// Durability follows the connection's settings (the product runs WAL; PRAGMA synchronous and
// cache_size are the caller's choice and are not changed here).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "core/indicator.h"
#include "store/database.h"

namespace qq::store {

class IndicatorBulkWriter {
 public:
  explicit IndicatorBulkWriter(Database& db) : db_(db) {}
  // Calls `next` until it returns false; each true fills one firm-month, which replaces any
  // stored row of the same firm and month. Returns the number of rows written, or the first
  // error (a firm that does not exist, …) after rolling everything back.
  Result<int64_t> Write(const std::function<bool(IndicatorMonth&)>& next, std::optional<int64_t> import_id = std::nullopt);

 private:
  Database& db_;
};

}  // namespace qq::store
