#include "core/scale_thresholds.h"

#include <gtest/gtest.h>

namespace qq {
namespace {

TEST(ScaleThresholds, LongestPrefixWinsOverSection) {
  ScaleThresholds t({{"C", 20000000, "规模以上工业"}, {"K", 0, "x"}, {"7020", 10000000, "物业"},
                     {"52", 5000000, "零售"}, {"7010", 0, "房地产开发"}});
  EXPECT_EQ(t.For("3130", 'C')->threshold, 20000000);
  EXPECT_EQ(t.For("7020", 'K')->threshold, 10000000);
  EXPECT_EQ(t.For("7010", 'K')->category, "房地产开发");
  EXPECT_EQ(t.For("5251", 'F')->threshold, 5000000);
  EXPECT_EQ(t.For("6620", 'J'), nullptr);
}

TEST(SectionOfDivision, Boundaries) {
  EXPECT_EQ(SectionOfDivision(5), 'A');
  EXPECT_EQ(SectionOfDivision(6), 'B');
  EXPECT_EQ(SectionOfDivision(31), 'C');
  EXPECT_EQ(SectionOfDivision(46), 'D');
  EXPECT_EQ(SectionOfDivision(52), 'F');
  EXPECT_EQ(SectionOfDivision(65), 'I');
  EXPECT_EQ(SectionOfDivision(97), 'T');
  EXPECT_EQ(SectionOfDivision(98), '?');
}

}  // namespace
}  // namespace qq
