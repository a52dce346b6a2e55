// Table, Sheet and Cell: any spreadsheet or delimited text file read as sheets of text cells
// with the row numbers a user sees in Excel, before any importer gives the cells meaning.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace qq::ingest {

struct Cell {
  // The cell as text. Numbers: the STORED text exactly as in the file ("74.09999999999999",
  // "1.2E-3"); strings: the string (rich-text runs concatenated, _xHHHH_ escapes decoded);
  // booleans: "TRUE"/"FALSE"; errors: "#DIV/0!" etc.; "" when empty. Text files: the field.
  std::string text;
  enum class Kind { kEmpty, kString, kNumber, kBoolean, kDate, kError } kind = Kind::kEmpty;
  // For kDate (a number whose format is a date/time format): `text` keeps the serial number
  // and `date` is its calendar day "2024-03-01". Empty for a time of day without a date
  // (serial below 1). Empty for every other kind.
  std::string date;

  bool empty() const { return kind == Kind::kEmpty; }
};

struct Sheet {
  std::string name;     // the sheet's name; "" for csv/tsv
  bool hidden = false;  // hidden or very hidden in Excel (lookup lists, old versions)
  // rows[k] is spreadsheet row row_numbers[k]. Rows with no non-empty cell are left out; the
  // numbering stays true to the file. rows[k][c] is column c (0 = A): gaps are filled with
  // empty cells, and a row ends at its last non-empty cell, so read a missing cell as empty.
  std::vector<std::vector<Cell>> rows;
  // 1-based row numbers as Excel shows them. For text files: the record number, which is the
  // line number unless an earlier quoted field spans lines (Excel shows such a record as one row).
  std::vector<int> row_numbers;
};

struct Table {
  std::string file_name;
  std::string format;  // "xlsx", "csv" (comma or semicolon), "tsv"
  // Text files: the detected source encoding, "UTF-8", "UTF-8-BOM", "GB18030" (also for GBK
  // and GB2312), "UTF-16LE", ...; "" for xlsx.
  std::string encoding;
  char delimiter = 0;         // text files: ',', '\t' or ';'
  std::vector<Sheet> sheets;  // text files: exactly one
};

// The most cells (gaps between cells included) a file may yield: a Cell takes about 72 bytes,
// and a few kilobytes of zipped XML could otherwise demand gigabytes. A firm directory of
// 500,000 rows × 30 columns holds 15 million.
inline constexpr size_t kMaxTableCells = 20'000'000;

// Returns Excel's letters for a 0-based column index: 0 → "A", 27 → "AB".
std::string ColumnName(int column);
// Returns "C5"-style references for messages: column 0-based, row 1-based.
std::string CellReference(int column, int row);

}  // namespace qq::ingest
