#include "app/auth.h"

#include <gtest/gtest.h>

#include "app/security.h"
#include "store/region_store.h"
#include "store/test_db.h"
#include "store/user_store.h"

namespace qq::app {
namespace {

class AuthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<Region> regions = {
        {RegionCode::Country(), "全国", RegionLevel::kCountry, std::nullopt, CodeSystem::kBoth},
        {*RegionCode::Parse("370000"), "山东省", RegionLevel::kProvince, RegionCode::Country(), CodeSystem::kBoth},
        {*RegionCode::Parse("370100"), "济南市", RegionLevel::kCity, *RegionCode::Parse("370000"), CodeSystem::kBoth}};
    ASSERT_TRUE(store::RegionStore(t_.db()).ReplaceAll(regions, {}).ok());
    User u;
    u.username = "analyst";
    u.role = Role::kAnalyst;
    u.regions = {*RegionCode::Parse("370100")};
    ASSERT_TRUE(AddUser(t_.db(), clock_, u, kPassword).ok());
  }
  static constexpr const char* kPassword = "Jinan-2024-secure";
  int64_t now_ = 1'700'000'000;
  Clock clock_ = [this] { return now_; };
  store::TempDb t_;
};

TEST_F(AuthTest, LoginCreatesASessionWithCsrfToken) {
  AuthService auth(t_.db(), clock_);
  auto login = auth.Login("analyst", kPassword);
  ASSERT_TRUE(login.ok()) << login.status().message();
  EXPECT_EQ(login->session.user.role, Role::kAnalyst);
  EXPECT_EQ(login->session.csrf_token.size(), 32u);
  auto s = auth.FromSessionToken(login->session_token);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->csrf_token, login->session.csrf_token);
  EXPECT_EQ(s->user.regions.at(0).str(), "370100");
  // Only the hash of the token is stored.
  auto st = *t_.db().Prepare("SELECT count(*) FROM session WHERE token_hash = ?");
  st.Bind(1, login->session_token);
  ASSERT_TRUE(*st.Step());
  EXPECT_EQ(st.Int(0), 0);
  ASSERT_TRUE(auth.Logout(login->session_token, "analyst").ok());
  EXPECT_EQ(auth.FromSessionToken(login->session_token).status().code(), StatusCode::kUnauthenticated);
}

TEST_F(AuthTest, WrongPasswordAndUnknownUserLookTheSame) {
  AuthService auth(t_.db(), clock_);
  auto a = auth.Login("analyst", "wrong");
  auto b = auth.Login("nobody", "wrong");
  EXPECT_EQ(a.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(a.status().message(), b.status().message());
}

TEST_F(AuthTest, LockoutAfterFiveFailuresThenUnlocksAfterFifteenMinutes) {
  AuthService auth(t_.db(), clock_);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(auth.Login("analyst", "bad").status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(auth.Login("analyst", kPassword).status().code(), StatusCode::kLocked);
  now_ += 15 * 60 + 1;
  EXPECT_TRUE(auth.Login("analyst", kPassword).ok());
  // A success clears the counter.
  EXPECT_EQ(store::UserStore(t_.db()).GetCredentials("analyst")->failed_logins, 0);
}

TEST_F(AuthTest, IdleSessionsEnd) {
  AuthService auth(t_.db(), clock_);
  auto login = *auth.Login("analyst", kPassword);
  now_ += 29 * 60;
  ASSERT_TRUE(auth.FromSessionToken(login.session_token).ok());  // activity resets the idle clock
  now_ += 29 * 60;
  ASSERT_TRUE(auth.FromSessionToken(login.session_token).ok());
  now_ += 31 * 60;
  EXPECT_EQ(auth.FromSessionToken(login.session_token).status().code(), StatusCode::kUnauthenticated);
}

TEST_F(AuthTest, ApiTokens) {
  auto token = CreateApiToken(t_.db(), clock_, "analyst", "nightly import");
  ASSERT_TRUE(token.ok());
  EXPECT_TRUE(token->starts_with("qq_"));
  AuthService auth(t_.db(), clock_);
  EXPECT_EQ(auth.FromApiToken(*token)->username, "analyst");
  EXPECT_EQ(auth.FromApiToken("qq_bogus").status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(CreateApiToken(t_.db(), clock_, "ghost", "").status().code(), StatusCode::kNotFound);
}

TEST_F(AuthTest, AccountRulesAndAudit) {
  User u;
  u.username = "weak";
  u.regions = {*RegionCode::Parse("370100")};
  EXPECT_EQ(AddUser(t_.db(), clock_, u, "short").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(AddUser(t_.db(), clock_, u, "alllowercaseletters").status().code(), StatusCode::kInvalidArgument);
  u.regions.clear();
  EXPECT_EQ(AddUser(t_.db(), clock_, u, kPassword).status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(CheckPasswordPolicy(GeneratePassword()).ok());
  ASSERT_TRUE(SetUserPassword(t_.db(), clock_, "analyst", "New-Password-99").ok());
  AuthService auth(t_.db(), clock_);
  EXPECT_TRUE(auth.Login("analyst", "New-Password-99").ok());
  auto audit = *store::AuditStore(t_.db()).Recent(10);
  ASSERT_GE(audit.size(), 3u);
  EXPECT_EQ(audit[0].action, "login");
  EXPECT_EQ(audit[1].action, "user.passwd");
}

}  // namespace
}  // namespace qq::app
