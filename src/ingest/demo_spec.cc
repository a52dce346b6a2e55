#include "ingest/demo_spec.h"

#include <cstdio>

#include <toml++/toml.h>

namespace qq::ingest {
namespace {

std::string Where(const std::string& label, const toml::node& n) {
  return label + ":" + std::to_string(n.source().begin.line);
}

// A TOML number of 亿元 as exact Money (through its 15-digit decimal text, never a product of floats).
Result<Money> Yi(const toml::node& n, const std::string& label) {
  std::string text;
  if (auto i = n.value_exact<int64_t>()) {
    text = std::to_string(*i);
  } else if (auto d = n.value_exact<double>()) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.15g", *d);
    text = buf;
  } else {
    return Status::InvalidArgument(Where(label, n) + ": expected a number of 亿元");
  }
  auto m = Money::Parse(text, MoneyUnit::kHundredMillionYuan);
  if (!m.ok()) return Status::InvalidArgument(Where(label, n) + ": " + m.status().message());
  return *m;
}

Result<std::vector<Money>> YiList(const toml::table& t, const char* key, size_t want, const std::string& label,
                                  const toml::node& owner) {
  const toml::array* arr = t[key].as_array();
  if (!arr) return Status::InvalidArgument(Where(label, owner) + ": missing '" + key + "' (one number of 亿元 per year)");
  if (arr->size() != want) {
    return Status::InvalidArgument(Where(label, *arr) + ": '" + key + "' needs " + std::to_string(want) + " values, one per year");
  }
  std::vector<Money> out;
  for (const auto& n : *arr) {
    QQ_ASSIGN_OR_RETURN(auto m, Yi(n, label));
    out.push_back(m);
  }
  return out;
}

std::vector<std::string> Strings(const toml::table& t, const char* key) {
  std::vector<std::string> out;
  if (const toml::array* arr = t[key].as_array()) {
    for (const auto& n : *arr) {
      if (auto s = n.value<std::string>()) out.push_back(*s);
    }
  }
  return out;
}

Result<std::vector<RegionCode>> Codes(const toml::table& t, const char* key, const std::string& label) {
  std::vector<RegionCode> out;
  for (const auto& s : Strings(t, key)) {
    auto c = RegionCode::Parse(s);
    if (!c.ok()) return Status::InvalidArgument(label + ": '" + key + "': " + c.status().message());
    out.push_back(*c);
  }
  return out;
}

Result<std::optional<YearMonth>> Month(const toml::table& t, const char* key, const std::string& label) {
  auto s = t[key].value<std::string>();
  if (!s) return std::optional<YearMonth>();
  auto m = YearMonth::Parse(*s);
  if (!m.ok()) return Status::InvalidArgument(Where(label, *t.get(key)) + ": " + m.status().message());
  return std::optional<YearMonth>(*m);
}

Result<Project> ParseProject(const toml::table& t, const RegionCode& region, const std::string& label) {
  Project p;
  p.region = region;
  auto name = t["name"].value<std::string>();
  if (!name) return Status::InvalidArgument(Where(label, t) + ": a project needs a name");
  p.name = *name;
  if (auto l = t["level"].value<std::string>()) {
    auto level = ParseProjectLevel(*l);
    if (!level.ok()) return Status::InvalidArgument(Where(label, t) + ": " + level.status().message());
    p.level = *level;
  }
  auto stage = ParseProjectStage(t["stage"].value_or(std::string("谋划")));
  if (!stage.ok()) return Status::InvalidArgument(Where(label, t) + ": " + stage.status().message());
  p.stage = *stage;
  p.chain = t["chain"].value_or(std::string());
  p.cluster = t["cluster"].value_or(std::string());
  if (auto town = t["town"].value<std::string>()) {
    auto c = RegionCode::Parse(*town);
    if (!c.ok()) return Status::InvalidArgument(Where(label, t) + ": " + c.status().message());
    p.town = *c;
  }
  if (const toml::node* n = t.get("total_investment")) { QQ_ASSIGN_OR_RETURN(p.total_investment, Yi(*n, label)); }
  if (const toml::node* n = t.get("annual_plan")) { QQ_ASSIGN_OR_RETURN(auto m, Yi(*n, label)); p.annual_plan = m; }
  if (const toml::node* n = t.get("expected_output")) { QQ_ASSIGN_OR_RETURN(auto m, Yi(*n, label)); p.expected_output = m; }
  if (auto v = t["floor_area_m2"].value<double>()) p.floor_area_m2 = *v;
  if (auto v = t["land_ha"].value<double>()) p.land_ha = *v;
  if (auto v = t["jobs"].value<int64_t>()) p.jobs = static_cast<int>(*v);
  p.capacity = t["capacity"].value_or(std::string());
  p.source = t["source"].value_or(std::string());
  QQ_ASSIGN_OR_RETURN(p.planned_start, Month(t, "planned_start", label));
  QQ_ASSIGN_OR_RETURN(p.actual_start, Month(t, "actual_start", label));
  QQ_ASSIGN_OR_RETURN(p.planned_production, Month(t, "planned_production", label));
  QQ_ASSIGN_OR_RETURN(p.actual_production, Month(t, "actual_production", label));
  return p;
}

Result<Target> ParseTarget(const toml::table& t, const RegionCode& region, const std::string& label) {
  Target target;
  target.region = region;
  auto kind = ParseTargetSubjectKind(t["subject_kind"].value_or(std::string("region")));
  if (!kind.ok()) return Status::InvalidArgument(Where(label, t) + ": " + kind.status().message());
  target.subject_kind = *kind;
  target.subject = t["subject"].value_or(std::string());
  target.metric = t["metric"].value_or(std::string());
  target.source = t["source"].value_or(std::string());
  if (target.subject.empty() || target.metric.empty()) {
    return Status::InvalidArgument(Where(label, t) + ": a target needs a subject and a metric");
  }
  auto value = t["value"].value<std::string>();
  if (!value) return Status::InvalidArgument(Where(label, t) + ": a target needs a value (text, e.g. \"2000亿元\")");
  target.unit = t["unit"].value_or(std::string());
  if (target.unit.empty()) {
    auto m = Money::Parse(*value);
    if (!m.ok()) return Status::InvalidArgument(Where(label, t) + ": " + m.status().message());
    target.value_units = m->yuan();
    target.unit = "元";
  } else {
    auto m = Money::Parse(*value);  // plain decimal number in `unit`
    if (!m.ok()) return Status::InvalidArgument(Where(label, t) + ": '" + *value + "' is not a number");
    target.value_units = m->yuan();
  }
  auto cmp = ParseComparator(t["comparator"].value_or(std::string(">=")));
  if (!cmp.ok()) return Status::InvalidArgument(Where(label, t) + ": " + cmp.status().message());
  target.comparator = *cmp;
  if (auto d = t["deadline"].value<int64_t>()) target.deadline_year = static_cast<int>(*d);
  target.per_year = t["per_year"].value_or(false);
  return target;
}

}  // namespace

Result<DemoSpec> ParseDemoSpec(std::string_view text, const std::string& label) {
  toml::table root;
  try {
    root = toml::parse(text, label);
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(label + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }
  DemoSpec spec;
  spec.seed = static_cast<uint64_t>(root["seed"].value_or(int64_t{1}));
  auto first = YearMonth::Parse(root["first_month"].value_or(std::string()));
  auto last = YearMonth::Parse(root["last_month"].value_or(std::string()));
  if (!first.ok() || !last.ok() || *last < *first) {
    return Status::InvalidArgument(label + ": first_month and last_month must be months, first before last");
  }
  spec.first_month = *first;
  spec.last_month = *last;
  spec.national_pool = static_cast<int>(root["national_pool"].value_or(int64_t{0}));
  if (const toml::array* years = root["revenue_years"].as_array()) {
    for (const auto& y : *years) spec.years.push_back(static_cast<int>(y.value_or(int64_t{0})));
  }
  if (spec.years.empty()) return Status::InvalidArgument(label + ": revenue_years is missing");
  const toml::array* regions = root["region"].as_array();
  if (!regions || regions->empty()) return Status::InvalidArgument(label + ": no [[region]]");
  for (const auto& rn : *regions) {
    const toml::table& r = *rn.as_table();
    DemoRegion dr;
    auto code = RegionCode::Parse(r["code"].value_or(std::string()));
    if (!code.ok()) return Status::InvalidArgument(Where(label, rn) + ": " + code.status().message());
    dr.code = *code;
    dr.name = r["name"].value_or(std::string());
    dr.plan_name = r["plan"].value_or(std::string());
    dr.framework = r["framework"].value_or(std::string());
    dr.source = r["source"].value_or(std::string());
    if (const toml::array* period = r["period"].as_array(); period && period->size() == 2) {
      dr.year_from = static_cast<int>((*period)[0].value_or(int64_t{0}));
      dr.year_to = static_cast<int>((*period)[1].value_or(int64_t{0}));
    }
    QQ_ASSIGN_OR_RETURN(dr.towns, Codes(r, "towns", label));
    QQ_ASSIGN_OR_RETURN(dr.firm_regions, Codes(r, "firm_regions", label));
    if (dr.firm_regions.empty()) dr.firm_regions = {dr.code};
    QQ_ASSIGN_OR_RETURN(dr.other_revenue, YiList(r, "other_revenue", spec.years.size(), label, rn));
    if (const toml::array* clusters = r["cluster"].as_array()) {
      for (const auto& cn : *clusters) {
        const toml::table& c = *cn.as_table();
        DemoCluster dc;
        dc.cluster.name = c["name"].value_or(std::string());
        if (dc.cluster.name.empty()) return Status::InvalidArgument(Where(label, cn) + ": a cluster needs a name");
        auto tier = ParseClusterTier(c["tier"].value_or(std::string()));
        auto role = ParseClusterRole(c["role"].value_or(std::string()));
        if (!tier.ok()) return Status::InvalidArgument(Where(label, cn) + ": " + tier.status().message());
        if (!role.ok()) return Status::InvalidArgument(Where(label, cn) + ": " + role.status().message());
        dc.cluster.tier = *tier;
        dc.cluster.role = *role;
        dc.cluster.chains = Strings(c, "chains");
        for (const auto& s : Strings(c, "industry_codes")) {
          auto ic = IndustryCode::Parse(s);
          if (!ic.ok()) return Status::InvalidArgument(Where(label, cn) + ": " + ic.status().message());
          dc.cluster.industry_codes.push_back(*ic);
        }
        if (const toml::array* items = c["items"].as_array()) {
          for (const auto& it : *items) {
            const toml::array* pair = it.as_array();
            if (!pair || pair->size() != 2) return Status::InvalidArgument(Where(label, it) + ": items are [code, item]");
            dc.items.emplace_back((*pair)[0].value_or(std::string()), (*pair)[1].value_or(std::string()));
          }
        }
        if (dc.cluster.chains.empty() && dc.items.empty()) {
          return Status::InvalidArgument(Where(label, cn) + ": cluster '" + dc.cluster.name + "' needs chains or items");
        }
        QQ_ASSIGN_OR_RETURN(dc.revenue, YiList(c, "revenue", spec.years.size(), label, cn));
        dc.basis = c["basis"].value_or(std::string());
        dc.firms = static_cast<int>(c["firms"].value_or(int64_t{10}));
        dc.stable = c["stable"].value_or(false);
        if (dc.firms < 1) return Status::InvalidArgument(Where(label, cn) + ": firms must be at least 1");
        dr.clusters.push_back(std::move(dc));
      }
    }
    if (const toml::array* targets = r["target"].as_array()) {
      for (const auto& tn : *targets) {
        QQ_ASSIGN_OR_RETURN(auto t, ParseTarget(*tn.as_table(), dr.code, label));
        dr.targets.push_back(std::move(t));
      }
    }
    if (const toml::array* published = r["published"].as_array()) {
      for (const auto& pn : *published) {
        const toml::table& p = *pn.as_table();
        dr.published.push_back({p["metric"].value_or(std::string()), p["period"].value_or(std::string()),
                                p["value"].value_or(0.0), p["source"].value_or(std::string())});
      }
    }
    if (const toml::table* plan = r["projects"].as_table()) {
      DemoProjectPlan pp;
      pp.count = static_cast<int>((*plan)["count"].value_or(int64_t{0}));
      if (const toml::node* n = plan->get("total_investment")) { QQ_ASSIGN_OR_RETURN(pp.total_investment, Yi(*n, label)); }
      if (const toml::node* n = plan->get("annual_plan")) { QQ_ASSIGN_OR_RETURN(pp.annual_plan, Yi(*n, label)); }
      pp.year = static_cast<int>((*plan)["year"].value_or(int64_t{spec.last_month.year()}));
      pp.in_production = static_cast<int>((*plan)["in_production"].value_or(int64_t{-1}));
      pp.basis = (*plan)["basis"].value_or(std::string());
      dr.projects = pp;
    }
    if (const toml::array* projects = r["project"].as_array()) {
      for (const auto& pn : *projects) {
        QQ_ASSIGN_OR_RETURN(auto p, ParseProject(*pn.as_table(), dr.code, label));
        dr.named_projects.push_back(std::move(p));
      }
    }
    if (const toml::array* parks = r["park"].as_array()) {
      for (const auto& pn : *parks) {
        const toml::table& t = *pn.as_table();
        DemoPark park;
        park.name = t["name"].value_or(std::string());
        if (park.name.empty()) return Status::InvalidArgument(label + ":" + std::to_string(pn.source().begin.line) + ": a park needs a name");
        park.featured_industry = t["featured_industry"].value_or(std::string());
        park.chain = t["chain"].value_or(std::string());
        park.task_force = t["task_force"].value_or(std::string());
        park.area_ha = t["area_ha"].value_or(0.0);
        park.available_parcels = static_cast<int>(t["available_parcels"].value_or(int64_t{0}));
        park.idle_parcels = static_cast<int>(t["idle_parcels"].value_or(int64_t{0}));
        dr.parks.push_back(std::move(park));
      }
    }
    if (const toml::table* land = r["revitalized"].as_table()) {
      DemoLand l;
      l.year = static_cast<int>((*land)["year"].value_or(int64_t{0}));
      l.firms = static_cast<int>((*land)["firms"].value_or(int64_t{0}));
      l.hectares = (*land)["hectares"].value_or(0.0);
      l.basis = (*land)["basis"].value_or(std::string());
      if (l.year <= 0 || l.firms <= 0 || l.hectares <= 0) {
        return Status::InvalidArgument(label + ":" + std::to_string(land->source().begin.line) +
                                       ": [region.revitalized] needs year, firms and hectares > 0");
      }
      dr.revitalized = l;
    }
    spec.regions.push_back(std::move(dr));
  }
  return spec;
}

}  // namespace qq::ingest
