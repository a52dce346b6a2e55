#include "store/database.h"

#include <gtest/gtest.h>

#include "store/test_db.h"

namespace qq::store {
namespace {

TEST(Database, OpeningAMissingFileIsNotFoundAndCreatesNothing) {
  std::string path = ::testing::TempDir() + "/qq-missing.db";
  std::filesystem::remove(path);
  auto db = Database::Open(path, Database::Mode::kReadWrite);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(Database, TransactionRollsBackUnlessCommitted) {
  TempDb t(false);
  ASSERT_TRUE(t.db().Exec("CREATE TABLE x (v INTEGER)").ok());
  {
    Transaction tx(t.db());
    ASSERT_TRUE(t.db().Exec("INSERT INTO x VALUES (1)").ok());
  }
  {
    Transaction tx(t.db());
    ASSERT_TRUE(t.db().Exec("INSERT INTO x VALUES (2)").ok());
    ASSERT_TRUE(tx.Commit().ok());
  }
  auto st = *t.db().Prepare("SELECT group_concat(v) FROM x");
  ASSERT_TRUE(*st.Step());
  EXPECT_EQ(st.Text(0), "2");
}

TEST(Database, ConstraintViolationIsConflict) {
  TempDb t(false);
  ASSERT_TRUE(t.db().Exec("CREATE TABLE x (v INTEGER PRIMARY KEY)").ok());
  ASSERT_TRUE(t.db().Exec("INSERT INTO x VALUES (1)").ok());
  EXPECT_EQ(t.db().Exec("INSERT INTO x VALUES (1)").code(), StatusCode::kConflict);
}

TEST(Database, CachedStatementsAreResetBetweenUses) {
  TempDb t(false);
  auto a = t.db().Cached("SELECT ?1 + 1");
  ASSERT_TRUE(a.ok());
  (*a)->Bind(1, 41);
  ASSERT_TRUE(*(*a)->Step());
  EXPECT_EQ((*a)->Int(0), 42);
  auto b = t.db().Cached("SELECT ?1 + 1");
  EXPECT_EQ(*a, *b);
  (*b)->Bind(1, 1);
  ASSERT_TRUE(*(*b)->Step());
  EXPECT_EQ((*b)->Int(0), 2);
}

}  // namespace
}  // namespace qq::store
