// Project: an entry of the key-project library (重点项目库), with its lifecycle stage and level.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>
#include <string>

#include "core/date.h"
#include "core/money.h"
#include "core/region_code.h"
#include "core/year_month.h"

namespace qq {

// 谋划 → 签约 → 开工 → 在建 → 试投产 → 投产 → 达产, plus 暂停 and 终止.
enum class ProjectStage { kPlanning, kSigned, kStarted, kUnderConstruction, kTrialProduction,
                          kInProduction, kFullProduction, kSuspended, kTerminated };
inline constexpr ProjectStage kAllStages[] = {
    ProjectStage::kPlanning, ProjectStage::kSigned, ProjectStage::kStarted,
    ProjectStage::kUnderConstruction, ProjectStage::kTrialProduction, ProjectStage::kInProduction,
    ProjectStage::kFullProduction, ProjectStage::kSuspended, ProjectStage::kTerminated};
const char* ProjectStageLabel(ProjectStage s);
// Accepts the label with or without a 项目/阶段 suffix (在建, 在建项目).
Result<ProjectStage> ParseProjectStage(std::string_view label);
// The rank along the main line (谋划 = 0 … 达产 = 6); -1 for 暂停 and 终止.
int StageRank(ProjectStage s);

// Whether a project may go from `from` (nullopt: its first record, any stage) to `to`:
// forward along the main line, skipping stages if need be; to 暂停 or 终止 from anywhere, with a
// reason; from 暂停 back to any stage (resuming; going back is only possible this way); never
// out of 终止. Returns InvalidArgument saying why not.
Status CheckStageTransition(std::optional<ProjectStage> from, ProjectStage to, const std::string& reason);

// 省重大, 省优选, 省重点, 市重点, 区级重点 (highest first).
enum class ProjectLevel { kProvincialMajor, kProvincialSelected, kProvincialKey, kCityKey, kDistrictKey };
inline constexpr ProjectLevel kAllLevels[] = {
    ProjectLevel::kProvincialMajor, ProjectLevel::kProvincialSelected, ProjectLevel::kProvincialKey,
    ProjectLevel::kCityKey, ProjectLevel::kDistrictKey};
const char* ProjectLevelLabel(ProjectLevel l);
// Accepts 省重大 / 省重大项目 / 省级重大项目, 区级重点 / 区重点项目, ….
Result<ProjectLevel> ParseProjectLevel(std::string_view label);

struct Project {
  int64_t id = 0;
  std::string name;
  RegionCode region;
  std::optional<RegionCode> town;
  std::optional<ProjectLevel> level;
  ProjectStage stage = ProjectStage::kPlanning;
  std::string chain;    // chain name, if the project belongs to one
  std::string cluster;  // cluster name
  std::string park;
  Money total_investment;
  std::optional<Money> annual_plan;          // 年度计划投资 (current year)
  std::optional<Money> completed_this_year;  // 本年累计完成投资
  std::optional<Money> completed_total;      // 累计完成投资 (since the start)
  std::optional<YearMonth> planned_start, actual_start, planned_production, actual_production;
  std::optional<double> floor_area_m2;
  std::optional<double> land_ha;
  std::string capacity;                      // "一期年产能70万千升"
  std::string capacity_unit;                 // 万千升, 吨, …
  std::optional<YearMonth> planned_completion;  // 计划竣工
  std::optional<int64_t> park_id;
  std::string manager;                       // 项目管家
  std::string leader;                        // 分管领导
  std::string stage_reason;                  // why it is 暂停 or 终止
  std::optional<Money> expected_output;      // 预计年产值
  std::optional<int> jobs;                   // 新增就业
  std::string source;
};

// A project's level and 年度计划投资 in one year's library.
struct ProjectYear {
  int year = 0;
  std::optional<ProjectLevel> level;
  std::optional<Money> annual_plan;
};

// A dated stage change.
struct StageEvent {
  Date on_date;
  std::optional<ProjectStage> from;
  ProjectStage to = ProjectStage::kPlanning;
  std::string reason;
  std::string username;
};

// 立项/备案, 用地, 环评, 施工许可 with their date and status.
struct ProjectApproval {
  std::string kind;     // 立项/备案, 用地, 环评, 施工许可
  std::optional<Date> on_date;
  std::string status;   // 未办理, 办理中, 已办结
  std::string note;
};

// 要素保障: land, energy, funds … and whether it is secured.
struct ProjectNeed {
  int64_t id = 0;
  std::string kind;     // 土地, 能耗, 资金, 用电, 用水, 其他
  std::optional<double> amount;
  std::string unit;     // 公顷, 亩, 吨标准煤, 元
  std::string status;   // 待保障, 协调中, 已保障
  std::string note;
};

// A land need in hectares (1 亩 = 1/15 公顷); nullopt for other units.
std::optional<double> LandHectares(double amount, const std::string& unit);

}  // namespace qq
