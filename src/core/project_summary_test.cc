#include "core/project_summary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace qq {
namespace {

YearMonth M(int y, int m) { return *YearMonth::Of(y, m); }
Money Yi(double v) { return Money::FromYuan(static_cast<int64_t>(std::llround(v * 1e8))); }

ProjectFacts Make(int64_t id, const char* name, ProjectStage stage, double total, double plan,
                  double done) {
  ProjectFacts p;
  p.id = id;
  p.name = name;
  p.stage = stage;
  p.total_investment = Yi(total);
  p.annual_plan = Yi(plan);
  p.completed_this_year = Yi(done);
  return p;
}

class ProjectSummaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto a =
        Make(1, "甲项目", ProjectStage::kUnderConstruction, 10, 4, 3.6);  // 90 % at 时序进度 75 %
    a.level = ProjectLevel::kProvincialMajor;
    a.chain = "钢铁";
    a.planned_start = M(2024, 2);
    a.actual_start = M(2024, 3);
    auto b = Make(2, "乙项目", ProjectStage::kSigned, 5, 2, 0.5);  // 25 %: behind, and lagging
    b.level = ProjectLevel::kDistrictKey;
    b.chain = "钢铁";
    b.planned_start = M(2024, 5);
    b.filed = false;
    b.last_filed = M(2024, 8);
    auto c = Make(3, "丙项目", ProjectStage::kInProduction, 3, 1, 1.2);  // over plan
    c.level = ProjectLevel::kDistrictKey;
    c.planned_start = M(2023, 6);
    c.planned_production = M(2024, 6);
    c.actual_production = M(2024, 7);
    auto d = Make(4, "丁项目", ProjectStage::kTerminated, 2, 0.5, 0);  // counted, never late
    d.planned_start = M(2024, 1);
    d.filed = false;
    auto e =
        Make(5, "戊项目", ProjectStage::kPlanning, 1, 0, 0);  // no plan this year, starts next year
    e.planned_start = M(2025, 3);
    projects_ = {a, b, c, d, e};
  }
  std::vector<ProjectFacts> projects_;
};

TEST_F(ProjectSummaryTest, TotalsRatesAndCuts) {
  auto s = SummarizeProjects("章丘区", 2024, M(2024, 9), true, projects_);
  EXPECT_EQ(s.count, 5);
  EXPECT_EQ(s.total_investment, Yi(21));
  EXPECT_EQ(s.annual_plan, Yi(7.5));
  EXPECT_EQ(s.completed_this_year, Yi(5.3));
  EXPECT_NEAR(*s.completion_rate, 100.0 * 5.3 / 7.5, 1e-9);
  EXPECT_DOUBLE_EQ(s.schedule_pct, 75.0);
  // 开工率: a, b, c were due (d is terminated, e starts next year); a and c started.
  EXPECT_EQ(s.start_due, 3);
  EXPECT_EQ(s.started_due, 2);
  EXPECT_NEAR(*s.start_rate, 200.0 / 3, 1e-9);
  EXPECT_EQ(s.production_due, 1);
  EXPECT_DOUBLE_EQ(*s.production_rate, 100.0);
  EXPECT_EQ(s.producing, 1);
  // Cuts: stage order follows the lifecycle; each group carries count and the three sums.
  ASSERT_EQ(s.by_stage.size(), 5u);
  EXPECT_EQ(s.by_stage[0].key, "谋划");
  EXPECT_EQ(s.by_stage[4].key, "终止");
  ASSERT_EQ(s.by_level.size(), 3u);
  EXPECT_EQ(s.by_level[0].key, "省重大");
  EXPECT_EQ(s.by_level[1].key, "区级重点");
  EXPECT_EQ(s.by_level[1].count, 2);
  EXPECT_EQ(s.by_level[1].annual_plan, Yi(3));
  EXPECT_EQ(s.by_level[2].key, "");  // no level
  auto steel = std::find_if(s.by_chain.begin(), s.by_chain.end(),
                            [](const auto& g) { return g.key == "钢铁"; });
  ASSERT_NE(steel, s.by_chain.end());
  EXPECT_EQ(steel->count, 2);
  EXPECT_EQ(steel->completed_this_year, Yi(4.1));
}

TEST_F(ProjectSummaryTest, ListsWithReasons) {
  auto s = SummarizeProjects("章丘区", 2024, M(2024, 9), true, projects_);
  ASSERT_EQ(s.lagging.size(), 1u);
  EXPECT_EQ(s.lagging[0].name, "乙项目");
  EXPECT_EQ(s.lagging[0].reason, "计划2024年5月开工，截至2024年9月仍处于签约阶段");
  ASSERT_EQ(s.behind_pace.size(), 1u);  // b at 25 %; e has no plan; d is terminated
  EXPECT_EQ(s.behind_pace[0].name, "乙项目");
  EXPECT_NE(s.behind_pace[0].reason.find("低于时序进度75.0%50.0个百分点"), std::string::npos)
      << s.behind_pace[0].reason;
  ASSERT_EQ(s.not_filed.size(), 1u);  // the terminated project need not file
  EXPECT_EQ(s.not_filed[0].reason, "2024年9月调度未填报，最近一次填报为2024年8月");
  // 10 points is the line: a project exactly 10 points behind is not behind pace.
  projects_[0].completed_this_year = Yi(2.6);  // 65 % = 75 − 10
  EXPECT_EQ(SummarizeProjects("章丘区", 2024, M(2024, 9), true, projects_).behind_pace.size(), 1u);
  projects_[0].completed_this_year = Yi(2.59);
  EXPECT_EQ(SummarizeProjects("章丘区", 2024, M(2024, 9), true, projects_).behind_pace.size(), 2u);
  // Without a round for the month nobody is "not filed".
  EXPECT_TRUE(SummarizeProjects("章丘区", 2024, M(2024, 9), false, projects_).not_filed.empty());
}

TEST_F(ProjectSummaryTest, ParagraphNumbersAreTraceable) {
  auto s = SummarizeProjects("章丘区", 2024, M(2024, 9), true, projects_);
  EXPECT_EQ(
      s.paragraph.rfind(
          "截至2024年9月，章丘区2024年重点项目库共有项目5个，总投资21.0亿元，年度计划投资7.5亿元",
          0),
      0u)
      << s.paragraph;
  EXPECT_NE(s.paragraph.find("其中省重大项目1个、区级重点项目2个"), std::string::npos)
      << s.paragraph;
  EXPECT_NE(s.paragraph.find(
                "本年累计完成投资5.3亿元，完成年度计划的70.7%，慢于时序进度（75.0%）4.3个百分点"),
            std::string::npos)
      << s.paragraph;
  EXPECT_NE(s.paragraph.find("1个项目未按计划开工"), std::string::npos);
  // Every fact appears in the paragraph, in order, and states its field's value.
  size_t pos = 0;
  for (const auto& f : s.facts) {
    size_t at = s.paragraph.find(f.text, pos);
    ASSERT_NE(at, std::string::npos) << f.field << " " << f.text;
    pos = at + f.text.size();
  }
  auto fact = [&](const std::string& field) {
    for (const auto& f : s.facts)
      if (f.field == field) return f.value;
    ADD_FAILURE() << "no fact " << field;
    return 0.0;
  };
  EXPECT_EQ(fact("total_investment"), static_cast<double>(s.total_investment.yuan()));
  EXPECT_EQ(fact("count"), 5);
  EXPECT_EQ(fact("started"), s.started);
  EXPECT_DOUBLE_EQ(fact("start_rate"), *s.start_rate);
}

TEST_F(ProjectSummaryTest, ALaterReportMonthCountsTheWholeYear) {
  auto s = SummarizeProjects("章丘区", 2024, M(2025, 2), false, projects_);
  EXPECT_DOUBLE_EQ(s.schedule_pct, 100.0);
  EXPECT_EQ(s.paragraph.rfind("截至2024年12月", 0), 0u);
}

}  // namespace
}  // namespace qq
