// The questions dashboards ask of a Dataset: monthly tables, breakdowns with shares and
// contributions, the 规上 set's changes, 小升规 candidates, movers, missing reports,
// anomalies. All pure computations over the columns.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analytics/dataset.h"
#include "analytics/series.h"

namespace qq::analytics {

// One indicator in one month of a monthly table.
struct MonthlyCell {
  std::optional<int64_t> current, cumulative;  // null when no firm reported
  std::optional<double> yoy, yoy_cumulative;   // 同比, 累计同比 (同口径), percent
  std::optional<double> mom;                   // 环比 of the scope's totals, percent
  std::optional<double> two_year_average;      // 两年平均增长 of 累计 against two years earlier, percent (geometric)
};

struct MonthlyRow {
  YearMonth month;
  bool combined_jan_feb = false;  // the row is 1-2月 combined (on request)
  std::array<MonthlyCell, kIndicatorCount> cells;
};

// Every month of a series (of a region from the roll-ups, or of any set of firms). 同比 is on
// the same firms (同口径); 环比 and 两年平均增长 compare the scope's totals. With
// `combine_jan_feb`, January is left out and February carries 1-2月 combined as its 当月
// (flagged), as statistics offices report.
std::vector<MonthlyRow> MonthlyTable(const Dataset& d, const Series& series, bool combine_jan_feb);
std::vector<MonthlyRow> MonthlyTable(const Dataset& d, const std::vector<uint32_t>& firms, Scope scope,
                                     bool combine_jan_feb);

// A group's figures in one month, with its share of the whole and its contribution (拉动,
// percentage points of the whole's growth).
struct GroupRow {
  std::string key;       // the group's key (link id, division, town code, cluster name, …)
  int firms = 0;         // firms of the group that reported
  int64_t current = 0, cumulative = 0;
  std::optional<double> yoy, yoy_cumulative;
  std::optional<double> share;         // of the whole's 1-N月累计, percent
  std::optional<double> contribution;  // 拉动: Δ1-N月累计 / whole's base × 100, percentage points
};

struct Breakdown {
  GroupRow total;
  std::vector<GroupRow> groups;  // largest 1-N月累计 first
};

// Groups `firms` by `key_of` (a firm may belong to several groups; empty keys are left out)
// and computes month `p` of `indicator` for each group and for the whole.
Breakdown BreakdownOf(const Dataset& d, const std::vector<uint32_t>& firms, Scope scope, int p, Indicator indicator,
                      const std::function<std::vector<std::string>(uint32_t)>& key_of);

// Firms that entered (入库) or left (退库) the 规上 set in `year`.
struct ScaleChanges {
  std::vector<uint32_t> entered, left;
};
ScaleChanges ScaleChangesIn(const Dataset& d, const std::vector<uint32_t>& firms, int year);

// A firm near or over its 规上 threshold on trailing-12-month revenue at month p.
struct ThresholdFirm {
  uint32_t firm = 0;
  int64_t trailing = 0;       // trailing-12-month revenue
  int64_t threshold = 0;
  bool crossed_this_month = false;  // under the threshold at p−1, at or over it at p
};
// Firms not in the current year's 规上 set whose trailing revenue is at least `within` of the
// threshold (0.8 = within 20%), plus those that crossed it (小升规 candidates), largest first.
std::vector<ThresholdFirm> ThresholdCandidates(const Dataset& d, const std::vector<uint32_t>& firms, int p,
                                               double within = 0.8);
// Firms whose trailing revenue crossed their threshold in month p.
std::vector<ThresholdFirm> ThresholdCrossings(const Dataset& d, const std::vector<uint32_t>& firms, int p);

// A firm's year-to-date change against the same period a year earlier.
struct Mover {
  uint32_t firm = 0;
  int64_t cumulative = 0, base = 0;
  int64_t change = 0;
  std::optional<double> growth;  // percent
};
// The `n` largest increases and the `n` largest decreases of 1-N月累计 at month p.
struct Movers {
  std::vector<Mover> up, down;
};
Movers TopMovers(const Dataset& d, const std::vector<uint32_t>& firms, int p, Indicator indicator, size_t n);
// Firms of `firms` ranked by growth rate of 1-N月累计 (largest first), at most n; firms without
// a base are left out.
std::vector<Mover> TopByGrowth(const Dataset& d, const std::vector<uint32_t>& firms, int p, Indicator indicator, size_t n);

// Firms that reported in month p−1, or belong to the year's 规上 set, but did not report in p.
std::vector<uint32_t> MissingReports(const Dataset& d, const std::vector<uint32_t>& firms, int p);

struct Anomaly {
  uint32_t firm = 0;
  int p = 0;
  Indicator indicator = Indicator::kOutput;
  std::string kind;    // unit_jump, sharp_drop
  int64_t value = 0;
  int64_t reference = 0;  // the firm's median, or the value a year earlier
};
// Values 100× off the firm's own median (unit mistakes) and 当月 falls of more than 50% against
// the same month a year earlier, in month p.
std::vector<Anomaly> AnomaliesIn(const Dataset& d, const std::vector<uint32_t>& firms, int p);

// Ad-hoc questions the roll-ups do not cover, answered by scanning one month's rows on both
// cores. A row passes when its firm's industry code starts with one of `industry_prefixes`
// (digits; empty: any firm) and, for every (indicator, floor) of `current_at_least`, its 当月
// is reported and at least the floor.
struct RowFilter {
  std::vector<std::string> industry_prefixes;
  std::vector<std::pair<Indicator, int64_t>> current_at_least;
};
struct ScanSum {
  int64_t sum = 0;   // Σ 当月 of the summed indicator over passing rows that report it
  int64_t rows = 0;  // passing rows that report it
};
ScanSum SumCurrentWhere(const Dataset& d, int p, Indicator what, const RowFilter& filter, int threads = 2);

// Target arithmetic.
// The growth rate per year needed to go from `now` to `target` in `years` (percent).
std::optional<double> RequiredAnnualGrowth(double now, double target, int years);
// Where a linear path from (start_year, start) to (deadline, target) stands in `year`.
double LinearPathValue(double start, int start_year, double target, int deadline, int year);
// The year a trend fitted to yearly values (log-linear least squares) reaches `target`, or
// nullopt when the trend does not grow or never gets there before 2100.
std::optional<int> TrendYearReached(const std::vector<std::pair<int, double>>& yearly, double target);
// The growth of the trend fitted by TrendYearReached (percent per year).
std::optional<double> TrendGrowth(const std::vector<std::pair<int, double>>& yearly);

}  // namespace qq::analytics
