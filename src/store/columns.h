// How optional domain values are written to and read from SQL columns: money as integer 元,
// months as yyyymm integers, dates as "YYYY-MM-DD" text; NULL for none.
#pragma once

#include <optional>
#include <string>

#include "core/date.h"
#include "core/money.h"
#include "core/year_month.h"
#include "store/database.h"

namespace qq::store {

inline std::optional<int64_t> Yuan(const std::optional<Money>& m) {
  if (!m) return std::nullopt;
  return m->yuan();
}

inline std::optional<int64_t> Packed(const std::optional<YearMonth>& ym) {
  if (!ym) return std::nullopt;
  return ym->Packed();
}

inline std::optional<std::string> DateText(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return d->ToString();
}

inline std::optional<Money> ReadMoney(const Statement& st, int col) {
  auto v = st.OptInt(col);
  if (!v) return std::nullopt;
  return Money::FromYuan(*v);
}

inline Result<std::optional<YearMonth>> ReadMonth(const Statement& st, int col) {
  auto v = st.OptInt(col);
  if (!v) return std::optional<YearMonth>();
  QQ_ASSIGN_OR_RETURN(auto ym, YearMonth::FromPacked(static_cast<int>(*v)));
  return std::optional<YearMonth>(ym);
}

inline Result<std::optional<Date>> ReadDate(const Statement& st, int col) {
  auto t = st.OptText(col);
  if (!t) return std::optional<Date>();
  QQ_ASSIGN_OR_RETURN(auto d, Date::Parse(*t));
  return std::optional<Date>(d);
}

}  // namespace qq::store
