// RoundStore: scheduling rounds (调度) and the projects' immutable records in them.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "core/project.h"
#include "core/region_code.h"
#include "core/year_month.h"
#include "store/database.h"

namespace qq::store {

struct Round {
  int64_t id = 0;
  RegionCode region;
  YearMonth period;  // the month the round reports on
  Date deadline;
  std::string status = "open";  // open, closed
  int64_t created_at = 0;
};

// One filing of a project in a round. Never updated: a correction is a new record.
struct RoundRecord {
  int64_t id = 0;
  int64_t round_id = 0;
  YearMonth period;  // the round's period (filled when read)
  int64_t project_id = 0;
  int64_t filed_at = 0;  // Unix seconds
  std::optional<Money> completed_total, completed_period, completed_this_year;
  std::optional<double> progress_pct;
  ProjectStage stage = ProjectStage::kPlanning;
  std::optional<int> workers;
  std::string problems;
  std::string source = "page";  // page, api, import
  std::optional<int64_t> import_id;
  std::string username;
};

class RoundStore {
 public:
  explicit RoundStore(Database& db) : db_(db) {}
  // Inserts the round; sets its id. AlreadyExists when the region has a round for that period.
  Status Open(Round& r);
  Result<Round> Get(int64_t id);
  Result<std::optional<Round>> Find(const RegionCode& region, YearMonth period);
  // Rounds of the regions in scope (of one year when given), newest first.
  Result<std::vector<Round>> List(const std::vector<RegionCode>& scope, std::optional<int> year);
  Status SetStatus(int64_t round_id, const std::string& status);

  Status AddRecord(RoundRecord& r);
  // Every record of the projects in scope whose round falls in `year`, oldest first.
  Result<std::vector<RoundRecord>> RecordsIn(const std::vector<RegionCode>& scope, int year);
  // Every record of one project, oldest first.
  Result<std::vector<RoundRecord>> RecordsOf(int64_t project_id);

 private:
  Result<std::vector<RoundRecord>> ReadRecords(const std::string& where,
                                               const std::function<void(Statement&)>& bind);
  Database& db_;
};

}  // namespace qq::store
