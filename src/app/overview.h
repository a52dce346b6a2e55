// The 总览 of a region: KPIs, clusters against their targets, the monthly 规上 output trend with
// 同比, and projects by stage.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/analytics_service.h"
#include "core/project.h"
#include "core/region.h"
#include "core/target.h"

namespace qq::app {

struct OverviewMonth {
  YearMonth month;
  int64_t output = 0;
  int64_t output_cum = 0;
  std::optional<double> yoy, yoy_cum;
};

struct OverviewCluster {
  int64_t id = 0;
  std::string name, tier, role, metric;
  std::vector<std::string> chains;
  int year = 0;
  int64_t value = 0;            // 营业收入 of the cluster's 规上 firms, 1-N月累计 to the latest month
  std::optional<double> yoy;    // 同口径 cumulative growth
  int firms = 0;
  std::optional<Target> target;
  std::optional<double> progress;  // value / target
};

struct StageCount {
  ProjectStage stage;
  int count = 0;
  int64_t total_investment = 0;
};

struct Overview {
  Region region;
  std::optional<YearMonth> latest_month;
  int above_scale_firms = 0;
  int64_t output_ytd = 0, revenue_ytd = 0;
  std::optional<double> output_ytd_yoy, revenue_ytd_yoy;
  int projects = 0;
  int64_t projects_total_investment = 0;
  std::vector<OverviewCluster> clusters;
  std::vector<OverviewMonth> monthly;  // the latest 24 months with data
  std::vector<StageCount> projects_by_stage;
};

// NotFound if the region does not exist.
Result<Overview> BuildOverview(store::Database& db, const AnalyticsSnapshot& snap, const RegionCode& region);

}  // namespace qq::app
