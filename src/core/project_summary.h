// ProjectSummary: the roll-up of a year's key-project library as of a report month — counts,
// investment against the annual plan, 完成率 against 时序进度, 开工率 and 投产率, the lagging,
// behind-pace and not-filed lists with reasons, and the Chinese paragraph the monthly report
// opens with. Pure: the app layer gathers each project's facts as of the month.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/project.h"
#include "core/year_month.h"

namespace qq {

// One project of the year's library, as it stood at the report month.
struct ProjectFacts {
  int64_t id = 0;
  std::string name;
  std::optional<ProjectLevel> level;             // the year's level
  ProjectStage stage = ProjectStage::kPlanning;  // as of the report month
  std::string chain, park, town;                 // cut keys ("" when none)
  Money total_investment;
  Money annual_plan;          // the year's 年度计划投资 (0 when none)
  Money completed_this_year;  // latest filing up to the report month
  std::optional<YearMonth> planned_start, actual_start, planned_production, actual_production;
  bool filed = true;                    // has a record in the report month's round
  std::optional<YearMonth> last_filed;  // the latest round it filed in
};

struct SummaryGroup {
  std::string key;
  int count = 0;
  Money total_investment, annual_plan, completed_this_year;
  std::optional<double> completion_rate;  // percent
};

struct SummaryItem {
  int64_t id = 0;
  std::string name, reason;
};

// A number of the paragraph and the summary field it comes from.
struct SummaryFact {
  std::string text;   // as written in the paragraph ("548.5")
  std::string field;  // "total_investment", "by_level[省重大].count", …
  double value = 0;   // the field's value (元 for money)
};

struct ProjectSummary {
  std::string region_name;
  int year = 0;
  YearMonth as_of;
  double schedule_pct = 0;  // 时序进度 = month / 12, percent
  int count = 0;
  Money total_investment, annual_plan, completed_this_year;
  std::optional<double> completion_rate;
  int started = 0, start_due = 0, started_due = 0;
  std::optional<double> start_rate;  // 开工率 = started_due / start_due
  int producing = 0, production_due = 0, producing_due = 0;
  std::optional<double> production_rate;  // 投产率
  bool has_round = false;                 // whether the report month has a round
  std::vector<SummaryGroup> by_stage, by_level, by_chain, by_park, by_town;
  std::vector<SummaryItem> lagging, behind_pace, not_filed;
  std::string paragraph;
  std::vector<SummaryFact> facts;
};

// `has_round`: the report month has a scheduling round (otherwise no one is "not filed").
ProjectSummary SummarizeProjects(const std::string& region_name, int year, YearMonth as_of,
                                 bool has_round, const std::vector<ProjectFacts>& projects);

// 完成率 below 时序进度 by more than this many percentage points is "behind pace".
inline constexpr double kBehindPacePoints = 10.0;

}  // namespace qq
