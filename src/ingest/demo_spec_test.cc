#include "ingest/demo_spec.h"

#include <gtest/gtest.h>

#include "ingest/file_util.h"

namespace qq::ingest {
namespace {

TEST(DemoSpec, TheShippedDemoParses) {
  auto path = std::filesystem::path(QQ_SOURCE_DIR) / "data" / "demo" / "demo.toml";
  auto spec = ParseDemoSpec(*ReadWholeFile(path), path.string());
  ASSERT_TRUE(spec.ok()) << spec.status().message();
  ASSERT_EQ(spec->regions.size(), 4u);
  const DemoRegion& gangcheng = spec->regions[0];
  EXPECT_EQ(gangcheng.code.str(), "370117");
  EXPECT_EQ(gangcheng.framework, "2+4");
  ASSERT_EQ(gangcheng.clusters.size(), 6u);
  EXPECT_EQ(gangcheng.clusters[0].cluster.tier, ClusterTier::kThousandYi);
  EXPECT_EQ(gangcheng.targets[0].value_units, 200000000000);
  const DemoRegion& jinan = spec->regions[3];
  EXPECT_EQ(jinan.clusters[0].revenue[0].yuan(), 12030000000);  // 120.3亿元, exact
  EXPECT_EQ(jinan.firm_regions[0].str(), "370176");
  const DemoRegion& zhangqiu = spec->regions[1];
  EXPECT_EQ(zhangqiu.projects->count, 78);
  EXPECT_EQ(zhangqiu.projects->total_investment.yuan(), 54850000000);
  EXPECT_EQ(zhangqiu.projects->annual_plan.yuan(), 11670000000);
  EXPECT_EQ(zhangqiu.named_projects[0].name, "华润雪花啤酒项目");
  EXPECT_EQ(zhangqiu.named_projects[0].actual_start->ToString(), "2023-05");
}

TEST(DemoSpec, ErrorsNameTheLine) {
  std::string text = "first_month = \"2022-01\"\nlast_month = \"2024-12\"\nrevenue_years = [2022, 2023]\n"
                     "[[region]]\ncode = \"370117\"\nother_revenue = [1, 2]\n[[region.cluster]]\nname = \"x\"\n"
                     "chains = [\"钢铁\"]\nrevenue = [1]\n";
  auto spec = ParseDemoSpec(text, "d.toml");
  ASSERT_FALSE(spec.ok());
  EXPECT_NE(spec.status().message().find("d.toml:10"), std::string::npos) << spec.status().message();
}

}  // namespace
}  // namespace qq::ingest
