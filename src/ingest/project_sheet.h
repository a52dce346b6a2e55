// Reading project scheduling sheets (重点项目调度表): one draft per project row, or errors on
// the exact cells. Headers map through data/import/project_columns.toml; money columns are
// read in the unit their header names (亿元, 万元, 元), 万元 with a warning when none.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/project.h"
#include "core/status.h"
#include "core/year_month.h"
#include "ingest/import_report.h"
#include "ingest/table.h"

namespace qq::ingest {

class ProjectColumns {
 public:
  // Parses data/import/project_columns.toml; errors name `label` and the line.
  static Result<ProjectColumns> Parse(std::string_view toml_text, const std::string& label);
  // The field a header names ("" when none) and the unit in its brackets ("" when none).
  std::pair<std::string, std::string> Map(const std::string& header) const;
  // The first alias of a field (for templates).
  std::string Canonical(const std::string& field) const;

 private:
  std::map<std::string, std::string> alias_to_field_;
  std::map<std::string, std::string> canonical_;
};

struct ProjectDraft {
  int sheet = 0, row = 0;
  std::string name, chain, cluster, town, park, problems, reason, manager, leader;
  std::optional<ProjectLevel> level;
  std::optional<ProjectStage> stage;
  std::optional<Money> total_investment, annual_plan, completed_this_year, completed_total,
      completed_period, expected_output;
  std::optional<YearMonth> planned_start, actual_start, planned_production, actual_production;
  std::optional<double> progress;
  std::optional<int> jobs, workers;
  std::map<std::string, std::string> cell_of;    // field → "D7", for errors found later
  std::map<std::string, std::string> header_of;  // field → the header as written
};

struct ProjectSheets {
  std::vector<ProjectDraft> drafts;
  std::vector<ImportIssue> errors, warnings;
};

ProjectSheets ParseProjectTable(const Table& table, const ProjectColumns& columns);

}  // namespace qq::ingest
