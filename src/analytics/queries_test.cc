#include "analytics/queries.h"
#include "analytics/rollup.h"

#include <gtest/gtest.h>

#include <cmath>

namespace qq::analytics {
namespace {

YearMonth M(int y, int m) { return *YearMonth::Of(y, m); }

MonthValues Rev(int64_t cur, int64_t cum) {
  MonthValues v;
  v.current[static_cast<size_t>(Indicator::kRevenue)] = cur;
  v.cumulative[static_cast<size_t>(Indicator::kRevenue)] = cum;
  return v;
}

FirmInfo Industrial(uint32_t county) {
  FirmInfo f;
  f.county = county;
  f.industrial = true;
  f.scale_threshold = 20'000'000;
  return f;
}

// Two big firms reporting 2023-01 … 2024-12 with a steady monthly revenue, so the figures are
// easy to work out by hand: A 3,000,000 a month both years; B 1,000,000 in 2023, 2,000,000 in 2024.
Dataset TwoFirms() {
  DatasetBuilder b;
  uint32_t c = b.AddCounty("370117");
  uint32_t a = b.AddFirm(Industrial(c)), bb = b.AddFirm(Industrial(c));
  for (int y : {2023, 2024}) {
    int64_t ca = 0, cb = 0;
    for (int m = 1; m <= 12; ++m) {
      int64_t va = 3'000'000, vb = y == 2023 ? 1'000'000 : 2'000'000;
      ca += va;
      cb += vb;
      b.AddRow(a, M(y, m), Rev(va, ca));
      b.AddRow(bb, M(y, m), Rev(vb, cb));
    }
  }
  return *b.Finish();
}

TEST(MonthlyTable, CurrentCumulativeGrowthAndCombinedJanFeb) {
  Dataset d = TwoFirms();
  auto rows = MonthlyTable(d, {0, 1}, Scope::kAll, false);
  ASSERT_EQ(rows.size(), 24u);
  const MonthlyCell& mar = rows[14].cells[static_cast<size_t>(Indicator::kRevenue)];
  EXPECT_EQ(rows[14].month, M(2024, 3));
  EXPECT_EQ(*mar.current, 5'000'000);
  EXPECT_EQ(*mar.cumulative, 15'000'000);
  EXPECT_DOUBLE_EQ(*mar.yoy, 25.0);            // 5m vs 4m
  EXPECT_DOUBLE_EQ(*mar.yoy_cumulative, 25.0);
  EXPECT_DOUBLE_EQ(*mar.mom, 0.0);
  EXPECT_FALSE(rows[2].cells[static_cast<size_t>(Indicator::kRevenue)].yoy.has_value());  // no base in 2023
  auto combined = MonthlyTable(d, {0, 1}, Scope::kAll, true);
  ASSERT_EQ(combined.size(), 22u);
  EXPECT_EQ(combined[11].month, M(2024, 2));
  EXPECT_TRUE(combined[11].combined_jan_feb);
  EXPECT_EQ(*combined[11].cells[static_cast<size_t>(Indicator::kRevenue)].current, 10'000'000);
}

TEST(Breakdown, SharesAndContributionsAddUp) {
  Dataset d = TwoFirms();
  int p = d.MonthPos(M(2024, 6));
  Breakdown b = BreakdownOf(d, {0, 1}, Scope::kAll, p, Indicator::kRevenue,
                            [](uint32_t f) { return std::vector<std::string>{f == 0 ? "A" : "B"}; });
  EXPECT_EQ(b.total.cumulative, 30'000'000);
  ASSERT_EQ(b.groups.size(), 2u);
  EXPECT_EQ(b.groups[0].key, "A");
  EXPECT_NEAR(*b.groups[0].share + *b.groups[1].share, 100.0, 1e-9);
  // Growth of the whole = sum of the contributions (拉动): 30m vs 24m = +25%, all from B.
  EXPECT_NEAR(*b.total.yoy_cumulative, 25.0, 1e-9);
  EXPECT_NEAR(*b.groups[0].contribution + *b.groups[1].contribution, 25.0, 1e-9);
  EXPECT_NEAR(*b.groups[1].contribution, 25.0, 1e-9);
}

TEST(ScaleAndThresholds, EntriesCandidatesAndCrossings) {
  DatasetBuilder b;
  uint32_t c = b.AddCounty("370117");
  uint32_t grower = b.AddFirm(Industrial(c)), small = b.AddFirm(Industrial(c));
  for (int y : {2023, 2024}) {
    for (int m = 1; m <= 12; ++m) {
      b.AddRow(grower, M(y, m), Rev(y == 2023 ? 1'500'000 : 2'000'000, kMissing));  // 1800万 then 2400万
      b.AddRow(small, M(y, m), Rev(400'000, kMissing));                             // 480万
    }
  }
  Dataset d = *b.Finish();
  // 2023's set is decided by 2023 itself (no earlier data): neither is 规上; 2024 by 2023: neither.
  EXPECT_TRUE(ScaleChangesIn(d, {grower, small}, 2024).entered.empty());
  // Trailing revenue crosses 2000万 in the month the window holds enough 2024 months:
  // 12×1.5m + k×0.5m ≥ 20m → k = 4 → 2024-04.
  int p = d.MonthPos(M(2024, 4));
  auto crossings = ThresholdCrossings(d, {grower, small}, p);
  ASSERT_EQ(crossings.size(), 1u);
  EXPECT_EQ(crossings[0].firm, grower);
  Rollups rollups = Rollups::Build(d, 2);  // the same crossings, precomputed on load
  EXPECT_EQ(rollups.CrossingsIn(p), std::vector<uint32_t>{grower});
  EXPECT_TRUE(rollups.CrossingsIn(p - 1).empty());
  EXPECT_EQ(crossings[0].trailing, 20'000'000);
  EXPECT_TRUE(ThresholdCrossings(d, {grower}, d.MonthPos(M(2024, 3))).empty());
  auto candidates = ThresholdCandidates(d, {grower, small}, d.MonthPos(M(2024, 1)));
  ASSERT_EQ(candidates.size(), 1u);  // 1850万 is within 20% of 2000万; 480万 is not
  EXPECT_EQ(candidates[0].firm, grower);
  EXPECT_FALSE(candidates[0].crossed_this_month);
}

TEST(Movers, UpDownGrowthAndMissing) {
  DatasetBuilder b;
  uint32_t c = b.AddCounty("370117");
  uint32_t up = b.AddFirm(Industrial(c)), down = b.AddFirm(Industrial(c)), gone = b.AddFirm(Industrial(c));
  b.AddRow(up, M(2023, 1), Rev(100, 100));
  b.AddRow(up, M(2024, 1), Rev(300, 300));
  b.AddRow(down, M(2023, 1), Rev(500, 500));
  b.AddRow(down, M(2024, 1), Rev(200, 200));
  b.AddRow(gone, M(2023, 12), Rev(9, 99));
  Dataset d = *b.Finish();
  int p = d.MonthPos(M(2024, 1));
  Movers m = TopMovers(d, {up, down, gone}, p, Indicator::kRevenue, 5);
  ASSERT_EQ(m.up.size(), 1u);
  EXPECT_EQ(m.up[0].firm, up);
  EXPECT_EQ(m.up[0].change, 200);
  ASSERT_EQ(m.down.size(), 1u);
  EXPECT_EQ(m.down[0].firm, down);
  auto growth = TopByGrowth(d, {up, down, gone}, p, Indicator::kRevenue, 1);
  ASSERT_EQ(growth.size(), 1u);
  EXPECT_DOUBLE_EQ(*growth[0].growth, 200.0);
  EXPECT_EQ(MissingReports(d, {up, down, gone}, p), std::vector<uint32_t>{gone});
}

TEST(Anomalies, UnitJumpsAndSharpDrops) {
  DatasetBuilder b;
  uint32_t c = b.AddCounty("370117");
  uint32_t f = b.AddFirm(Industrial(c));
  for (int m = 1; m <= 12; ++m) b.AddRow(f, M(2023, m), Rev(1'000'000, kMissing));
  b.AddRow(f, M(2024, 1), Rev(100'000'000, kMissing));  // 万元 typed as 元? 100× the median
  b.AddRow(f, M(2024, 2), Rev(400'000, kMissing));      // less than half of a year earlier
  Dataset d = *b.Finish();
  auto jan = AnomaliesIn(d, {f}, d.MonthPos(M(2024, 1)));
  ASSERT_EQ(jan.size(), 1u);
  EXPECT_EQ(jan[0].kind, "unit_jump");
  auto feb = AnomaliesIn(d, {f}, d.MonthPos(M(2024, 2)));
  ASSERT_EQ(feb.size(), 1u);
  EXPECT_EQ(feb[0].kind, "sharp_drop");
}

TEST(TargetMath, WorkedByHand) {
  // 1000 → 2000 in 2 years needs sqrt(2) − 1 = 41.42% a year.
  EXPECT_NEAR(*RequiredAnnualGrowth(1000, 2000, 2), (std::sqrt(2.0) - 1) * 100, 1e-9);
  EXPECT_FALSE(RequiredAnnualGrowth(0, 2000, 2).has_value());
  EXPECT_DOUBLE_EQ(LinearPathValue(100, 2020, 200, 2025, 2023), 160);
  EXPECT_DOUBLE_EQ(LinearPathValue(100, 2020, 200, 2025, 2030), 200);
  // 100, 110, 121: 10% a year; 200 is reached after log(200/121)/log(1.1) = 5.27 years → 2030.
  std::vector<std::pair<int, double>> yearly = {{2022, 100}, {2023, 110}, {2024, 121}};
  EXPECT_NEAR(*TrendGrowth(yearly), 10.0, 1e-9);
  EXPECT_EQ(*TrendYearReached(yearly, 200), 2030);
  EXPECT_EQ(*TrendYearReached(yearly, 120), 2024);
  EXPECT_FALSE(TrendYearReached({{2022, 100}, {2023, 90}}, 200).has_value());
}

}  // namespace
}  // namespace qq::analytics
