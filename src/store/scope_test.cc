#include "store/scope.h"

#include <gtest/gtest.h>

#include "store/test_db.h"

namespace qq::store {
namespace {

std::vector<std::string> Matching(Database& db, std::vector<RegionCode> scope) {
  ScopeFilter f("c", std::move(scope));
  auto st = *db.Prepare("SELECT c FROM t WHERE " + f.Sql() + " ORDER BY c");
  f.Bind(st, 1);
  std::vector<std::string> out;
  while (*st.Step()) out.push_back(st.Text(0));
  return out;
}

TEST(ScopeFilter, SelectsCodesInsideTheRegions) {
  TempDb t(false);
  ASSERT_TRUE(t.db().Exec("CREATE TABLE t (c TEXT); INSERT INTO t VALUES ('370100'), ('370117'), "
                          "('370117001'), ('370306'), ('370199'), ('110101'), ('370200')").ok());
  auto code = [](const char* s) { return *RegionCode::Parse(s); };
  EXPECT_EQ(Matching(t.db(), {code("370100")}),
            (std::vector<std::string>{"370100", "370117", "370117001", "370199"}));
  EXPECT_EQ(Matching(t.db(), {code("370117")}), (std::vector<std::string>{"370117", "370117001"}));
  EXPECT_EQ(Matching(t.db(), {code("370117"), code("370306")}),
            (std::vector<std::string>{"370117", "370117001", "370306"}));
  EXPECT_EQ(Matching(t.db(), {code("370000")}).size(), 6u);
  EXPECT_EQ(Matching(t.db(), {RegionCode::Country()}).size(), 7u);
  EXPECT_EQ(Matching(t.db(), {}).size(), 7u);
  EXPECT_EQ(Matching(t.db(), {code("370117001")}), (std::vector<std::string>{"370117001"}));
}

}  // namespace
}  // namespace qq::store
