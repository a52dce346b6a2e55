#include "wire/projects.h"

#include <cmath>

namespace qq::wire {
namespace {

Json Yuan(const std::optional<Money>& m) { return m ? Json(m->yuan()) : Json(nullptr); }
Json Rate(const std::optional<double>& v) {
  return v ? Json(std::round(*v * 10) / 10) : Json(nullptr);
}
Json Hectares(double ha) { return std::round(ha * 100) / 100; }

// A cut as an object keyed by category ("" = none): {"在建": {"name", "count", sums, rate}, …}.
Json GroupsJson(const std::vector<SummaryGroup>& groups, const NameOf* names = nullptr) {
  Json out = Json::object();
  for (const auto& g : groups) {
    out[g.key] = {{"name", names && !g.key.empty() ? (*names)(g.key) : g.key},
                  {"count", g.count},
                  {"total_investment", g.total_investment.yuan()},
                  {"annual_plan", g.annual_plan.yuan()},
                  {"completed_this_year", g.completed_this_year.yuan()},
                  {"completion_rate", Rate(g.completion_rate)}};
  }
  return out;
}

Json ItemsJson(const std::vector<SummaryItem>& items) {
  Json out = Json::array();
  for (const auto& i : items) out.push_back({{"id", i.id}, {"name", i.name}, {"reason", i.reason}});
  return out;
}

}  // namespace

Json RoundJson(const store::Round& r, const NameOf& region_names, int projects, int filed,
               int late) {
  return {{"id", r.id},
          {"region", RegionRef(r.region.str(), region_names)},
          {"period", r.period.ToString()},
          {"deadline", r.deadline.ToString()},
          {"status", r.status},
          {"projects", projects},
          {"filed", filed},
          {"late", late}};
}

Json RecordJson(const store::RoundRecord& r, bool late) {
  return {{"id", r.id},
          {"round", r.period.ToString()},
          {"filed_at", r.filed_at},
          {"completed_total", Yuan(r.completed_total)},
          {"completed_period", Yuan(r.completed_period)},
          {"completed_this_year", Yuan(r.completed_this_year)},
          {"progress_pct", OptDouble(r.progress_pct, 1)},
          {"stage", ProjectStageLabel(r.stage)},
          {"workers", r.workers ? Json(*r.workers) : Json(nullptr)},
          {"problems", r.problems},
          {"source", r.source},
          {"username", r.username},
          {"late", late}};
}

Json ProjectLibraryJson(const app::ProjectLibrary& lib, const NameOf& region_names) {
  Json round = nullptr;
  if (lib.round) {
    int filed = 0, late = 0;
    for (const auto& r : lib.rows) {
      filed += r.filed;
      late += r.late;
    }
    round = RoundJson(*lib.round, region_names, static_cast<int>(lib.rows.size()), filed, late);
  }
  Json items = Json::array();
  for (const auto& row : lib.rows) {
    Json j = ProjectJson(row.project, region_names);
    j["stage"] = ProjectStageLabel(row.stage);  // as of the report month
    j["year_level"] = row.year.level ? Json(ProjectLevelLabel(*row.year.level)) : Json(nullptr);
    j["year_plan"] = Yuan(row.year.annual_plan);
    j["completed_this_year"] = row.completed_this_year.yuan();
    j["filed"] = row.filed;
    j["last_record"] =
        row.last_record ? RecordJson(*row.last_record, row.late && row.filed) : Json(nullptr);
    std::optional<double> rate;
    if (row.year.annual_plan && row.year.annual_plan->yuan() > 0) {
      rate = 100.0 * static_cast<double>(row.completed_this_year.yuan()) /
             static_cast<double>(row.year.annual_plan->yuan());
    }
    j["completion_rate"] = Rate(rate);
    items.push_back(std::move(j));
  }
  return {{"year", lib.year}, {"as_of", lib.as_of.ToString()}, {"round", round}, {"items", items}};
}

Json ProjectSummaryJson(const ProjectSummary& s, const std::string& region_code,
                        const NameOf& town_names) {
  Json facts = Json::array();
  for (const auto& f : s.facts)
    facts.push_back({{"text", f.text}, {"field", f.field}, {"value", f.value}});
  return {{"region", {{"code", region_code}, {"name", s.region_name}}},
          {"year", s.year},
          {"as_of", s.as_of.ToString()},
          {"schedule_pct", Rate(s.schedule_pct)},
          {"count", s.count},
          {"total_investment", s.total_investment.yuan()},
          {"annual_plan", s.annual_plan.yuan()},
          {"completed_this_year", s.completed_this_year.yuan()},
          {"completion_rate", Rate(s.completion_rate)},
          {"started", s.started},
          {"start_due", s.start_due},
          {"started_due", s.started_due},
          {"start_rate", Rate(s.start_rate)},
          {"producing", s.producing},
          {"production_due", s.production_due},
          {"producing_due", s.producing_due},
          {"production_rate", Rate(s.production_rate)},
          {"has_round", s.has_round},
          {"by_stage", GroupsJson(s.by_stage)},
          {"by_level", GroupsJson(s.by_level)},
          {"by_chain", GroupsJson(s.by_chain)},
          {"by_park", GroupsJson(s.by_park)},
          {"by_town", GroupsJson(s.by_town, &town_names)},
          {"lagging", ItemsJson(s.lagging)},
          {"behind_pace", ItemsJson(s.behind_pace)},
          {"not_filed", ItemsJson(s.not_filed)},
          {"paragraph", s.paragraph},
          {"facts", facts}};
}

Json RoundStatusJson(const app::RoundStatus& s, const NameOf& region_names) {
  Json items = Json::array();
  for (const auto& i : s.items) {
    items.push_back(
        {{"project",
          {{"id", i.project.id},
           {"name", i.project.name},
           {"level", i.project.level ? Json(ProjectLevelLabel(*i.project.level)) : Json(nullptr)},
           {"stage", ProjectStageLabel(i.project.stage)}}},
         {"filed", i.record.has_value()},
         {"late", i.late},
         {"record", i.record ? RecordJson(*i.record, i.late) : Json(nullptr)}});
  }
  return {{"round",
           RoundJson(s.round, region_names, static_cast<int>(s.items.size()), s.filed, s.late)},
          {"items", items}};
}

Json ProjectProfileJson(const app::ProjectProfile& p, const NameOf& region_names) {
  Json years = Json::array(), stages = Json::array(), approvals = Json::array(),
       needs = Json::array(), records = Json::array(), milestones = Json::array();
  for (const auto& y : p.years) {
    years.push_back({{"year", y.year},
                     {"level", y.level ? Json(ProjectLevelLabel(*y.level)) : Json(nullptr)},
                     {"annual_plan", Yuan(y.annual_plan)}});
  }
  for (const auto& e : p.stages) {
    stages.push_back({{"on_date", e.on_date.ToString()},
                      {"from", e.from ? Json(ProjectStageLabel(*e.from)) : Json(nullptr)},
                      {"to", ProjectStageLabel(e.to)},
                      {"reason", e.reason},
                      {"username", e.username}});
  }
  for (const auto& a : p.approvals) {
    approvals.push_back({{"kind", a.kind},
                         {"on_date", a.on_date ? Json(a.on_date->ToString()) : Json(nullptr)},
                         {"status", a.status},
                         {"note", a.note}});
  }
  for (const auto& n : p.needs) {
    std::optional<double> ha = n.amount ? LandHectares(*n.amount, n.unit) : std::nullopt;
    needs.push_back({{"id", n.id},
                     {"kind", n.kind},
                     {"amount", n.amount ? Json(*n.amount) : Json(nullptr)},
                     {"unit", n.unit},
                     {"hectares", ha ? Hectares(*ha) : Json(nullptr)},
                     {"status", n.status},
                     {"note", n.note}});
  }
  for (size_t k = 0; k < p.records.size(); ++k)
    records.push_back(RecordJson(p.records[k], p.records_late[k]));
  for (const auto& m : p.milestones) {
    milestones.push_back(
        {{"name", m.name}, {"planned", OptMonth(m.planned)}, {"actual", OptMonth(m.actual)}});
  }
  return {{"project", ProjectJson(p.project, region_names)},
          {"years", years},
          {"stages", stages},
          {"approvals", approvals},
          {"needs", needs},
          {"records", records},
          {"milestones", milestones},
          {"lead",
           p.lead ? Json{{"id", p.lead->first}, {"firm_name", p.lead->second}} : Json(nullptr)}};
}

Json ParcelJson(const store::Parcel& l) {
  return {{"id", l.id},
          {"code", l.code},
          {"park_id", l.park_id ? Json(*l.park_id) : Json(nullptr)},
          {"area_ha", Hectares(l.hectares())},
          {"land_use", l.land_use},
          {"price", l.price ? Json(*l.price) : Json(nullptr)},
          {"status", l.status},
          {"enterprise", l.enterprise_id
                             ? Json{{"uscc", l.enterprise_uscc}, {"name", l.enterprise_name}}
                             : Json(nullptr)},
          {"project",
           l.project_id ? Json{{"id", *l.project_id}, {"name", l.project_name}} : Json(nullptr)},
          {"idle_since", l.idle_since ? Json(l.idle_since->ToString()) : Json(nullptr)},
          {"revitalized_at", l.revitalized_at ? Json(l.revitalized_at->ToString()) : Json(nullptr)},
          {"note", l.note}};
}

Json ParksJson(const std::vector<app::ParkView>& parks, const app::LandFigures& land) {
  Json out = Json::array();
  for (const auto& v : parks) {
    Json parcels = Json::array();
    for (const auto& l : v.parcels) parcels.push_back(ParcelJson(l));
    out.push_back({{"id", v.park.id},
                   {"name", v.park.name},
                   {"region", v.park.region.str()},
                   {"featured_industry", v.park.featured_industry},
                   {"chain", v.park.chain},
                   {"task_force", v.park.task_force},
                   {"area_ha", v.park.area_ha ? Json(*v.park.area_ha) : Json(nullptr)},
                   {"parcels", parcels},
                   {"idle_ha", Hectares(v.idle_ha)},
                   {"available_ha", Hectares(v.available_ha)},
                   {"supplied_ha", Hectares(v.supplied_ha)}});
  }
  return {{"parks", out},
          {"land",
           {{"year", land.year > 0 ? Json(land.year) : Json(nullptr)},
            {"revitalized_firms", land.firms},
            {"revitalized_ha", Hectares(land.hectares)},
            {"sentence", land.sentence}}}};
}

Json LandMatchJson(const app::LandMatch& m) {
  Json parcels = Json::array();
  for (const auto& [l, fit] : m.parcels) {
    Json j = ParcelJson(l);
    j["fit"] = fit;
    parcels.push_back(std::move(j));
  }
  Json need = nullptr;
  if (m.need_ha) need = {{"text", m.need_text}, {"hectares", Hectares(*m.need_ha)}};
  return {{"need", need}, {"parcels", parcels}};
}

}  // namespace qq::wire
