#include "wire/entities.h"

#include <cmath>

namespace qq::wire {

Json OptMonth(const std::optional<YearMonth>& m) { return m ? Json(m->ToString()) : Json(nullptr); }

Json OptDouble(const std::optional<double>& v, int decimals) {
  if (!v || !std::isfinite(*v)) return nullptr;
  double scale = std::pow(10.0, decimals);
  return std::round(*v * scale) / scale;
}

namespace {
template <typename T>
Json OptInt(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}
Json OptMoney(const std::optional<Money>& m) { return m ? Json(m->yuan()) : Json(nullptr); }
}  // namespace

Json RegionJson(const Region& r) {
  return {{"code", r.code.str()}, {"name", r.name}, {"level", RegionLevelName(r.level)},
          {"parent", r.parent ? Json(r.parent->str()) : Json(nullptr)}, {"system", CodeSystemName(r.system)}};
}

Json RegionRef(const std::string& code, const NameOf& names) { return {{"code", code}, {"name", names(code)}}; }

Json IndustryJson(const IndustryClass& c) {
  return {{"code", c.code.str()}, {"name", c.name}, {"level", c.code.Level()},
          {"parent", c.parent ? Json(c.parent->str()) : Json(nullptr)}, {"section", std::string(1, c.section)}};
}

Json UserJson(const User& u, const NameOf& region_names) {
  Json regions = Json::array();
  for (const auto& r : u.regions) regions.push_back(RegionRef(r.str(), region_names));
  return {{"username", u.username}, {"display_name", u.display_name}, {"role", RoleName(u.role)},
          {"role_label", RoleLabel(u.role)}, {"regions", regions}};
}

Json ChainSummaryJson(const Chain& c) {
  int tagging = 0;
  for (const auto& l : c.links) tagging += l.tagging;
  return {{"id", c.id}, {"name", c.name}, {"order", c.order}, {"link_count", c.links.size()}, {"tagging_links", tagging}};
}

Json ChainJson(const Chain& c) {
  Json links = Json::array();
  for (const auto& l : c.links) {
    Json codes = Json::array(), hints = Json::array();
    for (const auto& code : l.industry_codes) codes.push_back(code.str());
    for (const auto& code : l.hint_codes) hints.push_back(code.str());
    links.push_back({{"id", l.id}, {"key", l.key}, {"name", l.name},
                     {"parent", l.parent_key.empty() ? Json(nullptr) : Json(l.parent_key)},
                     {"position", ChainPositionLabel(l.position)}, {"tagging", l.tagging}, {"service", l.service},
                     {"industry_codes", codes}, {"hint_codes", hints}, {"keywords", l.keywords},
                     {"products", l.products}, {"note", l.note}});
  }
  return {{"id", c.id}, {"name", c.name}, {"order", c.order}, {"description", c.description},
          {"sources", c.sources}, {"links", links}};
}

Json PlanJson(const Plan& p, const NameOf& region_names) {
  Json clusters = Json::array();
  for (const auto& c : p.clusters) {
    Json codes = Json::array();
    for (const auto& code : c.industry_codes) codes.push_back(code.str());
    clusters.push_back({{"id", c.id}, {"name", c.name},
                        {"tier", c.tier == ClusterTier::kNone ? Json(nullptr) : Json(ClusterTierLabel(c.tier))},
                        {"role", c.role == ClusterRole::kNone ? Json(nullptr) : Json(ClusterRoleLabel(c.role))},
                        {"chains", c.chains}, {"industry_codes", codes}});
  }
  return {{"id", p.id}, {"region", RegionRef(p.region.str(), region_names)}, {"name", p.name},
          {"framework", p.framework}, {"period", {{"from", p.year_from}, {"to", p.year_to}}}, {"source", p.source},
          {"clusters", clusters}};
}

Json TargetJson(const Target& t, const NameOf& region_names) {
  Json value;
  if (t.decimals == 0) value = t.value_units; else value = t.Value();
  return {{"id", t.id}, {"region", RegionRef(t.region.str(), region_names)},
          {"subject", {{"kind", TargetSubjectKindName(t.subject_kind)}, {"name", t.subject}}}, {"metric", t.metric},
          {"value", value}, {"unit", t.unit}, {"comparator", ComparatorSymbol(t.comparator)},
          {"deadline", OptInt(t.deadline_year)}, {"per_year", t.per_year}, {"source", t.source}};
}

Json EnterpriseJson(const Enterprise& e, const NameOf& region_names, const NameOf& industry_names, bool above_scale) {
  return {{"uscc", e.uscc.str()}, {"name", e.name}, {"region", RegionRef(e.region.str(), region_names)},
          {"town", e.town ? RegionRef(e.town->str(), region_names) : Json(nullptr)},
          {"industry", e.industry ? Json{{"code", e.industry->str()}, {"name", industry_names(e.industry->str())}} : Json(nullptr)},
          {"founded", e.founded ? Json(e.founded->ToString()) : Json(nullptr)},
          {"registered_capital", OptMoney(e.registered_capital)}, {"scope", e.scope}, {"address", e.address},
          {"park", e.park}, {"above_scale", above_scale}};
}

Json ProjectJson(const Project& p, const NameOf& region_names) {
  return {{"id", p.id}, {"name", p.name}, {"region", RegionRef(p.region.str(), region_names)},
          {"town", p.town ? RegionRef(p.town->str(), region_names) : Json(nullptr)},
          {"level", p.level ? Json(ProjectLevelLabel(*p.level)) : Json(nullptr)}, {"stage", ProjectStageLabel(p.stage)},
          {"chain", p.chain}, {"cluster", p.cluster}, {"park", p.park},
          {"total_investment", p.total_investment.yuan()}, {"annual_plan", OptMoney(p.annual_plan)},
          {"completed_this_year", OptMoney(p.completed_this_year)}, {"completed_total", OptMoney(p.completed_total)},
          {"planned_start", OptMonth(p.planned_start)}, {"actual_start", OptMonth(p.actual_start)},
          {"planned_production", OptMonth(p.planned_production)}, {"actual_production", OptMonth(p.actual_production)},
          {"floor_area_m2", OptInt(p.floor_area_m2)}, {"land_ha", OptInt(p.land_ha)}, {"capacity", p.capacity},
          {"expected_output", OptMoney(p.expected_output)}, {"jobs", OptInt(p.jobs)}, {"source", p.source},
          {"park_id", OptInt(p.park_id)}, {"manager", p.manager}, {"leader", p.leader}, {"capacity_unit", p.capacity_unit},
          {"planned_completion", OptMonth(p.planned_completion)}, {"stage_reason", p.stage_reason}};
}

Json OverviewJson(const app::Overview& o) {
  Json clusters = Json::array();
  for (const auto& c : o.clusters) {
    Json target = nullptr;
    if (c.target) {
      target = {{"value", c.target->decimals == 0 ? Json(c.target->value_units) : Json(c.target->Value())},
                {"unit", c.target->unit}, {"deadline", OptInt(c.target->deadline_year)}, {"metric", c.target->metric},
                {"comparator", ComparatorSymbol(c.target->comparator)}, {"source", c.target->source}};
    }
    clusters.push_back({{"id", c.id}, {"name", c.name}, {"tier", c.tier.empty() ? Json(nullptr) : Json(c.tier)},
                        {"role", c.role.empty() ? Json(nullptr) : Json(c.role)}, {"chains", c.chains},
                        {"metric", c.metric}, {"year", c.year}, {"value", c.value}, {"yoy", OptDouble(c.yoy)},
                        {"firms", c.firms}, {"target", target}, {"progress", OptDouble(c.progress, 4)}});
  }
  Json monthly = Json::array();
  for (const auto& m : o.monthly) {
    monthly.push_back({{"month", m.month.ToString()}, {"output", m.output}, {"output_cum", m.output_cum},
                       {"yoy", OptDouble(m.yoy)}, {"yoy_cum", OptDouble(m.yoy_cum)}});
  }
  Json stages = Json::array();
  for (const auto& s : o.projects_by_stage) {
    stages.push_back({{"stage", ProjectStageLabel(s.stage)}, {"count", s.count}, {"total_investment", s.total_investment}});
  }
  return {{"region", {{"code", o.region.code.str()}, {"name", o.region.name}}},
          {"latest_month", OptMonth(o.latest_month)},
          {"kpis", {{"above_scale_firms", o.above_scale_firms}, {"output_ytd", o.output_ytd},
                    {"output_ytd_yoy", OptDouble(o.output_ytd_yoy)}, {"revenue_ytd", o.revenue_ytd},
                    {"revenue_ytd_yoy", OptDouble(o.revenue_ytd_yoy)}, {"projects", o.projects},
                    {"projects_total_investment", o.projects_total_investment}}},
          {"clusters", clusters}, {"monthly", monthly}, {"projects_by_stage", stages}};
}

}  // namespace qq::wire
