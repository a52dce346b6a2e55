// Routes of the key-project library: the year's library and its summary, project profiles and
// filings, scheduling rounds with their pre-filled sheets and sheet imports, parks and land.
#include "app/land.h"
#include "app/project_import.h"
#include "app/projects.h"
#include "http/names.h"
#include "http/router.h"
#include "store/round_store.h"
#include "wire/import_report.h"
#include "wire/projects.h"

namespace qq::http {
namespace {

using wire::Json;

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

Result<std::optional<YearMonth>> MonthParam(const RequestContext& ctx, const char* key) {
  std::string text = ctx.Query(key);
  if (text.empty()) return std::optional<YearMonth>();
  auto m = YearMonth::Parse(text);
  if (!m.ok())
    return Status::InvalidArgument(std::string("'") + key + "' must be YYYY-MM: " + text);
  return std::optional<YearMonth>(*m);
}

Result<std::optional<int>> YearParam(const RequestContext& ctx) {
  std::string text = ctx.Query("year");
  if (text.empty()) return std::optional<int>();
  try {
    int y = std::stoi(text);
    if (y < 1990 || y > 2100) throw std::out_of_range("year");
    return std::optional<int>(y);
  } catch (...) {
    return Status::InvalidArgument("'year' must be a year such as 2024: " + text);
  }
}

Result<app::ProjectCut> CutParams(const RequestContext& ctx) {
  app::ProjectCut cut;
  if (std::string s = ctx.Query("stage"); !s.empty()) {
    QQ_ASSIGN_OR_RETURN(auto stage, ParseProjectStage(s));
    cut.stage = stage;
  }
  if (std::string s = ctx.Query("level"); !s.empty()) {
    QQ_ASSIGN_OR_RETURN(auto level, ParseProjectLevel(s));
    cut.level = level;
  }
  cut.chain = ctx.Query("chain");
  cut.park = ctx.Query("park");
  cut.q = ctx.Query("q");
  if (std::string s = ctx.Query("town"); !s.empty()) {
    QQ_ASSIGN_OR_RETURN(auto town, RegionCode::Parse(s));
    cut.town = town;
  }
  return cut;
}

Result<app::ProjectLibrary> Library(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(auto year, YearParam(ctx));
  QQ_ASSIGN_OR_RETURN(auto as_of, MonthParam(ctx, "as_of"));
  if (!as_of) {
    QQ_ASSIGN_OR_RETURN(as_of, MonthParam(ctx, "round"));
  }
  QQ_ASSIGN_OR_RETURN(auto cut, CutParams(ctx));
  return app::LoadLibrary(ctx.db, ctx.services.clock, *ctx.region, year, as_of, cut);
}

Result<Json> ListProjects(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(auto lib, Library(ctx));
  NameCache names(ctx.db);
  return wire::ProjectLibraryJson(lib, names.Regions());
}

Result<Json> Summary(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(auto lib, Library(ctx));
  NameCache names(ctx.db);
  return wire::ProjectSummaryJson(app::Summarize(lib), ctx.region->str(), names.Regions());
}

Result<Json> Profile(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
  QQ_ASSIGN_OR_RETURN(auto p, app::ProfileOf(ctx.db, id));
  NameCache names(ctx.db);
  return wire::ProjectProfileJson(p, names.Regions());
}

Result<std::optional<Money>> MoneyField(const Json& body, const char* key) {
  if (!body.contains(key) || body[key].is_null()) return std::optional<Money>();
  if (!body[key].is_number_integer())
    return Status::InvalidArgument(std::string("'") + key + "' must be an integer number of 元");
  return std::optional<Money>(Money::FromYuan(body[key].get<int64_t>()));
}

Result<std::optional<YearMonth>> MonthField(const Json& body, const char* key) {
  if (!body.contains(key) || body[key].is_null() || body[key] == "")
    return std::optional<YearMonth>();
  if (!body[key].is_string())
    return Status::InvalidArgument(std::string("'") + key + "' must be \"YYYY-MM\"");
  auto m = YearMonth::Parse(body[key].get<std::string>());
  if (!m.ok()) return m.status().WithContext(key);
  return std::optional<YearMonth>(*m);
}

Result<Json> CreateProject(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(Json body, JsonBody(ctx));
  Project p;
  QQ_ASSIGN_OR_RETURN(p.region, RegionCode::Parse(body.value("region", "")));
  if (!ctx.user->CanSee(p.region))
    return Status::PermissionDenied("无权访问该区域 " + p.region.str()).WithReason("out_of_scope");
  p.name = body.value("name", "");
  QQ_ASSIGN_OR_RETURN(p.stage, ParseProjectStage(body.value("stage", "谋划")));
  if (std::string l = body.value("level", ""); !l.empty()) {
    QQ_ASSIGN_OR_RETURN(auto level, ParseProjectLevel(l));
    p.level = level;
  }
  p.chain = body.value("chain", "");
  p.park = body.value("park", "");
  p.manager = body.value("manager", "");
  p.leader = body.value("leader", "");
  p.stage_reason = body.value("reason", "");
  if (std::string t = body.value("town", ""); !t.empty()) {
    QQ_ASSIGN_OR_RETURN(auto town, RegionCode::Parse(t));
    p.town = town;
  }
  QQ_ASSIGN_OR_RETURN(auto total, MoneyField(body, "total_investment"));
  if (!total) return Status::InvalidArgument("'total_investment' (元) is required");
  p.total_investment = *total;
  QQ_ASSIGN_OR_RETURN(p.annual_plan, MoneyField(body, "annual_plan"));
  QQ_ASSIGN_OR_RETURN(p.expected_output, MoneyField(body, "expected_output"));
  QQ_ASSIGN_OR_RETURN(p.planned_start, MonthField(body, "planned_start"));
  QQ_ASSIGN_OR_RETURN(p.planned_production, MonthField(body, "planned_production"));
  if (body.contains("jobs") && body["jobs"].is_number_integer()) p.jobs = body["jobs"].get<int>();
  p.source = "页面录入 " + ctx.user->username;
  std::optional<ProjectYear> year;
  if (body.contains("year") && body["year"].is_number_integer())
    year = ProjectYear{body["year"].get<int>(), p.level, p.annual_plan};
  QQ_ASSIGN_OR_RETURN(auto created,
                      app::CreateProject(ctx.db, ctx.services.clock, p, year, ctx.user->username));
  NameCache names(ctx.db);
  ctx.status = 201;
  return wire::ProjectJson(created, names.Regions());
}

Result<Json> FileRecord(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
  QQ_ASSIGN_OR_RETURN(Json body, JsonBody(ctx));
  app::RecordInput in;
  QQ_ASSIGN_OR_RETURN(auto round, MonthField(body, "round"));
  if (!round) return Status::InvalidArgument("'round' (YYYY-MM) is required");
  in.round = *round;
  if (std::string s = body.value("stage", ""); !s.empty()) {
    QQ_ASSIGN_OR_RETURN(auto stage, ParseProjectStage(s));
    in.stage = stage;
  }
  in.reason = body.value("reason", "");
  if (std::string d = body.value("on_date", ""); !d.empty()) {
    QQ_ASSIGN_OR_RETURN(auto date, Date::Parse(d));
    in.on_date = date;
  }
  QQ_ASSIGN_OR_RETURN(in.completed_total, MoneyField(body, "completed_total"));
  QQ_ASSIGN_OR_RETURN(in.completed_period, MoneyField(body, "completed_period"));
  QQ_ASSIGN_OR_RETURN(in.completed_this_year, MoneyField(body, "completed_this_year"));
  if (body.contains("progress_pct") && body["progress_pct"].is_number())
    in.progress_pct = body["progress_pct"].get<double>();
  if (body.contains("workers") && body["workers"].is_number_integer())
    in.workers = body["workers"].get<int>();
  in.problems = body.value("problems", "");
  in.source = ctx.session ? "page" : "api";
  in.username = ctx.user->username;
  QQ_ASSIGN_OR_RETURN(auto rec, app::FileRecord(ctx.db, ctx.services.clock, id, in));
  QQ_ASSIGN_OR_RETURN(auto round_row, store::RoundStore(ctx.db).Get(rec.round_id));
  QQ_ASSIGN_OR_RETURN(auto profile, app::ProfileOf(ctx.db, id));
  NameCache names(ctx.db);
  ctx.status = 201;
  return Json{{"record", wire::RecordJson(rec, app::FiledLate(rec, round_row))},
              {"project", wire::ProjectJson(profile.project, names.Regions())}};
}

Result<Json> AddApproval(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
  QQ_ASSIGN_OR_RETURN(Json body, JsonBody(ctx));
  ProjectApproval a;
  a.kind = body.value("kind", "");
  a.status = body.value("status", "办理中");
  a.note = body.value("note", "");
  if (std::string d = body.value("on_date", ""); !d.empty()) {
    QQ_ASSIGN_OR_RETURN(auto date, Date::Parse(d));
    a.on_date = date;
  }
  QQ_RETURN_IF_ERROR(app::SetApproval(ctx.db, id, a));
  QQ_ASSIGN_OR_RETURN(auto p, app::ProfileOf(ctx.db, id));
  NameCache names(ctx.db);
  return wire::ProjectProfileJson(p, names.Regions());
}

Result<Json> AddNeed(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
  QQ_ASSIGN_OR_RETURN(Json body, JsonBody(ctx));
  ProjectNeed n;
  n.kind = body.value("kind", "");
  if (body.contains("amount") && body["amount"].is_number())
    n.amount = body["amount"].get<double>();
  n.unit = body.value("unit", "");
  n.status = body.value("status", "待保障");
  n.note = body.value("note", "");
  QQ_RETURN_IF_ERROR(app::AddNeed(ctx.db, id, n).status());
  QQ_ASSIGN_OR_RETURN(auto p, app::ProfileOf(ctx.db, id));
  NameCache names(ctx.db);
  ctx.status = 201;
  return wire::ProjectProfileJson(p, names.Regions());
}

Result<Json> SetYear(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
  QQ_ASSIGN_OR_RETURN(Json body, JsonBody(ctx));
  if (!body.contains("year") || !body["year"].is_number_integer())
    return Status::InvalidArgument("'year' is required");
  ProjectYear y;
  y.year = body["year"].get<int>();
  if (std::string l = body.value("level", ""); !l.empty()) {
    QQ_ASSIGN_OR_RETURN(auto level, ParseProjectLevel(l));
    y.level = level;
  }
  QQ_ASSIGN_OR_RETURN(y.annual_plan, MoneyField(body, "annual_plan"));
  QQ_RETURN_IF_ERROR(app::SetProjectYear(ctx.db, id, y));
  QQ_ASSIGN_OR_RETURN(auto p, app::ProfileOf(ctx.db, id));
  NameCache names(ctx.db);
  return wire::ProjectProfileJson(p, names.Regions());
}

Result<Json> AddPark(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(Json body, JsonBody(ctx));
  store::Park p;
  p.region = *ctx.region;
  p.name = body.value("name", "");
  p.featured_industry = body.value("featured_industry", "");
  p.chain = body.value("chain", "");
  p.task_force = body.value("task_force", "");
  if (body.contains("area_ha") && body["area_ha"].is_number())
    p.area_ha = body["area_ha"].get<double>();
  p.note = body.value("note", "");
  QQ_ASSIGN_OR_RETURN(auto added, app::AddPark(ctx.db, p));
  ctx.status = 201;
  return Json{{"id", added.id}, {"name", added.name}, {"region", added.region.str()}};
}

Result<Json> AddParcel(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(Json body, JsonBody(ctx));
  store::Parcel l;
  l.region = *ctx.region;
  l.code = body.value("code", "");
  if (body.contains("park_id") && body["park_id"].is_number_integer())
    l.park_id = body["park_id"].get<int64_t>();
  if (body.contains("area_ha") && body["area_ha"].is_number())
    l.area_m2 = body["area_ha"].get<double>() * 10000;
  l.land_use = body.value("land_use", "工业用地");
  if (body.contains("price") && body["price"].is_number_integer())
    l.price = body["price"].get<int64_t>();
  l.status = body.value("status", "可供");
  l.note = body.value("note", "");
  QQ_ASSIGN_OR_RETURN(auto added, app::AddParcel(ctx.db, l));
  ctx.status = 201;
  return wire::ParcelJson(added);
}

Result<Json> Land(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
  QQ_ASSIGN_OR_RETURN(auto m, app::MatchLand(ctx.db, id));
  return wire::LandMatchJson(m);
}

Result<Json> ListRounds(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(auto year, YearParam(ctx));
  QQ_ASSIGN_OR_RETURN(auto rounds, store::RoundStore(ctx.db).List({*ctx.region}, year));
  NameCache names(ctx.db);
  Json out = Json::array();
  for (const auto& r : rounds) {
    QQ_ASSIGN_OR_RETURN(auto status, app::StatusOfRound(ctx.db, ctx.services.clock, r.id));
    out.push_back(wire::RoundJson(r, names.Regions(), static_cast<int>(status.items.size()),
                                  status.filed, status.late));
  }
  return Json{{"rounds", out}};
}

Result<Json> OpenRound(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(Json body, JsonBody(ctx));
  QQ_ASSIGN_OR_RETURN(auto region,
                      RegionCode::Parse(body.value("region", ctx.region ? ctx.region->str() : "")));
  if (!ctx.user->CanSee(region))
    return Status::PermissionDenied("无权访问该区域 " + region.str()).WithReason("out_of_scope");
  QQ_ASSIGN_OR_RETURN(auto period, MonthField(body, "period"));
  if (!period) return Status::InvalidArgument("'period' (YYYY-MM) is required");
  std::optional<Date> deadline;
  if (std::string d = body.value("deadline", ""); !d.empty()) {
    QQ_ASSIGN_OR_RETURN(auto date, Date::Parse(d));
    deadline = date;
  }
  QQ_ASSIGN_OR_RETURN(auto r,
                      app::OpenRound(ctx.db, ctx.services.clock, region, *period, deadline));
  QQ_ASSIGN_OR_RETURN(auto status, app::StatusOfRound(ctx.db, ctx.services.clock, r.id));
  NameCache names(ctx.db);
  ctx.status = 201;
  return wire::RoundJson(r, names.Regions(), static_cast<int>(status.items.size()), status.filed,
                         status.late);
}

Result<Json> RoundById(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
  QQ_ASSIGN_OR_RETURN(auto status, app::StatusOfRound(ctx.db, ctx.services.clock, id));
  NameCache names(ctx.db);
  return wire::RoundStatusJson(status, names.Regions());
}

Result<Json> RoundTemplate(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
  QQ_ASSIGN_OR_RETURN(auto round, store::RoundStore(ctx.db).Get(id));
  QQ_ASSIGN_OR_RETURN(
      auto bytes, app::RoundTemplateXlsx(ctx.db, ctx.services.clock, round.region, round.period));
  ctx.raw = RequestContext::Raw{
      kXlsx, std::move(bytes),
      round.region.str() + "_" + round.period.ToString() + "_重点项目调度表.xlsx"};
  return Json();
}

Result<Json> ImportProjects(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(auto as_of, MonthParam(ctx, "as_of"));
  if (!as_of) return Status::InvalidArgument("query parameter 'as_of' (YYYY-MM) is required");
  if (ctx.Query("region").empty())
    return Status::InvalidArgument("query parameter 'region' is required");
  std::string name = "upload";
  std::string bytes;
  if (ctx.req.has_file("file")) {
    const auto& f = ctx.req.get_file_value("file");
    name = f.filename.empty() ? name : f.filename;
    bytes = f.content;
  } else {
    bytes = ctx.req.body;
    if (!ctx.Query("file_name").empty()) name = ctx.Query("file_name");
  }
  if (bytes.empty()) return Status::InvalidArgument("upload the sheet as multipart field 'file'");
  app::ImportOptions o;
  o.channel = "api";
  o.username = ctx.user->username;
  o.scope = ctx.user->regions;
  o.dry_run = ctx.Query("dry_run") == "true" || ctx.Query("dry_run") == "1";
  app::ImportContext ictx{ctx.services.db_path, ctx.services.data_dir, ctx.services.clock};
  QQ_ASSIGN_OR_RETURN(auto report,
                      app::ImportProjects(ctx.db, ictx, bytes, name, *ctx.region, *as_of, o));
  Json doc = wire::ImportReportJson(report);
  doc["report_id"] = report.report_id.empty() ? Json(nullptr) : Json(report.report_id);
  if (!report.errors.empty()) ctx.status = 422;
  return doc;
}

Result<Json> Parks(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(auto year, YearParam(ctx));
  QQ_ASSIGN_OR_RETURN(auto parks, app::ParksOf(ctx.db, *ctx.region));
  QQ_ASSIGN_OR_RETURN(auto land, app::RevitalizedLand(ctx.db, *ctx.region, year));
  return wire::ParksJson(parks, land);
}

}  // namespace

std::vector<Route> ProjectRoutes() {
  using P = Permission;
  using R = RegionFrom;
  return {
      {"GET", "/api/v1/projects",
       "the year's project library as of a round (?region, year, as_of, stage, level, chain, park, "
       "town, q)",
       false, P::kRead, R::kQuery, ListProjects},
      {"GET", "/api/v1/projects/summary",
       "the library's roll-up: investment vs plan, 开工率, 投产率, lists and the paragraph", false,
       P::kRead, R::kQuery, Summary},
      {"POST", "/api/v1/projects", "create a project {region, name, stage, total_investment, …}",
       false, P::kEditProjects, R::kNone, CreateProject},
      {"GET", R"(/api/v1/projects/(\d+))",
       "a project's profile: years, stages, approvals, needs, filings, milestones", false, P::kRead,
       R::kProject, Profile},
      {"POST", R"(/api/v1/projects/(\d+)/records)",
       "file a project's record in a round {round, stage, reason, completed_*, …}", false,
       P::kEditProjects, R::kProject, FileRecord},
      {"POST", R"(/api/v1/projects/(\d+)/approvals)",
       "set an approval {kind 立项/备案|用地|环评|施工许可, on_date, status, note}", false,
       P::kEditProjects, R::kProject, AddApproval},
      {"POST", R"(/api/v1/projects/(\d+)/needs)",
       "add a 要素保障 need {kind, amount, unit, status, note}", false, P::kEditProjects,
       R::kProject, AddNeed},
      {"POST", R"(/api/v1/projects/(\d+)/years)",
       "set the project's level and annual plan for a year {year, level, annual_plan}", false,
       P::kEditProjects, R::kProject, SetYear},
      {"GET", R"(/api/v1/projects/(\d+)/land)", "available parcels for a project's land need",
       false, P::kRead, R::kProject, Land},
      {"GET", "/api/v1/rounds", "the scheduling rounds of a region (?year)", false, P::kRead,
       R::kQuery, ListRounds},
      {"POST", "/api/v1/rounds", "open a round {region, period, deadline}", false, P::kEditProjects,
       R::kNone, OpenRound},
      {"GET", R"(/api/v1/rounds/(\d+))", "a round's filing status per project", false, P::kRead,
       R::kRound, RoundById},
      {"GET", R"(/api/v1/rounds/(\d+)/template\.xlsx)", "the round's pre-filled scheduling sheet",
       false, P::kRead, R::kRound, RoundTemplate},
      {"POST", "/api/v1/imports/projects",
       "import a round's scheduling sheet (?region, as_of; multipart 'file'); 422 when refused",
       false, P::kEditProjects, R::kQuery, ImportProjects},
      {"GET", "/api/v1/parks", "parks, parcels and revitalised idle land of a region", false,
       P::kRead, R::kQuery, Parks},
      {"POST", "/api/v1/parks",
       "add a park (?region) {name, featured_industry, chain, task_force, area_ha}", false,
       P::kEditProjects, R::kQuery, AddPark},
      {"POST", "/api/v1/parcels",
       "add a parcel (?region) {code, park_id, area_ha, land_use, price, status}", false,
       P::kEditProjects, R::kQuery, AddParcel},
  };
}

}  // namespace qq::http
