#include "analytics/queries.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <thread>
#include <unordered_map>

namespace qq::analytics {
namespace {

int YearOf(const Dataset& d, int p) { return d.first_month().AddMonths(p).year(); }

bool InScope(const Dataset& d, uint32_t f, int year, Scope scope) {
  return scope == Scope::kAll || d.AboveScale(f, year);
}

struct Pair {
  int64_t now = 0, base = 0;
  void Add(int64_t a, int64_t b) {
    now += a;
    base += b;
  }
  std::optional<double> Growth() const { return GrowthPercent(now, base); }
};

}  // namespace

std::vector<MonthlyRow> MonthlyTable(const Dataset& d, const std::vector<uint32_t>& firms, Scope scope,
                                     bool combine_jan_feb) {
  return MonthlyTable(d, SeriesOfFirms(d, firms, scope), combine_jan_feb);
}

std::vector<MonthlyRow> MonthlyTable(const Dataset& d, const Series& series, bool combine_jan_feb) {
  std::vector<MonthlyRow> rows;
  for (int p = 0; p < series.months(); ++p) {
    MonthlyRow row;
    row.month = d.first_month().AddMonths(p);
    for (Indicator ind : kAllIndicators) {
      const MonthSums& s = series.at(p, ind);
      MonthlyCell& c = row.cells[static_cast<size_t>(ind)];
      if (!s.any) continue;
      c.current = s.current;
      if (InfoOf(ind).additive) c.cumulative = s.cumulative;
      c.yoy = GrowthPercent(s.yoy_current, s.yoy_current_base);
      c.yoy_cumulative = GrowthPercent(s.yoy_cumulative, s.yoy_cumulative_base);
      if (p >= 1 && series.at(p - 1, ind).any) c.mom = GrowthPercent(s.current, series.at(p - 1, ind).current);
      if (p >= 24 && series.at(p - 24, ind).any && c.cumulative) {
        c.two_year_average = TwoYearAverageGrowth(s.cumulative, series.at(p - 24, ind).cumulative);
      }
    }
    rows.push_back(std::move(row));
  }
  if (!combine_jan_feb) return rows;
  std::vector<MonthlyRow> combined;
  for (auto& row : rows) {
    if (row.month.month() == 1) continue;
    if (row.month.month() == 2) {
      row.combined_jan_feb = true;
      for (auto& c : row.cells) {
        if (c.cumulative) c.current = c.cumulative;
        c.yoy = c.yoy_cumulative;
        c.mom.reset();
      }
    }
    combined.push_back(std::move(row));
  }
  return combined;
}

Breakdown BreakdownOf(const Dataset& d, const std::vector<uint32_t>& firms, Scope scope, int p, Indicator indicator,
                      const std::function<std::vector<std::string>(uint32_t)>& key_of) {
  struct Acc {
    int firms = 0;
    int64_t cur = 0, cum = 0;
    Pair yoy, yoy_cum;
  };
  Acc total;
  std::map<std::string, Acc> groups;
  int year = YearOf(d, p);
  for (uint32_t f : firms) {
    if (!InScope(d, f, year, scope)) continue;
    int64_t r = d.RowOf(f, p);
    if (r < 0) continue;
    int64_t cur = d.Current(static_cast<size_t>(r), indicator), cum = d.Cumulative(static_cast<size_t>(r), indicator);
    if (cur == kMissing && cum == kMissing) continue;
    int64_t r12 = d.RowOf(f, p - 12);
    int64_t bcur = r12 >= 0 ? d.Current(static_cast<size_t>(r12), indicator) : kMissing;
    int64_t bcum = r12 >= 0 ? d.Cumulative(static_cast<size_t>(r12), indicator) : kMissing;
    auto add = [&](Acc& a) {
      ++a.firms;
      if (cur != kMissing) a.cur += cur;
      if (cum != kMissing) a.cum += cum;
      if (cur != kMissing && bcur != kMissing) a.yoy.Add(cur, bcur);
      if (cum != kMissing && bcum != kMissing) a.yoy_cum.Add(cum, bcum);
    };
    add(total);
    for (const auto& key : key_of(f)) {
      if (!key.empty()) add(groups[key]);
    }
  }
  auto row_of = [&](const std::string& key, const Acc& a) {
    GroupRow g;
    g.key = key;
    g.firms = a.firms;
    g.current = a.cur;
    g.cumulative = a.cum;
    g.yoy = a.yoy.Growth();
    g.yoy_cumulative = a.yoy_cum.Growth();
    if (total.cum > 0) g.share = static_cast<double>(a.cum) / static_cast<double>(total.cum) * 100.0;
    if (total.yoy_cum.base > 0) {
      g.contribution = static_cast<double>(a.yoy_cum.now - a.yoy_cum.base) / static_cast<double>(total.yoy_cum.base) * 100.0;
    }
    return g;
  };
  Breakdown out;
  out.total = row_of("", total);
  for (const auto& [key, a] : groups) out.groups.push_back(row_of(key, a));
  std::sort(out.groups.begin(), out.groups.end(), [](const GroupRow& a, const GroupRow& b) {
    return a.cumulative != b.cumulative ? a.cumulative > b.cumulative : a.key < b.key;
  });
  return out;
}

ScaleChanges ScaleChangesIn(const Dataset& d, const std::vector<uint32_t>& firms, int year) {
  ScaleChanges out;
  if (year <= d.first_year() || year > d.last_year()) return out;
  for (uint32_t f : firms) {
    bool now = d.AboveScale(f, year), before = d.AboveScale(f, year - 1);
    if (now && !before) out.entered.push_back(f);
    if (before && !now) out.left.push_back(f);
  }
  return out;
}

std::vector<ThresholdFirm> ThresholdCandidates(const Dataset& d, const std::vector<uint32_t>& firms, int p, double within) {
  std::vector<ThresholdFirm> out;
  int year = YearOf(d, p);
  for (uint32_t f : firms) {
    int64_t threshold = d.firm(f).scale_threshold;
    if (threshold == kMissing || threshold <= 0 || d.AboveScale(f, year)) continue;
    int64_t ttm = d.TrailingRevenue(f, p);
    if (ttm == kMissing || static_cast<double>(ttm) < within * static_cast<double>(threshold)) continue;
    int64_t before = p > 0 ? d.TrailingRevenue(f, p - 1) : kMissing;
    out.push_back({f, ttm, threshold, ttm >= threshold && before != kMissing && before < threshold});
  }
  std::sort(out.begin(), out.end(), [](const ThresholdFirm& a, const ThresholdFirm& b) {
    return a.trailing != b.trailing ? a.trailing > b.trailing : a.firm < b.firm;
  });
  return out;
}

std::vector<ThresholdFirm> ThresholdCrossings(const Dataset& d, const std::vector<uint32_t>& firms, int p) {
  std::vector<ThresholdFirm> out;
  if (p <= 0) return out;
  for (uint32_t f : firms) {
    int64_t threshold = d.firm(f).scale_threshold;
    if (threshold == kMissing || threshold <= 0) continue;
    int64_t now = d.TrailingRevenue(f, p);
    if (now == kMissing || now < threshold) continue;
    int64_t before = d.TrailingRevenue(f, p - 1);
    if (before != kMissing && before < threshold) out.push_back({f, now, threshold, true});
  }
  return out;
}

namespace {

std::vector<Mover> Changes(const Dataset& d, const std::vector<uint32_t>& firms, int p, Indicator indicator, bool need_base) {
  std::vector<Mover> all;
  for (uint32_t f : firms) {
    int64_t now = d.CumulativeAt(f, p, indicator);
    if (now == kMissing) now = d.CurrentAt(f, p, indicator);
    if (now == kMissing) continue;
    int64_t base = d.CumulativeAt(f, p - 12, indicator);
    if (base == kMissing) base = d.CurrentAt(f, p - 12, indicator);
    if (base == kMissing) {
      if (need_base) continue;
      base = 0;
    }
    all.push_back({f, now, base, now - base, GrowthPercent(now, base)});
  }
  return all;
}

}  // namespace

Movers TopMovers(const Dataset& d, const std::vector<uint32_t>& firms, int p, Indicator indicator, size_t n) {
  std::vector<Mover> all = Changes(d, firms, p, indicator, false);
  Movers out;
  auto by_change = [](const Mover& a, const Mover& b) { return a.change != b.change ? a.change > b.change : a.firm < b.firm; };
  size_t k = std::min(n, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k), all.end(), by_change);
  for (size_t i = 0; i < k; ++i) {
    if (all[i].change > 0) out.up.push_back(all[i]);
  }
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k), all.end(),
                    [&](const Mover& a, const Mover& b) { return by_change(b, a); });
  for (size_t i = 0; i < k; ++i) {
    if (all[i].change < 0) out.down.push_back(all[i]);
  }
  return out;
}

std::vector<Mover> TopByGrowth(const Dataset& d, const std::vector<uint32_t>& firms, int p, Indicator indicator, size_t n) {
  std::vector<Mover> all = Changes(d, firms, p, indicator, true);
  all.erase(std::remove_if(all.begin(), all.end(), [](const Mover& m) { return !m.growth; }), all.end());
  size_t k = std::min(n, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k), all.end(), [](const Mover& a, const Mover& b) {
    return *a.growth != *b.growth ? *a.growth > *b.growth : a.firm < b.firm;
  });
  all.resize(k);
  return all;
}

std::vector<uint32_t> MissingReports(const Dataset& d, const std::vector<uint32_t>& firms, int p) {
  std::vector<uint32_t> out;
  int year = YearOf(d, p);
  for (uint32_t f : firms) {
    if (d.RowOf(f, p) >= 0) continue;
    if ((p > 0 && d.RowOf(f, p - 1) >= 0) || d.AboveScale(f, year)) out.push_back(f);
  }
  return out;
}

std::vector<Anomaly> AnomaliesIn(const Dataset& d, const std::vector<uint32_t>& firms, int p) {
  std::vector<Anomaly> out;
  for (uint32_t f : firms) {
    int64_t r = d.RowOf(f, p);
    if (r < 0) continue;
    for (Indicator ind : {Indicator::kOutput, Indicator::kRevenue, Indicator::kEnergy}) {
      int64_t v = d.Current(static_cast<size_t>(r), ind);
      if (v == kMissing || v <= 0) continue;
      std::vector<int64_t> others;
      for (int q = 0; q < d.month_count(); ++q) {
        if (q == p) continue;
        int64_t o = d.CurrentAt(f, q, ind);
        if (o != kMissing && o > 0) others.push_back(o);
      }
      if (others.size() >= 3) {
        std::nth_element(others.begin(), others.begin() + static_cast<std::ptrdiff_t>(others.size() / 2), others.end());
        int64_t median = others[others.size() / 2];
        if (static_cast<double>(v) >= 100.0 * static_cast<double>(median) ||
            static_cast<double>(v) * 100.0 <= static_cast<double>(median)) {
          out.push_back({f, p, ind, "unit_jump", v, median});
          continue;
        }
      }
      int64_t base = d.CurrentAt(f, p - 12, ind);
      if (base != kMissing && base > 0 && v * 2 < base) out.push_back({f, p, ind, "sharp_drop", v, base});
    }
  }
  return out;
}

namespace {

struct KeyRange {
  uint16_t first, span;  // keys first … first + span
};

// One part of a month's rows. Branch-free per row: missing values are INT64_MIN (kMissing), so
// they are tested explicitly; the templates pick the loop for one range and one floor, the
// common case, and the general loop otherwise.
template <int kRanges, int kFloors>
ScanSum ScanPart(size_t from, size_t to, const uint32_t* row_firm, const uint16_t* keys, const std::vector<KeyRange>& ranges,
                 const std::vector<std::pair<const int64_t*, int64_t>>& floors, const int64_t* values) {
  int64_t sum = 0, rows = 0;
  const KeyRange r0 = ranges.empty() ? KeyRange{0, 0} : ranges[0];
  const int64_t* f0 = floors.empty() ? nullptr : floors[0].first;
  const int64_t floor0 = floors.empty() ? 0 : floors[0].second;
  for (size_t r = from; r < to; ++r) {
    bool ok = true;
    if constexpr (kRanges == 1) {
      ok = static_cast<uint16_t>(keys[row_firm[r]] - r0.first) <= r0.span;
    } else if constexpr (kRanges < 0) {
      uint16_t key = keys[row_firm[r]];
      bool any = false;
      for (const KeyRange& g : ranges) any |= static_cast<uint16_t>(key - g.first) <= g.span;
      ok = any;
    }
    if constexpr (kFloors == 1) {
      int64_t x = f0[r];
      ok &= (x != kMissing) & (x >= floor0);
    } else if constexpr (kFloors < 0) {
      for (const auto& [col, floor] : floors) ok &= (col[r] != kMissing) & (col[r] >= floor);
    }
    int64_t v = values[r];
    ok &= v != kMissing;
    sum += ok ? v : 0;
    rows += ok;
  }
  return {sum, rows};
}

}  // namespace

ScanSum SumCurrentWhere(const Dataset& d, int p, Indicator what, const RowFilter& filter, int threads) {
  ScanSum out;
  if (p < 0 || p >= d.month_count()) return out;
  const auto& what_col = d.CurrentColumn(what);
  if (what_col.empty()) return out;
  std::vector<KeyRange> ranges;
  for (const auto& prefix : filter.industry_prefixes) {
    uint16_t first, last;
    if (Dataset::IndustryKeyRange(prefix, first, last)) ranges.push_back({first, static_cast<uint16_t>(last - first)});
  }
  if (!filter.industry_prefixes.empty() && ranges.empty()) return out;  // no code can match
  std::vector<std::pair<const int64_t*, int64_t>> floors;
  for (const auto& [ind, floor] : filter.current_at_least) {
    const auto& col = d.CurrentColumn(ind);
    if (col.empty()) return out;  // nothing reported: no row passes
    floors.emplace_back(col.data(), floor);
  }
  const uint16_t* keys = d.IndustryKeyColumn().data();
  const uint32_t* row_firm = d.RowFirmColumn().data();
  const int64_t* values = what_col.data();
  auto part = [&](size_t from, size_t to) {
    int nr = ranges.empty() ? 0 : ranges.size() == 1 ? 1 : -1;
    int nf = floors.empty() ? 0 : floors.size() == 1 ? 1 : -1;
    if (nr == 1 && nf == 1) return ScanPart<1, 1>(from, to, row_firm, keys, ranges, floors, values);
    if (nr == 1 && nf == 0) return ScanPart<1, 0>(from, to, row_firm, keys, ranges, floors, values);
    if (nr == 0 && nf == 1) return ScanPart<0, 1>(from, to, row_firm, keys, ranges, floors, values);
    if (nr == 0 && nf == 0) return ScanPart<0, 0>(from, to, row_firm, keys, ranges, floors, values);
    return ScanPart<-1, -1>(from, to, row_firm, keys, ranges, floors, values);
  };
  size_t begin = d.MonthBegin(p), end = d.MonthBegin(p + 1);
  threads = std::max(1, std::min<int>(threads, static_cast<int>((end - begin) / 65536) + 1));
  std::vector<ScanSum> parts(static_cast<size_t>(threads));
  std::vector<std::thread> pool;
  auto cut = [&](int t) { return begin + (end - begin) * static_cast<size_t>(t) / static_cast<size_t>(threads); };
  for (int t = 1; t < threads; ++t) {
    pool.emplace_back([&, t] { parts[static_cast<size_t>(t)] = part(cut(t), cut(t + 1)); });
  }
  parts[0] = part(cut(0), cut(1));
  for (auto& th : pool) th.join();
  for (const auto& s : parts) {
    out.sum += s.sum;
    out.rows += s.rows;
  }
  return out;
}

std::optional<double> RequiredAnnualGrowth(double now, double target, int years) {
  if (now <= 0 || target <= 0 || years <= 0) return std::nullopt;
  return (std::pow(target / now, 1.0 / years) - 1.0) * 100.0;
}

double LinearPathValue(double start, int start_year, double target, int deadline, int year) {
  if (deadline <= start_year) return target;
  double t = std::clamp(static_cast<double>(year - start_year) / static_cast<double>(deadline - start_year), 0.0, 1.0);
  return start + (target - start) * t;
}

std::optional<double> TrendGrowth(const std::vector<std::pair<int, double>>& yearly) {
  std::vector<std::pair<double, double>> pts;
  for (const auto& [y, v] : yearly) {
    if (v > 0) pts.emplace_back(static_cast<double>(y), std::log(v));
  }
  if (pts.size() < 2) return std::nullopt;
  double n = static_cast<double>(pts.size()), sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (auto [x, y] : pts) {
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  double den = n * sxx - sx * sx;
  if (den == 0) return std::nullopt;
  double slope = (n * sxy - sx * sy) / den;
  return (std::exp(slope) - 1.0) * 100.0;
}

std::optional<int> TrendYearReached(const std::vector<std::pair<int, double>>& yearly, double target) {
  auto g = TrendGrowth(yearly);
  if (!g || yearly.empty()) return std::nullopt;
  const auto& [last_year, last] = yearly.back();
  if (last >= target) return last_year;
  if (*g <= 0 || last <= 0) return std::nullopt;
  double years = std::log(target / last) / std::log(1.0 + *g / 100.0);
  int reached = last_year + static_cast<int>(std::ceil(years - 1e-9));
  if (reached > 2100) return std::nullopt;
  return reached;
}

}  // namespace qq::analytics
