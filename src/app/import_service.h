// Imports of sheets: the monthly indicator report (规上企业月报) and firm directories
// (企业名录, also candidate-firm pools). An import applies all its rows or none; the report
// lists every problem on its own cell. Every file, accepted or refused, is archived with its
// SHA-256 and its report in "<db>.files/"; an accepted import is recorded in the database in
// the same transaction as its rows.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "app/clock.h"
#include "core/region_code.h"
#include "ingest/import_report.h"
#include "store/database.h"
#include "store/import_store.h"

namespace qq::app {

struct ImportContext {
  std::string db_path;               // for the archive folder beside it
  std::filesystem::path data_dir;    // for data/import/columns.toml and the classification
  Clock clock;
};

struct ImportOptions {
  std::optional<RegionCode> region;  // the region of firms the file creates (default: from the USCC)
  std::string username;
  std::string channel = "cli";       // cli, api
  bool dry_run = false;              // validate only: nothing is written or archived
  // Regions the importing user may see; a row for a firm outside them is refused
  // (out_of_scope). Empty: no restriction (the CLI).
  std::vector<RegionCode> scope;
};

// The report is the answer, errors included; a non-ok Status means a failure outside the file
// (the database, the archive folder).
Result<ingest::ImportReport> ImportIndicators(store::Database& db, const ImportContext& ctx, std::string_view bytes,
                                              const std::string& file_name, const ImportOptions& options);
// Published rates (行政区划代码 | 指标 | 统计期 | 数值(%) | 来源), stored as their own series.
Result<ingest::ImportReport> ImportPublished(store::Database& db, const ImportContext& ctx, std::string_view bytes,
                                             const std::string& file_name, const ImportOptions& options);
Result<ingest::ImportReport> ImportEnterprises(store::Database& db, const ImportContext& ctx, std::string_view bytes,
                                               const std::string& file_name, const ImportOptions& options);

// The xlsx of an archived import report ("<db>.files/<report_id>.report.xlsx"); NotFound if
// there is none, InvalidArgument for a malformed id.
Result<std::string> ArchivedReportXlsx(const ImportContext& ctx, const std::string& report_id);

// A blank import sheet with the Chinese headers the importer recognises, one example row and
// a notes sheet: kind is enterprises, indicators or published.
Result<std::string> ImportTemplateXlsx(const std::string& kind);

// For other importers (projects): archive a file and its report in "<db>.files/" (sets
// report_id; `archived_as` gets the original's path), and record an action in the audit trail.
Status ArchiveImportFile(const ImportContext& ctx, const std::string& file_name, std::string_view bytes,
                         ingest::ImportReport& r, const std::string& outcome, std::string* archived_as);
// The import-log entry of an accepted file: kind, name, hash, size, rows, who, when, archive.
store::ImportLogEntry LogEntryFor(const std::string& kind, const ImportContext& ctx, const ImportOptions& o,
                                  const std::string& file_name, std::string_view bytes, const ingest::ImportReport& r,
                                  const std::string& archived_as);
Status AuditImport(store::Database& db, const ImportContext& ctx, const ImportOptions& o, const std::string& action,
                   const std::string& object, const std::string& result, const std::string& detail);

}  // namespace qq::app
