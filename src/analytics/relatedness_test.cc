#include "analytics/relatedness.h"

#include <gtest/gtest.h>

namespace qq::analytics {
namespace {

// Three regions × four industries, worked out by hand:
//        i0  i1  i2  i3 | row
//   R0   10   0   5   5 |  20
//   R1    0  10   5   5 |  20
//   R2    5   5   0  10 |  20
//  col   15  15  10  20 |  60
// RCA[R0,i0] = (10/20)/(15/60) = 2; RCA[R0,i2] = (5/20)/(10/60) = 1.5; RCA[R0,i3] = 0.75.
// Presence: R0 {i0, i2}, R1 {i1, i2}, R2 {i0, i1, i3}; ubiquity 2, 2, 2, 1.
// Proximity: φ(0,1) = φ(0,2) = φ(1,2) = 1/2; φ(0,3) = φ(1,3) = 1/max(2,1) = 1/2; φ(2,3) = 0.
// Density ω[R0,i1] = (φ10·1 + φ12·1 + φ13·0)/(φ10 + φ12 + φ13) = 1/1.5 = 2/3;
//         ω[R0,i3] = (φ30·1 + φ31·0 + φ32·1)/(φ30 + φ31 + φ32) = 0.5/1 = 1/2.
const std::vector<double> kX = {10, 0, 5, 5, 0, 10, 5, 5, 5, 5, 0, 10};

TEST(Relatedness, RcaPresenceAndUbiquityByHand) {
  Relatedness m = Relatedness::Compute(3, 4, kX);
  EXPECT_DOUBLE_EQ(m.Rca(0, 0), 2.0);
  EXPECT_DOUBLE_EQ(m.Rca(0, 1), 0.0);
  EXPECT_DOUBLE_EQ(m.Rca(0, 2), 1.5);
  EXPECT_DOUBLE_EQ(m.Rca(0, 3), 0.75);
  EXPECT_DOUBLE_EQ(m.Rca(2, 0), 1.0);
  EXPECT_DOUBLE_EQ(m.Rca(2, 3), 1.5);
  EXPECT_TRUE(m.Present(0, 0));
  EXPECT_FALSE(m.Present(0, 3));
  EXPECT_TRUE(m.Present(2, 0));  // RCA exactly 1 counts
  EXPECT_EQ(m.Diversity(2), 3);
  EXPECT_EQ(m.Ubiquity(3), 1);
}

TEST(Relatedness, ProximityHasAZeroDiagonalAndIsSymmetric) {
  Relatedness m = Relatedness::Compute(3, 4, kX);
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(m.Proximity(i, i), 0.0);
    for (size_t j = 0; j < 4; ++j) EXPECT_DOUBLE_EQ(m.Proximity(i, j), m.Proximity(j, i));
  }
  EXPECT_DOUBLE_EQ(m.Proximity(0, 1), 0.5);
  EXPECT_DOUBLE_EQ(m.Proximity(0, 3), 0.5);
  EXPECT_DOUBLE_EQ(m.Proximity(2, 3), 0.0);
}

TEST(Relatedness, DensityAndPossibleEntrantsByHand) {
  Relatedness m = Relatedness::Compute(3, 4, kX);
  EXPECT_DOUBLE_EQ(m.Density(0, 1), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(m.Density(0, 3), 0.5);
  auto entrants = m.PossibleEntrants(0, 10);
  ASSERT_EQ(entrants.size(), 2u);
  EXPECT_EQ(entrants[0].first, 1u);
  EXPECT_EQ(entrants[1].first, 3u);
}

TEST(Relatedness, AnIndustryEverywhereAndOneInASingleRegion) {
  // i0 is everywhere in proportion to the regions' size; i1 exists only in R2, and is tiny.
  //   R0: 100 0, R1: 200 0, R2: 300 1 → col 600 1, total 601.
  std::vector<double> x = {100, 0, 200, 0, 300, 1};
  Relatedness m = Relatedness::Compute(3, 2, x);
  for (size_t r = 0; r < 3; ++r) EXPECT_NEAR(m.Rca(r, 0), 1.0, 0.002);
  EXPECT_NEAR(m.Rca(0, 0), (100.0 / 100.0) / (600.0 / 601.0), 1e-12);
  EXPECT_EQ(m.Rca(0, 1), 0.0);
  EXPECT_NEAR(m.Rca(2, 1), (1.0 / 301.0) / (1.0 / 601.0), 1e-12);  // ≈ 2: all of it is in R2
  EXPECT_EQ(m.Ubiquity(1), 1);
  EXPECT_TRUE(m.Present(2, 1));
  // A minimum size keeps a single firm from making a region "specialised".
  Relatedness strict = Relatedness::Compute(3, 2, x, 5.0);
  EXPECT_FALSE(strict.Present(2, 1));
}

TEST(Relatedness, EmptyInputIsHarmless) {
  Relatedness m = Relatedness::Compute(2, 2, {0, 0, 0, 0});
  EXPECT_EQ(m.Rca(0, 0), 0.0);
  EXPECT_EQ(m.Density(1, 1), 0.0);
  EXPECT_EQ(m.PossibleEntrants(0, 5).size(), 2u);
}

}  // namespace
}  // namespace qq::analytics
