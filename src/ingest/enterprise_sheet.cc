#include "ingest/enterprise_sheet.h"

#include <cstring>
#include <map>

#include "core/unicode.h"

namespace qq::ingest {
namespace {

std::string TextAt(const Sheet& s, size_t r, int c) {
  if (c < 0 || r >= s.rows.size() || static_cast<size_t>(c) >= s.rows[r].size()) return "";
  return TrimSpaces(s.rows[r][static_cast<size_t>(c)].text);
}

// Reuses the indicator sheets' issue locator (same layout structure).
ImportIssue Issue(const Table& t, const EnterpriseSheets& out, int sheet, int row, int column, const std::string& kind,
                  const std::string& message) {
  IndicatorSheets shim;
  shim.layouts = out.layouts;
  return IssueAt(t, shim, sheet, row, column, kind, message);
}

}  // namespace

EnterpriseSheets ParseEnterpriseTable(const Table& table, const ColumnAliases& aliases) {
  EnterpriseSheets out;
  std::map<std::string, std::pair<int, int>> first_seen;
  bool any = false;
  for (size_t si = 0; si < table.sheets.size(); ++si) {
    const Sheet& s = table.sheets[si];
    int sheet = static_cast<int>(si);
    int header = -1;
    std::vector<ColumnSpec> specs;
    std::vector<std::string> headers;
    for (size_t r = 0; r < std::min<size_t>(15, s.rows.size()) && header < 0; ++r) {
      std::vector<ColumnSpec> row_specs;
      std::vector<std::string> row_headers;
      bool uscc = false;
      int mapped = 0;
      for (size_t c = 0; c < s.rows[r].size(); ++c) {
        row_headers.push_back(TrimSpaces(s.rows[r][c].text));
        row_specs.push_back(aliases.Map(row_headers.back()));
        uscc |= row_specs.back().field == ColumnField::kUscc;
        mapped += row_specs.back().field != ColumnField::kUnknown;
      }
      if (uscc && mapped >= 2) {
        header = static_cast<int>(r);
        specs = std::move(row_specs);
        headers = std::move(row_headers);
      }
    }
    out.layouts.push_back({s.name, table.format == "xlsx", headers});
    if (header < 0) {
      ImportIssue w;
      w.file = table.file_name;
      if (table.format == "xlsx") w.sheet = s.name;
      w.kind = "sheet_skipped";
      w.message = "未找到含“统一社会信用代码”的表头行，已跳过该工作表 (no header row with 统一社会信用代码; sheet skipped)";
      out.warnings.push_back(w);
      continue;
    }
    any = true;
    int header_row = s.row_numbers[static_cast<size_t>(header)];
    std::map<ColumnField, int> col;
    for (size_t c = 0; c < specs.size(); ++c) {
      if (specs[c].field != ColumnField::kUnknown && specs[c].field != ColumnField::kIndicator && !col.count(specs[c].field)) {
        col[specs[c].field] = static_cast<int>(c);
      }
    }
    auto at = [&](ColumnField f) { return col.count(f) ? col[f] : -1; };
    if (at(ColumnField::kName) < 0) {
      ImportIssue e = Issue(table, out, sheet, header_row, -1, "missing_mandatory", "缺少“企业名称”列 (missing column 企业名称)");
      e.column = "企业名称";
      out.errors.push_back(e);
      continue;
    }
    bool capital_in_yuan = at(ColumnField::kCapital) >= 0 &&
                           CompactHeader(headers[static_cast<size_t>(at(ColumnField::kCapital))]).find("(元)") != std::string::npos;
    for (size_t r = static_cast<size_t>(header) + 1; r < s.rows.size(); ++r) {
      bool blank = true;
      for (const auto& cell : s.rows[r]) blank &= TrimSpaces(cell.text).empty();
      if (blank) continue;
      int row = s.row_numbers[r];
      EnterpriseDraft d;
      d.sheet = sheet;
      d.row = row;
      bool ok = true;
      int cu = at(ColumnField::kUscc);
      std::string uscc_text = FoldWidth(TextAt(s, r, cu));
      if (uscc_text.empty()) {
        out.errors.push_back(Issue(table, out, sheet, row, cu, "missing_mandatory", "统一社会信用代码为空 (统一社会信用代码 is empty)"));
        ok = false;
      } else if (auto u = Uscc::Parse(uscc_text); !u.ok()) {
        bool checksum = uscc_text.size() == 18 && u.status().message().find("check character") != std::string::npos;
        out.errors.push_back(Issue(table, out, sheet, row, cu, checksum ? "bad_uscc_checksum" : "bad_uscc",
                                   std::string(checksum ? "统一社会信用代码校验位错误 (" : "统一社会信用代码格式错误 (") + u.status().message() + ")"));
        ok = false;
      } else {
        d.uscc = *u;
      }
      d.name = TextAt(s, r, at(ColumnField::kName));
      if (d.name.empty()) {
        out.errors.push_back(Issue(table, out, sheet, row, at(ColumnField::kName), "missing_mandatory", "企业名称为空 (企业名称 is empty)"));
        ok = false;
      }
      d.industry = FoldWidth(TextAt(s, r, at(ColumnField::kIndustry)));
      d.industry_column = at(ColumnField::kIndustry);
      d.scope = TextAt(s, r, at(ColumnField::kScope));
      d.address = TextAt(s, r, at(ColumnField::kAddress));
      d.town = TextAt(s, r, at(ColumnField::kTown));
      d.town_column = at(ColumnField::kTown);
      d.park = TextAt(s, r, at(ColumnField::kPark));
      d.region = FoldWidth(TextAt(s, r, at(ColumnField::kRegion)));
      d.region_column = at(ColumnField::kRegion);
      if (int cf = at(ColumnField::kFounded); cf >= 0) {
        const Cell& cell = s.rows[r].size() > static_cast<size_t>(cf) ? s.rows[r][static_cast<size_t>(cf)] : Cell{};
        std::string text = cell.kind == Cell::Kind::kDate && !cell.date.empty() ? cell.date : TrimSpaces(cell.text);
        if (!text.empty()) {
          auto date = Date::Parse(FoldWidth(text));
          if (date.ok()) {
            d.founded = *date;
          } else {
            out.errors.push_back(Issue(table, out, sheet, row, cf, "invalid_date", "成立日期无法识别 (" + date.status().message() + ")"));
            ok = false;
          }
        }
      }
      if (int cc = at(ColumnField::kCapital); cc >= 0) {
        std::string text = FoldWidth(TextAt(s, r, cc));
        for (const char* tail : {"人民币", "(人民币)", "元人民币"}) {
          if (text.size() > std::strlen(tail) && text.ends_with(tail)) text.resize(text.size() - std::strlen(tail));
        }
        if (!text.empty() && text != "-") {
          auto m = Money::Parse(text, capital_in_yuan ? MoneyUnit::kYuan : MoneyUnit::kTenThousandYuan);
          if (m.ok()) {
            d.registered_capital = *m;
          } else {
            out.errors.push_back(Issue(table, out, sheet, row, cc, "non_numeric", "注册资本不是金额 (" + m.status().message() + ")"));
            ok = false;
          }
        }
      }
      if (!ok) continue;
      auto [it, inserted] = first_seen.try_emplace(d.uscc.str(), sheet, row);
      if (!inserted) {
        out.errors.push_back(Issue(table, out, sheet, row, cu, "duplicate_firm",
                                   "同一企业在文件中重复，首次出现在第" + std::to_string(it->second.second) + "行 (firm " + d.uscc.str() +
                                       " repeats; first at row " + std::to_string(it->second.second) + ")"));
        continue;
      }
      out.drafts.push_back(std::move(d));
    }
  }
  if (!any && out.errors.empty()) {
    ImportIssue e;
    e.file = table.file_name;
    e.kind = "missing_mandatory";
    e.column = "统一社会信用代码";
    e.message = "文件中没有可识别的企业名录：需要“统一社会信用代码”和“企业名称”列 (no sheet has the columns 统一社会信用代码 and 企业名称)";
    out.errors.push_back(e);
  }
  return out;
}

}  // namespace qq::ingest
