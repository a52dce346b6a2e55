#include "ingest/indicator_checks.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace qq::ingest {
namespace {

std::string Wan(int64_t yuan_or_unit, bool money) {
  if (!money) return std::to_string(yuan_or_unit);
  // 元 → 万元 with up to four decimals, trailing zeros removed.
  bool neg = yuan_or_unit < 0;
  uint64_t v = neg ? 0 - static_cast<uint64_t>(yuan_or_unit) : static_cast<uint64_t>(yuan_or_unit);
  std::string s = std::to_string(v / 10000);
  uint64_t frac = v % 10000;
  if (frac) {
    std::string f = std::to_string(frac);
    f.insert(0, 4 - f.size(), '0');
    while (!f.empty() && f.back() == '0') f.pop_back();
    s += "." + f;
  }
  return (neg ? "-" : "") + s + "万元";
}

// Records of the file grouped by firm, each group sorted by month.
std::unordered_map<std::string, std::vector<size_t>> ByFirm(const IndicatorSheets& sheets) {
  std::unordered_map<std::string, std::vector<size_t>> out;
  for (size_t k = 0; k < sheets.records.size(); ++k) out[sheets.records[k].uscc.str()].push_back(k);
  for (auto& [uscc, list] : out) {
    std::sort(list.begin(), list.end(), [&](size_t a, size_t b) { return sheets.records[a].month < sheets.records[b].month; });
  }
  return out;
}

}  // namespace

void CheckCumulative(const Table& table, IndicatorSheets& sheets, const HistoryLookup& history) {
  for (auto& [uscc, list] : ByFirm(sheets)) {
    const std::vector<KnownMonth>* known = history ? history(uscc) : nullptr;
    std::map<int, const KnownMonth*> db;  // month index → database month
    if (known) {
      for (const auto& k : *known) db[k.month.Index()] = &k;
    }
    std::map<int, size_t> file;  // month index → record
    for (size_t k : list) file[sheets.records[k].month.Index()] = k;
    std::vector<int> years;
    for (const auto& [idx, k] : file) {
      int y = YearMonth::FromIndex(idx).year();
      if (years.empty() || years.back() != y) years.push_back(y);
    }
    for (Indicator ind : kAllIndicators) {
      const IndicatorInfo& info = InfoOf(ind);
      if (!info.additive) continue;
      size_t i = static_cast<size_t>(ind);
      for (int year : years) {
        std::optional<int64_t> prev_cum;  // 累计 of the previous month, when that month is known
        for (int m = 1; m <= 12; ++m) {
          int idx = YearMonth::FromIndex(year * 12).AddMonths(m - 1).Index();
          auto fit = file.find(idx);
          IndicatorRecord* rec = fit == file.end() ? nullptr : &sheets.records[fit->second];
          const KnownMonth* dbm = rec ? nullptr : (db.count(idx) ? db[idx] : nullptr);
          if (!rec && !dbm) {
            prev_cum.reset();  // a missing month: restart at the next known 累计
            continue;
          }
          std::optional<int64_t> cur = rec ? rec->current[i] : dbm->current[i];
          std::optional<int64_t> cum = rec ? rec->cumulative[i] : dbm->cumulative[i];
          std::optional<int64_t> expected;
          if (cur && m == 1) expected = *cur;
          else if (cur && prev_cum) expected = *prev_cum + *cur;
          if (rec && cum && expected && *cum != *expected) {
            std::string detail = m == 1 ? "1月累计应等于当月" + Wan(*cur, info.money)
                                        : "上月累计" + Wan(*prev_cum, info.money) + "加当月" + Wan(*cur, info.money) + "应为" +
                                              Wan(*expected, info.money);
            sheets.errors.push_back(IssueAt(table, sheets, rec->sheet, rec->row, rec->cumulative_column[i], "cumulative_mismatch",
                                            std::string(info.label) + "1-N月累计与当月数不衔接：" + detail +
                                                " (1-N月累计 does not equal the running sum of 当月; expected " +
                                                std::to_string(*expected) + " 元, found " + std::to_string(*cum) + " 元)"));
          }
          // Reconcile: derive the one that is missing.
          if (rec) {
            if (!cum && expected) rec->cumulative[i] = *expected;
            if (!cur && cum) {
              if (m == 1) rec->current[i] = *cum;
              else if (prev_cum) rec->current[i] = *cum - *prev_cum;
            }
            cum = rec->cumulative[i];
          } else if (!cum && expected) {
            cum = expected;
          }
          prev_cum = cum;
        }
      }
    }
  }
}

void CheckUnitJumps(const Table& table, IndicatorSheets& sheets, const HistoryLookup& history) {
  for (auto& [uscc, list] : ByFirm(sheets)) {
    const std::vector<KnownMonth>* known = history ? history(uscc) : nullptr;
    for (Indicator ind : kAllIndicators) {
      size_t i = static_cast<size_t>(ind);
      if (ind == Indicator::kProfit) continue;  // profit swings through zero
      std::vector<int64_t> values;
      if (known) {
        for (const auto& k : *known) {
          if (k.current[i] && *k.current[i] > 0) values.push_back(*k.current[i]);
        }
      }
      for (size_t k : list) {
        if (sheets.records[k].current[i] && *sheets.records[k].current[i] > 0) values.push_back(*sheets.records[k].current[i]);
      }
      if (values.size() < 4) continue;
      for (size_t k : list) {
        IndicatorRecord& rec = sheets.records[k];
        if (!rec.current[i] || *rec.current[i] <= 0) continue;
        std::vector<int64_t> others = values;
        auto self = std::find(others.begin(), others.end(), *rec.current[i]);
        if (self != others.end()) others.erase(self);
        std::nth_element(others.begin(), others.begin() + static_cast<std::ptrdiff_t>(others.size() / 2), others.end());
        double median = static_cast<double>(others[others.size() / 2]);
        double v = static_cast<double>(*rec.current[i]);
        if (median > 0 && (v >= 100.0 * median || v * 100.0 <= median)) {
          sheets.warnings.push_back(IssueAt(table, sheets, rec.sheet, rec.row, rec.current_column[i], "unit_jump",
                                            std::string(InfoOf(ind).label) + "与该企业其他月份相差百倍以上，请核对单位 (" +
                                                "100× off the firm's other months; check the unit)"));
        }
      }
    }
  }
}

}  // namespace qq::ingest
