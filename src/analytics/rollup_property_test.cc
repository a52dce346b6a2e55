// Property test: every pre-aggregated roll-up equals a naive recomputation over random data
// (random firms, counties, links, missing months, entries and exits).
#include "analytics/rollup.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace qq::analytics {
namespace {

struct Naive {
  int64_t current = 0, yoy_current = 0, yoy_base = 0;
};

TEST(RollupProperty, RollupsEqualNaiveRecomputation) {
  for (unsigned seed = 1; seed <= 5; ++seed) {
    std::mt19937_64 rng(seed);
    DatasetBuilder b;
    std::vector<std::string> counties = {"370117", "370114", "370306", "110105"};
    for (const auto& c : counties) b.AddCounty(c);
    const int firms = 60;
    std::map<std::tuple<int, int>, int64_t> revenue;  // (firm, month index) → value
    std::vector<uint32_t> county_of(firms);
    std::vector<std::vector<uint32_t>> links(firms);
    std::vector<int> division(firms);
    for (int f = 0; f < firms; ++f) {
      FirmInfo info;
      info.county = static_cast<uint32_t>(rng() % counties.size());
      info.industrial = true;
      info.scale_threshold = 20'000'000;
      division[static_cast<size_t>(f)] = 13 + static_cast<int>(rng() % 30);
      info.industry = division[static_cast<size_t>(f)] * 100 + static_cast<int>(rng() % 100);
      info.industry_digits = 4;
      county_of[static_cast<size_t>(f)] = info.county;
      uint32_t id = b.AddFirm(info);
      for (uint32_t l = 1; l <= 4; ++l) {
        if (rng() % 3 == 0) links[static_cast<size_t>(f)].push_back(l);
      }
      b.SetLinks(id, links[static_cast<size_t>(f)]);
      int64_t size = static_cast<int64_t>(rng() % 5'000'000);
      int start = static_cast<int>(rng() % 10), end = 36 - static_cast<int>(rng() % 10);
      for (int p = start; p < end; ++p) {
        if (rng() % 10 == 0) continue;  // missing month
        YearMonth m = YearMonth::FromIndex(2022 * 12 + p);
        int64_t v = size + static_cast<int64_t>(rng() % 1'000'000);
        revenue[{f, p}] = v;
        MonthValues mv;
        mv.current[static_cast<size_t>(Indicator::kRevenue)] = v;
        b.AddRow(id, m, mv);
      }
    }
    Dataset d = *b.Finish();
    Rollups r = Rollups::Build(d, 2);
    auto naive = [&](auto member, Scope scope, int p) {
      Naive n;
      int year = d.first_month().AddMonths(p).year();
      for (int f = 0; f < firms; ++f) {
        if (!member(f)) continue;
        if (scope == Scope::kAboveScale && !d.AboveScale(static_cast<uint32_t>(f), year)) continue;
        auto it = revenue.find({f, p + (d.first_month().Index() - 2022 * 12)});
        if (it == revenue.end()) continue;
        n.current += it->second;
        auto base = revenue.find({f, p + (d.first_month().Index() - 2022 * 12) - 12});
        if (p >= 12 && base != revenue.end()) {
          n.yoy_current += it->second;
          n.yoy_base += base->second;
        }
      }
      return n;
    };
    for (Scope scope : {Scope::kAll, Scope::kAboveScale}) {
      for (int p = 0; p < d.month_count(); ++p) {
        for (uint32_t c = 0; c < counties.size(); ++c) {
          Naive n = naive([&](int f) { return county_of[static_cast<size_t>(f)] == c; }, scope, p);
          const MonthSums& s = r.County(c, scope).at(p, Indicator::kRevenue);
          ASSERT_EQ(s.current, n.current) << "seed " << seed << " county " << c << " month " << p;
          ASSERT_EQ(s.yoy_current, n.yoy_current);
          ASSERT_EQ(s.yoy_current_base, n.yoy_base);
        }
        for (uint32_t l = 1; l <= 4; ++l) {
          Naive n = naive([&](int f) {
            const auto& ls = links[static_cast<size_t>(f)];
            return std::find(ls.begin(), ls.end(), l) != ls.end();
          }, scope, p);
          ASSERT_EQ(r.Link(l, scope).at(p, Indicator::kRevenue).current, n.current);
        }
        for (int div : {13, 20, 31, 42}) {
          Naive n = naive([&](int f) { return division[static_cast<size_t>(f)] == div; }, scope, p);
          ASSERT_EQ(r.Division(div, scope).at(p, Indicator::kRevenue).current, n.current);
        }
        Naive shandong = naive([&](int f) { return counties[county_of[static_cast<size_t>(f)]].starts_with("37"); }, scope, p);
        ASSERT_EQ(r.Region(d, "370000", scope).at(p, Indicator::kRevenue).current, shandong.current);
        Naive jinan = naive([&](int f) { return counties[county_of[static_cast<size_t>(f)]].starts_with("3701"); }, scope, p);
        ASSERT_EQ(r.Region(d, "370100", scope).at(p, Indicator::kRevenue).yoy_current_base, jinan.yoy_base);
      }
    }
  }
}

}  // namespace
}  // namespace qq::analytics
