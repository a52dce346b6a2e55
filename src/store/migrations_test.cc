#include "store/migrations.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "store/test_db.h"

namespace qq::store {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The schema as a sorted list of (type, name, sql), for comparing two databases.
std::map<std::string, std::string> Schema(Database& db) {
  std::map<std::string, std::string> out;
  auto st = *db.Prepare("SELECT type || ' ' || name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'");
  while (*st.Step()) out[st.Text(0)] = st.Text(1);
  return out;
}

std::map<std::string, int64_t> RowCounts(Database& db) {
  std::map<std::string, int64_t> out;
  std::vector<std::string> tables;
  auto st = *db.Prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  while (*st.Step()) tables.push_back(st.Text(0));
  for (const auto& t : tables) {
    auto c = *db.Prepare("SELECT count(*) FROM \"" + t + "\"");
    EXPECT_TRUE(*c.Step());
    out[t] = c.Int(0);
  }
  return out;
}

void ExpectHealthy(Database& db) {
  auto ic = *db.Prepare("PRAGMA integrity_check");
  ASSERT_TRUE(*ic.Step());
  EXPECT_EQ(ic.Text(0), "ok");
  auto fk = *db.Prepare("PRAGMA foreign_key_check");
  EXPECT_FALSE(*fk.Step()) << "foreign key violation in " << fk.Text(0);
}

TEST(Migrations, VersionsAreConsecutiveFromOne) {
  int expected = 1;
  for (const auto& m : EmbeddedMigrations()) EXPECT_EQ(m.version, expected++) << m.name;
  EXPECT_GE(LatestSchemaVersion(), 1);
}

TEST(Migrations, EmptyDatabaseReachesLatestInWalMode) {
  TempDb t(false);
  ASSERT_TRUE(Migrate(t.db()).ok());
  EXPECT_EQ(*t.db().SchemaVersion(), LatestSchemaVersion());
  auto st = *t.db().Prepare("PRAGMA journal_mode");
  ASSERT_TRUE(*st.Step());
  EXPECT_EQ(st.Text(0), "wal");
  ExpectHealthy(t.db());
  EXPECT_TRUE(RequireLatestSchema(t.db()).ok());
  // Running it again changes nothing.
  ASSERT_TRUE(Migrate(t.db()).ok());
  EXPECT_EQ(*t.db().SchemaVersion(), LatestSchemaVersion());
}

// Every earlier version, holding data valid at that version (tests/fixtures/migration_seeds),
// migrates to the latest schema without losing a row, and ends with the same schema as a
// fresh database. A new migration needs a seed for the version before it.
TEST(Migrations, EveryEarlierVersionUpgradesKeepingItsData) {
  TempDb fresh;
  auto want_schema = Schema(fresh.db());
  for (int v = 1; v < LatestSchemaVersion(); ++v) {
    SCOPED_TRACE("from version " + std::to_string(v));
    TempDb t(false);
    ASSERT_TRUE(Migrate(t.db(), v).ok());
    ASSERT_EQ(*t.db().SchemaVersion(), v);
    char name[16];
    std::snprintf(name, sizeof name, "%03d.sql", v);
    std::string seed = ReadFile(std::string(QQ_SOURCE_DIR) + "/tests/fixtures/migration_seeds/" + name);
    ASSERT_FALSE(seed.empty()) << "missing seed " << name;
    ASSERT_TRUE(t.db().Exec(seed).ok()) << name;
    auto before = RowCounts(t.db());
    ASSERT_TRUE(Migrate(t.db()).ok());
    EXPECT_EQ(*t.db().SchemaVersion(), LatestSchemaVersion());
    ExpectHealthy(t.db());
    auto after = RowCounts(t.db());
    for (const auto& [table, count] : before) EXPECT_GE(after[table], count) << table;
    EXPECT_EQ(Schema(t.db()), want_schema);
  }
}

TEST(Migrations, TheLatestSeedLoadsIntoAFreshDatabase) {
  // Keeps the newest seed honest: it must be valid for the schema it claims.
  TempDb t(false);
  int v = LatestSchemaVersion();
  ASSERT_TRUE(Migrate(t.db(), v).ok());
  char name[16];
  std::snprintf(name, sizeof name, "%03d.sql", v);
  std::string seed = ReadFile(std::string(QQ_SOURCE_DIR) + "/tests/fixtures/migration_seeds/" + name);
  ASSERT_FALSE(seed.empty()) << "missing seed " << name;
  EXPECT_TRUE(t.db().Exec(seed).ok());
  ExpectHealthy(t.db());
}

TEST(Migrations, NewerDatabaseIsRefused) {
  TempDb t(false);
  ASSERT_TRUE(t.db().Exec("PRAGMA user_version = 999").ok());
  Status s = Migrate(t.db());
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(RequireLatestSchema(t.db()).code(), StatusCode::kFailedPrecondition);
}

TEST(Migrations, OpeningAndCheckingWritesNothing) {
  TempDb t(false);
  EXPECT_EQ(RequireLatestSchema(t.db()).code(), StatusCode::kFailedPrecondition);
  auto st = *t.db().Prepare("SELECT count(*) FROM sqlite_master");
  ASSERT_TRUE(*st.Step());
  EXPECT_EQ(st.Int(0), 0);
  EXPECT_EQ(*t.db().SchemaVersion(), 0);
}

}  // namespace
}  // namespace qq::store
