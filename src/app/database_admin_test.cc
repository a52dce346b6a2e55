#include "app/database_admin.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "store/chain_store.h"
#include "store/enterprise_store.h"
#include "store/region_store.h"

namespace qq::app {
namespace {

const std::filesystem::path kData = std::filesystem::path(QQ_SOURCE_DIR) / "data";

std::string FreshPath(const char* name) {
  // One file per process: CTest runs tests in parallel.
  auto p = std::filesystem::path(::testing::TempDir()) / (std::to_string(getpid()) + "-" + name);
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + s);
  return p.string();
}

TEST(InitDatabase, CreatesReferenceDataAndNothingElse) {
  std::string path = FreshPath("qq-init.db");
  auto report = InitDatabase(path, kData);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_GT(report->regions, 40000);
  EXPECT_EQ(report->industry_classes, 1971);
  EXPECT_EQ(report->chains, 12);
  EXPECT_GE(report->aliases, 4);
  auto db = OpenDatabase(path, true);
  ASSERT_TRUE(db.ok()) << db.status().message();
  EXPECT_EQ(*store::EnterpriseStore(**db).Count(), 0);
  EXPECT_EQ(store::ChainStore(**db).List()->size(), 12u);
  EXPECT_EQ(store::RegionStore(**db).Get(*RegionCode::Parse("370117"))->name, "钢城区");
  auto users = (*db)->Prepare("SELECT count(*) FROM app_user");
  ASSERT_TRUE(*users->Step());
  EXPECT_EQ(users->Int(0), 0);
  // A second init refuses to touch the file.
  EXPECT_EQ(InitDatabase(path, kData).status().code(), StatusCode::kAlreadyExists);
}

TEST(InitDatabase, BadDataLeavesNoFile) {
  std::string path = FreshPath("qq-init-bad.db");
  auto report = InitDatabase(path, kData / "nowhere");
  EXPECT_FALSE(report.ok());
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(OpenDatabase, RefusesMissingAndOldFiles) {
  EXPECT_EQ(OpenDatabase(FreshPath("qq-missing.db")).status().code(), StatusCode::kNotFound);
  std::string path = FreshPath("qq-empty.db");
  { auto db = store::Database::Open(path, store::Database::Mode::kCreate); }
  auto db = OpenDatabase(path);
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.status().message().find("qiangqu init"), std::string::npos);
  EXPECT_EQ(MigrateDatabase(path).status().code(), StatusCode::kFailedPrecondition);
}

TEST(ReloadChains, KeepsChainIds) {
  std::string path = FreshPath("qq-reload.db");
  ASSERT_TRUE(InitDatabase(path, kData).ok());
  auto db = OpenDatabase(path);
  ASSERT_TRUE(db.ok());
  auto before = *store::ChainStore(**db).GetByName("钢铁");
  EXPECT_EQ(*ReloadChains(**db, kData), 12);
  auto after = *store::ChainStore(**db).GetByName("钢铁");
  EXPECT_EQ(before.id, after.id);
  EXPECT_EQ(before.links.front().id, after.links.front().id);
}

}  // namespace
}  // namespace qq::app
