#include "store/project_store.h"

#include "store/scope.h"

namespace qq::store {
namespace {

constexpr const char* kColumns =
    "id, name, region, town, level, stage, chain, cluster, park, total_investment, annual_plan, "
    "completed_this_year, completed_total, planned_start, actual_start, planned_production, "
    "actual_production, floor_area_m2, land_ha, capacity, expected_output, jobs, source";

std::optional<int64_t> Packed(const std::optional<YearMonth>& ym) {
  if (!ym) return std::nullopt;
  return ym->Packed();
}

Result<std::optional<YearMonth>> ReadMonth(const Statement& st, int col) {
  auto v = st.OptInt(col);
  if (!v) return std::optional<YearMonth>();
  QQ_ASSIGN_OR_RETURN(auto ym, YearMonth::FromPacked(static_cast<int>(*v)));
  return std::optional<YearMonth>(ym);
}

std::optional<Money> ReadMoney(const Statement& st, int col) {
  auto v = st.OptInt(col);
  if (!v) return std::nullopt;
  return Money::FromYuan(*v);
}

std::optional<int64_t> Yuan(const std::optional<Money>& m) {
  if (!m) return std::nullopt;
  return m->yuan();
}

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
  return p;
}

}  // namespace

Status ProjectStore::Add(Project& p) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "INSERT INTO project (name, region, town, level, stage, chain, cluster, park, total_investment, annual_plan, "
      "completed_this_year, completed_total, planned_start, actual_start, planned_production, actual_production, "
      "floor_area_m2, land_ha, capacity, expected_output, jobs, source) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  st.Bind(1, p.name).Bind(2, p.region.str());
  if (p.town) st.Bind(3, p.town->str()); else st.BindNull(3);
  if (p.level) st.Bind(4, ProjectLevelLabel(*p.level)); else st.BindNull(4);
  st.Bind(5, ProjectStageLabel(p.stage)).Bind(6, p.chain).Bind(7, p.cluster).Bind(8, p.park)
      .Bind(9, p.total_investment.yuan()).Bind(10, Yuan(p.annual_plan)).Bind(11, Yuan(p.completed_this_year))
      .Bind(12, Yuan(p.completed_total)).Bind(13, Packed(p.planned_start)).Bind(14, Packed(p.actual_start))
      .Bind(15, Packed(p.planned_production)).Bind(16, Packed(p.actual_production))
      .Bind(17, p.floor_area_m2).Bind(18, p.land_ha).Bind(19, p.capacity).Bind(20, Yuan(p.expected_output));
  if (p.jobs) st.Bind(21, *p.jobs); else st.BindNull(21);
  st.Bind(22, p.source);
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
