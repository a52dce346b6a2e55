// Loads the real reference data shipped in data/ and checks the facts the product relies on.
#include "ingest/reference_data.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

namespace qq::ingest {
namespace {

const std::filesystem::path kData = std::filesystem::path(QQ_SOURCE_DIR) / "data";

TEST(ReferenceData, RegionsCoverTheCountryTownsAndBothCodeSystems) {
  auto regions = LoadRegions(kData);
  ASSERT_TRUE(regions.ok()) << regions.status().message();
  std::map<std::string, Region> by_code;
  for (const auto& r : *regions) by_code.emplace(r.code.str(), r);
  // Parents come before children.
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < regions->size(); ++i) index[(*regions)[i].code.str()] = i;
  for (const auto& r : *regions) {
    if (r.parent) {
      ASSERT_TRUE(index.count(r.parent->str())) << r.code.str();
      EXPECT_LT(index[r.parent->str()], index[r.code.str()]) << r.code.str();
    }
  }
  size_t counties = 0, towns = 0, shandong_towns = 0;
  for (const auto& r : *regions) {
    counties += r.level == RegionLevel::kCounty;
    towns += r.level == RegionLevel::kTown;
    shandong_towns += r.level == RegionLevel::kTown && r.code.str().starts_with("37");
  }
  EXPECT_GT(counties, 2900u);
  EXPECT_GT(towns, 40000u);
  EXPECT_GT(shandong_towns, 1500u);
  EXPECT_EQ(by_code.at("370117").name, "钢城区");
  EXPECT_EQ(by_code.at("370117").parent->str(), "370100");
  EXPECT_EQ(by_code.at("370117").system, CodeSystem::kBoth);
  EXPECT_EQ(by_code.at("370176").system, CodeSystem::kStatistical);  // 济南高新区: NBS only
  EXPECT_EQ(by_code.at("370114003").name, "枣园街道");
  EXPECT_EQ(by_code.at("370114003").parent->str(), "370114");
  EXPECT_EQ(by_code.at("110101").parent->str(), "110000");  // 直辖市: no city row
  EXPECT_EQ(by_code.at("100000").level, RegionLevel::kCountry);
  EXPECT_FALSE(by_code.count("371203"));  // 莱芜市钢城区 is gone
}

TEST(ReferenceData, CrosswalkMapsHistoricalCodes) {
  auto regions = LoadRegions(kData);
  ASSERT_TRUE(regions.ok());
  auto aliases = LoadCrosswalk(kData, *regions);
  ASSERT_TRUE(aliases.ok()) << aliases.status().message();
  std::map<std::string, std::string> m;
  for (const auto& a : *aliases) m[a.old_code] = a.current.str();
  EXPECT_EQ(m.at("370181"), "370114");
  EXPECT_EQ(m.at("371202"), "370116");
  EXPECT_EQ(m.at("371203"), "370117");
  EXPECT_EQ(m.at("370125"), "370115");
}

TEST(ReferenceData, IndustryClassificationIsComplete) {
  auto classes = LoadIndustryClasses(kData);
  ASSERT_TRUE(classes.ok()) << classes.status().message();
  int per_level[5] = {0, 0, 0, 0, 0};
  std::map<std::string, std::string> names;
  for (const auto& c : *classes) {
    ++per_level[c.code.Level()];
    names[c.code.str()] = c.name;
  }
  EXPECT_EQ(per_level[1], 20);
  EXPECT_EQ(per_level[2], 97);
  EXPECT_EQ(per_level[3], 473);
  EXPECT_EQ(per_level[4], 1381);
  EXPECT_EQ(names.at("3130"), "钢压延加工");
  EXPECT_EQ(names.at("3973"), "集成电路制造");
  EXPECT_EQ(names.at("6520"), "集成电路设计");
  EXPECT_EQ(names.at("1513"), "啤酒制造");
}

TEST(ReferenceData, BadFilesNameFileAndLine) {
  auto dir = std::filesystem::path(::testing::TempDir()) / "qq-bad-ref";
  std::filesystem::create_directories(dir / "gbt4754-2017");
  {
    std::ofstream f(dir / "gbt4754-2017" / "industry_classes.csv");
    f << "code,name,level,parent,section\nC,制造业,1,,C\n31,黑色金属,2,C,C\n3X30,坏,4,313,C\n";
  }
  auto classes = LoadIndustryClasses(dir);
  ASSERT_FALSE(classes.ok());
  EXPECT_NE(classes.status().message().find("industry_classes.csv:4"), std::string::npos) << classes.status().message();
  EXPECT_EQ(LoadRegions(dir / "missing").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace qq::ingest
