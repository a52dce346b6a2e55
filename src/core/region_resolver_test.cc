#include "core/region_resolver.h"

#include <gtest/gtest.h>

namespace qq {
namespace {

RegionResolver MakeResolver() {
  auto r = [](const char* code, const char* name) {
    return Region{*RegionCode::Parse(code), name, RegionCode::Parse(code)->Level(), std::nullopt, CodeSystem::kBoth};
  };
  return RegionResolver({r("370000", "山东省"), r("370100", "济南市"), r("370114", "章丘区"), r("370117", "钢城区")},
                        {{"370181", *RegionCode::Parse("370114"), ""}, {"371203", *RegionCode::Parse("370117"), ""}});
}

TEST(RegionResolver, CurrentHistoricalCityAndUnknownCodes) {
  auto rr = MakeResolver();
  auto cur = *rr.Resolve("370117");
  EXPECT_EQ(cur.code.str(), "370117");
  EXPECT_TRUE(cur.warning.empty());
  auto old = *rr.Resolve("371203");
  EXPECT_EQ(old.code.str(), "370117");
  EXPECT_NE(old.warning.find("historical"), std::string::npos);
  EXPECT_EQ(rr.Resolve("370181")->code.str(), "370114");
  EXPECT_EQ(rr.Resolve("370100")->code.str(), "370100");
  auto unknown = *rr.Resolve("370199");
  EXPECT_EQ(unknown.code.str(), "370100");
  EXPECT_FALSE(unknown.warning.empty());
  EXPECT_EQ(rr.Resolve("379999")->code.str(), "370000");
  EXPECT_EQ(rr.Resolve("990000")->code.str(), "100000");
  EXPECT_FALSE(rr.Resolve("37011").ok());
  EXPECT_EQ(rr.NameOf("370114"), "章丘区");
}

}  // namespace
}  // namespace qq
