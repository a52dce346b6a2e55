// Monthly series and the statistics over them: 当月, 1-N月累计, 同比 on the same set of firms
// in both periods (同口径), 环比, 两年平均增长, shares and contributions (DOMAIN.md §5).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "analytics/dataset.h"

namespace qq::analytics {

enum class Scope { kAll, kAboveScale };

// Sums for one month and one indicator over a set of firms.
struct MonthSums {
  int64_t current = 0;          // Σ 当月 of firms that reported
  int64_t cumulative = 0;       // Σ 1-N月累计
  int64_t yoy_current = 0;      // Σ 当月 of firms that also reported a year earlier
  int64_t yoy_current_base = 0; // … and their 当月 a year earlier
  int64_t yoy_cumulative = 0;
  int64_t yoy_cumulative_base = 0;
  int32_t firms = 0;            // firms that reported this indicator this month
  bool any = false;             // at least one value

  void Add(const MonthSums& o) {
    current += o.current;
    cumulative += o.cumulative;
    yoy_current += o.yoy_current;
    yoy_current_base += o.yoy_current_base;
    yoy_cumulative += o.yoy_cumulative;
    yoy_cumulative_base += o.yoy_cumulative_base;
    firms += o.firms;
    any |= o.any;
  }
};

// Growth in percent, or nullopt without a base.
std::optional<double> GrowthPercent(int64_t now, int64_t base);
// 两年平均增长 in percent: sqrt(now / base_two_years_earlier) − 1.
std::optional<double> TwoYearAverageGrowth(int64_t now, int64_t base);

// A monthly series: one MonthSums per month position and indicator.
class Series {
 public:
  Series() = default;
  explicit Series(int months) : sums_(static_cast<size_t>(months)) {}
  int months() const { return static_cast<int>(sums_.size()); }
  MonthSums& at(int p, Indicator i) { return sums_[static_cast<size_t>(p)][static_cast<size_t>(i)]; }
  const MonthSums& at(int p, Indicator i) const { return sums_[static_cast<size_t>(p)][static_cast<size_t>(i)]; }
  void Add(const Series& o);

 private:
  std::vector<std::array<MonthSums, kIndicatorCount>> sums_;
};

// Adds one firm's month to a series cell: `p` month position; base values at p−12.
void AccumulateFirmMonth(const Dataset& d, uint32_t f, int p, Series& out);

// The series of a set of firms (any order, no duplicates) in a scope. For 规上, a month counts
// the firms in the 规上 set of that month's year, and its 同比 compares them with themselves a
// year earlier (同口径).
Series SeriesOfFirms(const Dataset& d, const std::vector<uint32_t>& firms, Scope scope);

}  // namespace qq::analytics
