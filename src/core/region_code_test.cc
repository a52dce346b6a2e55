#include "core/region_code.h"

#include <gtest/gtest.h>

namespace qq {
namespace {

RegionCode Code(const char* text) { return *RegionCode::Parse(text); }

TEST(RegionCode, LevelsFromShape) {
  EXPECT_EQ(Code("370000").Level(), RegionLevel::kProvince);
  EXPECT_EQ(Code("370100").Level(), RegionLevel::kCity);
  EXPECT_EQ(Code("370117").Level(), RegionLevel::kCounty);
  EXPECT_EQ(Code("370176").Level(), RegionLevel::kCounty);  // NBS statistical code of 高新区
  EXPECT_EQ(Code("370114003").Level(), RegionLevel::kTown);
  EXPECT_EQ(RegionCode::Country().Level(), RegionLevel::kCountry);
}

TEST(RegionCode, RejectsMalformed) {
  for (const char* text : {"", "37011", "3701170", "37011700A", "990100", "000000", "3701l7"}) {
    EXPECT_FALSE(RegionCode::Parse(text).ok()) << text;
  }
}

TEST(RegionCode, ContainmentAndParents) {
  EXPECT_TRUE(Code("370100").Contains(Code("370117")));
  EXPECT_TRUE(Code("370100").Contains(Code("370114003")));
  EXPECT_TRUE(Code("370000").Contains(Code("370306")));
  EXPECT_FALSE(Code("370100").Contains(Code("370306")));
  EXPECT_FALSE(Code("370117").Contains(Code("370100")));
  EXPECT_TRUE(Code("370114").Contains(Code("370114003")));
  EXPECT_TRUE(RegionCode::Country().Contains(Code("110101")));
  EXPECT_EQ(Code("370114003").CountyCode().str(), "370114");
  EXPECT_EQ(Code("370114003").CityCode().str(), "370100");
  EXPECT_EQ(Code("370117").ProvinceCode().str(), "370000");
}

}  // namespace
}  // namespace qq
