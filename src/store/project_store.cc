#include "store/project_store.h"

#include "store/columns.h"
#include "store/scope.h"

#include <map>

namespace qq::store {
namespace {

constexpr const char* kColumns =
    "id, name, region, town, level, stage, chain, cluster, park, total_investment, annual_plan, "
    "completed_this_year, completed_total, planned_start, actual_start, planned_production, "
    "actual_production, floor_area_m2, land_ha, capacity, expected_output, jobs, source, capacity_unit, "
    "planned_completion, park_id, manager, leader, stage_reason";





Result<Project> ReadProject(const Statement& st) {
  Project p;
  p.id = st.Int(0);
  p.name = st.Text(1);
  QQ_ASSIGN_OR_RETURN(p.region, RegionCode::Parse(st.Text(2)));
  if (auto t = st.OptText(3)) {
    QQ_ASSIGN_OR_RETURN(auto town, RegionCode::Parse(*t));
    p.town = town;
  }
  if (auto l = st.OptText(4)) {
    QQ_ASSIGN_OR_RETURN(auto level, ParseProjectLevel(*l));
    p.level = level;
  }
  QQ_ASSIGN_OR_RETURN(p.stage, ParseProjectStage(st.Text(5)));
  p.chain = st.Text(6);
  p.cluster = st.Text(7);
  p.park = st.Text(8);
  p.total_investment = Money::FromYuan(st.Int(9));
  p.annual_plan = ReadMoney(st, 10);
  p.completed_this_year = ReadMoney(st, 11);
  p.completed_total = ReadMoney(st, 12);
  QQ_ASSIGN_OR_RETURN(p.planned_start, ReadMonth(st, 13));
  QQ_ASSIGN_OR_RETURN(p.actual_start, ReadMonth(st, 14));
  QQ_ASSIGN_OR_RETURN(p.planned_production, ReadMonth(st, 15));
  QQ_ASSIGN_OR_RETURN(p.actual_production, ReadMonth(st, 16));
  if (!st.IsNull(17)) p.floor_area_m2 = st.Real(17);
  if (!st.IsNull(18)) p.land_ha = st.Real(18);
  p.capacity = st.Text(19);
  p.expected_output = ReadMoney(st, 20);
  if (auto j = st.OptInt(21)) p.jobs = static_cast<int>(*j);
  p.source = st.Text(22);
  p.capacity_unit = st.Text(23);
  QQ_ASSIGN_OR_RETURN(p.planned_completion, ReadMonth(st, 24));
  p.park_id = st.OptInt(25);
  p.manager = st.Text(26);
  p.leader = st.Text(27);
  p.stage_reason = st.Text(28);
  return p;
}

}  // namespace

Status ProjectStore::Add(Project& p) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "INSERT INTO project (name, region, town, level, stage, chain, cluster, park, total_investment, annual_plan, "
      "completed_this_year, completed_total, planned_start, actual_start, planned_production, actual_production, "
      "floor_area_m2, land_ha, capacity, expected_output, jobs, source, capacity_unit, planned_completion, park_id, "
      "manager, leader, stage_reason) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  st.Bind(1, p.name).Bind(2, p.region.str());
  if (p.town) st.Bind(3, p.town->str()); else st.BindNull(3);
  if (p.level) st.Bind(4, ProjectLevelLabel(*p.level)); else st.BindNull(4);
  st.Bind(5, ProjectStageLabel(p.stage)).Bind(6, p.chain).Bind(7, p.cluster).Bind(8, p.park)
      .Bind(9, p.total_investment.yuan()).Bind(10, Yuan(p.annual_plan)).Bind(11, Yuan(p.completed_this_year))
      .Bind(12, Yuan(p.completed_total)).Bind(13, Packed(p.planned_start)).Bind(14, Packed(p.actual_start))
      .Bind(15, Packed(p.planned_production)).Bind(16, Packed(p.actual_production))
      .Bind(17, p.floor_area_m2).Bind(18, p.land_ha).Bind(19, p.capacity).Bind(20, Yuan(p.expected_output));
  if (p.jobs) st.Bind(21, *p.jobs); else st.BindNull(21);
  st.Bind(22, p.source).Bind(23, p.capacity_unit).Bind(24, Packed(p.planned_completion)).Bind(25, p.park_id)
      .Bind(26, p.manager).Bind(27, p.leader).Bind(28, p.stage_reason);
  Status s = st.Run();
  if (s.code() == StatusCode::kConflict) {
    return Status::AlreadyExists("region " + p.region.str() + " already has a project named " + p.name);
  }
  QQ_RETURN_IF_ERROR(s);
  p.id = db_.LastInsertId();
  return Status::Ok();
}

Result<Project> ProjectStore::Get(int64_t id) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(std::string("SELECT ") + kColumns + " FROM project WHERE id = ?"));
  st.Bind(1, id);
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Status::NotFound("no project with id " + std::to_string(id));
  return ReadProject(st);
}

Result<std::optional<Project>> ProjectStore::FindByName(const RegionCode& region, const std::string& name) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(std::string("SELECT ") + kColumns + " FROM project WHERE region = ? AND name = ?"));
  st.Bind(1, region.str()).Bind(2, name);
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<Project>();
  QQ_ASSIGN_OR_RETURN(auto p, ReadProject(st));
  return std::optional<Project>(std::move(p));
}

Status ProjectStore::Update(const Project& p) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "UPDATE project SET name = ?, town = ?, level = ?, stage = ?, chain = ?, cluster = ?, park = ?, total_investment = ?, "
      "annual_plan = ?, completed_this_year = ?, completed_total = ?, planned_start = ?, actual_start = ?, "
      "planned_production = ?, actual_production = ?, floor_area_m2 = ?, land_ha = ?, capacity = ?, expected_output = ?, "
      "jobs = ?, source = ?, capacity_unit = ?, planned_completion = ?, park_id = ?, manager = ?, leader = ?, "
      "stage_reason = ? WHERE id = ?"));
  st.Bind(1, p.name);
  if (p.town) st.Bind(2, p.town->str()); else st.BindNull(2);
  if (p.level) st.Bind(3, ProjectLevelLabel(*p.level)); else st.BindNull(3);
  st.Bind(4, ProjectStageLabel(p.stage)).Bind(5, p.chain).Bind(6, p.cluster).Bind(7, p.park)
      .Bind(8, p.total_investment.yuan()).Bind(9, Yuan(p.annual_plan)).Bind(10, Yuan(p.completed_this_year))
      .Bind(11, Yuan(p.completed_total)).Bind(12, Packed(p.planned_start)).Bind(13, Packed(p.actual_start))
      .Bind(14, Packed(p.planned_production)).Bind(15, Packed(p.actual_production)).Bind(16, p.floor_area_m2)
      .Bind(17, p.land_ha).Bind(18, p.capacity).Bind(19, Yuan(p.expected_output));
  if (p.jobs) st.Bind(20, *p.jobs); else st.BindNull(20);
  st.Bind(21, p.source).Bind(22, p.capacity_unit).Bind(23, Packed(p.planned_completion)).Bind(24, p.park_id)
      .Bind(25, p.manager).Bind(26, p.leader).Bind(27, p.stage_reason).Bind(28, p.id);
  QQ_RETURN_IF_ERROR(st.Run());
  if (db_.Changes() == 0) return Status::NotFound("no project with id " + std::to_string(p.id));
  return Status::Ok();
}

Status ProjectStore::SetYear(int64_t project_id, const ProjectYear& y) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "INSERT INTO project_year (project_id, year, level, annual_plan) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (project_id, year) DO UPDATE SET level = excluded.level, annual_plan = excluded.annual_plan"));
  st.Bind(1, project_id).Bind(2, y.year);
  if (y.level) st.Bind(3, ProjectLevelLabel(*y.level)); else st.BindNull(3);
  st.Bind(4, Yuan(y.annual_plan));
  return st.Run();
}

Result<std::vector<ProjectYear>> ProjectStore::Years(int64_t project_id) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("SELECT year, level, annual_plan FROM project_year WHERE project_id = ? ORDER BY year"));
  st.Bind(1, project_id);
  std::vector<ProjectYear> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    ProjectYear y;
    y.year = static_cast<int>(st.Int(0));
    if (auto l = st.OptText(1)) {
      QQ_ASSIGN_OR_RETURN(auto level, ParseProjectLevel(*l));
      y.level = level;
    }
    y.annual_plan = ReadMoney(st, 2);
    out.push_back(y);
  }
  return out;
}

Result<std::map<int64_t, ProjectYear>> ProjectStore::YearOf(const std::vector<RegionCode>& scope, int year) {
  ScopeFilter filter("p.region", scope);
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "SELECT y.project_id, y.level, y.annual_plan FROM project_year y JOIN project p ON p.id = y.project_id "
      "WHERE y.year = ? AND " + filter.Sql()));
  st.Bind(1, year);
  filter.Bind(st, 2);
  std::map<int64_t, ProjectYear> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    ProjectYear y;
    y.year = year;
    if (auto l = st.OptText(1)) {
      QQ_ASSIGN_OR_RETURN(auto level, ParseProjectLevel(*l));
      y.level = level;
    }
    y.annual_plan = ReadMoney(st, 2);
    out[st.Int(0)] = y;
  }
  return out;
}

Result<std::vector<int>> ProjectStore::LibraryYears(const std::vector<RegionCode>& scope) {
  ScopeFilter filter("p.region", scope);
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "SELECT DISTINCT y.year FROM project_year y JOIN project p ON p.id = y.project_id WHERE " + filter.Sql() +
      " ORDER BY y.year"));
  filter.Bind(st, 1);
  std::vector<int> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back(static_cast<int>(st.Int(0)));
  }
  return out;
}

Status ProjectStore::SetLead(int64_t project_id, int64_t lead_id) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("UPDATE project SET lead_id = ? WHERE id = ?"));
  st.Bind(1, lead_id).Bind(2, project_id);
  return st.Run();
}

Result<std::optional<std::pair<int64_t, std::string>>> ProjectStore::LeadOf(int64_t project_id) {
  using Out = std::optional<std::pair<int64_t, std::string>>;
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("SELECT l.id, l.firm_name FROM project p JOIN lead l ON l.id = p.lead_id WHERE p.id = ?"));
  st.Bind(1, project_id);
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Out();
  return Out(std::make_pair(st.Int(0), st.Text(1)));
}

Status ProjectStore::AddStageEvent(int64_t project_id, const StageEvent& e) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "INSERT INTO project_stage_event (project_id, on_date, stage_from, stage_to, reason, username) VALUES (?, ?, ?, ?, ?, ?)"));
  st.Bind(1, project_id).Bind(2, e.on_date.ToString());
  if (e.from) st.Bind(3, ProjectStageLabel(*e.from)); else st.BindNull(3);
  st.Bind(4, ProjectStageLabel(e.to)).Bind(5, e.reason).Bind(6, e.username);
  return st.Run();
}

Result<std::vector<StageEvent>> ProjectStore::StageEvents(int64_t project_id) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "SELECT on_date, stage_from, stage_to, reason, username FROM project_stage_event WHERE project_id = ? "
      "ORDER BY on_date, id"));
  st.Bind(1, project_id);
  std::vector<StageEvent> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    StageEvent e;
    QQ_ASSIGN_OR_RETURN(e.on_date, Date::Parse(st.Text(0)));
    if (auto f = st.OptText(1)) {
      QQ_ASSIGN_OR_RETURN(auto from, ParseProjectStage(*f));
      e.from = from;
    }
    QQ_ASSIGN_OR_RETURN(e.to, ParseProjectStage(st.Text(2)));
    e.reason = st.Text(3);
    e.username = st.Text(4);
    out.push_back(std::move(e));
  }
  return out;
}

Status ProjectStore::SetApproval(int64_t project_id, const ProjectApproval& a) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "INSERT INTO project_approval (project_id, kind, on_date, status, note) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT (project_id, kind) DO UPDATE SET on_date = excluded.on_date, status = excluded.status, note = excluded.note"));
  st.Bind(1, project_id).Bind(2, a.kind);
  if (a.on_date) st.Bind(3, a.on_date->ToString()); else st.BindNull(3);
  st.Bind(4, a.status).Bind(5, a.note);
  Status s = st.Run();
  if (s.code() == StatusCode::kConflict) return Status::InvalidArgument("审批事项须为 立项/备案、用地、环评、施工许可 之一，状态须为 未办理、办理中、已办结: " + a.kind + " " + a.status);
  return s;
}

Result<std::vector<ProjectApproval>> ProjectStore::Approvals(int64_t project_id) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "SELECT kind, on_date, status, note FROM project_approval WHERE project_id = ? ORDER BY id"));
  st.Bind(1, project_id);
  std::vector<ProjectApproval> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    ProjectApproval a;
    a.kind = st.Text(0);
    if (auto d = st.OptText(1)) {
      QQ_ASSIGN_OR_RETURN(auto date, Date::Parse(*d));
      a.on_date = date;
    }
    a.status = st.Text(2);
    a.note = st.Text(3);
    out.push_back(std::move(a));
  }
  return out;
}

Status ProjectStore::AddNeed(int64_t project_id, ProjectNeed& n) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "INSERT INTO project_need (project_id, kind, amount, unit, status, note) VALUES (?, ?, ?, ?, ?, ?)"));
  st.Bind(1, project_id).Bind(2, n.kind).Bind(3, n.amount).Bind(4, n.unit).Bind(5, n.status).Bind(6, n.note);
  Status s = st.Run();
  if (s.code() == StatusCode::kConflict) return Status::InvalidArgument("要素类别须为 土地、能耗、资金、用电、用水、其他 之一，状态须为 待保障、协调中、已保障: " + n.kind + " " + n.status);
  QQ_RETURN_IF_ERROR(s);
  n.id = db_.LastInsertId();
  return Status::Ok();
}

Result<std::vector<ProjectNeed>> ProjectStore::Needs(int64_t project_id) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "SELECT id, kind, amount, unit, status, note FROM project_need WHERE project_id = ? ORDER BY id"));
  st.Bind(1, project_id);
  std::vector<ProjectNeed> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    ProjectNeed n;
    n.id = st.Int(0);
    n.kind = st.Text(1);
    if (!st.IsNull(2)) n.amount = st.Real(2);
    n.unit = st.Text(3);
    n.status = st.Text(4);
    n.note = st.Text(5);
    out.push_back(std::move(n));
  }
  return out;
}

Result<std::vector<Project>> ProjectStore::List(const ProjectQuery& q) {
  ScopeFilter scope("region", q.scope);
  std::string sql = std::string("SELECT ") + kColumns + " FROM project WHERE " + scope.Sql();
  if (q.stage) sql += " AND stage = ?";
  sql += " ORDER BY region, id";
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(sql));
  int i = scope.Bind(st, 1);
  if (q.stage) st.Bind(i++, ProjectStageLabel(*q.stage));
  std::vector<Project> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    QQ_ASSIGN_OR_RETURN(auto p, ReadProject(st));
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace qq::store
