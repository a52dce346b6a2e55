#include "analytics/dataset.h"

#include <gtest/gtest.h>

#include "analytics/series.h"

namespace qq::analytics {
namespace {

YearMonth M(int y, int m) { return *YearMonth::Of(y, m); }

MonthValues Revenue(int64_t cur, int64_t cum = kMissing) {
  MonthValues v;
  v.current[static_cast<size_t>(Indicator::kRevenue)] = cur;
  v.cumulative[static_cast<size_t>(Indicator::kRevenue)] = cum;
  v.current[static_cast<size_t>(Indicator::kOutput)] = cur;
  return v;
}

FirmInfo Industrial(uint32_t county) {
  FirmInfo f;
  f.county = county;
  f.industrial = true;
  f.scale_threshold = 20'000'000;
  return f;
}

// Three firms over 2023–2024: A is big in both years, B crosses the threshold in 2023 (enters
// the 2024 set), C falls below in 2023 (leaves the 2024 set).
Dataset ThreeFirms() {
  DatasetBuilder b;
  uint32_t c = b.AddCounty("370117");
  uint32_t a = b.AddFirm(Industrial(c)), bb = b.AddFirm(Industrial(c)), cc = b.AddFirm(Industrial(c));
  for (int y : {2023, 2024}) {
    for (int m = 1; m <= 12; ++m) {
      b.AddRow(a, M(y, m), Revenue(5'000'000));                           // 6000万 a year
      b.AddRow(bb, M(y, m), Revenue(y == 2023 ? 2'000'000 : 3'000'000));  // 2400万, 3600万
      b.AddRow(cc, M(y, m), Revenue(y == 2023 ? 1'000'000 : 4'000'000));  // 1200万, 4800万
    }
  }
  return *b.Finish();
}

TEST(Dataset, YearRevenueAndAboveScaleSets) {
  Dataset d = ThreeFirms();
  EXPECT_EQ(d.YearRevenue(0, 2023), 60'000'000);
  EXPECT_EQ(d.YearRevenue(2, 2023), 12'000'000);
  // 2023 has no prior year in the data: decided by its own revenue.
  EXPECT_TRUE(d.AboveScale(0, 2023));
  EXPECT_TRUE(d.AboveScale(1, 2023));
  EXPECT_FALSE(d.AboveScale(2, 2023));
  // 2024 is decided by 2023's revenue: C stays out although it grew.
  EXPECT_TRUE(d.AboveScale(1, 2024));
  EXPECT_FALSE(d.AboveScale(2, 2024));
  EXPECT_EQ(d.TrailingRevenue(1, d.MonthPos(M(2024, 6))), 6 * 2'000'000 + 6 * 3'000'000);
}

TEST(Dataset, SameScopeGrowthIgnoresFirmsOutsideTheSet) {
  Dataset d = ThreeFirms();
  std::vector<uint32_t> all = {0, 1, 2};
  Series above = SeriesOfFirms(d, all, Scope::kAboveScale);
  int p = d.MonthPos(M(2024, 3));
  const MonthSums& s = above.at(p, Indicator::kRevenue);
  EXPECT_EQ(s.current, 8'000'000);  // A + B only
  // 同口径: A and B a year earlier, 7'000'000 → 8'000'000 = +14.29%, not the +83% that
  // counting C would give.
  EXPECT_NEAR(*GrowthPercent(s.yoy_current, s.yoy_current_base), 100.0 / 7.0, 1e-9);
  Series everyone = SeriesOfFirms(d, all, Scope::kAll);
  EXPECT_EQ(everyone.at(p, Indicator::kRevenue).current, 12'000'000);
}

TEST(Dataset, CumulativeDecidesTheYearWhenMonthsAreMissing) {
  DatasetBuilder b;
  uint32_t c = b.AddCounty("370117");
  uint32_t f = b.AddFirm(Industrial(c));
  b.AddRow(f, M(2023, 11), Revenue(1'000'000, 20'000'000));
  b.AddRow(f, M(2023, 12), Revenue(1'000'000, 21'000'000));
  Dataset d = *b.Finish();
  EXPECT_EQ(d.YearRevenue(f, 2023), 21'000'000);
  EXPECT_TRUE(d.AboveScale(f, 2023));
}

TEST(Dataset, RowsInAnyOrderAreSortedAndDuplicatesRefused) {
  DatasetBuilder b;
  uint32_t c = b.AddCounty("370117");
  uint32_t f0 = b.AddFirm(Industrial(c)), f1 = b.AddFirm(Industrial(c));
  b.AddRow(f1, M(2024, 2), Revenue(2));
  b.AddRow(f0, M(2024, 2), Revenue(1));
  b.AddRow(f1, M(2024, 1), Revenue(3));
  Dataset d = *b.Finish();
  EXPECT_EQ(d.month_count(), 2);
  EXPECT_EQ(d.RowFirm(d.MonthBegin(1)), f0);
  EXPECT_EQ(d.CurrentAt(f1, 0, Indicator::kRevenue), 3);
  EXPECT_EQ(d.RowOf(f0, 0), -1);
  DatasetBuilder dup;
  uint32_t c2 = dup.AddCounty("370117");
  uint32_t g = dup.AddFirm(Industrial(c2));
  dup.AddRow(g, M(2024, 1), Revenue(1));
  dup.AddRow(g, M(2024, 1), Revenue(2));
  EXPECT_FALSE(dup.Finish().ok());
}

TEST(Dataset, FirmsWithoutACategoryAreNeverAboveScale) {
  DatasetBuilder b;
  uint32_t c = b.AddCounty("370117");
  FirmInfo bank;
  bank.county = c;
  uint32_t f = b.AddFirm(bank);
  b.AddRow(f, M(2024, 1), Revenue(900'000'000));
  Dataset d = *b.Finish();
  EXPECT_FALSE(d.AboveScale(f, 2024));
}

}  // namespace
}  // namespace qq::analytics
