#include "ingest/project_sheet.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/decimal.h"
#include "core/unicode.h"

namespace qq::ingest {
namespace {

constexpr const char* kMoneyFields[] = {"total_investment",    "annual_plan",
                                        "completed_this_year", "completed_total",
                                        "completed_period",    "expected_output"};
constexpr const char* kMonthFields[] = {"planned_start", "actual_start", "planned_production",
                                        "actual_production"};

bool IsMoney(const std::string& f) {
  return std::find(std::begin(kMoneyFields), std::end(kMoneyFields), f) != std::end(kMoneyFields);
}
bool IsMonth(const std::string& f) {
  return std::find(std::begin(kMonthFields), std::end(kMonthFields), f) != std::end(kMonthFields);
}

// "总投资(亿元)" → ("总投资", "亿元"); brackets anywhere are taken as the unit.
std::pair<std::string, std::string> SplitUnit(const std::string& compact) {
  std::string base, unit;
  bool in = false;
  for (char c : compact) {
    if (c == '(')
      in = true;
    else if (c == ')')
      in = false;
    else
      (in ? unit : base) += c;
  }
  return {base, unit};
}

}  // namespace

Result<ProjectColumns> ProjectColumns::Parse(std::string_view text, const std::string& label) {
  toml::table t;
  try {
    t = toml::parse(text, label);
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(label + ":" + std::to_string(e.source().begin.line) + ": " +
                                   std::string(e.description()));
  }
  const toml::table* fields = t["fields"].as_table();
  if (!fields) return Status::InvalidArgument(label + ": missing [fields]");
  ProjectColumns c;
  for (const auto& [key, node] : *fields) {
    const toml::array* arr = node.as_array();
    if (!arr || arr->empty()) {
      return Status::InvalidArgument(label + ":" + std::to_string(node.source().begin.line) +
                                     ": '" + std::string(key.str()) +
                                     "' must be a non-empty list of headers");
    }
    for (const auto& item : *arr) {
      auto s = item.value<std::string>();
      if (!s)
        return Status::InvalidArgument(label + ":" + std::to_string(item.source().begin.line) +
                                       ": headers are strings");
      std::string compact = CompactHeader(*s);
      if (!c.canonical_.count(std::string(key.str()))) c.canonical_[std::string(key.str())] = *s;
      // An alias may itself carry brackets (所在乡镇(街道)); keep both forms.
      c.alias_to_field_[compact] = std::string(key.str());
    }
  }
  if (!c.canonical_.count("name"))
    return Status::InvalidArgument(label + ": [fields] needs 'name'");
  return c;
}

std::pair<std::string, std::string> ProjectColumns::Map(const std::string& header) const {
  std::string compact = CompactHeader(header);
  if (auto it = alias_to_field_.find(compact); it != alias_to_field_.end()) return {it->second, ""};
  auto [base, unit] = SplitUnit(compact);
  if (auto it = alias_to_field_.find(base); it != alias_to_field_.end()) return {it->second, unit};
  return {"", ""};
}

std::string ProjectColumns::Canonical(const std::string& field) const {
  auto it = canonical_.find(field);
  return it == canonical_.end() ? field : it->second;
}

ProjectSheets ParseProjectTable(const Table& table, const ProjectColumns& columns) {
  ProjectSheets out;
  auto issue = [&](int sheet, int row, size_t col, const std::string& header,
                   const std::string& value, const std::string& kind, const std::string& message) {
    ImportIssue i;
    i.file = table.file_name;
    if (table.format == "xlsx") i.sheet = table.sheets[static_cast<size_t>(sheet)].name;
    i.row = row;
    i.column = header;
    i.cell = row > 0 ? CellName(col, row) : "";
    i.value = value;
    i.kind = kind;
    i.message = message;
    return i;
  };
  std::set<std::string> seen_names;
  std::map<std::string, std::string> first_row_of;
  bool found_any = false;
  for (size_t s = 0; s < table.sheets.size(); ++s) {
    const Sheet& sheet = table.sheets[s];
    if (sheet.hidden) continue;
    // The header row: the first of the first ten rows that names the project-name column.
    int header_index = -1;
    for (size_t r = 0; r < sheet.rows.size() && r < 10 && header_index < 0; ++r) {
      for (const auto& cell : sheet.rows[r]) {
        if (columns.Map(cell.text).first == "name") {
          header_index = static_cast<int>(r);
          break;
        }
      }
    }
    if (header_index < 0) continue;
    found_any = true;
    const auto& header_row = sheet.rows[static_cast<size_t>(header_index)];
    std::vector<std::pair<std::string, std::string>> fields(header_row.size());  // field, unit
    std::vector<int> money_pow(header_row.size(), 4);
    for (size_t c = 0; c < header_row.size(); ++c) {
      fields[c] = columns.Map(header_row[c].text);
      const auto& [field, unit] = fields[c];
      if (!IsMoney(field)) continue;
      int header_row_number = sheet.row_numbers[static_cast<size_t>(header_index)];
      if (unit.find("亿") != std::string::npos)
        money_pow[c] = 8;
      else if (unit.find("万") != std::string::npos)
        money_pow[c] = 4;
      else if (unit.find("千") != std::string::npos)
        money_pow[c] = 3;
      else if (unit == "元")
        money_pow[c] = 0;
      else {
        out.warnings.push_back(issue(
            static_cast<int>(s), header_row_number, c, header_row[c].text, header_row[c].text,
            "unit_assumed", "表头未注明单位，按万元读取 (no unit in the header; read in 万元)"));
      }
    }
    for (size_t r = static_cast<size_t>(header_index) + 1; r < sheet.rows.size(); ++r) {
      const auto& row = sheet.rows[r];
      int row_number = sheet.row_numbers[r];
      ProjectDraft d;
      d.sheet = static_cast<int>(s);
      d.row = row_number;
      bool any = false, bad = false;
      for (size_t c = 0; c < row.size() && c < fields.size(); ++c) {
        const std::string& field = fields[c].first;
        if (field.empty() || row[c].empty()) continue;
        std::string text = TrimSpaces(row[c].text);
        if (text.empty()) continue;
        any = true;
        d.cell_of[field] = CellName(c, row_number);
        d.header_of[field] = header_row[c].text;
        auto err = [&](const std::string& kind, const std::string& message) {
          out.errors.push_back(issue(static_cast<int>(s), row_number, c, header_row[c].text,
                                     row[c].text, kind, message));
          bad = true;
        };
        if (IsMoney(field)) {
          auto v = ParseDecimalScaled(text, money_pow[c]);
          if (!v.ok()) {
            err("non_numeric", "金额须为数字 (not a number): " + text);
            continue;
          }
          if (*v < 0) {
            err("negative_value", "金额不能为负 (money cannot be negative)");
            continue;
          }
          Money value = Money::FromYuan(*v);
          if (field == "total_investment")
            d.total_investment = value;
          else if (field == "annual_plan")
            d.annual_plan = value;
          else if (field == "completed_this_year")
            d.completed_this_year = value;
          else if (field == "completed_total")
            d.completed_total = value;
          else if (field == "completed_period")
            d.completed_period = value;
          else if (field == "expected_output")
            d.expected_output = value;
        } else if (IsMonth(field)) {
          auto ym = !row[c].date.empty() ? YearMonth::Parse(row[c].date.substr(0, 7))
                                         : YearMonth::Parse(text);
          if (!ym.ok()) {
            err("bad_month", "月份无法识别，应写作2024-03或2024年3月 (not a month)");
            continue;
          }
          if (field == "planned_start")
            d.planned_start = *ym;
          else if (field == "actual_start")
            d.actual_start = *ym;
          else if (field == "planned_production")
            d.planned_production = *ym;
          else
            d.actual_production = *ym;
        } else if (field == "progress" || field == "jobs" || field == "workers") {
          std::string number = text;
          if (!number.empty() && number.back() == '%') number.pop_back();
          auto v = ParseDecimalScaled(number, 2);
          if (!v.ok()) {
            err("non_numeric", "须为数字 (not a number): " + text);
            continue;
          }
          double value = static_cast<double>(*v) / 100.0;
          if (value < 0) {
            err("negative_value", "不能为负 (cannot be negative)");
            continue;
          }
          if (field == "progress") {
            // A fraction (0.35) in a percent column is read as 35 %.
            if (value > 0 && value <= 1 && number.find('.') != std::string::npos &&
                row[c].kind == Cell::Kind::kNumber && text.back() != '%') {
              value *= 100;
            }
            if (value > 100) {
              err("out_of_range", "进度须在0-100%之间 (progress must be 0–100 %)");
              continue;
            }
            d.progress = value;
          } else {
            if (std::floor(value) != value) {
              err("non_numeric", "人数须为整数 (a head count is a whole number)");
              continue;
            }
            (field == "jobs" ? d.jobs : d.workers) = static_cast<int>(value);
          }
        } else if (field == "level") {
          auto l = ParseProjectLevel(text);
          if (!l.ok()) {
            err("invalid_value",
                "项目级别应为 省重大、省优选、省重点、市重点、区级重点 之一 (unknown level)");
            continue;
          }
          d.level = *l;
        } else if (field == "stage") {
          auto st = ParseProjectStage(text);
          if (!st.ok()) {
            err("invalid_value",
                "建设阶段应为 谋划、签约、开工、在建、试投产、投产、达产、暂停、终止 之一 (unknown "
                "stage)");
            continue;
          }
          d.stage = *st;
        } else if (field == "name")
          d.name = text;
        else if (field == "chain")
          d.chain = text;
        else if (field == "cluster")
          d.cluster = text;
        else if (field == "town")
          d.town = text;
        else if (field == "park")
          d.park = text;
        else if (field == "problems")
          d.problems = text;
        else if (field == "reason")
          d.reason = text;
        else if (field == "manager")
          d.manager = text;
        else if (field == "leader")
          d.leader = text;
      }
      if (!any) continue;
      if (d.name.empty()) {
        size_t col = 0;
        for (size_t c = 0; c < fields.size(); ++c)
          if (fields[c].first == "name") col = c;
        out.errors.push_back(issue(static_cast<int>(s), row_number, col, header_row[col].text, "",
                                   "missing_mandatory",
                                   "缺少项目名称 (the project name is missing)"));
        continue;
      }
      if (!seen_names.insert(d.name).second) {
        out.errors.push_back(issue(static_cast<int>(s), row_number, 0, "", d.name,
                                   "duplicate_project",
                                   "项目在本文件中重复，首次出现在" + first_row_of[d.name] +
                                       " (the project is repeated)"));
        continue;
      }
      first_row_of[d.name] = (table.format == "xlsx" ? sheet.name + "!" : std::string()) + "第" +
                             std::to_string(row_number) + "行";
      if (d.completed_this_year && d.completed_total &&
          *d.completed_this_year > *d.completed_total) {
        out.errors.push_back(issue(static_cast<int>(s), row_number, 0,
                                   d.header_of["completed_this_year"],
                                   d.completed_this_year->ToString(), "inconsistent_values",
                                   "本年累计完成投资大于开工以来累计完成投资 (this year's "
                                   "completed investment exceeds the total since the start)"));
        out.errors.back().cell = d.cell_of["completed_this_year"];
        continue;
      }
      if (!bad) out.drafts.push_back(std::move(d));
    }
  }
  if (!found_any) {
    ImportIssue i;
    i.file = table.file_name;
    i.kind = "missing_mandatory";
    i.message =
        "未找到“项目名称”列，请使用调度表模板 (no 项目名称 column; use the round's template)";
    out.errors.push_back(i);
  }
  return out;
}

}  // namespace qq::ingest
