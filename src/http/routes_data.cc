// Routes of imports, monitoring and exports (issue: monthly indicators and the registry).
#include "app/import_service.h"
#include "app/monitor.h"
#include "http/names.h"
#include "http/router.h"
#include "report/xlsx_writer.h"
#include "store/import_store.h"
#include "wire/import_report.h"
#include "wire/monitor.h"

namespace qq::http {
namespace {

using wire::Json;

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

app::ImportContext ContextOf(RequestContext& ctx) {
  return app::ImportContext{ctx.services.db_path, ctx.services.data_dir, ctx.services.clock};
}

// The uploaded file: multipart field "file", or the raw body with ?file_name=.
Result<std::pair<std::string, std::string>> Upload(const RequestContext& ctx) {
  if (ctx.req.has_file("file")) {
    const auto& f = ctx.req.get_file_value("file");
    if (f.content.empty()) return Status::InvalidArgument("the uploaded file is empty");
    return std::make_pair(f.filename.empty() ? std::string("upload") : f.filename, f.content);
  }
  if (ctx.req.body.empty()) return Status::InvalidArgument("upload a file as multipart field 'file' (or as the body with ?file_name=)");
  std::string name = ctx.Query("file_name");
  return std::make_pair(name.empty() ? std::string("upload") : name, ctx.req.body);
}

Result<Json> ImportUpload(RequestContext& ctx) {
  std::string kind = ctx.Path(1);
  QQ_ASSIGN_OR_RETURN(auto upload, Upload(ctx));
  app::ImportOptions o;
  o.channel = "api";
  o.username = ctx.user->username;
  o.scope = ctx.user->regions;
  if (std::string region = ctx.Query("region"); !region.empty()) {
    QQ_ASSIGN_OR_RETURN(auto code, RegionCode::Parse(region));
    if (!ctx.user->CanSee(code)) return Status::PermissionDenied("无权访问该区域 " + region).WithReason("out_of_scope");
    o.region = code;
  }
  auto fn = kind == "indicators" ? &app::ImportIndicators : kind == "enterprises" ? &app::ImportEnterprises : &app::ImportPublished;
  QQ_ASSIGN_OR_RETURN(auto report, fn(ctx.db, ContextOf(ctx), upload.second, upload.first, o));
  Json doc = wire::ImportReportJson(report);
  doc["report_id"] = report.report_id.empty() ? Json(nullptr) : Json(report.report_id);
  // The report is the answer either way; a refused import says so with 422.
  if (!report.errors.empty()) ctx.status = 422;
  return doc;
}

Result<Json> ImportLog(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(auto entries, store::ImportStore(ctx.db).Recent(100));
  Json out = Json::array();
  for (const auto& e : entries) {
    out.push_back({{"id", e.id}, {"kind", e.kind}, {"file_name", e.file_name}, {"sha256", e.sha256}, {"bytes", e.bytes},
                   {"rows", e.rows}, {"inserted", e.inserted}, {"replaced", e.replaced}, {"unchanged", e.unchanged},
                   {"created_firms", e.created_firms}, {"username", e.username}, {"channel", e.channel}, {"at", e.at}});
  }
  return Json{{"imports", out}};
}

Result<Json> ImportReportXlsx(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(std::string bytes, app::ArchivedReportXlsx(ContextOf(ctx), ctx.Path(1)));
  ctx.raw = RequestContext::Raw{kXlsx, std::move(bytes), "导入报告_" + ctx.Path(1) + ".xlsx"};
  return Json();
}

Result<Json> ImportTemplate(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(std::string bytes, app::ImportTemplateXlsx(ctx.Path(1)));
  std::string kind = ctx.Path(1);
  std::string name = kind == "indicators" ? "规上企业月报导入模板" : kind == "enterprises" ? "企业名录导入模板" : "发布数据导入模板";
  ctx.raw = RequestContext::Raw{kXlsx, std::move(bytes), name + ".xlsx"};
  return Json();
}

// POST {"file_name", "sheets": [{"name", "columns": [{"header", "type", "decimals", "unit"}], "rows": [[…]]}]}:
// any table of the web app as an xlsx with its Chinese headers.
Result<Json> ExportXlsx(RequestContext& ctx) {
  Json body = Json::parse(ctx.req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object() || !body.contains("sheets") || !body["sheets"].is_array()) {
    return Status::InvalidArgument("export needs {\"sheets\": [{\"name\", \"columns\", \"rows\"}]}");
  }
  std::vector<report::XlsxSheet> sheets;
  for (const auto& js : body["sheets"]) {
    report::XlsxSheet s;
    s.name = js.value("name", "Sheet1");
    if (!js.contains("columns") || !js["columns"].is_array() || !js.contains("rows") || !js["rows"].is_array()) {
      return Status::InvalidArgument("each sheet needs columns and rows");
    }
    for (const auto& jc : js["columns"]) {
      report::XlsxColumn c;
      c.header = jc.value("header", "");
      std::string type = jc.value("type", "text");
      c.type = type == "integer" ? report::XlsxColumn::Type::kInteger
               : type == "decimal" ? report::XlsxColumn::Type::kDecimal
               : type == "percent" ? report::XlsxColumn::Type::kPercent
               : type == "money"   ? report::XlsxColumn::Type::kMoney
                                   : report::XlsxColumn::Type::kText;
      c.decimals = jc.value("decimals", 2);
      c.width = jc.value("width", 0.0);
      std::string unit = jc.value("unit", "元");
      auto mu = ParseMoneyUnit(unit);
      if (mu.ok()) c.money_unit = *mu;
      s.columns.push_back(c);
    }
    for (const auto& jr : js["rows"]) {
      if (!jr.is_array()) return Status::InvalidArgument("rows are arrays");
      std::vector<report::XlsxValue> row;
      for (const auto& v : jr) {
        if (v.is_null()) row.emplace_back(std::monostate{});
        else if (v.is_number_integer()) row.emplace_back(v.get<int64_t>());
        else if (v.is_number()) row.emplace_back(v.get<double>());
        else if (v.is_string()) row.emplace_back(v.get<std::string>());
        else row.emplace_back(v.dump());
      }
      s.rows.push_back(std::move(row));
    }
    sheets.push_back(std::move(s));
  }
  QQ_ASSIGN_OR_RETURN(std::string bytes, report::WriteXlsxToBytes(sheets));
  std::string name = body.value("file_name", "导出");
  if (!name.ends_with(".xlsx")) name += ".xlsx";
  ctx.raw = RequestContext::Raw{kXlsx, std::move(bytes), name};
  return Json();
}

Result<analytics::Scope> ScopeParam(const RequestContext& ctx, analytics::Scope fallback) {
  std::string s = ctx.Query("scope");
  if (s.empty()) return fallback;
  if (s == "all") return analytics::Scope::kAll;
  if (s == "规上" || s == "above_scale") return analytics::Scope::kAboveScale;
  return Status::InvalidArgument("scope must be all or 规上");
}

Result<std::optional<YearMonth>> MonthParam(const RequestContext& ctx) {
  std::string m = ctx.Query("month");
  if (m.empty()) return std::optional<YearMonth>();
  QQ_ASSIGN_OR_RETURN(auto ym, YearMonth::Parse(m));
  return std::optional<YearMonth>(ym);
}

Result<Json> MonitorMonthly(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(auto snap, ctx.services.analytics->Current(ctx.db));
  QQ_ASSIGN_OR_RETURN(auto scope, ScopeParam(ctx, analytics::Scope::kAll));
  bool combine = ctx.Query("combine_jan_feb") == "true" || ctx.Query("combine_jan_feb") == "1";
  QQ_ASSIGN_OR_RETURN(auto r, app::Monthly(ctx.db, *snap, *ctx.region, scope, combine));
  return wire::MonthlyJson(r);
}

Result<Json> MonitorBreakdown(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(auto snap, ctx.services.analytics->Current(ctx.db));
  QQ_ASSIGN_OR_RETURN(auto by, app::ParseGroupBy(ctx.Query("by").empty() ? "cluster" : ctx.Query("by")));
  std::string ind = ctx.Query("indicator").empty() ? "output" : ctx.Query("indicator");
  const IndicatorInfo* info = FindIndicator(ind);
  if (!info) return Status::InvalidArgument("unknown indicator '" + ind + "'");
  QQ_ASSIGN_OR_RETURN(auto month, MonthParam(ctx));
  QQ_ASSIGN_OR_RETURN(auto scope, ScopeParam(ctx, analytics::Scope::kAboveScale));
  QQ_ASSIGN_OR_RETURN(auto r, app::Breakdown(ctx.db, *snap, *ctx.region, by, info->indicator, month, scope));
  return wire::BreakdownJson(r);
}

Result<Json> MonitorWatch(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(auto snap, ctx.services.analytics->Current(ctx.db));
  QQ_ASSIGN_OR_RETURN(auto month, MonthParam(ctx));
  QQ_ASSIGN_OR_RETURN(int64_t limit, IntQuery(ctx, "limit", 50, 1, 500));
  QQ_ASSIGN_OR_RETURN(auto w, app::Watch(ctx.db, *snap, *ctx.region, month, static_cast<size_t>(limit)));
  return wire::WatchJson(w);
}

Result<Json> ClusterReports(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(auto snap, ctx.services.analytics->Current(ctx.db));
  QQ_ASSIGN_OR_RETURN(auto r, app::Clusters(ctx.db, *snap, *ctx.region));
  return wire::ClustersJson(r);
}

Result<Json> FirmProfile(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(auto snap, ctx.services.analytics->Current(ctx.db));
  QQ_ASSIGN_OR_RETURN(auto uscc, Uscc::Parse(ctx.Path(1)));
  QQ_ASSIGN_OR_RETURN(auto p, app::Profile(ctx.db, *snap, uscc));
  return wire::ProfileJson(p);
}

Result<Json> Published(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(auto rates, store::ImportStore(ctx.db).Rates({*ctx.region}));
  return wire::PublishedJson(rates);
}

}  // namespace

std::vector<Route> DataRoutes() {
  return {
      {"POST", "/api/v1/imports/(enterprises|indicators|published)", "import a sheet (multipart field 'file'); the report is the answer (422 when refused)",
       false, Permission::kImport, RegionFrom::kNone, ImportUpload},
      {"GET", "/api/v1/imports", "recent accepted imports", false, Permission::kImport, RegionFrom::kNone, ImportLog},
      {"GET", R"(/api/v1/imports/reports/([^/]+)\.xlsx)", "an import report as xlsx", false, Permission::kImport,
       RegionFrom::kNone, ImportReportXlsx},
      {"GET", "/api/v1/imports/templates/(enterprises|indicators|published)\\.xlsx", "a blank import sheet with its Chinese headers",
       false, Permission::kRead, RegionFrom::kNone, ImportTemplate},
      {"POST", "/api/v1/export.xlsx", "a table of the web app as xlsx with Chinese headers", false, Permission::kRead,
       RegionFrom::kNone, ExportXlsx},
      {"GET", "/api/v1/monitor/monthly", "every month: 当月, 累计, 同比 (同口径), 环比", false, Permission::kRead, RegionFrom::kQuery,
       MonitorMonthly},
      {"GET", "/api/v1/monitor/breakdown", "a month by cluster, chain, link, division or town, with 占比 and 拉动", false,
       Permission::kRead, RegionFrom::kQuery, MonitorBreakdown},
      {"GET", "/api/v1/monitor/watch", "小升规 candidates, crossings, 入库/退库, movers, missing reports, anomalies", false,
       Permission::kRead, RegionFrom::kQuery, MonitorWatch},
      {"GET", "/api/v1/clusters", "the clusters of a region's plans against their targets", false, Permission::kRead,
       RegionFrom::kQuery, ClusterReports},
      {"GET", R"(/api/v1/enterprises/([0-9A-Za-z]{18})/profile)", "a firm's months, rank and 规上 status", false, Permission::kRead,
       RegionFrom::kEnterprise, FirmProfile},
      {"GET", "/api/v1/published", "published rates of a region", false, Permission::kRead, RegionFrom::kQuery, Published},
  };
}

}  // namespace qq::http
