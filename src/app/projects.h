// The key-project library (重点项目库): the year's library as of a round, filings into
// scheduling rounds (调度) with the lifecycle rules, the roll-up and its paragraph, profiles.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/clock.h"
#include "core/project.h"
#include "core/project_summary.h"
#include "store/database.h"
#include "store/round_store.h"

namespace qq::app {

// A cut of the library; empty members do not filter.
struct ProjectCut {
  std::optional<ProjectStage> stage;  // the stage as of the report month
  std::optional<ProjectLevel> level;  // the year's level
  std::string chain, park, q;         // q: name contains
  std::optional<RegionCode> town;
};

struct ProjectRow {
  Project project;
  ProjectYear year;                               // level and plan in the requested year
  ProjectStage stage;                             // as of the report month
  Money completed_this_year;                      // latest filing of the year up to the month
  std::optional<store::RoundRecord> last_record;  // that filing
  bool filed = false;                             // a record in the report month's round
  bool late = false;                              // … filed after the round's deadline
};

struct ProjectLibrary {
  RegionCode region;
  std::string region_name;
  int year = 0;
  YearMonth as_of;
  std::optional<store::Round> round;  // the report month's round in the region, if any
  std::vector<ProjectRow> rows;
};

// The year's library of the region (projects with an entry for `year`; all projects when the
// year has none) as of `as_of` (default: the latest round of the year, else December, or the
// current month for the current year). `year` defaults to the latest year with a library.
Result<ProjectLibrary> LoadLibrary(store::Database& db, const Clock& clock,
                                   const RegionCode& region, std::optional<int> year,
                                   std::optional<YearMonth> as_of, const ProjectCut& cut);
ProjectSummary Summarize(const ProjectLibrary& library);

// Whether a filing came after the round's deadline day (China time, UTC+8).
bool FiledLate(const store::RoundRecord& r, const store::Round& round);

// Opens the region's round for `period`, deadline default the 5th of the next month.
// AlreadyExists when it is open.
Result<store::Round> OpenRound(store::Database& db, const Clock& clock, const RegionCode& region,
                               YearMonth period, std::optional<Date> deadline);

struct RecordInput {
  YearMonth round;
  std::optional<ProjectStage> stage;  // default: unchanged
  std::string reason;                 // for 暂停/终止
  std::optional<Date> on_date;        // when the stage changed (default: today)
  std::optional<Money> completed_total, completed_period, completed_this_year;
  std::optional<double> progress_pct;
  std::optional<int> workers;
  std::string problems;
  std::string source = "page";  // page, api, import
  std::optional<int64_t> import_id;
  std::string username;
};

// Files a project's record in the round of its region: checks the stage transition and the
// figures, keeps the record, moves the project's stage (with a dated event) and its current
// figures. All or nothing (a savepoint), inside or outside a caller's transaction.
// InvalidArgument (reason "bad_transition" for the lifecycle) naming the problem; NotFound
// when the round does not exist; FailedPrecondition when it is closed.
Result<store::RoundRecord> FileRecord(store::Database& db, const Clock& clock, int64_t project_id,
                                      const RecordInput& in);

// Creates a project (with its entry for `year` when given) and its first stage event.
Result<Project> CreateProject(store::Database& db, const Clock& clock, Project p,
                              std::optional<ProjectYear> year, const std::string& username);

// Approvals (立项/备案, 用地, 环评, 施工许可), 要素保障 needs and the year's level and plan of a
// project; each checks its values and bumps the data version.
Status SetApproval(store::Database& db, int64_t project_id, const ProjectApproval& a);
Result<ProjectNeed> AddNeed(store::Database& db, int64_t project_id, ProjectNeed n);
Status SetProjectYear(store::Database& db, int64_t project_id, const ProjectYear& y);

struct RoundItem {
  Project project;
  std::optional<store::RoundRecord> record;  // the latest in the round
  bool late = false;
};
struct RoundStatus {
  store::Round round;
  std::vector<RoundItem> items;  // the library of the round's year in its region
  int filed = 0, late = 0;
};
Result<RoundStatus> StatusOfRound(store::Database& db, const Clock& clock, int64_t round_id);

struct Milestone {
  std::string name;  // 开工, 投产, 竣工
  std::optional<YearMonth> planned, actual;
};
struct ProjectProfile {
  Project project;
  std::vector<ProjectYear> years;
  std::vector<StageEvent> stages;
  std::vector<ProjectApproval> approvals;
  std::vector<ProjectNeed> needs;
  std::vector<store::RoundRecord> records;
  std::vector<bool> records_late;  // parallel to records
  std::vector<Milestone> milestones;
  std::optional<std::pair<int64_t, std::string>> lead;
};
Result<ProjectProfile> ProfileOf(store::Database& db, int64_t project_id);

// "2025-01-05" style: the day after which a filing for `period` is late by default.
Date DefaultDeadline(YearMonth period);

}  // namespace qq::app
