#include "app/overview.h"

#include <map>

#include "analytics/series.h"
#include "store/plan_store.h"
#include "store/project_store.h"
#include "store/region_store.h"

namespace qq::app {

using analytics::GrowthPercent;
using analytics::Scope;

Result<Overview> BuildOverview(store::Database& db, const AnalyticsSnapshot& snap, const RegionCode& region) {
  Overview o;
  QQ_ASSIGN_OR_RETURN(o.region, store::RegionStore(db).Get(region));
  const analytics::Dataset& d = snap.dataset;
  // Towns have no roll-up of their own here; their county stands in.
  std::string code = region.Level() == RegionLevel::kTown ? region.CountyCode().str() : region.str();
  analytics::Series above = snap.rollups.Region(d, code, Scope::kAboveScale);
  int latest = -1;
  for (int p = 0; p < above.months(); ++p) {
    if (above.at(p, Indicator::kOutput).any || above.at(p, Indicator::kRevenue).any) latest = p;
  }
  if (latest >= 0) {
    YearMonth month = d.first_month().AddMonths(latest);
    o.latest_month = month;
    const auto& out = above.at(latest, Indicator::kOutput);
    const auto& rev = above.at(latest, Indicator::kRevenue);
    o.output_ytd = out.cumulative;
    o.output_ytd_yoy = GrowthPercent(out.yoy_cumulative, out.yoy_cumulative_base);
    o.revenue_ytd = rev.cumulative;
    o.revenue_ytd_yoy = GrowthPercent(rev.yoy_cumulative, rev.yoy_cumulative_base);
    for (uint32_t f : snap.FirmsIn(code)) o.above_scale_firms += d.AboveScale(f, month.year());
    for (int p = std::max(0, latest - 23); p <= latest; ++p) {
      const auto& s = above.at(p, Indicator::kOutput);
      OverviewMonth m;
      m.month = d.first_month().AddMonths(p);
      m.output = s.current;
      m.output_cum = s.cumulative;
      m.yoy = GrowthPercent(s.yoy_current, s.yoy_current_base);
      m.yoy_cum = GrowthPercent(s.yoy_cumulative, s.yoy_cumulative_base);
      o.monthly.push_back(m);
    }
  }

  QQ_ASSIGN_OR_RETURN(auto targets, store::TargetStore(db).List({region}));
  QQ_ASSIGN_OR_RETURN(auto plans, store::PlanStore(db).List({region}));
  for (const auto& plan : plans) {
    if (plan.region != region) continue;
    for (const auto& c : plan.clusters) {
      OverviewCluster oc;
      oc.id = c.id;
      oc.name = c.name;
      oc.tier = ClusterTierLabel(c.tier);
      oc.role = ClusterRoleLabel(c.role);
      oc.metric = "营业收入";
      oc.chains = c.chains;
      std::vector<std::string> prefixes;
      for (const auto& ic : c.industry_codes) prefixes.push_back(ic.str());
      auto firms = snap.FirmsOf(plan.region.str(), c.chains, prefixes);
      analytics::Series s = analytics::SeriesOfFirms(d, firms, Scope::kAboveScale);
      if (latest >= 0) {
        const auto& rev = s.at(latest, Indicator::kRevenue);
        oc.year = o.latest_month->year();
        oc.value = rev.cumulative;
        oc.yoy = GrowthPercent(rev.yoy_cumulative, rev.yoy_cumulative_base);
        for (uint32_t f : firms) oc.firms += d.AboveScale(f, oc.year);
      }
      for (const auto& t : targets) {
        if (t.region == plan.region && t.subject_kind == TargetSubjectKind::kCluster && t.subject == c.name) {
          oc.target = t;
          if (t.unit == "元" && t.value_units > 0) oc.progress = static_cast<double>(oc.value) / static_cast<double>(t.value_units);
          break;
        }
      }
      o.clusters.push_back(std::move(oc));
    }
  }

  store::ProjectQuery pq;
  pq.scope = {region};
  QQ_ASSIGN_OR_RETURN(auto projects, store::ProjectStore(db).List(pq));
  std::map<int, StageCount> by_stage;
  for (const auto& p : projects) {
    ++o.projects;
    o.projects_total_investment += p.total_investment.yuan();
    auto& sc = by_stage[static_cast<int>(p.stage)];
    sc.stage = p.stage;
    ++sc.count;
    sc.total_investment += p.total_investment.yuan();
  }
  for (auto& [k, v] : by_stage) o.projects_by_stage.push_back(v);
  return o;
}

}  // namespace qq::app
