#include "app/monitor.h"

#include <algorithm>
#include <map>
#include <set>

#include "store/enterprise_store.h"
#include "store/industry_store.h"
#include "store/plan_store.h"
#include "store/region_store.h"

namespace qq::app {

using analytics::Scope;

Result<GroupBy> ParseGroupBy(std::string_view name) {
  for (auto g : {GroupBy::kCluster, GroupBy::kChain, GroupBy::kLink, GroupBy::kDivision, GroupBy::kTown}) {
    if (name == GroupByName(g)) return g;
  }
  return Status::InvalidArgument("'" + std::string(name) + "' is not cluster, chain, link, division or town");
}

const char* GroupByName(GroupBy g) {
  switch (g) {
    case GroupBy::kCluster: return "cluster";
    case GroupBy::kChain: return "chain";
    case GroupBy::kLink: return "link";
    case GroupBy::kDivision: return "division";
    case GroupBy::kTown: return "town";
  }
  return "cluster";
}

namespace {

// The 6-digit code the roll-ups and firm lists use for a region (a town stands in for itself
// only in firm lists; its county holds its roll-up).
std::string AreaCode(const RegionCode& region) {
  return region.Level() == RegionLevel::kTown ? region.CountyCode().str() : region.str();
}

std::vector<uint32_t> FirmsOfRegion(const AnalyticsSnapshot& snap, const RegionCode& region) {
  std::vector<uint32_t> firms = snap.FirmsIn(AreaCode(region));
  if (region.Level() != RegionLevel::kTown) return firms;
  const auto& towns = snap.dataset.towns();
  std::vector<uint32_t> in_town;
  for (uint32_t f : firms) {
    int32_t t = snap.dataset.firm(f).town;
    if (t >= 0 && towns[static_cast<size_t>(t)] == region.str()) in_town.push_back(f);
  }
  return in_town;
}

// The latest month position with any figure among these firms, or -1.
int LatestMonth(const analytics::Dataset& d, const std::vector<uint32_t>& firms) {
  for (int p = d.month_count() - 1; p >= 0; --p) {
    for (uint32_t f : firms) {
      if (d.RowOf(f, p) >= 0) return p;
    }
  }
  return -1;
}

Result<int> MonthPosition(const analytics::Dataset& d, const std::vector<uint32_t>& firms, std::optional<YearMonth> month) {
  if (month) {
    int p = d.MonthPos(*month);
    if (p < 0) return Status::NotFound("no figures for " + month->ToString());
    return p;
  }
  int p = LatestMonth(d, firms);
  if (p < 0) return Status::NotFound("the region has no monthly figures yet");
  return p;
}

class Names {
 public:
  explicit Names(store::Database& db) : db_(db) {}
  std::string Region(const std::string& code) {
    auto& v = regions_[code];
    if (v.empty()) {
      if (auto c = RegionCode::Parse(code); c.ok()) {
        if (auto r = store::RegionStore(db_).Get(*c); r.ok()) v = r->name;
      }
      if (v.empty()) v = code;
    }
    return v;
  }
  std::string Industry(const std::string& code) {
    auto& v = industries_[code];
    if (v.empty()) {
      if (auto c = IndustryCode::Parse(code); c.ok()) {
        if (auto r = store::IndustryStore(db_).Get(*c); r.ok()) v = r->name;
      }
      if (v.empty()) v = code;
    }
    return v;
  }

 private:
  store::Database& db_;
  std::map<std::string, std::string> regions_, industries_;
};

std::string IndustryText(const analytics::FirmInfo& info) {
  if (info.industry < 0) return "";
  std::string code = std::to_string(info.industry);
  if (code.size() < info.industry_digits) code.insert(0, info.industry_digits - code.size(), '0');
  return code;
}

Result<FirmLine> Line(store::Database& db, const AnalyticsSnapshot& snap, uint32_t f, Names& names) {
  const auto& info = snap.dataset.firm(f);
  QQ_ASSIGN_OR_RETURN(auto e, store::EnterpriseStore(db).GetById(info.enterprise_id));
  FirmLine l;
  l.enterprise_id = e.id;
  l.uscc = e.uscc.str();
  l.name = e.name;
  l.industry = e.industry ? e.industry->str() + " " + names.Industry(e.industry->str()) : "";
  l.town = e.town ? names.Region(e.town->str()) : "";
  return l;
}

std::vector<std::string> ClusterKeys(const AnalyticsSnapshot& snap, uint32_t f, const std::vector<Plan>& plans,
                                     const RegionCode& region) {
  std::vector<std::string> keys;
  const auto& d = snap.dataset;
  auto [lb, le] = d.LinksOf(f);
  std::string code = IndustryText(d.firm(f));
  for (const auto& plan : plans) {
    if (!(plan.region == region)) continue;
    for (const auto& c : plan.clusters) {
      bool member = false;
      for (const auto& chain : c.chains) {
        auto it = snap.links_of_chain.find(chain);
        if (it == snap.links_of_chain.end()) continue;
        for (const uint32_t* l = lb; l != le && !member; ++l) {
          member = std::find(it->second.begin(), it->second.end(), *l) != it->second.end();
        }
      }
      for (const auto& ic : c.industry_codes) member |= !code.empty() && code.starts_with(ic.str());
      if (member) keys.push_back(c.name);
    }
  }
  return keys;
}

}  // namespace

Result<MonthlyReport> Monthly(store::Database& db, const AnalyticsSnapshot& snap, const RegionCode& region, Scope scope,
                              bool combine_jan_feb) {
  MonthlyReport r;
  QQ_ASSIGN_OR_RETURN(r.region, store::RegionStore(db).Get(region));
  r.scope = scope;
  if (region.Level() == RegionLevel::kTown) {
    r.rows = analytics::MonthlyTable(snap.dataset, FirmsOfRegion(snap, region), scope, combine_jan_feb);
  } else {
    r.rows = analytics::MonthlyTable(snap.dataset, snap.rollups.Region(snap.dataset, region.str(), scope), combine_jan_feb);
  }
  return r;
}

Result<BreakdownReport> Breakdown(store::Database& db, const AnalyticsSnapshot& snap, const RegionCode& region, GroupBy by,
                                  Indicator indicator, std::optional<YearMonth> month, Scope scope) {
  BreakdownReport r;
  QQ_ASSIGN_OR_RETURN(r.region, store::RegionStore(db).Get(region));
  r.by = by;
  r.indicator = indicator;
  r.scope = scope;
  const auto& d = snap.dataset;
  std::vector<uint32_t> firms = FirmsOfRegion(snap, region);
  QQ_ASSIGN_OR_RETURN(int p, MonthPosition(d, firms, month));
  r.month = d.first_month().AddMonths(p);
  std::vector<Plan> plans;
  if (by == GroupBy::kCluster) {
    QQ_ASSIGN_OR_RETURN(plans, store::PlanStore(db).List({region}));
  }
  Names names(db);
  auto key_of = [&](uint32_t f) -> std::vector<std::string> {
    const auto& info = d.firm(f);
    switch (by) {
      case GroupBy::kCluster: return ClusterKeys(snap, f, plans, region);
      case GroupBy::kChain: {
        std::set<std::string> chains;
        auto [lb, le] = d.LinksOf(f);
        for (const uint32_t* l = lb; l != le; ++l) {
          auto it = snap.link_names.find(*l);
          if (it != snap.link_names.end()) chains.insert(it->second.first);
        }
        return {chains.begin(), chains.end()};
      }
      case GroupBy::kLink: {
        std::vector<std::string> links;
        auto [lb, le] = d.LinksOf(f);
        for (const uint32_t* l = lb; l != le; ++l) links.push_back(std::to_string(*l));
        return links;
      }
      case GroupBy::kDivision: {
        std::string code = IndustryText(info);
        return {code.size() >= 2 ? code.substr(0, 2) : ""};
      }
      case GroupBy::kTown: return {info.town >= 0 ? d.towns()[static_cast<size_t>(info.town)] : ""};
    }
    return {};
  };
  analytics::Breakdown b = analytics::BreakdownOf(d, firms, scope, p, indicator, key_of);
  r.total = b.total;
  for (auto& g : b.groups) {
    std::string name = g.key;
    switch (by) {
      case GroupBy::kLink: {
        auto it = snap.link_names.find(static_cast<uint32_t>(std::stoul(g.key)));
        if (it != snap.link_names.end()) name = it->second.first + " / " + it->second.second;
        break;
      }
      case GroupBy::kDivision: name = g.key + " " + names.Industry(g.key); break;
      case GroupBy::kTown: name = names.Region(g.key); break;
      default: break;
    }
    r.groups.push_back({std::move(g), name});
  }
  return r;
}

Result<WatchLists> Watch(store::Database& db, const AnalyticsSnapshot& snap, const RegionCode& region,
                         std::optional<YearMonth> month, size_t limit) {
  WatchLists w;
  QQ_ASSIGN_OR_RETURN(w.region, store::RegionStore(db).Get(region));
  const auto& d = snap.dataset;
  std::vector<uint32_t> firms = FirmsOfRegion(snap, region);
  QQ_ASSIGN_OR_RETURN(int p, MonthPosition(d, firms, month));
  w.month = d.first_month().AddMonths(p);
  Names names(db);
  auto take = [&](std::vector<FirmLine>& out, uint32_t f, int64_t value, int64_t reference, std::optional<double> growth,
                  std::string note) -> Status {
    if (out.size() >= limit) return Status::Ok();
    QQ_ASSIGN_OR_RETURN(FirmLine l, Line(db, snap, f, names));
    l.value = value;
    l.reference = reference;
    l.growth = growth;
    l.note = std::move(note);
    out.push_back(std::move(l));
    return Status::Ok();
  };
  for (const auto& c : analytics::ThresholdCandidates(d, firms, p)) {
    QQ_RETURN_IF_ERROR(take(w.candidates, c.firm, c.trailing, c.threshold, std::nullopt,
                            c.crossed_this_month ? "本月跨过规上门槛" : c.trailing >= c.threshold ? "已达门槛，待入库" : "接近门槛"));
  }
  std::set<uint32_t> in_region(firms.begin(), firms.end());
  for (uint32_t f : snap.rollups.CrossingsIn(p)) {
    if (!in_region.count(f)) continue;
    QQ_RETURN_IF_ERROR(take(w.crossings, f, d.TrailingRevenue(f, p), d.firm(f).scale_threshold, std::nullopt, "本月跨过规上门槛"));
  }
  auto changes = analytics::ScaleChangesIn(d, firms, w.month.year());
  for (uint32_t f : changes.entered) {
    QQ_RETURN_IF_ERROR(take(w.entered, f, d.YearRevenue(f, w.month.year() - 1), d.firm(f).scale_threshold, std::nullopt, "入库"));
  }
  for (uint32_t f : changes.left) {
    QQ_RETURN_IF_ERROR(take(w.left, f, d.YearRevenue(f, w.month.year() - 1), d.firm(f).scale_threshold, std::nullopt, "退库"));
  }
  auto movers = analytics::TopMovers(d, firms, p, Indicator::kRevenue, limit);
  for (const auto& m : movers.up) QQ_RETURN_IF_ERROR(take(w.movers_up, m.firm, m.cumulative, m.base, m.growth, ""));
  for (const auto& m : movers.down) QQ_RETURN_IF_ERROR(take(w.movers_down, m.firm, m.cumulative, m.base, m.growth, ""));
  for (uint32_t f : analytics::MissingReports(d, firms, p)) {
    QQ_RETURN_IF_ERROR(take(w.missing, f, 0, 0, std::nullopt, d.AboveScale(f, w.month.year()) ? "规上企业未报" : "上月已报，本月未报"));
  }
  for (const auto& a : analytics::AnomaliesIn(d, firms, p)) {
    QQ_RETURN_IF_ERROR(take(w.anomalies, a.firm, a.value, a.reference, std::nullopt,
                            std::string(InfoOf(a.indicator).label) + (a.kind == "unit_jump" ? "与历史相差百倍，疑似单位错误" : "同比下降超过一半")));
  }
  return w;
}

Result<std::vector<ClusterReport>> Clusters(store::Database& db, const AnalyticsSnapshot& snap, const RegionCode& region) {
  std::vector<ClusterReport> out;
  const auto& d = snap.dataset;
  QQ_ASSIGN_OR_RETURN(auto plans, store::PlanStore(db).List({region}));
  QQ_ASSIGN_OR_RETURN(auto targets, store::TargetStore(db).List({region}));
  Names names(db);
  for (const auto& plan : plans) {
    if (!(plan.region == region)) continue;
    std::vector<uint32_t> region_firms = snap.FirmsIn(plan.region.str());
    int latest = LatestMonth(d, region_firms);
    for (const auto& c : plan.clusters) {
      ClusterReport r;
      r.id = c.id;
      r.plan = plan.name;
      r.name = c.name;
      r.tier = ClusterTierLabel(c.tier);
      r.role = ClusterRoleLabel(c.role);
      r.chains = c.chains;
      for (const auto& ic : c.industry_codes) r.industry_codes.push_back(ic.str());
      std::vector<uint32_t> firms = snap.FirmsOf(plan.region.str(), c.chains, r.industry_codes);
      analytics::Series s = analytics::SeriesOfFirms(d, firms, Scope::kAboveScale);
      std::vector<std::pair<int, double>> full_years;
      for (int year = d.first_year(); year <= d.last_year() && latest >= 0; ++year) {
        // The last month of the year within the data and not after the latest month.
        int last_p = -1, months = 0;
        for (int m = 1; m <= 12; ++m) {
          int p = d.MonthPos(*YearMonth::Of(year, m));
          if (p >= 0 && p <= latest) {
            last_p = p;
            ++months;
          }
        }
        if (last_p < 0) continue;
        ClusterYear cy{year, s.at(last_p, Indicator::kRevenue).cumulative, months};
        r.years.push_back(cy);
        if (months == 12) full_years.emplace_back(year, static_cast<double>(cy.value));
      }
      if (latest >= 0) {
        const auto& rev = s.at(latest, Indicator::kRevenue);
        r.yoy = analytics::GrowthPercent(rev.yoy_cumulative, rev.yoy_cumulative_base);
        int year = d.first_month().AddMonths(latest).year();
        for (uint32_t f : firms) r.firms += d.AboveScale(f, year);
        std::vector<uint32_t> by_value = firms;
        std::vector<std::pair<int64_t, uint32_t>> ranked;
        for (uint32_t f : firms) {
          int64_t v = d.CumulativeAt(f, latest, Indicator::kRevenue);
          if (v != analytics::kMissing) ranked.emplace_back(v, f);
        }
        std::sort(ranked.begin(), ranked.end(), [](auto& a, auto& b) { return a.first > b.first; });
        for (size_t k = 0; k < ranked.size() && k < 10; ++k) {
          QQ_ASSIGN_OR_RETURN(FirmLine l, Line(db, snap, ranked[k].second, names));
          l.value = ranked[k].first;
          l.growth = analytics::GrowthPercent(ranked[k].first, d.CumulativeAt(ranked[k].second, latest - 12, Indicator::kRevenue));
          r.top_firms.push_back(std::move(l));
        }
      }
      for (const auto& t : targets) {
        if (t.region == plan.region && t.subject_kind == TargetSubjectKind::kCluster && t.subject == c.name) {
          r.target = t;
          break;
        }
      }
      if (r.target && r.target->unit == "元" && !full_years.empty()) {
        double target = static_cast<double>(r.target->value_units);
        auto [last_year, last_value] = full_years.back();
        r.progress = last_value / target;
        r.trend_growth = analytics::TrendGrowth(full_years);
        r.trend_year_reached = analytics::TrendYearReached(full_years, target);
        if (r.target->deadline_year) {
          r.required_growth = analytics::RequiredAnnualGrowth(last_value, target, *r.target->deadline_year - last_year);
          int start_year = plan.year_from > 0 ? plan.year_from - 1 : full_years.front().first;
          auto start = std::find_if(full_years.begin(), full_years.end(), [&](auto& y) { return y.first >= start_year; });
          if (start != full_years.end()) {
            r.linear_path_value = analytics::LinearPathValue(start->second, start->first, target, *r.target->deadline_year, last_year);
          }
        }
      }
      out.push_back(std::move(r));
    }
  }
  return out;
}

Result<FirmProfile> Profile(store::Database& db, const AnalyticsSnapshot& snap, const Uscc& uscc) {
  FirmProfile p;
  QQ_ASSIGN_OR_RETURN(p.firm, store::EnterpriseStore(db).GetByUscc(uscc));
  Names names(db);
  p.region_name = names.Region(p.firm.region.str());
  if (p.firm.town) p.town_name = names.Region(p.firm.town->str());
  if (p.firm.industry) p.industry_name = names.Industry(p.firm.industry->str());
  auto it = snap.firm_of_enterprise.find(p.firm.id);
  if (it == snap.firm_of_enterprise.end()) return p;
  uint32_t f = it->second;
  const auto& d = snap.dataset;
  for (int q = 0; q < d.month_count(); ++q) {
    int64_t row = d.RowOf(f, q);
    if (row < 0) continue;
    FirmMonth m;
    m.month = d.first_month().AddMonths(q);
    for (Indicator ind : kAllIndicators) {
      m.values.current[static_cast<size_t>(ind)] = d.Current(static_cast<size_t>(row), ind);
      m.values.cumulative[static_cast<size_t>(ind)] = d.Cumulative(static_cast<size_t>(row), ind);
    }
    p.months.push_back(m);
  }
  for (int year = d.first_year(); year <= d.last_year() && !d.empty(); ++year) {
    p.above_scale.emplace_back(year, d.AboveScale(f, year));
    int64_t rev = d.YearRevenue(f, year);
    if (rev != analytics::kMissing) p.year_revenue.emplace_back(year, rev);
  }
  auto [lb, le] = d.LinksOf(f);
  for (const uint32_t* l = lb; l != le; ++l) {
    auto n = snap.link_names.find(*l);
    if (n != snap.link_names.end()) p.links.push_back(n->second.first + " / " + n->second.second);
  }
  std::vector<uint32_t> county = snap.FirmsIn(p.firm.region.str());
  int latest = LatestMonth(d, {f});
  if (latest >= 0) {
    int64_t mine = d.CumulativeAt(f, latest, Indicator::kRevenue);
    if (mine != analytics::kMissing) {
      int rank = 1, reporting = 0;
      for (uint32_t g : county) {
        int64_t v = d.CumulativeAt(g, latest, Indicator::kRevenue);
        if (v == analytics::kMissing) continue;
        ++reporting;
        if (v > mine) ++rank;
      }
      p.rank_in_region = rank;
      p.firms_in_region = reporting;
    }
  }
  return p;
}

}  // namespace qq::app
