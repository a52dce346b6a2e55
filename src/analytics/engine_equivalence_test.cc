// Equivalence tests for the column engine's fast paths: Finish's sorted (concatenating) and
// unsorted (sorting) paths give the same Dataset; yearly revenue, the 规上 sets, every roll-up
// cell and the precomputed threshold crossings equal naive recomputations through the
// per-firm accessors; the ad-hoc column scan equals a row-by-row filter.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "analytics/queries.h"
#include "analytics/rollup.h"

namespace qq::analytics {
namespace {

struct Row {
  uint32_t firm;
  YearMonth month;
  MonthValues values;
};

struct World {
  std::vector<FirmInfo> firms;
  std::vector<std::vector<uint32_t>> links;
  std::vector<std::string> counties = {"370117", "370114", "370306", "110105", "440305"};
  std::vector<Row> rows;  // in (month, firm) order
};

World MakeWorld(unsigned seed, int firm_count = 150, int months = 30) {
  std::mt19937_64 rng(seed);
  World w;
  const int codes[] = {36, 361, 3611, 3670, 13, 1391, 3011, 5, 511, 8888};
  for (int f = 0; f < firm_count; ++f) {
    FirmInfo info;
    info.enterprise_id = 1000 + f;
    info.county = static_cast<uint32_t>(rng() % w.counties.size());
    int code = codes[rng() % std::size(codes)];
    info.industry = code;
    info.industry_digits = static_cast<uint8_t>(code >= 1000 ? 4 : code >= 100 ? 3 : 2);
    if (code == 5 || code == 511) info.industry_digits = static_cast<uint8_t>(code == 5 ? 2 : 4);  // "05", "0511"
    if (rng() % 20 == 0) {
      info.industry = -1;
      info.industry_digits = 0;
    }
    int kind = static_cast<int>(rng() % 4);
    info.scale_threshold = kind == 0 ? kMissing : kind == 1 ? 0 : 20'000'000;
    w.firms.push_back(info);
    std::vector<uint32_t> ls;
    for (uint32_t l = 7; l <= 10; ++l) {
      if (rng() % 3 == 0) ls.push_back(l);
    }
    w.links.push_back(ls);
  }
  std::vector<int64_t> size(static_cast<size_t>(firm_count));
  for (auto& s : size) s = static_cast<int64_t>(rng() % 3'000'000);
  std::vector<bool> reports_main(static_cast<size_t>(firm_count));
  for (size_t f = 0; f < reports_main.size(); ++f) reports_main[f] = rng() % 5 == 0;
  YearMonth first = *YearMonth::Of(2022, 3);
  for (int p = 0; p < months; ++p) {
    YearMonth m = first.AddMonths(p);
    for (int f = 0; f < firm_count; ++f) {
      if (rng() % 8 == 0) continue;  // missing month
      MonthValues v;
      auto put = [&](Indicator i, bool cum, int64_t value) {
        (cum ? v.cumulative : v.current)[static_cast<size_t>(i)] = value;
      };
      int64_t rev = size[static_cast<size_t>(f)] + static_cast<int64_t>(rng() % 1'000'000);
      if (rng() % 10) put(Indicator::kRevenue, false, rev);
      if (rng() % 3) put(Indicator::kRevenue, true, rev * m.month());
      if (reports_main[static_cast<size_t>(f)] && rng() % 4) put(Indicator::kMainRevenue, false, rev - 1000);
      if (rng() % 2) put(Indicator::kOutput, false, rev + static_cast<int64_t>(rng() % 5000));
      if (rng() % 2) put(Indicator::kOutput, true, rev * m.month() / 2);
      if (rng() % 3) put(Indicator::kProfit, false, static_cast<int64_t>(rng() % 200'000) - 100'000);
      if (rng() % 2) put(Indicator::kEmployees, false, static_cast<int64_t>(rng() % 300));
      w.rows.push_back({static_cast<uint32_t>(f), m, v});
    }
  }
  return w;
}

void AddDimensions(const World& w, DatasetBuilder& b) {
  for (const auto& c : w.counties) b.AddCounty(c);
  for (size_t f = 0; f < w.firms.size(); ++f) {
    uint32_t id = b.AddFirm(w.firms[f]);
    if (!w.links[f].empty()) b.SetLinks(id, w.links[f]);
  }
}

Dataset Direct(const World& w, unsigned shuffle_seed) {
  DatasetBuilder b;
  AddDimensions(w, b);
  std::vector<Row> rows = w.rows;
  std::mt19937_64 rng(shuffle_seed);
  std::shuffle(rows.begin(), rows.end(), rng);
  for (const auto& r : rows) b.AddRow(r.firm, r.month, r.values);
  return *b.Finish(2);
}

// Rows in file order, cut into `parts` shards (the loader's shape).
// With `reserve_first`, the first shard has room for every row (as the CSV loader leaves it),
// so Finish adopts its columns and appends the others in place.
Dataset Sharded(const World& w, size_t parts, bool reverse_shards, bool reserve_first = false) {
  DatasetBuilder b;
  AddDimensions(w, b);
  std::vector<DatasetBuilder::Shard> shards(parts);
  for (size_t k = 0; k < w.rows.size(); ++k) shards[k * parts / w.rows.size()].Add(w.rows[k].firm, w.rows[k].month, w.rows[k].values);
  if (reserve_first) {
    auto& s = shards.front();
    s.firm.reserve(w.rows.size());
    s.month.reserve(w.rows.size());
    for (auto& c : s.current) c.reserve(w.rows.size());
    for (auto& c : s.cumulative) c.reserve(w.rows.size());
    for (Indicator i : kAllIndicators) {
      s.EnableColumn(i, false);
      s.EnableColumn(i, true);
    }
  }
  if (reverse_shards) std::reverse(shards.begin(), shards.end());
  for (auto& s : shards) b.AddShard(std::move(s));
  return *b.Finish(2);
}

void ExpectSameData(const Dataset& a, const Dataset& b) {
  ASSERT_EQ(a.row_count(), b.row_count());
  ASSERT_EQ(a.month_count(), b.month_count());
  ASSERT_EQ(a.first_month(), b.first_month());
  for (int p = 0; p < a.month_count(); ++p) {
    ASSERT_EQ(a.MonthBegin(p), b.MonthBegin(p));
    for (uint32_t f = 0; f < a.firm_count(); ++f) {
      ASSERT_EQ(a.RowOf(f, p), b.RowOf(f, p));
      for (Indicator i : kAllIndicators) {
        ASSERT_EQ(a.CurrentAt(f, p, i), b.CurrentAt(f, p, i));
        ASSERT_EQ(a.CumulativeAt(f, p, i), b.CumulativeAt(f, p, i));
      }
    }
  }
  for (uint32_t f = 0; f < a.firm_count(); ++f) {
    for (int y = a.first_year(); y <= a.last_year(); ++y) {
      ASSERT_EQ(a.YearRevenue(f, y), b.YearRevenue(f, y));
      ASSERT_EQ(a.AboveScale(f, y), b.AboveScale(f, y));
    }
  }
}

// The yearly revenue as defined in dataset.h, through the accessors.
int64_t NaiveYearRevenue(const Dataset& d, uint32_t f, int year) {
  for (Indicator ind : {Indicator::kMainRevenue, Indicator::kRevenue}) {
    int64_t sum = 0, last_cum = kMissing;
    bool any = false;
    for (int m = 1; m <= 12; ++m) {
      int p = d.MonthPos(*YearMonth::Of(year, m));
      if (p < 0) continue;
      int64_t cur = d.CurrentAt(f, p, ind), cum = d.CumulativeAt(f, p, ind);
      if (cur != kMissing) sum += cur, any = true;
      if (cum != kMissing) last_cum = cum, any = true;
    }
    if (any) return last_cum != kMissing ? std::max(last_cum, sum) : sum;
  }
  return kMissing;
}

void ExpectSameSums(const MonthSums& a, const MonthSums& b, const std::string& where) {
  EXPECT_EQ(a.current, b.current) << where;
  EXPECT_EQ(a.cumulative, b.cumulative) << where;
  EXPECT_EQ(a.yoy_current, b.yoy_current) << where;
  EXPECT_EQ(a.yoy_current_base, b.yoy_current_base) << where;
  EXPECT_EQ(a.yoy_cumulative, b.yoy_cumulative) << where;
  EXPECT_EQ(a.yoy_cumulative_base, b.yoy_cumulative_base) << where;
  EXPECT_EQ(a.firms, b.firms) << where;
  EXPECT_EQ(a.any, b.any) << where;
}

void ExpectSameSeries(const Series& a, const Series& b, const std::string& where) {
  ASSERT_EQ(a.months(), b.months()) << where;
  for (int p = 0; p < a.months(); ++p) {
    for (Indicator i : kAllIndicators) {
      ExpectSameSums(a.at(p, i), b.at(p, i), where + " month " + std::to_string(p) + " indicator " + std::to_string(static_cast<int>(i)));
    }
  }
}

TEST(EngineEquivalence, FinishPathsAgree) {
  for (unsigned seed = 1; seed <= 3; ++seed) {
    World w = MakeWorld(seed);
    Dataset direct = Direct(w, seed);
    Dataset one = Sharded(w, 1, false);
    Dataset three = Sharded(w, 3, false);
    Dataset reversed = Sharded(w, 3, true);  // not in order: takes the sorting path
    Dataset adopted = Sharded(w, 3, false, true);
    Dataset adopted_one = Sharded(w, 1, false, true);
    ExpectSameData(direct, adopted);
    ExpectSameData(direct, adopted_one);
    ExpectSameData(direct, one);
    ExpectSameData(direct, three);
    ExpectSameData(direct, reversed);
    for (uint32_t f = 0; f < direct.firm_count(); ++f) {
      for (int y = direct.first_year(); y <= direct.last_year(); ++y) {
        ASSERT_EQ(direct.YearRevenue(f, y), NaiveYearRevenue(direct, f, y)) << "firm " << f << " year " << y;
      }
    }
  }
}

TEST(EngineEquivalence, FinishRejectsDuplicatesOnBothPaths) {
  World w = MakeWorld(4, 20, 6);
  w.rows.push_back(w.rows.back());  // the last firm-month again, still in order
  {
    DatasetBuilder b;
    AddDimensions(w, b);
    DatasetBuilder::Shard s;
    for (const auto& r : w.rows) s.Add(r.firm, r.month, r.values);
    b.AddShard(std::move(s));
    EXPECT_FALSE(b.Finish().ok());
  }
  {
    DatasetBuilder b;
    AddDimensions(w, b);
    for (auto it = w.rows.rbegin(); it != w.rows.rend(); ++it) b.AddRow(it->firm, it->month, it->values);
    EXPECT_FALSE(b.Finish().ok());
  }
}

TEST(EngineEquivalence, RollupsEqualSeriesOfTheirFirms) {
  for (unsigned seed = 1; seed <= 3; ++seed) {
    World w = MakeWorld(seed);
    Dataset d = Sharded(w, 2, false);
    for (int threads : {1, 2, 3}) {
      Rollups r = Rollups::Build(d, threads);
      for (Scope scope : {Scope::kAll, Scope::kAboveScale}) {
        for (uint32_t c = 0; c < w.counties.size(); ++c) {
          ExpectSameSeries(r.County(c, scope), SeriesOfFirms(d, d.FirmsOfCounty(c), scope), "county " + std::to_string(c));
        }
        for (uint32_t l = 7; l <= 10; ++l) {
          std::vector<uint32_t> members;
          for (uint32_t f = 0; f < d.firm_count(); ++f) {
            auto [lb, le] = d.LinksOf(f);
            if (std::find(lb, le, l) != le) members.push_back(f);
          }
          ExpectSameSeries(r.Link(l, scope), SeriesOfFirms(d, members, scope), "link " + std::to_string(l));
        }
        for (int div : {5, 13, 30, 36, 88}) {
          std::vector<uint32_t> members;
          for (uint32_t f = 0; f < d.firm_count(); ++f) {
            const FirmInfo& info = d.firm(f);
            if (info.industry < 0) continue;
            int v = info.industry;
            for (int k = info.industry_digits; k > 2; --k) v /= 10;
            if (v == div) members.push_back(f);
          }
          ExpectSameSeries(r.Division(div, scope), SeriesOfFirms(d, members, scope), "division " + std::to_string(div));
        }
      }
      std::vector<uint32_t> all(d.firm_count());
      for (uint32_t f = 0; f < all.size(); ++f) all[f] = f;
      size_t crossings = 0;
      for (int p = 0; p < d.month_count(); ++p) {
        std::vector<uint32_t> naive;
        std::vector<int64_t> trailing;
        for (const auto& t : ThresholdCrossings(d, all, p)) {
          naive.push_back(t.firm);
          trailing.push_back(t.trailing);
        }
        EXPECT_EQ(r.CrossingsIn(p), naive) << "month " << p;
        EXPECT_EQ(r.CrossingTrailingIn(p), trailing) << "month " << p;
        crossings += naive.size();
      }
      EXPECT_GT(crossings, 0u) << "the test data should cross the threshold somewhere";
    }
  }
}

TEST(EngineEquivalence, ColumnScanEqualsRowFilter) {
  World w = MakeWorld(9, 400, 14);
  Dataset d = Sharded(w, 2, false);
  auto code_of = [&](uint32_t f) {
    const FirmInfo& info = d.firm(f);
    if (info.industry < 0) return std::string();
    std::string s = std::to_string(info.industry);
    return std::string(static_cast<size_t>(std::max(0, info.industry_digits - static_cast<int>(s.size()))), '0') + s;
  };
  std::vector<RowFilter> filters;
  filters.push_back({});
  filters.push_back({{"36"}, {}});
  filters.push_back({{"36"}, {{Indicator::kRevenue, 1'500'000}}});
  filters.push_back({{"361", "05"}, {{Indicator::kRevenue, 500'000}, {Indicator::kProfit, 0}}});
  filters.push_back({{"3611"}, {}});
  filters.push_back({{"0"}, {}});
  filters.push_back({{}, {{Indicator::kEmployees, 100}}});
  for (const auto& filter : filters) {
    for (int p = 0; p < d.month_count(); ++p) {
      for (int threads : {1, 2}) {
        ScanSum naive;
        for (uint32_t f = 0; f < d.firm_count(); ++f) {
          int64_t v = d.CurrentAt(f, p, Indicator::kOutput);
          if (v == kMissing) continue;
          bool pass = filter.industry_prefixes.empty();
          for (const auto& prefix : filter.industry_prefixes) pass |= code_of(f).starts_with(prefix);
          for (const auto& [ind, floor] : filter.current_at_least) {
            int64_t x = d.CurrentAt(f, p, ind);
            pass &= x != kMissing && x >= floor;
          }
          if (pass) naive.sum += v, ++naive.rows;
        }
        ScanSum got = SumCurrentWhere(d, p, Indicator::kOutput, filter, threads);
        EXPECT_EQ(got.sum, naive.sum) << "month " << p;
        EXPECT_EQ(got.rows, naive.rows) << "month " << p;
      }
    }
  }
}

}  // namespace
}  // namespace qq::analytics
