// Walks every route the router knows against a real server on a free port: exactly the
// public routes answer without a login, out-of-scope requests are refused, CSRF is enforced
// on cookie writes, and the basic answers are right.
#include <gtest/gtest.h>
#include <httplib.h>

#include <unistd.h>

#include <regex>
#include <set>

#include "app/auth.h"
#include "app/database_admin.h"
#include "http/router.h"
#include "http/server.h"
#include "store/enterprise_store.h"
#include "store/project_store.h"

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
                                          r.region_from == RegionFrom::kProject ? std::to_string(project_id_) : "1");
    return std::regex_replace(path, std::regex(R"(\(\[0-9A-Za-z\]\{18\}\))"), "91370117MA3C5R2X44");
  }

  httplib::Result Send(const Route& r, const std::string& path, const httplib::Headers& headers) {
    auto cli = Client();
    if (r.method == "GET") return cli.Get(path, headers);
    return cli.Post(path, headers, "{}", "application/json");
  }

  static inline std::string db_path_;
  static inline int64_t project_id_ = 0;
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
  auto [cookie, csrf] = Login("zhoucun");  // sees only 周村 370306
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

}  // namespace
}  // namespace qq::http
