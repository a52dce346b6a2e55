#include "report/xlsx_writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace qq::report {
namespace {

constexpr size_t kMaxSheetNameUnits = 31;
constexpr int kAutoWidthSampleRows = 1000;

// Decodes the UTF-8 sequence at s[i]; returns its length, or 0 (and U+FFFD) if invalid.
size_t DecodeUtf8(std::string_view s, size_t i, char32_t& cp) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  auto cont = [&](size_t k) { return i + k < s.size() && (b(k) & 0xC0) == 0x80; };
  unsigned char c = b(0);
  cp = 0xFFFD;
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF && cont(1)) {
    cp = (static_cast<char32_t>(c & 0x1F) << 6) | (b(1) & 0x3F);
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF && cont(1) && cont(2)) {
    char32_t v = (static_cast<char32_t>(c & 0x0F) << 12) |
                 (static_cast<char32_t>(b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    cp = v;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    char32_t v = (static_cast<char32_t>(c & 0x07) << 18) |
                 (static_cast<char32_t>(b(1) & 0x3F) << 12) |
                 (static_cast<char32_t>(b(2) & 0x3F) << 6) | (b(3) & 0x3F);
    if (v < 0x10000 || v > 0x10FFFF) return 0;
    cp = v;
    return 4;
  }
  return 0;
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The code points of `text`, invalid UTF-8 and the XML non-characters U+FFFE/U+FFFF read as U+FFFD.
std::u32string CodePoints(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    size_t len = DecodeUtf8(text, i, cp);
    i += len == 0 ? 1 : len;
    if (cp == 0xFFFE || cp == 0xFFFF) cp = 0xFFFD;
    out.push_back(cp);
  }
  return out;
}

size_t Utf16Units(char32_t cp) { return cp >= 0x10000 ? 2 : 1; }

bool IsHex(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// True if text[i] starts "_xHHHH_", which Excel would read as an escaped character.
bool LooksLikeEscape(const std::u32string& text, size_t i) {
  return i + 7 <= text.size() && text[i] == '_' && text[i + 1] == 'x' && IsHex(text[i + 2]) &&
         IsHex(text[i + 3]) && IsHex(text[i + 4]) && IsHex(text[i + 5]) && text[i + 6] == '_';
}

// A cell string libxlsxwriter can write and Excel shows as given (see WriteXlsx).
std::string CellText(std::string_view raw) {
  std::u32string text = CodePoints(raw);
  size_t units = 0;
  for (char32_t cp : text) units += Utf16Units(cp);
  std::u32string note;
  if (units > kMaxCellChars) {
    std::string n = "…（已截断，原文 " + std::to_string(text.size()) + " 字）";
    note = CodePoints(n);
  }
  // Both limits hold: Excel's 32,767 UTF-16 units of shown text, and libxlsxwriter's 32,767
  // code points of the string it is given (escapes included).
  size_t budget = kMaxCellChars - note.size();
  std::string out;
  out.reserve(raw.size() + 16);
  size_t shown_units = 0, given_points = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    bool escape = LooksLikeEscape(text, i);
    size_t cost_units = Utf16Units(text[i]);
    size_t cost_points = escape ? 7 : 1;  // "_x005F" goes before the underscore
    if (shown_units + cost_units > budget || given_points + cost_points > budget) break;
    if (escape) out += "_x005F";
    AppendUtf8(text[i], out);
    shown_units += cost_units;
    given_points += cost_points;
  }
  for (char32_t cp : note) AppendUtf8(cp, out);
  return out;
}

// Display width in Excel character units: CJK and other wide characters count two.
double DisplayWidth(std::string_view text) {
  double width = 0;
  for (char32_t cp : CodePoints(text)) width += cp >= 0x1100 ? 2 : 1;
  return width;
}

std::string Decimals(int decimals) {
  decimals = std::clamp(decimals, 0, 10);
  return decimals == 0 ? "" : "." + std::string(static_cast<size_t>(decimals), '0');
}

std::string NumberFormat(const XlsxColumn& column) {
  using Type = XlsxColumn::Type;
  switch (column.type) {
    case Type::kText:
      return "";
    case Type::kInteger:
      return "#,##0";
    case Type::kDecimal:
      return "#,##0" + Decimals(column.decimals);
    case Type::kPercent:
      return "0" + Decimals(column.decimals) + "%";
    case Type::kMoney:
      return column.money_unit == MoneyUnit::kYuan ? "#,##0" : "#,##0" + Decimals(column.decimals);
  }
  return "";
}

// The number to store for a value of the column (percent → fraction, 元 → the shown unit).
double StoredNumber(const XlsxColumn& column, double value) {
  if (column.type == XlsxColumn::Type::kPercent) return value / 100.0;
  if (column.type == XlsxColumn::Type::kMoney && column.money_unit != MoneyUnit::kYuan) {
    return value / std::pow(10.0, MoneyUnitPow10(column.money_unit));
  }
  return value;
}

std::string ValueText(const XlsxValue& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* i = std::get_if<int64_t>(&value)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&value)) {
    std::ostringstream out;
    out << *d;
    return out.str();
  }
  return "";
}

double ColumnWidth(const XlsxSheet& sheet, size_t c) {
  const XlsxColumn& column = sheet.columns[c];
  if (column.width > 0) return std::min(column.width, 255.0);  // Excel's widest column
  double widest = DisplayWidth(column.header) + 3;             // room for the autofilter button
  int sampled = 0;
  for (const auto& row : sheet.rows) {
    if (++sampled > kAutoWidthSampleRows) break;
    if (c < row.size()) {
      // Numbers gain thousands separators and decimals in their format.
      bool number = !std::holds_alternative<std::string>(row[c]);
      double w = DisplayWidth(ValueText(row[c])) * (number ? 1.35 : 1.0);
      widest = std::max(widest, w + 1);
    }
  }
  return std::clamp(widest, 6.0, 60.0);
}

Status Validate(const std::vector<XlsxSheet>& sheets) {
  if (sheets.empty()) return Status::InvalidArgument("an xlsx workbook needs at least one sheet");
  for (const XlsxSheet& sheet : sheets) {
    if (sheet.columns.size() > kMaxColumns) {
      return Status::InvalidArgument("sheet '" + sheet.name + "' has " +
                                     std::to_string(sheet.columns.size()) +
                                     " columns; Excel allows 16384");
    }
    if (sheet.rows.size() > kMaxDataRows) {
      return Status::InvalidArgument(
          "sheet '" + sheet.name + "' has " + std::to_string(sheet.rows.size()) +
          " rows; Excel allows 1048575 below the header, split the export");
    }
    for (size_t r = 0; r < sheet.rows.size(); ++r) {
      if (sheet.rows[r].size() > sheet.columns.size()) {
        return Status::InvalidArgument("sheet '" + sheet.name + "' row " + std::to_string(r + 1) +
                                       " has " + std::to_string(sheet.rows[r].size()) +
                                       " values for " + std::to_string(sheet.columns.size()) +
                                       " columns");
      }
    }
  }
  return Status::Ok();
}

Status LxwStatus(lxw_error error, const std::string& what) {
  if (error == LXW_NO_ERROR) return Status::Ok();
  return Status::Io(what + ": " + lxw_strerror(error));
}

// Writes the workbook to `file` (which it overwrites).
Status WriteWorkbook(const std::string& file, const std::vector<XlsxSheet>& sheets) {
  QQ_RETURN_IF_ERROR(Validate(sheets));
  // Constant-memory mode streams each row to a temporary file: an export's memory is its
  // rows, not a second copy inside libxlsxwriter. Strings are then written inline.
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* workbook = workbook_new_opt(file.c_str(), &options);
  if (workbook == nullptr) return Status::Io("cannot create the xlsx workbook '" + file + "'");

  lxw_format* header = workbook_add_format(workbook);
  format_set_bold(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(header);
  format_set_bg_color(header, 0xDDEBF7);
  format_set_bottom(header, LXW_BORDER_THIN);
  std::map<std::string, lxw_format*> number_formats;
  auto format_for = [&](const XlsxColumn& column) -> lxw_format* {
    std::string code = NumberFormat(column);
    if (code.empty()) return nullptr;
    lxw_format*& format = number_formats[code];
    if (format == nullptr) {
      format = workbook_add_format(workbook);
      format_set_num_format(format, code.c_str());
    }
    return format;
  };

  std::vector<std::string> names;
  names.reserve(sheets.size());
  for (const XlsxSheet& sheet : sheets) names.push_back(sheet.name);
  names = SanitizeSheetNames(names);

  Status status;
  for (size_t s = 0; s < sheets.size() && status.ok(); ++s) {
    const XlsxSheet& sheet = sheets[s];
    lxw_worksheet* ws = workbook_add_worksheet(workbook, names[s].c_str());
    if (ws == nullptr) {
      status = Status::Internal("libxlsxwriter refused the sheet name '" + names[s] + "'");
      break;
    }
    const std::string where = "sheet '" + names[s] + "'";
    std::vector<lxw_format*> formats;
    for (size_t c = 0; c < sheet.columns.size(); ++c) {
      formats.push_back(format_for(sheet.columns[c]));
      auto col = static_cast<lxw_col_t>(c);
      status = LxwStatus(worksheet_set_column(ws, col, col, ColumnWidth(sheet, c), nullptr), where);
      if (!status.ok()) break;
    }
    if (!status.ok()) break;
    if (!sheet.columns.empty()) {
      worksheet_freeze_panes(ws, 1, 0);
      status = LxwStatus(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                                              static_cast<lxw_col_t>(sheet.columns.size() - 1)),
                         where);
    }
    for (size_t c = 0; c < sheet.columns.size() && status.ok(); ++c) {
      std::string text = CellText(sheet.columns[c].header);
      status = LxwStatus(
          worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), text.c_str(), header), where);
    }
    for (size_t r = 0; r < sheet.rows.size() && status.ok(); ++r) {
      auto row = static_cast<lxw_row_t>(r + 1);
      for (size_t c = 0; c < sheet.rows[r].size() && status.ok(); ++c) {
        const XlsxValue& value = sheet.rows[r][c];
        const XlsxColumn& column = sheet.columns[c];
        auto col = static_cast<lxw_col_t>(c);
        lxw_error error = LXW_NO_ERROR;
        if (const auto* s = std::get_if<std::string>(&value)) {
          if (s->empty()) continue;
          std::string text = CellText(*s);
          error = worksheet_write_string(ws, row, col, text.c_str(), nullptr);
        } else if (const auto* i = std::get_if<int64_t>(&value)) {
          error = worksheet_write_number(ws, row, col,
                                         StoredNumber(column, static_cast<double>(*i)), formats[c]);
        } else if (const auto* d = std::get_if<double>(&value)) {
          if (!std::isfinite(*d)) continue;
          error = worksheet_write_number(ws, row, col, StoredNumber(column, *d), formats[c]);
        }
        status = LxwStatus(error, where + " row " + std::to_string(r + 2));
      }
    }
  }
  lxw_error closed = workbook_close(workbook);  // frees the workbook whatever happened
  QQ_RETURN_IF_ERROR(status);
  return LxwStatus(closed, "cannot write the xlsx workbook '" + file + "'");
}

// A new empty file from a mkstemp template; returns its path or Io.
Result<std::string> MakeTempFile(std::string pattern) {
  int fd = mkstemp(pattern.data());
  if (fd < 0) return Status::Io("cannot create a temporary file '" + pattern + "'");
  close(fd);
  return pattern;
}

}  // namespace

std::vector<std::string> SanitizeSheetNames(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  std::set<std::string> taken;  // ASCII-lower-cased
  auto fold = [](std::string s) {
    for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return s;
  };
  auto cut = [](const std::u32string& text, size_t max_units) {
    std::string s;
    size_t units = 0;
    for (char32_t cp : text) {
      if (units + Utf16Units(cp) > max_units) break;
      units += Utf16Units(cp);
      AppendUtf8(cp, s);
    }
    return s;
  };
  for (size_t i = 0; i < names.size(); ++i) {
    std::u32string text;
    for (char32_t cp : CodePoints(names[i])) {
      bool bad = cp < 0x20 || cp == 0x7F || cp == '[' || cp == ']' || cp == ':' || cp == '*' ||
                 cp == '?' || cp == '/' || cp == '\\';
      text.push_back(bad ? U'_' : cp);
    }
    while (!text.empty() && text.front() == U'\'') text.erase(text.begin());
    while (!text.empty() && text.back() == U'\'') text.pop_back();
    if (text.empty()) text = CodePoints("Sheet" + std::to_string(i + 1));
    std::string name = cut(text, kMaxSheetNameUnits);
    if (fold(name) == "history") name += "_";
    for (int n = 2; taken.count(fold(name)); ++n) {
      std::string suffix = " (" + std::to_string(n) + ")";
      name = cut(text, kMaxSheetNameUnits - suffix.size());
      while (!name.empty() && name.back() == '\'') name.pop_back();
      name += suffix;
    }
    taken.insert(fold(name));
    out.push_back(std::move(name));
  }
  return out;
}

Status WriteXlsx(const std::filesystem::path& path, const std::vector<XlsxSheet>& sheets) {
  std::filesystem::path dir =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  QQ_ASSIGN_OR_RETURN(std::string temp,
                      MakeTempFile((dir / ("." + path.filename().string() + ".XXXXXX")).string()));
  Status status = WriteWorkbook(temp, sheets);
  std::error_code ec;
  if (status.ok()) {
    std::filesystem::rename(temp, path, ec);
    if (ec) status = Status::Io("cannot write '" + path.string() + "': " + ec.message());
  }
  if (!status.ok()) std::filesystem::remove(temp, ec);
  return status;
}

Result<std::string> WriteXlsxToBytes(const std::vector<XlsxSheet>& sheets) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  if (ec) dir = "/tmp";
  QQ_ASSIGN_OR_RETURN(std::string temp, MakeTempFile((dir / "qq_export_XXXXXX").string()));
  Status status = WriteWorkbook(temp, sheets);
  std::string bytes;
  if (status.ok()) {
    std::ifstream in(temp, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (!in) status = Status::Io("cannot read back the temporary workbook '" + temp + "'");
    bytes = std::move(buffer).str();
  }
  std::filesystem::remove(temp, ec);
  if (!status.ok()) return status;
  return bytes;
}

}  // namespace qq::report
