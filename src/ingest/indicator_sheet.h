// Reading 规上企业月报 sheets: finds each sheet's header row (also two-row headers whose
// second row names the period), maps the columns, and turns every data row into an
// IndicatorRecord — or into errors on the exact cells (bad USCC, month, numbers, duplicates,
// missing mandatory values). Checks that need the database (cumulative sums against earlier
// months, unit jumps against the firm's history) are in indicator_checks.h.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/indicator.h"
#include "core/uscc.h"
#include "core/year_month.h"
#include "ingest/column_map.h"
#include "ingest/import_report.h"
#include "ingest/table_reader.h"

namespace qq::ingest {

// Where a value came from, for messages.
struct CellOrigin {
  int sheet = -1;      // index into the table's sheets
  int row = 0;
  int column = -1;     // 0-based; -1 when absent
};

struct IndicatorRecord {
  Uscc uscc;
  std::string name, industry, town, park, region;  // as written ("" when absent)
  YearMonth month;
  std::array<std::optional<int64_t>, kIndicatorCount> current{}, cumulative{};
  std::array<int, kIndicatorCount> current_column{}, cumulative_column{};  // -1 when absent
  int sheet = 0;
  int row = 0;
};

struct SheetLayout {
  std::string name;
  bool has_sheet_name = false;           // false for csv/tsv (reported as null)
  std::vector<std::string> headers;      // as written (two-row headers joined)
};

struct IndicatorSheets {
  std::vector<IndicatorRecord> records;
  std::vector<SheetLayout> layouts;
  std::vector<ImportIssue> errors, warnings;
};

struct IndicatorParseOptions {
  YearMonth latest_month;  // months after this (not yet ended) are out of range
};

IndicatorSheets ParseIndicatorTable(const Table& table, const ColumnAliases& aliases,
                                    const IndicatorParseOptions& options);

// An issue located on a record's cell.
ImportIssue IssueAt(const Table& table, const IndicatorSheets& sheets, int sheet, int row, int column,
                    const std::string& kind, const std::string& message);

}  // namespace qq::ingest
