// The demo districts' specification (data/demo/demo.toml): plans, clusters with yearly
// revenue to calibrate synthetic firms against, targets, published rates and projects.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/money.h"
#include "core/plan.h"
#include "core/project.h"
#include "core/target.h"

namespace qq::ingest {

struct DemoCluster {
  Cluster cluster;                                      // name, tier, role, chains, industry codes
  std::vector<std::pair<std::string, std::string>> items;  // (code, main item) for code-defined clusters
  std::vector<Money> revenue;                            // one per DemoSpec::years
  std::string basis;
  int firms = 10;
  bool stable = false;                                   // no entries, exits or threshold crossings
};

struct PublishedRate {
  std::string metric;  // 规上工业增加值增速
  std::string period;  // "2024", "2024-03"
  double value = 0;    // percent
  std::string source;
};

struct DemoProjectPlan {
  int count = 0;
  Money total_investment;
  Money annual_plan;
  int year = 2024;
  int in_production = -1;  // projects at 投产 or later; -1: not specified
  std::string basis;
};

// A park of the demo district (园区) with its parcels drawn at random.
struct DemoPark {
  std::string name, featured_industry, chain, task_force;
  double area_ha = 0;
  int available_parcels = 0, idle_parcels = 0;  // 可供 and still 闲置 parcels to draw
};

// Idle land put back to use in one year: `firms` parcels of `hectares` in total, each to a firm.
struct DemoLand {
  int year = 0;
  int firms = 0;
  double hectares = 0;
  std::string basis;
};

struct DemoRegion {
  RegionCode code;
  std::string name, plan_name, framework, source;
  int year_from = 0, year_to = 0;
  std::vector<RegionCode> towns;
  std::vector<RegionCode> firm_regions;  // where the firms sit (default: the region itself)
  std::vector<Money> other_revenue;      // 规上 firms outside the clusters, per year
  std::vector<DemoCluster> clusters;
  std::vector<Target> targets;
  std::vector<PublishedRate> published;
  std::optional<DemoProjectPlan> projects;
  std::vector<Project> named_projects;
  std::vector<DemoPark> parks;
  std::optional<DemoLand> revitalized;
};

struct DemoSpec {
  uint64_t seed = 1;
  YearMonth first_month, last_month;
  int national_pool = 0;
  std::vector<int> years;
  std::vector<DemoRegion> regions;
};

// Parses and checks the TOML; errors name `label` and the line.
Result<DemoSpec> ParseDemoSpec(std::string_view toml_text, const std::string& label);

}  // namespace qq::ingest
