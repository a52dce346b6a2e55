#include "ingest/indicator_sheet.h"

#include <map>
#include <regex>

#include "core/decimal.h"
#include "core/unicode.h"

namespace qq::ingest {
namespace {

constexpr int kHeaderSearchRows = 15;

const Cell* CellAt(const Sheet& s, size_t row_index, size_t col) {
  if (row_index >= s.rows.size() || col >= s.rows[row_index].size()) return nullptr;
  return &s.rows[row_index][col];
}

std::string TextAt(const Sheet& s, size_t row_index, size_t col) {
  const Cell* c = CellAt(s, row_index, col);
  return c ? TrimSpaces(c->text) : std::string();
}

bool IsPeriodWord(const std::string& compact) {
  static const std::regex kPeriod(R"(^(当月|本月|本期|当期|累计|本年累计|自年初累计|1-(\d{1,2}|N)月(累计)?)(\(.*\))?$)");
  return std::regex_match(compact, kPeriod);
}

// "单位：万元" in a title row sets the default money unit of the sheet.
std::optional<std::pair<std::string, int>> UnitNote(const std::string& compact) {
  static const std::regex kUnit(R"(单位[:：]?(元|千元|万元|亿元))");
  std::smatch m;
  if (!std::regex_search(compact, m, kUnit)) return std::nullopt;
  std::string unit = m[1];
  int pow = unit == "元" ? 0 : unit == "千元" ? 3 : unit == "万元" ? 4 : 8;
  return std::make_pair(unit, pow);
}

// "2024年3月" in a title row or the sheet name gives the month when there is no month column.
std::optional<YearMonth> MonthNote(const std::string& compact) {
  static const std::regex kMonth(R"((20\d\d)[年.\-/](\d{1,2})月?)");
  std::smatch m;
  if (!std::regex_search(compact, m, kMonth)) return std::nullopt;
  auto ym = YearMonth::Of(std::stoi(m[1]), std::stoi(m[2]));
  if (!ym.ok()) return std::nullopt;
  return *ym;
}

bool LooksLikeUscc(const std::string& t) {
  if (t.size() != 18) return false;
  for (char c : t) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (!ok) return false;
  }
  return true;
}

struct Layout {
  int header_row_index = -1;     // index into sheet.rows
  int data_row_index = -1;
  std::vector<std::string> headers;
  std::vector<ColumnSpec> specs;
  std::optional<std::pair<std::string, int>> unit_note;
  std::optional<YearMonth> month_note;
};

Layout FindLayout(const Sheet& s, const ColumnAliases& aliases) {
  Layout l;
  int limit = std::min<int>(kHeaderSearchRows, static_cast<int>(s.rows.size()));
  for (int r = 0; r < limit; ++r) {
    int uscc = 0, mapped = 0;
    for (size_t c = 0; c < s.rows[static_cast<size_t>(r)].size(); ++c) {
      ColumnSpec spec = aliases.Map(TextAt(s, static_cast<size_t>(r), c));
      uscc += spec.field == ColumnField::kUscc;
      mapped += spec.field != ColumnField::kUnknown;
    }
    if (uscc >= 1 && mapped >= 2) {
      l.header_row_index = r;
      break;
    }
  }
  if (l.header_row_index < 0) return l;
  size_t h = static_cast<size_t>(l.header_row_index);
  for (size_t r = 0; r < h; ++r) {
    for (size_t c = 0; c < s.rows[r].size(); ++c) {
      std::string compact = CompactHeader(TextAt(s, r, c));
      if (!l.unit_note) l.unit_note = UnitNote(compact);
      if (!l.month_note) l.month_note = MonthNote(compact);
    }
  }
  if (!l.month_note) l.month_note = MonthNote(CompactHeader(s.name));
  size_t width = s.rows[h].size();
  // A second header row naming periods under merged indicator cells.
  bool two_rows = false;
  if (h + 1 < s.rows.size()) {
    for (size_t c = 0; c < s.rows[h + 1].size(); ++c) two_rows |= IsPeriodWord(CompactHeader(TextAt(s, h + 1, c)));
    width = std::max(width, s.rows[h + 1].size());
  }
  std::string carried;
  for (size_t c = 0; c < width; ++c) {
    std::string top = TextAt(s, h, c);
    if (!top.empty()) carried = top;
    std::string header = top;
    if (two_rows) {
      std::string sub = TextAt(s, h + 1, c);
      if (!sub.empty() && IsPeriodWord(CompactHeader(sub))) header = (top.empty() ? carried : top) + "(" + sub + ")";
    }
    l.headers.push_back(header);
    l.specs.push_back(aliases.Map(header));
  }
  l.data_row_index = static_cast<int>(h) + (two_rows ? 2 : 1);
  return l;
}

bool IsTotalRow(const Sheet& s, size_t r) {
  for (size_t c = 0; c < std::min<size_t>(3, s.rows[r].size()); ++c) {
    std::string t = CompactHeader(TextAt(s, r, c));
    if (t == "合计" || t == "总计" || t == "小计" || t.starts_with("合计:") || t == "全区合计") return true;
  }
  return false;
}

bool IsBlankRow(const Sheet& s, size_t r) {
  for (const auto& cell : s.rows[r]) {
    if (!TrimSpaces(cell.text).empty()) return false;
  }
  return true;
}

}  // namespace

ImportIssue IssueAt(const Table& table, const IndicatorSheets& sheets, int sheet, int row, int column,
                    const std::string& kind, const std::string& message) {
  ImportIssue issue;
  issue.file = table.file_name;
  const SheetLayout& layout = sheets.layouts.at(static_cast<size_t>(sheet));
  if (layout.has_sheet_name) issue.sheet = layout.name;
  issue.row = row;
  issue.kind = kind;
  issue.message = message;
  if (column >= 0) {
    if (static_cast<size_t>(column) < layout.headers.size()) issue.column = layout.headers[static_cast<size_t>(column)];
    issue.cell = CellName(static_cast<size_t>(column), row);
    const Sheet& s = table.sheets.at(static_cast<size_t>(sheet));
    for (size_t k = 0; k < s.row_numbers.size(); ++k) {
      if (s.row_numbers[k] == row) {
        if (static_cast<size_t>(column) < s.rows[k].size()) issue.value = s.rows[k][static_cast<size_t>(column)].text;
        break;
      }
    }
  }
  return issue;
}

IndicatorSheets ParseIndicatorTable(const Table& table, const ColumnAliases& aliases, const IndicatorParseOptions& options) {
  IndicatorSheets out;
  std::map<std::pair<std::string, int>, std::pair<int, int>> first_seen;  // (uscc, month) → (sheet, row)
  bool any_layout = false;
  for (size_t si = 0; si < table.sheets.size(); ++si) {
    const Sheet& s = table.sheets[si];
    Layout l = FindLayout(s, aliases);
    SheetLayout sl{s.name, table.format == "xlsx", l.headers};
    out.layouts.push_back(sl);
    int sheet = static_cast<int>(si);
    auto issue = [&](int row, int column, const std::string& kind, const std::string& message) {
      return IssueAt(table, out, sheet, row, column, kind, message);
    };
    if (l.header_row_index < 0) {
      if (!IsBlankRow(s, 0) || s.rows.size() > 1) {
        ImportIssue w;
        w.file = table.file_name;
        if (sl.has_sheet_name) w.sheet = s.name;
        w.kind = "sheet_skipped";
        w.message = "未找到含“统一社会信用代码”的表头行，已跳过该工作表 (no header row with 统一社会信用代码 in the first " +
                    std::to_string(kHeaderSearchRows) + " rows; sheet skipped)";
        out.warnings.push_back(w);
      }
      continue;
    }
    any_layout = true;
    int header_row = s.row_numbers[static_cast<size_t>(l.header_row_index)];
    int col_uscc = -1, col_month = -1, col_name = -1, col_industry = -1, col_town = -1, col_park = -1, col_region = -1;
    std::array<int, kIndicatorCount> cur_col, cum_col;
    cur_col.fill(-1);
    cum_col.fill(-1);
    for (size_t c = 0; c < l.specs.size(); ++c) {
      ColumnSpec& spec = l.specs[c];
      int ci = static_cast<int>(c);
      auto take = [&](int& slot) {
        if (slot < 0) slot = ci;
        else out.warnings.push_back(issue(header_row, ci, "duplicate_column", "重复的列，已忽略 (repeats column " +
                                                                                   CellName(static_cast<size_t>(slot), header_row) + "; ignored)"));
      };
      switch (spec.field) {
        case ColumnField::kUscc: take(col_uscc); break;
        case ColumnField::kMonth: take(col_month); break;
        case ColumnField::kName: take(col_name); break;
        case ColumnField::kIndustry: take(col_industry); break;
        case ColumnField::kTown: take(col_town); break;
        case ColumnField::kPark: take(col_park); break;
        case ColumnField::kRegion: take(col_region); break;
        case ColumnField::kIndicator: {
          if (spec.unit_assumed && l.unit_note && InfoOf(spec.indicator).money) {
            spec.unit = l.unit_note->first;
            spec.unit_pow10 = l.unit_note->second;
            spec.unit_assumed = false;
          }
          take(spec.period == Period::kCumulative ? cum_col[static_cast<size_t>(spec.indicator)]
                                                  : cur_col[static_cast<size_t>(spec.indicator)]);
          if (spec.unit_assumed) {
            out.warnings.push_back(issue(header_row, ci, "unit_assumed", "表头未注明单位，按" + spec.unit + "读取 (no unit in the header; read as " + spec.unit + ")"));
          }
          if (spec.period_assumed) {
            out.warnings.push_back(issue(header_row, ci, "period_assumed", "表头未注明当月或累计，按当月读取 (no period in the header; read as 当月)"));
          }
          break;
        }
        default: break;
      }
    }
    bool any_indicator = false;
    for (int i = 0; i < kIndicatorCount; ++i) any_indicator |= cur_col[static_cast<size_t>(i)] >= 0 || cum_col[static_cast<size_t>(i)] >= 0;
    bool fatal = false;
    if (col_uscc < 0) {
      out.errors.push_back(issue(header_row, -1, "missing_mandatory", "缺少“统一社会信用代码”列 (missing column 统一社会信用代码)"));
      fatal = true;
    }
    if (col_month < 0 && !l.month_note) {
      ImportIssue e = issue(header_row, -1, "missing_mandatory",
                            "缺少“统计月份”列，表名和标题中也没有月份 (missing column 统计月份, and no month in the title or sheet name)");
      e.column = "统计月份";
      out.errors.push_back(e);
      fatal = true;
    }
    if (!any_indicator) {
      ImportIssue e = issue(header_row, -1, "missing_mandatory", "没有可识别的指标列 (no indicator column such as 工业总产值(当月,万元))");
      e.column = "工业总产值";
      out.errors.push_back(e);
      fatal = true;
    }
    if (fatal) continue;

    for (size_t r = static_cast<size_t>(l.data_row_index); r < s.rows.size(); ++r) {
      if (IsBlankRow(s, r)) continue;
      int row = s.row_numbers[r];
      if (IsTotalRow(s, r)) {
        out.warnings.push_back(issue(row, -1, "total_row_skipped", "合计行已跳过 (a total row; skipped)"));
        continue;
      }
      IndicatorRecord rec;
      rec.sheet = sheet;
      rec.row = row;
      rec.current_column = cur_col;
      rec.cumulative_column = cum_col;
      bool ok = true;
      // USCC
      std::string uscc_text = TextAt(s, r, static_cast<size_t>(col_uscc));
      if (uscc_text.empty()) {
        out.errors.push_back(issue(row, col_uscc, "missing_mandatory", "统一社会信用代码为空 (统一社会信用代码 is empty)"));
        ok = false;
      } else {
        auto u = Uscc::Parse(FoldWidth(uscc_text));
        if (u.ok()) {
          rec.uscc = *u;
        } else {
          bool shape = LooksLikeUscc(FoldWidth(uscc_text)) && u.status().message().find("check character") != std::string::npos;
          out.errors.push_back(issue(row, col_uscc, shape ? "bad_uscc_checksum" : "bad_uscc",
                                     std::string(shape ? "统一社会信用代码校验位错误 (" : "统一社会信用代码格式错误 (") + u.status().message() + ")"));
          ok = false;
        }
      }
      // Month
      if (col_month >= 0) {
        const Cell* mc = CellAt(s, r, static_cast<size_t>(col_month));
        std::string mt = mc ? TrimSpaces(mc->text) : "";
        if (mt.empty()) {
          out.errors.push_back(issue(row, col_month, "missing_mandatory", "统计月份为空 (统计月份 is empty)"));
          ok = false;
        } else {
          Result<YearMonth> ym = mc->kind == Cell::Kind::kDate && !mc->date.empty()
                                     ? YearMonth::Parse(mc->date.substr(0, 7))
                                     : YearMonth::Parse(FoldWidth(mt));
          if (!ym.ok()) {
            out.errors.push_back(issue(row, col_month, "month_out_of_range",
                                       "统计月份无法识别或超出范围 (" + ym.status().message() + ")"));
            ok = false;
          } else if (options.latest_month < *ym) {
            out.errors.push_back(issue(row, col_month, "month_out_of_range",
                                       "统计月份" + ym->ToString() + "尚未结束 (month " + ym->ToString() + " has not ended; latest allowed " +
                                           options.latest_month.ToString() + ")"));
            ok = false;
          } else {
            rec.month = *ym;
          }
        }
      } else {
        rec.month = *l.month_note;
      }
      // Values
      bool any_value = false;
      for (Indicator ind : kAllIndicators) {
        size_t i = static_cast<size_t>(ind);
        for (int pass = 0; pass < 2; ++pass) {
          int col = pass == 0 ? cur_col[i] : cum_col[i];
          if (col < 0) continue;
          std::string text = FoldWidth(TextAt(s, r, static_cast<size_t>(col)));
          if (text.empty() || text == "-" || text == "--" || text == "/") continue;
          const ColumnSpec& spec = l.specs[static_cast<size_t>(col)];
          auto v = ParseDecimalScaled(text, spec.unit_pow10);
          if (!v.ok()) {
            out.errors.push_back(issue(row, col, "non_numeric", "“" + text + "”不是数值，数值单元格中不能有文字或单位 (not a number: " +
                                                                      v.status().message() + ")"));
            ok = false;
            continue;
          }
          if (*v < 0 && !InfoOf(ind).may_be_negative) {
            out.errors.push_back(issue(row, col, "negative_value", std::string(InfoOf(ind).label) + "不能为负数 (" +
                                                                       std::string(InfoOf(ind).label) + " cannot be negative)"));
            ok = false;
            continue;
          }
          (pass == 0 ? rec.current[i] : rec.cumulative[i]) = *v;
          any_value = true;
        }
      }
      if (!any_value && ok) {
        int first_col = -1;
        for (int i = 0; i < kIndicatorCount && first_col < 0; ++i) {
          first_col = cur_col[static_cast<size_t>(i)] >= 0 ? cur_col[static_cast<size_t>(i)] : cum_col[static_cast<size_t>(i)];
        }
        out.errors.push_back(issue(row, first_col, "missing_mandatory", "该行没有任何指标值 (no indicator value in this row)"));
        ok = false;
      }
      if (!ok) continue;
      auto text_of = [&](int col) { return col < 0 ? std::string() : TextAt(s, r, static_cast<size_t>(col)); };
      rec.name = text_of(col_name);
      rec.industry = FoldWidth(text_of(col_industry));
      rec.town = text_of(col_town);
      rec.park = text_of(col_park);
      rec.region = FoldWidth(text_of(col_region));
      auto key = std::make_pair(rec.uscc.str(), rec.month.Packed());
      auto [it, inserted] = first_seen.try_emplace(key, sheet, row);
      if (!inserted) {
        const SheetLayout& first = out.layouts[static_cast<size_t>(it->second.first)];
        std::string where = (first.has_sheet_name ? "工作表“" + first.name + "”" : std::string()) + "第" + std::to_string(it->second.second) + "行";
        out.errors.push_back(issue(row, col_uscc, "duplicate_firm_month",
                                   "同一企业同一月份重复，首次出现在" + where + " (firm " + rec.uscc.str() + " month " + rec.month.ToString() +
                                       " repeats; first at " + (first.has_sheet_name ? "sheet " + first.name + " " : std::string()) +
                                       "row " + std::to_string(it->second.second) + ")"));
        continue;
      }
      out.records.push_back(std::move(rec));
    }
  }
  if (!any_layout && out.errors.empty()) {
    ImportIssue e;
    e.file = table.file_name;
    e.kind = "missing_mandatory";
    e.column = "统一社会信用代码";
    e.message = "文件中没有可识别的月报表：需要“统一社会信用代码”“统计月份”和至少一个指标列 (no sheet has the columns 统一社会信用代码, 统计月份 and an indicator)";
    out.errors.push_back(e);
  }
  return out;
}

}  // namespace qq::ingest
