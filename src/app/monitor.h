// 运行监测 and 产业集群: the monthly indicators of a region, broken down and watched. Every
// answer comes from the analytics snapshot; names come from the store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analytics/queries.h"
#include "app/analytics_service.h"
#include "core/enterprise.h"
#include "core/region.h"
#include "core/target.h"
#include "store/database.h"

namespace qq::app {

enum class GroupBy { kCluster, kChain, kLink, kDivision, kTown };
Result<GroupBy> ParseGroupBy(std::string_view name);  // cluster, chain, link, division, town
const char* GroupByName(GroupBy g);

struct MonthlyReport {
  Region region;
  analytics::Scope scope = analytics::Scope::kAll;
  std::vector<analytics::MonthlyRow> rows;
};
// Every month of the region's figures (from the roll-ups).
Result<MonthlyReport> Monthly(store::Database& db, const AnalyticsSnapshot& snap, const RegionCode& region,
                              analytics::Scope scope, bool combine_jan_feb);

struct NamedGroupRow {
  analytics::GroupRow row;
  std::string name;  // display name of the group
};
struct BreakdownReport {
  Region region;
  YearMonth month;
  Indicator indicator = Indicator::kOutput;
  GroupBy by = GroupBy::kCluster;
  analytics::Scope scope = analytics::Scope::kAboveScale;
  analytics::GroupRow total;
  std::vector<NamedGroupRow> groups;
};
// The region's month (default: its latest) broken down by a dimension.
Result<BreakdownReport> Breakdown(store::Database& db, const AnalyticsSnapshot& snap, const RegionCode& region,
                                  GroupBy by, Indicator indicator, std::optional<YearMonth> month, analytics::Scope scope);

// A firm with the fields lists show.
struct FirmLine {
  int64_t enterprise_id = 0;
  std::string uscc, name, industry, town;
  int64_t value = 0;        // the list's main figure (元)
  int64_t reference = 0;    // a comparison figure (base, threshold, median) (元)
  std::optional<double> growth;
  std::string note;
};

struct WatchLists {
  Region region;
  YearMonth month;
  std::vector<FirmLine> candidates;     // 小升规: within 20% of the threshold on trailing revenue, or crossed
  std::vector<FirmLine> crossings;      // crossed the threshold this month
  std::vector<FirmLine> entered, left;  // 入库 / 退库 this year
  std::vector<FirmLine> movers_up, movers_down;  // largest changes of 营业收入 1-N月累计
  std::vector<FirmLine> missing;        // did not report this month
  std::vector<FirmLine> anomalies;      // unit jumps, sharp drops
};
Result<WatchLists> Watch(store::Database& db, const AnalyticsSnapshot& snap, const RegionCode& region,
                         std::optional<YearMonth> month, size_t limit);

struct ClusterYear {
  int year = 0;
  int64_t value = 0;  // 营业收入 of the cluster's 规上 firms over the year (to the latest month)
  int months = 0;     // months of that year in the data
};
struct ClusterReport {
  int64_t id = 0;
  std::string plan, name, tier, role;
  std::vector<std::string> chains, industry_codes;
  std::vector<ClusterYear> years;
  std::optional<double> yoy;                  // 同口径 1-N月累计 growth at the latest month
  int firms = 0;
  std::optional<Target> target;
  std::optional<double> progress;             // latest full-year value / target
  std::optional<double> linear_path_value;    // where a straight line from the plan's start would be now
  std::optional<double> required_growth;      // per year, to reach the target by its deadline
  std::optional<double> trend_growth;         // fitted on the yearly values
  std::optional<int> trend_year_reached;      // when the trend reaches the target
  std::vector<FirmLine> top_firms;            // by 1-N月累计 营业收入
};
// Every cluster of the plans of a region.
Result<std::vector<ClusterReport>> Clusters(store::Database& db, const AnalyticsSnapshot& snap, const RegionCode& region);

struct FirmMonth {
  YearMonth month;
  analytics::MonthValues values;
};
struct FirmProfile {
  Enterprise firm;
  std::string region_name, town_name, industry_name;
  std::vector<FirmMonth> months;
  std::vector<std::pair<int, bool>> above_scale;  // (year, 规上)
  std::vector<std::pair<int, int64_t>> year_revenue;
  std::optional<int> rank_in_region;           // by 营业收入 1-N月累计 at the latest month
  int firms_in_region = 0;
  std::vector<std::string> links;              // "钢铁 / 钢压延加工"
};
Result<FirmProfile> Profile(store::Database& db, const AnalyticsSnapshot& snap, const Uscc& uscc);

}  // namespace qq::app
