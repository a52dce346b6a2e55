#include "analytics/series.h"

#include <cmath>

namespace qq::analytics {

std::optional<double> GrowthPercent(int64_t now, int64_t base) {
  if (base <= 0) return std::nullopt;
  return (static_cast<double>(now) / static_cast<double>(base) - 1.0) * 100.0;
}

std::optional<double> TwoYearAverageGrowth(int64_t now, int64_t base) {
  if (base <= 0 || now < 0) return std::nullopt;
  return (std::sqrt(static_cast<double>(now) / static_cast<double>(base)) - 1.0) * 100.0;
}

void Series::Add(const Series& o) {
  if (sums_.empty()) sums_.resize(o.sums_.size());
  for (size_t p = 0; p < sums_.size() && p < o.sums_.size(); ++p) {
    for (size_t i = 0; i < static_cast<size_t>(kIndicatorCount); ++i) sums_[p][i].Add(o.sums_[p][i]);
  }
}

void AccumulateFirmMonth(const Dataset& d, uint32_t f, int p, Series& out) {
  int64_t row = d.RowOf(f, p);
  if (row < 0) return;
  int64_t base_row = p >= 12 ? d.RowOf(f, p - 12) : -1;
  for (Indicator ind : kAllIndicators) {
    int64_t cur = d.Current(static_cast<size_t>(row), ind);
    int64_t cum = d.Cumulative(static_cast<size_t>(row), ind);
    if (cur == kMissing && cum == kMissing) continue;
    MonthSums& s = out.at(p, ind);
    s.any = true;
    ++s.firms;
    if (cur != kMissing) s.current += cur;
    if (cum != kMissing) s.cumulative += cum;
    if (base_row < 0) continue;
    int64_t bcur = d.Current(static_cast<size_t>(base_row), ind);
    int64_t bcum = d.Cumulative(static_cast<size_t>(base_row), ind);
    if (cur != kMissing && bcur != kMissing) {
      s.yoy_current += cur;
      s.yoy_current_base += bcur;
    }
    if (cum != kMissing && bcum != kMissing) {
      s.yoy_cumulative += cum;
      s.yoy_cumulative_base += bcum;
    }
  }
}

Series SeriesOfFirms(const Dataset& d, const std::vector<uint32_t>& firms, Scope scope) {
  Series out(d.month_count());
  int first_year = d.first_month().year();
  int first_month = d.first_month().month();
  for (int p = 0; p < d.month_count(); ++p) {
    int year = first_year + (first_month - 1 + p) / 12;
    for (uint32_t f : firms) {
      if (scope == Scope::kAboveScale && !d.AboveScale(f, year)) continue;
      AccumulateFirmMonth(d, f, p, out);
    }
  }
  return out;
}

}  // namespace qq::analytics
