#include "ingest/published_sheet.h"

#include <map>
#include <regex>

#include "core/decimal.h"
#include "core/unicode.h"

namespace qq::ingest {
namespace {

std::optional<std::string> NormalisePeriod(const std::string& raw) {
  std::string t = CompactHeader(raw);
  std::smatch m;
  static const std::regex kYear(R"(^(\d{4})年?(全年)?$)");
  static const std::regex kMonth(R"(^(\d{4})[年\-/.](\d{1,2})月?$)");
  static const std::regex kRange(R"(^(\d{4})[年\-/.]?(\d{1,2})-(\d{1,2})月?$)");
  static const std::regex kIso(R"(^(\d{4})-(\d{2})/(\d{4})-(\d{2})$)");
  auto two = [](const std::string& s) { return s.size() == 1 ? "0" + s : s; };
  if (std::regex_match(t, m, kIso)) return t;
  if (std::regex_match(t, m, kYear)) return std::string(m[1]);
  if (std::regex_match(t, m, kRange)) {
    int a = std::stoi(m[2]), b = std::stoi(m[3]);
    if (a < 1 || b > 12 || a > b) return std::nullopt;
    return std::string(m[1]) + "-" + two(m[2]) + "/" + std::string(m[1]) + "-" + two(m[3]);
  }
  if (std::regex_match(t, m, kMonth)) {
    int mo = std::stoi(m[2]);
    if (mo < 1 || mo > 12) return std::nullopt;
    return std::string(m[1]) + "-" + two(m[2]);
  }
  return std::nullopt;
}

}  // namespace

PublishedSheets ParsePublishedTable(const Table& table) {
  PublishedSheets out;
  auto issue = [&](const Sheet& s, int row, int col, const std::string& kind, const std::string& msg) {
    ImportIssue i;
    i.file = table.file_name;
    if (table.format == "xlsx") i.sheet = s.name;
    i.row = row;
    i.kind = kind;
    i.message = msg;
    if (col >= 0) i.cell = CellName(static_cast<size_t>(col), row);
    return i;
  };
  for (const Sheet& s : table.sheets) {
    if (s.rows.empty()) continue;
    std::map<std::string, int> col;
    for (size_t c = 0; c < s.rows[0].size(); ++c) {
      std::string h = CompactHeader(s.rows[0][c].text);
      if (h == "行政区划代码" || h == "区划代码" || h == "地区代码") col["region"] = static_cast<int>(c);
      else if (h == "指标" || h == "指标名称") col["metric"] = static_cast<int>(c);
      else if (h == "统计期" || h == "期间" || h == "报告期" || h == "时期") col["period"] = static_cast<int>(c);
      else if (h.starts_with("数值") || h.starts_with("增速") || h.starts_with("增长")) col["value"] = static_cast<int>(c);
      else if (h == "来源" || h == "资料来源") col["source"] = static_cast<int>(c);
    }
    int header_row = s.row_numbers[0];
    for (const char* need : {"region", "metric", "period", "value"}) {
      if (!col.count(need)) {
        out.errors.push_back(issue(s, header_row, -1, "missing_mandatory",
                                   std::string("缺少列 (missing column): ") +
                                       (std::string(need) == "region" ? "行政区划代码" : std::string(need) == "metric" ? "指标" :
                                        std::string(need) == "period" ? "统计期" : "数值(%)")));
      }
    }
    if (!out.errors.empty()) continue;
    for (size_t r = 1; r < s.rows.size(); ++r) {
      int row = s.row_numbers[r];
      auto text = [&](const char* key) {
        size_t c = static_cast<size_t>(col[key]);
        return c < s.rows[r].size() ? TrimSpaces(FoldWidth(s.rows[r][c].text)) : std::string();
      };
      PublishedDraft d;
      d.row = row;
      auto region = RegionCode::Parse(text("region"));
      if (!region.ok()) {
        out.errors.push_back(issue(s, row, col["region"], "invalid_region", region.status().message()));
        continue;
      }
      d.region = *region;
      d.metric = text("metric");
      if (d.metric.empty()) {
        out.errors.push_back(issue(s, row, col["metric"], "missing_mandatory", "指标为空 (metric is empty)"));
        continue;
      }
      auto period = NormalisePeriod(text("period"));
      if (!period) {
        out.errors.push_back(issue(s, row, col["period"], "invalid_period", "统计期无法识别 (period '" + text("period") + "' not understood)"));
        continue;
      }
      d.period = *period;
      std::string v = text("value");
      if (v.ends_with("%")) v.pop_back();
      auto value = ParseDecimalScaled(v, 4);
      if (!value.ok()) {
        out.errors.push_back(issue(s, row, col["value"], "non_numeric", "“" + text("value") + "”不是数值 (not a number)"));
        continue;
      }
      d.value = static_cast<double>(*value) / 1e4;
      if (col.count("source")) d.source = text("source");
      out.drafts.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace qq::ingest
