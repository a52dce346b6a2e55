// The API route table: every route with its access rule, and its handler (parse → app/ →
// render). See docs/api.md.
#include <algorithm>

#include "app/overview.h"
#include "http/names.h"
#include "http/router.h"
#include "store/chain_store.h"
#include "store/enterprise_store.h"
#include "store/industry_store.h"
#include "store/meta_store.h"
#include "store/migrations.h"
#include "store/plan_store.h"
#include "store/project_store.h"
#include "store/region_store.h"
#include "wire/entities.h"

namespace qq::http {

wire::Json OpenApiDocument();  // openapi.cc

namespace {

using wire::Json;

Result<Json> ParseBody(const RequestContext& ctx) {
  Json body = Json::parse(ctx.req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) return Status::InvalidArgument("request body must be a JSON object");
  return body;
}

Result<int> IntParam(const RequestContext& ctx, const std::string& key, int fallback, int lo, int hi) {
  std::string v = ctx.Query(key);
  if (v.empty()) return fallback;
  try {
    size_t used = 0;
    int n = std::stoi(v, &used);
    if (used != v.size() || n < lo || n > hi) throw std::out_of_range(key);
    return n;
  } catch (...) {
    return Status::InvalidArgument("query parameter '" + key + "' must be a whole number from " + std::to_string(lo) +
                                   " to " + std::to_string(hi));
  }
}

// The user's scope narrowed to ?region= when given (the router has checked it is inside).
std::vector<RegionCode> ScopeOf(const RequestContext& ctx) {
  if (!ctx.Query("region").empty() && ctx.region) return {*ctx.region};
  return ctx.user->regions;
}

void SetSessionCookie(RequestContext& ctx, const std::string& token, int64_t max_age) {
  ctx.res.set_header("Set-Cookie", std::string(kSessionCookie) + "=" + token +
                                       "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age));
}

Result<Json> Healthz(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(int schema, ctx.db.SchemaVersion());
  QQ_ASSIGN_OR_RETURN(int64_t version, store::MetaStore(ctx.db).DataVersion());
  return Json{{"status", "ok"}, {"schema_version", schema}, {"data_version", version}};
}

Result<Json> OpenApi(RequestContext&) { return OpenApiDocument(); }

Result<Json> Login(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(Json body, ParseBody(ctx));
  if (!body.contains("username") || !body["username"].is_string() || !body.contains("password") ||
      !body["password"].is_string()) {
    return Status::InvalidArgument("login needs {\"username\": \"…\", \"password\": \"…\"}");
  }
  app::AuthService auth(ctx.db, ctx.services.clock, ctx.services.auth_policy);
  QQ_ASSIGN_OR_RETURN(auto login, auth.Login(body["username"].get<std::string>(), body["password"].get<std::string>()));
  SetSessionCookie(ctx, login.session_token, ctx.services.auth_policy.session_seconds);
  NameCache names(ctx.db);
  return Json{{"user", wire::UserJson(login.session.user, names.Regions())}, {"csrf_token", login.session.csrf_token}};
}

Result<Json> Logout(RequestContext& ctx) {
  if (!ctx.session_token.empty()) {
    app::AuthService auth(ctx.db, ctx.services.clock, ctx.services.auth_policy);
    QQ_RETURN_IF_ERROR(auth.Logout(ctx.session_token, ctx.user->username));
  }
  SetSessionCookie(ctx, "", 0);
  ctx.status = 204;
  return Json();
}

Result<Json> Me(RequestContext& ctx) {
  NameCache names(ctx.db);
  Json out{{"user", wire::UserJson(*ctx.user, names.Regions())}};
  out["csrf_token"] = ctx.session ? Json(ctx.session->csrf_token) : Json(nullptr);
  return out;
}

Result<Json> Regions(RequestContext& ctx) {
  store::RegionFilter f;
  f.scope = ctx.user->regions;
  if (std::string level = ctx.Query("level"); !level.empty()) {
    QQ_ASSIGN_OR_RETURN(f.level, ParseRegionLevel(level));
  }
  if (std::string parent = ctx.Query("parent"); !parent.empty()) {
    QQ_ASSIGN_OR_RETURN(f.parent, RegionCode::Parse(parent));
  }
  f.name_contains = ctx.Query("q");
  QQ_ASSIGN_OR_RETURN(auto regions, store::RegionStore(ctx.db).List(f));
  Json list = Json::array();
  for (const auto& r : regions) list.push_back(wire::RegionJson(r));
  return Json{{"regions", list}};
}

Result<Json> Industries(RequestContext& ctx) {
  std::optional<int> level;
  if (!ctx.Query("level").empty()) {
    QQ_ASSIGN_OR_RETURN(int l, IntParam(ctx, "level", 4, 1, 4));
    level = l;
  }
  QQ_ASSIGN_OR_RETURN(auto classes, store::IndustryStore(ctx.db).List(ctx.Query("q"), level));
  Json list = Json::array();
  for (const auto& c : classes) list.push_back(wire::IndustryJson(c));
  return Json{{"industries", list}};
}

Result<Json> Chains(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(auto chains, store::ChainStore(ctx.db).List());
  Json list = Json::array();
  for (const auto& c : chains) list.push_back(wire::ChainSummaryJson(c));
  return Json{{"chains", list}};
}

Result<Json> ChainById(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
  QQ_ASSIGN_OR_RETURN(auto chain, store::ChainStore(ctx.db).Get(id));
  return wire::ChainJson(chain);
}

Result<Json> Plans(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(auto plans, store::PlanStore(ctx.db).List(ScopeOf(ctx)));
  NameCache names(ctx.db);
  Json list = Json::array();
  for (const auto& p : plans) list.push_back(wire::PlanJson(p, names.Regions()));
  return Json{{"plans", list}};
}

Result<Json> Targets(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(auto targets, store::TargetStore(ctx.db).List(ScopeOf(ctx)));
  NameCache names(ctx.db);
  Json list = Json::array();
  for (const auto& t : targets) list.push_back(wire::TargetJson(t, names.Regions()));
  return Json{{"targets", list}};
}

// 规上 in the latest year with data, from the analytics snapshot.
std::function<bool(int64_t)> AboveScaleLookup(RequestContext& ctx) {
  auto snap = ctx.services.analytics->Current(ctx.db);
  if (!snap.ok() || (*snap)->dataset.empty()) return [](int64_t) { return false; };
  auto s = *snap;
  int year = s->dataset.last_month().year();
  return [s, year](int64_t enterprise_id) {
    auto it = s->firm_of_enterprise.find(enterprise_id);
    return it != s->firm_of_enterprise.end() && s->dataset.AboveScale(it->second, year);
  };
}

Result<Json> Enterprises(RequestContext& ctx) {
  store::EnterpriseQuery q;
  q.scope = ScopeOf(ctx);
  q.text = ctx.Query("q");
  QQ_ASSIGN_OR_RETURN(q.page, IntParam(ctx, "page", 1, 1, 1'000'000));
  QQ_ASSIGN_OR_RETURN(q.page_size, IntParam(ctx, "page_size", 20, 1, 200));
  QQ_ASSIGN_OR_RETURN(auto page, store::EnterpriseStore(ctx.db).Search(q));
  NameCache names(ctx.db);
  auto above = AboveScaleLookup(ctx);
  Json items = Json::array();
  for (const auto& e : page.items) items.push_back(wire::EnterpriseJson(e, names.Regions(), names.Industries(), above(e.id)));
  return Json{{"total", page.total}, {"page", q.page}, {"page_size", q.page_size}, {"items", items}};
}

Result<Json> EnterpriseByUscc(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(auto uscc, Uscc::Parse(ctx.Path(1)));
  QQ_ASSIGN_OR_RETURN(auto e, store::EnterpriseStore(ctx.db).GetByUscc(uscc));
  NameCache names(ctx.db);
  return wire::EnterpriseJson(e, names.Regions(), names.Industries(), AboveScaleLookup(ctx)(e.id));
}

Result<Json> OverviewRoute(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(auto snap, ctx.services.analytics->Current(ctx.db));
  QQ_ASSIGN_OR_RETURN(auto overview, app::BuildOverview(ctx.db, *snap, *ctx.region));
  return wire::OverviewJson(overview);
}

}  // namespace

std::vector<Route> DataRoutes();   // routes_data.cc
std::vector<Route> ChainRoutes();  // routes_chains.cc
std::vector<Route> ProjectRoutes();  // routes_projects.cc

const std::vector<Route>& ApiRoutes() {
  static const std::vector<Route> kRoutes = [] {
  std::vector<Route> routes = {
      {"GET", "/healthz", "liveness and schema/data versions", true, Permission::kRead, RegionFrom::kNone, Healthz},
      {"GET", "/api/v1/openapi.json", "this API as an OpenAPI 3 document", true, Permission::kRead, RegionFrom::kNone, OpenApi},
      {"POST", "/api/v1/auth/login", "log in; sets the session cookie", true, Permission::kRead, RegionFrom::kNone, Login},
      {"POST", "/api/v1/auth/logout", "log out", false, Permission::kRead, RegionFrom::kNone, Logout},
      {"GET", "/api/v1/auth/me", "the logged-in user and the CSRF token", false, Permission::kRead, RegionFrom::kNone, Me},
      {"GET", "/api/v1/regions", "regions the caller may see (flat)", false, Permission::kRead, RegionFrom::kNone, Regions},
      {"GET", "/api/v1/industries", "GB/T 4754-2017 classes", false, Permission::kRead, RegionFrom::kNone, Industries},
      {"GET", "/api/v1/chains", "chain templates", false, Permission::kRead, RegionFrom::kNone, Chains},
      {"GET", R"(/api/v1/chains/(\d+))", "one chain template with its links", false, Permission::kRead, RegionFrom::kNone, ChainById},
      {"GET", "/api/v1/plans", "plans and clusters of a region", false, Permission::kRead, RegionFrom::kQuery, Plans},
      {"GET", "/api/v1/targets", "targets of a region", false, Permission::kRead, RegionFrom::kQuery, Targets},
      {"GET", "/api/v1/enterprises", "firms of a region, paged and searchable", false, Permission::kRead, RegionFrom::kQuery, Enterprises},
      {"GET", R"(/api/v1/enterprises/([0-9A-Za-z]{18}))", "one firm", false, Permission::kRead, RegionFrom::kEnterprise, EnterpriseByUscc},
      {"GET", "/api/v1/overview", "the 总览 of a region", false, Permission::kRead, RegionFrom::kQuery, OverviewRoute},
  };
  for (auto& r : DataRoutes()) routes.push_back(std::move(r));
  for (auto& r : ChainRoutes()) routes.push_back(std::move(r));
  for (auto& r : ProjectRoutes()) routes.push_back(std::move(r));
  return routes;
  }();
  return kRoutes;
}

}  // namespace qq::http
