// The report of an import: one entry per problem, each on its own cell.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace qq::ingest {

struct ImportIssue {
  std::string file;
  std::optional<std::string> sheet;  // null for csv/tsv
  int row = 0;                       // spreadsheet row (header = row 1 when it is the first row); 0: the file
  std::string column;                // the header as written ("" for a whole row or the file)
  std::string cell;                  // "D7" ("" when not one cell)
  std::string value;                 // the cell's text
  std::string kind;                  // bad_uscc_checksum, duplicate_firm_month, … (docs/import.md)
  std::string message;               // Chinese first, then English
};

struct CreatedFirm {
  std::string uscc, name, region;
};

struct ImportReport {
  std::string file;
  std::string sha256;
  std::vector<ImportIssue> errors, warnings;
  std::vector<CreatedFirm> created;
  // Filled when the import was applied.
  bool applied = false;
  bool already_imported = false;
  std::string report_id;  // name of the archived report (download as xlsx), "" when not archived
  int64_t import_id = 0;
  int rows = 0, inserted = 0, replaced = 0, unchanged = 0;
};

// "A1"-style reference of a 0-based column and a 1-based row.
std::string CellName(size_t column, int row);

}  // namespace qq::ingest
