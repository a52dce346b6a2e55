#include "wire/monitor.h"

#include "wire/entities.h"

namespace qq::wire {
namespace {

const char* UnitOf(Indicator i) {
  if (InfoOf(i).money) return "元";
  return i == Indicator::kEmployees ? "人" : "千克标准煤";
}

Json OptInt(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }
Json Value(int64_t v) { return v == analytics::kMissing ? Json(nullptr) : Json(v); }

Json LineJson(const app::FirmLine& l) {
  return {{"uscc", l.uscc}, {"name", l.name}, {"industry", l.industry}, {"town", l.town}, {"value", l.value},
          {"reference", l.reference}, {"growth", OptDouble(l.growth)}, {"note", l.note}};
}

Json Lines(const std::vector<app::FirmLine>& lines) {
  Json out = Json::array();
  for (const auto& l : lines) out.push_back(LineJson(l));
  return out;
}

Json GroupJson(const analytics::GroupRow& g, const std::string& name) {
  return {{"key", g.key}, {"name", name}, {"firms", g.firms}, {"当月", g.current}, {"累计", g.cumulative},
          {"同比", OptDouble(g.yoy)}, {"累计同比", OptDouble(g.yoy_cumulative)}, {"占比", OptDouble(g.share)},
          {"拉动", OptDouble(g.contribution)}};
}

}  // namespace

Json UnitsJson() {
  Json units = Json::object();
  for (Indicator i : kAllIndicators) units[std::string(InfoOf(i).label)] = UnitOf(i);
  return units;
}

Json MonthlyJson(const app::MonthlyReport& r) {
  Json months = Json::array();
  for (const auto& row : r.rows) {
    Json m = {{"month", row.month.ToString()}};
    if (row.combined_jan_feb) m["combined"] = "1-2月";
    for (Indicator i : kAllIndicators) {
      const auto& c = row.cells[static_cast<size_t>(i)];
      m[std::string(InfoOf(i).label)] = {{"当月", OptInt(c.current)},        {"累计", OptInt(c.cumulative)},
                                         {"同比", OptDouble(c.yoy)},         {"累计同比", OptDouble(c.yoy_cumulative)},
                                         {"环比", OptDouble(c.mom)},         {"两年平均增长", OptDouble(c.two_year_average)}};
    }
    months.push_back(m);
  }
  return {{"region", {{"code", r.region.code.str()}, {"name", r.region.name}}},
          {"scope", r.scope == analytics::Scope::kAboveScale ? "规上" : "all"},
          {"units", UnitsJson()},
          {"months", months}};
}

Json BreakdownJson(const app::BreakdownReport& r) {
  Json groups = Json::array();
  for (const auto& g : r.groups) groups.push_back(GroupJson(g.row, g.name));
  return {{"region", {{"code", r.region.code.str()}, {"name", r.region.name}}},
          {"month", r.month.ToString()},
          {"indicator", InfoOf(r.indicator).label},
          {"unit", UnitOf(r.indicator)},
          {"by", app::GroupByName(r.by)},
          {"scope", r.scope == analytics::Scope::kAboveScale ? "规上" : "all"},
          {"total", GroupJson(r.total, "合计")},
          {"groups", groups}};
}

Json WatchJson(const app::WatchLists& w) {
  return {{"region", {{"code", w.region.code.str()}, {"name", w.region.name}}},
          {"month", w.month.ToString()},
          {"candidates", Lines(w.candidates)},
          {"crossings", Lines(w.crossings)},
          {"entered", Lines(w.entered)},
          {"left", Lines(w.left)},
          {"movers_up", Lines(w.movers_up)},
          {"movers_down", Lines(w.movers_down)},
          {"missing", Lines(w.missing)},
          {"anomalies", Lines(w.anomalies)}};
}

Json ClustersJson(const std::vector<app::ClusterReport>& clusters) {
  Json out = Json::array();
  for (const auto& c : clusters) {
    Json years = Json::array();
    for (const auto& y : c.years) years.push_back({{"year", y.year}, {"value", y.value}, {"months", y.months}});
    Json target = nullptr;
    if (c.target) {
      target = {{"metric", c.target->metric}, {"value", c.target->decimals == 0 ? Json(c.target->value_units) : Json(c.target->Value())},
                {"unit", c.target->unit}, {"deadline", c.target->deadline_year ? Json(*c.target->deadline_year) : Json(nullptr)},
                {"comparator", ComparatorSymbol(c.target->comparator)}, {"source", c.target->source}};
    }
    out.push_back({{"id", c.id}, {"plan", c.plan}, {"name", c.name}, {"tier", c.tier.empty() ? Json(nullptr) : Json(c.tier)},
                   {"role", c.role.empty() ? Json(nullptr) : Json(c.role)}, {"chains", c.chains},
                   {"industry_codes", c.industry_codes}, {"years", years}, {"yoy", OptDouble(c.yoy)}, {"firms", c.firms},
                   {"target", target}, {"progress", OptDouble(c.progress, 4)},
                   {"linear_path_value", c.linear_path_value ? Json(static_cast<int64_t>(*c.linear_path_value)) : Json(nullptr)},
                   {"required_growth", OptDouble(c.required_growth)}, {"trend_growth", OptDouble(c.trend_growth)},
                   {"trend_year_reached", c.trend_year_reached ? Json(*c.trend_year_reached) : Json(nullptr)},
                   {"top_firms", Lines(c.top_firms)}});
  }
  return {{"clusters", out}};
}

Json ProfileJson(const app::FirmProfile& p) {
  Json months = Json::array();
  for (const auto& m : p.months) {
    Json row = {{"month", m.month.ToString()}};
    for (Indicator i : kAllIndicators) {
      row[std::string(InfoOf(i).label)] = {{"当月", Value(m.values.current[static_cast<size_t>(i)])},
                                           {"累计", Value(m.values.cumulative[static_cast<size_t>(i)])}};
    }
    months.push_back(row);
  }
  Json scale = Json::array();
  for (const auto& [year, above] : p.above_scale) scale.push_back({{"year", year}, {"above_scale", above}});
  Json revenue = Json::array();
  for (const auto& [year, v] : p.year_revenue) revenue.push_back({{"year", year}, {"revenue", v}});
  const Enterprise& e = p.firm;
  return {{"uscc", e.uscc.str()}, {"name", e.name},
          {"region", {{"code", e.region.str()}, {"name", p.region_name}}},
          {"town", e.town ? Json{{"code", e.town->str()}, {"name", p.town_name}} : Json(nullptr)},
          {"industry", e.industry ? Json{{"code", e.industry->str()}, {"name", p.industry_name}} : Json(nullptr)},
          {"founded", e.founded ? Json(e.founded->ToString()) : Json(nullptr)},
          {"registered_capital", e.registered_capital ? Json(e.registered_capital->yuan()) : Json(nullptr)},
          {"scope", e.scope}, {"address", e.address}, {"park", e.park}, {"links", p.links},
          {"above_scale", scale}, {"year_revenue", revenue},
          {"rank_in_region", p.rank_in_region ? Json(*p.rank_in_region) : Json(nullptr)},
          {"firms_in_region", p.firms_in_region}, {"units", UnitsJson()}, {"months", months}};
}

Json PublishedJson(const std::vector<store::PublishedRate>& rates) {
  Json out = Json::array();
  for (const auto& r : rates) {
    out.push_back({{"region", r.region.str()}, {"metric", r.metric}, {"period", r.period}, {"value", r.value},
                   {"unit", "%"}, {"source", r.source}});
  }
  return {{"published", out}};
}

}  // namespace qq::wire
