// Reading firm directories (企业名录, or a candidate-firm pool): one Enterprise draft per row,
// or errors on the exact cells.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/enterprise.h"
#include "ingest/column_map.h"
#include "ingest/import_report.h"
#include "ingest/indicator_sheet.h"

namespace qq::ingest {

struct EnterpriseDraft {
  Uscc uscc;
  std::string name, industry, scope, address, town, park, region;  // as written
  std::optional<Date> founded;
  std::optional<Money> registered_capital;
  int sheet = 0;
  int row = 0;
  int industry_column = -1, town_column = -1, region_column = -1;
};

struct EnterpriseSheets {
  std::vector<EnterpriseDraft> drafts;
  std::vector<SheetLayout> layouts;
  std::vector<ImportIssue> errors, warnings;
};

// Mandatory: 统一社会信用代码 and 企业名称. 注册资本 without a unit in the header or the cell is
// read in 万元 (the registry's unit).
EnterpriseSheets ParseEnterpriseTable(const Table& table, const ColumnAliases& aliases);

}  // namespace qq::ingest
