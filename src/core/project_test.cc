#include "core/project.h"

#include <gtest/gtest.h>

namespace qq {
namespace {

TEST(ProjectStage, LabelsWithAndWithoutSuffix) {
  EXPECT_EQ(*ParseProjectStage("在建"), ProjectStage::kUnderConstruction);
  EXPECT_EQ(*ParseProjectStage("在建项目"), ProjectStage::kUnderConstruction);
  EXPECT_EQ(*ParseProjectStage("试投产"), ProjectStage::kTrialProduction);
  EXPECT_EQ(*ParseProjectStage("达产"), ProjectStage::kFullProduction);
  EXPECT_FALSE(ParseProjectStage("完工了").ok());
  EXPECT_EQ(StageRank(ProjectStage::kPlanning), 0);
  EXPECT_EQ(StageRank(ProjectStage::kFullProduction), 6);
  EXPECT_EQ(StageRank(ProjectStage::kSuspended), -1);
}

TEST(ProjectLevel, LabelsAndVariants) {
  EXPECT_EQ(*ParseProjectLevel("省重大项目"), ProjectLevel::kProvincialMajor);
  EXPECT_EQ(*ParseProjectLevel("省级重大项目"), ProjectLevel::kProvincialMajor);
  EXPECT_EQ(*ParseProjectLevel("市级重点"), ProjectLevel::kCityKey);
  EXPECT_EQ(*ParseProjectLevel("区重点项目"), ProjectLevel::kDistrictKey);
  EXPECT_EQ(*ParseProjectLevel("区级重点"), ProjectLevel::kDistrictKey);
  EXPECT_EQ(*ParseProjectLevel("省优选"), ProjectLevel::kProvincialSelected);
  EXPECT_FALSE(ParseProjectLevel("国家级").ok());
}

TEST(StageTransition, ForwardSkipsPauseWithReasonResumeAndTerminal) {
  using S = ProjectStage;
  EXPECT_TRUE(CheckStageTransition(std::nullopt, S::kUnderConstruction, "").ok());  // a first record may be anywhere
  EXPECT_TRUE(CheckStageTransition(S::kPlanning, S::kSigned, "").ok());
  EXPECT_TRUE(CheckStageTransition(S::kSigned, S::kInProduction, "").ok());          // skipping stages
  EXPECT_TRUE(CheckStageTransition(S::kStarted, S::kStarted, "").ok());
  EXPECT_FALSE(CheckStageTransition(S::kUnderConstruction, S::kSigned, "").ok());    // backwards
  EXPECT_FALSE(CheckStageTransition(S::kUnderConstruction, S::kSuspended, "").ok()); // needs a reason
  EXPECT_TRUE(CheckStageTransition(S::kUnderConstruction, S::kSuspended, "资金未到位").ok());
  EXPECT_TRUE(CheckStageTransition(S::kSuspended, S::kSigned, "").ok());             // back, through 暂停
  EXPECT_TRUE(CheckStageTransition(S::kInProduction, S::kTerminated, "企业撤资").ok());
  EXPECT_FALSE(CheckStageTransition(S::kTerminated, S::kUnderConstruction, "重启").ok());
}

}  // namespace
}  // namespace qq

TEST(LandHectares, ConvertsMuAndSquareMetres) {
  EXPECT_DOUBLE_EQ(*qq::LandHectares(109.5, "公顷"), 109.5);
  EXPECT_DOUBLE_EQ(*qq::LandHectares(150, "亩"), 10.0);
  EXPECT_DOUBLE_EQ(*qq::LandHectares(25000, "平方米"), 2.5);
  EXPECT_FALSE(qq::LandHectares(3, "吨标准煤").has_value());
}
