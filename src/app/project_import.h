// Scheduling sheets in and out: `import projects` (one round's filings from the sheet project
// owners return; all rows or none; archived) and the pre-filled sheet sent out for a round.
#pragma once

#include <string>

#include "app/import_service.h"
#include "core/year_month.h"
#include "ingest/import_report.h"

namespace qq::app {

// Matches projects by name within `region`, creates unknown ones (listed in `created`), opens
// the `as_of` round when it is not open, and files one record per row into it. Errors (a bad
// cell, a backwards stage without 暂停, a new project without 总投资 or stage) refuse the whole
// file; the report names the cell.
Result<ingest::ImportReport> ImportProjects(store::Database& db, const ImportContext& ctx,
                                            std::string_view bytes, const std::string& file_name,
                                            const RegionCode& region, YearMonth as_of,
                                            const ImportOptions& options);

// The sheet for the region's round of `period`: one row per project of the year's library,
// with its last figures filled in, and a notes sheet.
Result<std::string> RoundTemplateXlsx(store::Database& db, const Clock& clock,
                                      const RegionCode& region, YearMonth period);

}  // namespace qq::app
