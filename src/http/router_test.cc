// Walks every route the router knows against a real server on a free port: exactly the
// public routes answer without a login, out-of-scope requests are refused, CSRF is enforced
// on cookie writes, and the basic answers are right.
#include <gtest/gtest.h>
#include <httplib.h>

#include <unistd.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <set>

#include "app/auth.h"
#include "app/database_admin.h"
#include "http/router.h"
#include "http/server.h"
#include "store/enterprise_store.h"
#include "store/project_store.h"
#include "store/round_store.h"
#include "store/tag_store.h"

namespace qq::http {
namespace {

const std::filesystem::path kData = std::filesystem::path(QQ_SOURCE_DIR) / "data";
constexpr const char* kPassword = "Test-Password-2024";

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // CTest runs each test as its own process, in parallel: one database per process.
    db_path_ = (std::filesystem::path(::testing::TempDir()) / ("qq-http-test-" + std::to_string(getpid()) + ".db")).string();
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(db_path_ + s);
    ASSERT_TRUE(app::InitDatabase(db_path_, kData).ok());
    auto db = *app::OpenDatabase(db_path_);
    auto clock = app::SystemClock();
    for (auto [name, role, region] : {std::tuple{"admin", Role::kAdmin, "100000"},
                                      std::tuple{"zhoucun", Role::kViewer, "370306"},
                                      std::tuple{"zcadmin", Role::kAdmin, "370306"},
                                      std::tuple{"jinan", Role::kAnalyst, "370100"}}) {
      User u;
      u.username = name;
      u.role = role;
      u.regions = {*RegionCode::Parse(region)};
      ASSERT_TRUE(app::AddUser(*db, clock, u, kPassword).ok());
    }
    Enterprise e;
    e.uscc = *Uscc::Parse("91370117MA3C5R2X44");
    e.name = "济南测试钢铁有限公司";
    e.region = *RegionCode::Parse("370117");
    ASSERT_TRUE(store::EnterpriseStore(*db).Upsert(e, 1).ok());
    Project p;
    p.name = "测试项目";
    p.region = *RegionCode::Parse("370117");
    ASSERT_TRUE(store::ProjectStore(*db).Add(p).ok());
    project_id_ = p.id;
    store::Round round{0, *RegionCode::Parse("370117"), *YearMonth::Of(2024, 3), *Date::Of(2024, 4, 5), "open", 1};
    ASSERT_TRUE(store::RoundStore(*db).Open(round).ok());
    round_id_ = round.id;
    store::Lead lead;
    lead.region = *RegionCode::Parse("370117");
    lead.chain = "钢铁";
    lead.firm_name = "外地某钢铁公司";
    ASSERT_TRUE(store::LeadStore(*db).Add(lead, "test").ok());
    lead_id_ = lead.id;
    services_ = new app::Services;
    services_->db_path = db_path_;
    services_->data_dir = kData;
    services_->analytics = std::make_unique<app::AnalyticsService>(*app::LoadThresholds(kData), 1);
    server_ = new Server(*services_);
    port_ = *server_->StartOnFreePort("127.0.0.1");
  }
  static void TearDownTestSuite() {
    if (server_) server_->Stop();
    delete server_;
    delete services_;
    server_ = nullptr;
    services_ = nullptr;
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(db_path_ + s);
  }
  void SetUp() override {
    if (!server_) GTEST_SKIP() << "the test server did not start";
  }

  httplib::Client Client() { return httplib::Client("127.0.0.1", port_); }

  // Logs in; returns (cookie header, csrf token).
  std::pair<std::string, std::string> Login(const std::string& user) {
    auto cli = Client();
    auto res = cli.Post("/api/v1/auth/login", R"({"username":")" + user + R"(","password":")" + kPassword + R"("})",
                        "application/json");
    EXPECT_EQ(res->status, 200) << res->body;
    std::string cookie = res->get_header_value("Set-Cookie");
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
    auto body = wire::Json::parse(res->body);
    return {cookie.substr(0, cookie.find(';')), body["csrf_token"].get<std::string>()};
  }

  // A concrete path for a route pattern.
  std::string Concrete(const Route& r) {
    std::string path = std::regex_replace(r.pattern, std::regex(R"(\(\\d\+\))"),
                                          r.region_from == RegionFrom::kProject ? std::to_string(project_id_)
                                          : r.region_from == RegionFrom::kLead  ? std::to_string(lead_id_)
                                          : r.region_from == RegionFrom::kRound ? std::to_string(round_id_)
                                                                                : "1");
    path = std::regex_replace(path, std::regex(R"(\(\[0-9A-Za-z\]\{18\}\))"), "91370117MA3C5R2X44");
    path = std::regex_replace(path, std::regex(R"(\(enterprises\|indicators\|published\))"), "indicators");
    path = std::regex_replace(path, std::regex(R"(\(\[\^/\]\+\))"), "some-report");
    return std::regex_replace(path, std::regex(R"(\\\.)"), ".");
  }

  httplib::Result Send(const Route& r, const std::string& path, const httplib::Headers& headers) {
    auto cli = Client();
    if (r.method == "GET") return cli.Get(path, headers);
    return cli.Post(path, headers, "{}", "application/json");
  }

  static inline std::string db_path_;
  static inline int64_t project_id_ = 0;
  static inline int64_t lead_id_ = 0;
  static inline int64_t round_id_ = 0;
  static inline app::Services* services_ = nullptr;
  static inline Server* server_ = nullptr;
  static inline int port_ = 0;
};

TEST_F(ServerTest, ExactlyThePublicRoutesAnswerWithoutLogin) {
  const std::set<std::string> kPublic = {"GET /healthz", "GET /api/v1/openapi.json", "POST /api/v1/auth/login"};
  std::set<std::string> seen_public;
  for (const Route& r : ApiRoutes()) {
    std::string key = r.method + " " + r.pattern;
    auto res = Send(r, Concrete(r), {});
    ASSERT_TRUE(res) << key;
    if (r.is_public) {
      seen_public.insert(key);
      EXPECT_NE(res->status, 401) << key;
    } else {
      EXPECT_EQ(res->status, 401) << key << " answered without a login: " << res->body;
      EXPECT_EQ(wire::Json::parse(res->body)["error"]["code"], "unauthenticated") << key;
    }
  }
  EXPECT_EQ(seen_public, kPublic);
}

TEST_F(ServerTest, OutOfScopeRequestsAreRefusedOnEveryRegionRoute) {
  // An administrator of 周村 only: every permission, one region (370306).
  auto [cookie, csrf] = Login("zcadmin");
  int checked = 0;
  for (const Route& r : ApiRoutes()) {
    if (r.is_public || r.region_from == RegionFrom::kNone) continue;
    std::string path = Concrete(r);
    if (r.region_from == RegionFrom::kQuery) path += "?region=370117";
    auto res = Send(r, path, {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403) << r.pattern << ": " << res->body;
    EXPECT_EQ(wire::Json::parse(res->body)["error"]["code"], "out_of_scope") << r.pattern;
    ++checked;
  }
  EXPECT_GE(checked, 6);
  // A city user sees its districts.
  auto [jcookie, jcsrf] = Login("jinan");
  auto cli = Client();
  auto ok = cli.Get("/api/v1/enterprises?region=370117", {{"Cookie", jcookie}});
  EXPECT_EQ(ok->status, 200) << ok->body;
  EXPECT_EQ(wire::Json::parse(ok->body)["total"], 1);
  EXPECT_EQ(cli.Get("/api/v1/enterprises/91370117MA3C5R2X44", {{"Cookie", jcookie}})->status, 200);
}

TEST_F(ServerTest, CookieWritesNeedTheCsrfTokenBearerTokensDoNot) {
  auto [cookie, csrf] = Login("admin");
  auto cli = Client();
  auto bad = cli.Post("/api/v1/auth/logout", {{"Cookie", cookie}}, "", "application/json");
  EXPECT_EQ(bad->status, 403);
  EXPECT_EQ(wire::Json::parse(bad->body)["error"]["code"], "csrf_failed");
  auto good = cli.Post("/api/v1/auth/logout", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}, "", "application/json");
  EXPECT_EQ(good->status, 204);
  EXPECT_EQ(cli.Get("/api/v1/auth/me", {{"Cookie", cookie}})->status, 401);
  // A token created by the CLI while the server runs is accepted at once.
  auto db = *app::OpenDatabase(db_path_);
  std::string token = *app::CreateApiToken(*db, app::SystemClock(), "admin", "test");
  auto me = cli.Get("/api/v1/auth/me", {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(me->status, 200);
  EXPECT_EQ(wire::Json::parse(me->body)["user"]["username"], "admin");
  EXPECT_EQ(cli.Get("/api/v1/auth/me", {{"Authorization", "Bearer qq_wrong"}})->status, 401);
}

TEST_F(ServerTest, LoginErrorsAndBasicAnswers) {
  auto cli = Client();
  auto bad = cli.Post("/api/v1/auth/login", R"({"username":"admin","password":"nope"})", "application/json");
  EXPECT_EQ(bad->status, 401);
  EXPECT_EQ(wire::Json::parse(bad->body)["error"]["code"], "bad_credentials");
  EXPECT_EQ(cli.Post("/api/v1/auth/login", "not json", "application/json")->status, 400);
  auto health = cli.Get("/healthz");
  EXPECT_EQ(health->status, 200);
  auto openapi = wire::Json::parse(cli.Get("/api/v1/openapi.json")->body);
  EXPECT_EQ(openapi["openapi"], "3.0.3");
  EXPECT_TRUE(openapi["paths"].contains("/api/v1/enterprises/{uscc}"));
  auto [cookie, csrf] = Login("zhoucun");
  auto regions = wire::Json::parse(cli.Get("/api/v1/regions?level=county", {{"Cookie", cookie}})->body);
  ASSERT_EQ(regions["regions"].size(), 1u);
  EXPECT_EQ(regions["regions"][0]["code"], "370306");
  EXPECT_EQ(cli.Get("/api/v1/regions?level=galaxy", {{"Cookie", cookie}})->status, 400);
  auto missing = cli.Get("/api/v1/nothing", {{"Cookie", cookie}});
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(wire::Json::parse(missing->body)["error"]["code"], "not_found");
  auto chains = wire::Json::parse(cli.Get("/api/v1/chains", {{"Cookie", cookie}})->body);
  EXPECT_EQ(chains["chains"].size(), 12u);
}

TEST_F(ServerTest, UploadsReportsTemplatesExportsAndMonitoring) {
  const auto fixtures = std::filesystem::path(QQ_SOURCE_DIR) / "tests" / "fixtures" / "import";
  auto read = [](const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  auto upload = [&](const std::string& cookie, const std::string& csrf, const std::string& file) {
    httplib::MultipartFormDataItems items = {{"file", read(fixtures / file), file, "application/octet-stream"}};
    return Client().Post("/api/v1/imports/indicators", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}, items);
  };
  // A viewer may not import.
  auto [vcookie, vcsrf] = Login("zhoucun");
  EXPECT_EQ(upload(vcookie, vcsrf, "good_2024q1.xlsx")->status, 403);
  // An analyst of 济南 imports a good quarter, then a bad file is refused with its report.
  auto [cookie, csrf] = Login("jinan");
  auto good = upload(cookie, csrf, "good_2024q1.xlsx");
  ASSERT_EQ(good->status, 200) << good->body;
  auto good_doc = wire::Json::parse(good->body);
  EXPECT_TRUE(good_doc["applied"].get<bool>());
  EXPECT_EQ(good_doc["created"].size(), 2u);  // firm A exists already
  auto bad = upload(cookie, csrf, "bad_indicators.xlsx");
  ASSERT_EQ(bad->status, 422);
  auto bad_doc = wire::Json::parse(bad->body);
  EXPECT_EQ(bad_doc["errors"].size(), 9u);
  EXPECT_EQ(bad_doc["errors"][0]["kind"], "bad_uscc_checksum");
  EXPECT_EQ(bad_doc["errors"][0]["sheet"], "月报");
  EXPECT_EQ(bad_doc["errors"][0]["row"], 4);
  auto cli = Client();
  auto xlsx = cli.Get("/api/v1/imports/reports/" + bad_doc["report_id"].get<std::string>() + ".xlsx", {{"Cookie", cookie}});
  ASSERT_EQ(xlsx->status, 200);
  EXPECT_EQ(xlsx->body.substr(0, 2), "PK");
  EXPECT_EQ(cli.Get("/api/v1/imports/reports/..%2Fsecret.xlsx", {{"Cookie", cookie}})->status / 100, 4);
  auto tmpl = cli.Get("/api/v1/imports/templates/indicators.xlsx", {{"Cookie", cookie}});
  ASSERT_EQ(tmpl->status, 200);
  EXPECT_EQ(tmpl->body.substr(0, 2), "PK");
  EXPECT_NE(tmpl->get_header_value("Content-Disposition").find("filename*=UTF-8''"), std::string::npos);
  auto exported = cli.Post("/api/v1/export.xlsx", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}},
                           R"({"file_name":"集群","sheets":[{"name":"集群","columns":[{"header":"名称"},{"header":"营业收入（亿元）","type":"money","unit":"亿元"}],"rows":[["精品钢",133500000000]]}]})",
                           "application/json");
  ASSERT_EQ(exported->status, 200) << exported->body;
  EXPECT_EQ(exported->body.substr(0, 2), "PK");
  EXPECT_EQ(cli.Post("/api/v1/export.xlsx", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}, "{}", "application/json")->status, 400);
  // The server sees the import at once: 钢城区 now has monthly figures.
  auto monthly = cli.Get("/api/v1/monitor/monthly?region=370117", {{"Cookie", cookie}});
  ASSERT_EQ(monthly->status, 200) << monthly->body;
  auto m = wire::Json::parse(monthly->body);
  ASSERT_EQ(m["months"].size(), 3u);
  EXPECT_EQ(m["months"][0]["工业总产值"]["当月"], 12005000 + 3000000 + 741000);  // A + B + C in January
  auto profile = cli.Get("/api/v1/enterprises/91370117MA3C5R2X44/profile", {{"Cookie", cookie}});
  ASSERT_EQ(profile->status, 200);
  EXPECT_EQ(wire::Json::parse(profile->body)["months"].size(), 3u);
  EXPECT_EQ(cli.Get("/api/v1/monitor/breakdown?region=370117&by=galaxy", {{"Cookie", cookie}})->status, 400);
}

TEST_F(ServerTest, RoundsFilingsSummaryAndTemplateOverHttp) {
  auto [cookie, csrf] = Login("jinan");  // 分析员 of 济南市
  httplib::Headers h = {{"Cookie", cookie}, {"X-CSRF-Token", csrf}};
  auto cli = Client();
  auto post = [&](const std::string& path, const std::string& body) { return cli.Post(path, h, body, "application/json"); };
  EXPECT_EQ(post("/api/v1/rounds", R"({"region":"370117","period":"2024-03"})")->status, 409);  // opened in setup
  auto opened = post("/api/v1/rounds", R"({"region":"370117","period":"2024-04"})");
  ASSERT_EQ(opened->status, 201) << opened->body;
  EXPECT_EQ(wire::Json::parse(opened->body)["deadline"], "2024-05-05");
  EXPECT_EQ(post("/api/v1/rounds", R"({"region":"370306","period":"2024-04"})")->status, 403);  // outside 济南
  std::string records = "/api/v1/projects/" + std::to_string(project_id_) + "/records";
  auto filed = post(records, R"({"round":"2024-04","stage":"开工","completed_this_year":30000000,"completed_total":30000000})");
  ASSERT_EQ(filed->status, 201) << filed->body;
  EXPECT_EQ(wire::Json::parse(filed->body)["project"]["stage"], "开工");
  auto back = post(records, R"({"round":"2024-04","stage":"谋划"})");
  EXPECT_EQ(back->status, 400);
  EXPECT_EQ(wire::Json::parse(back->body)["error"]["code"], "bad_transition");
  EXPECT_EQ(post(records, R"({"round":"2030-01"})")->status, 404);
  EXPECT_EQ(post(records, R"({"round":"2024-04","completed_this_year":1.5})")->status, 400);  // money is integer 元
  auto summary = cli.Get("/api/v1/projects/summary?region=370117&as_of=2024-04", h);
  ASSERT_EQ(summary->status, 200) << summary->body;
  auto s = wire::Json::parse(summary->body);
  EXPECT_EQ(s["count"], 1);
  EXPECT_EQ(s["completed_this_year"], 30000000);
  EXPECT_EQ(s["started"], 1);
  EXPECT_TRUE(s["not_filed"].empty());
  EXPECT_EQ(s["by_stage"]["开工"]["count"], 1);  // cuts are keyed by category
  EXPECT_EQ(s["by_stage"]["开工"]["completed_this_year"], 30000000);
  EXPECT_NE(s["paragraph"].get<std::string>().find("共有项目1个"), std::string::npos);
  auto tmpl = cli.Get("/api/v1/rounds/" + std::to_string(round_id_) + "/template.xlsx", h);
  ASSERT_EQ(tmpl->status, 200);
  EXPECT_EQ(tmpl->body.substr(0, 2), "PK");
  // Approvals, needs, the year's entry; parks and parcels; bad values are refused by name.
  std::string project = "/api/v1/projects/" + std::to_string(project_id_);
  EXPECT_EQ(post(project + "/approvals", R"({"kind":"环评","status":"已办结","on_date":"2024-02-01"})")->status, 200);
  auto bad_kind = post(project + "/approvals", R"({"kind":"消防","status":"已办结"})");
  EXPECT_EQ(bad_kind->status, 400);
  EXPECT_NE(bad_kind->body.find("立项/备案"), std::string::npos);
  EXPECT_EQ(post(project + "/needs", R"({"kind":"土地","amount":150,"unit":"亩"})")->status, 201);
  EXPECT_EQ(post(project + "/needs", R"({"kind":"土地","amount":150,"unit":"吨"})")->status, 400);
  EXPECT_EQ(post(project + "/years", R"({"year":2024,"level":"市重点","annual_plan":200000000})")->status, 200);
  auto profile = wire::Json::parse(cli.Get(project, h)->body);
  EXPECT_EQ(profile["approvals"].size(), 1u);
  EXPECT_EQ(profile["needs"][0]["hectares"], 10.0);
  EXPECT_EQ(profile["years"][0]["annual_plan"], 200000000);
  auto park = post("/api/v1/parks?region=370117", R"({"name":"钢城经济开发区","chain":"钢铁","area_ha":800})");
  ASSERT_EQ(park->status, 201) << park->body;
  int64_t park_id = wire::Json::parse(park->body)["id"];
  EXPECT_EQ(post("/api/v1/parks?region=370117", R"({"name":"钢城经济开发区"})")->status, 409);
  EXPECT_EQ(post("/api/v1/parcels?region=370117", R"({"code":"GC-1","area_ha":12,"status":"可供","park_id":)" +
                                                      std::to_string(park_id) + "}")->status, 201);
  EXPECT_EQ(post("/api/v1/parcels?region=370117", R"({"code":"GC-2","area_ha":0,"status":"可供"})")->status, 400);
  auto land = wire::Json::parse(cli.Get(project + "/land", h)->body);
  ASSERT_EQ(land["parcels"].size(), 1u);  // 12 公顷 ≥ 10 公顷, in 钢城
  EXPECT_EQ(land["parcels"][0]["code"], "GC-1");
  auto parks = wire::Json::parse(cli.Get("/api/v1/parks?region=370117", h)->body);
  EXPECT_EQ(parks["parks"][0]["available_ha"], 12.0);
  auto missing = cli.Get("/api/v1/projects/999999", h);
  EXPECT_EQ(missing->status, 404);
  EXPECT_NE(missing->body.find("no project with id"), std::string::npos);  // the handler's message, not "no API route"
  // Malformed numbers are a 400 naming the parameter, never a 500; an unknown link a 404.
  auto bad_limit = cli.Get("/api/v1/attraction?region=370117&chain=%E9%92%A2%E9%93%81&limit=abc", h);
  EXPECT_EQ(bad_limit->status, 400);
  EXPECT_NE(bad_limit->body.find("limit"), std::string::npos);
  EXPECT_EQ(cli.Get("/api/v1/monitor/watch?region=370117&limit=-3", h)->status, 400);
  EXPECT_EQ(cli.Get("/api/v1/links/999999/firms?region=370117", h)->status, 404);
}

}  // namespace
}  // namespace qq::http