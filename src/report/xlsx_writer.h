// XlsxWriter: every export and import error report as an .xlsx workbook, over libxlsxwriter.
// One worksheet per XlsxSheet: a bold, frozen header row with an autofilter, typed cells with
// number formats, column widths. Whatever the strings hold, the workbook opens in Excel/WPS.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "core/money.h"
#include "core/status.h"

namespace qq::report {

// A cell: empty, text, or a number. A string is written as text in any column (so "—" or
// "未报" can stand in a numeric column); numbers take the column's format.
using XlsxValue = std::variant<std::monostate, std::string, int64_t, double>;

struct XlsxColumn {
  std::string header;  // Chinese headers are fine; name the unit ("营业收入（万元）")
  // How numbers in the column are written:
  //  kText     as they are, General format
  //  kInteger  "#,##0" (counts; put codes and years in kText columns as strings)
  //  kDecimal  "#,##0.00" with `decimals` places
  //  kPercent  the value is in percent (12.5 = 12.5%, as analytics computes growth); written
  //            as the fraction 0.125 with "0.00%" (`decimals` places), so Excel sums and
  //            charts it as a percentage
  //  kMoney    the value is in 元 (Money::yuan()). With money_unit kYuan it is written as is
  //            with "#,##0"; with 千元/万元/亿元 it is written divided by 10^3/10^4/10^8 (an
  //            exact quotient, not rounded: the displayed figure is rounded to `decimals`
  //            places by the format, while totals in Excel stay exact) with "#,##0.00"
  enum class Type { kText, kInteger, kDecimal, kPercent, kMoney } type = Type::kText;
  int decimals = 2;   // 0–10
  double width = 14;  // in Excel character widths; 0 or less: fit the header and values
  MoneyUnit money_unit = MoneyUnit::kYuan;
};

struct XlsxSheet {
  std::string name;  // sanitised for Excel (see SanitizeSheetNames)
  std::vector<XlsxColumn> columns;
  std::vector<std::vector<XlsxValue>> rows;  // each at most columns.size() values
};

// Limits Excel puts on a cell and a sheet.
inline constexpr size_t kMaxCellChars = 32767;   // UTF-16 code units
inline constexpr size_t kMaxDataRows = 1048575;  // below the header row
inline constexpr size_t kMaxColumns = 16384;

// Writes the sheets to `path` atomically (a temporary file beside it, then a rename); the file
// is readable by its owner only (0600), as exports hold confidential firm data.
// Strings: invalid UTF-8 becomes U+FFFD; text longer than kMaxCellChars is cut and ends with
// "…（已截断，原文 N 字）"; literal "_x000D_"-style text is escaped so Excel shows it as written;
// a leading "=" stays text, never a formula. NaN and infinite numbers are written empty.
// Returns InvalidArgument for no sheets, a row longer than its columns, or more rows/columns
// than Excel allows (naming the sheet and row); Io if the file cannot be written.
Status WriteXlsx(const std::filesystem::path& path, const std::vector<XlsxSheet>& sheets);

// As WriteXlsx, returning the file's bytes (for HTTP downloads).
Result<std::string> WriteXlsxToBytes(const std::vector<XlsxSheet>& sheets);

// Returns names Excel accepts, in order: []:*?/\ and control characters become "_", leading
// and trailing apostrophes go, "" becomes "Sheet<n>", "History" (reserved) becomes
// "History_", names are cut to 31 UTF-16 units, and repeats (ignoring ASCII case) get " (2)",
// " (3)", ... within those 31 units.
std::vector<std::string> SanitizeSheetNames(const std::vector<std::string>& names);

}  // namespace qq::report
