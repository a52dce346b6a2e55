#include "core/money.h"

#include <gtest/gtest.h>

namespace qq {
namespace {

int64_t Yuan(std::string_view text, MoneyUnit unit = MoneyUnit::kYuan) {
  auto m = Money::Parse(text, unit);
  EXPECT_TRUE(m.ok()) << text << ": " << m.status().message();
  return m.ok() ? m->yuan() : -1;
}

TEST(Money, ParsesAmountsFromNewsReports) {
  EXPECT_EQ(Yuan("4.60亿"), 460000000);
  EXPECT_EQ(Yuan("74.57亿"), 7457000000);
  EXPECT_EQ(Yuan("74.57亿元"), 7457000000);
  EXPECT_EQ(Yuan("0.1万"), 1000);
  EXPECT_EQ(Yuan("548.5亿元"), 54850000000);
  EXPECT_EQ(Yuan("120.3亿元"), 12030000000);
}

TEST(Money, SpreadsheetNumberTextInTenThousands) {
  EXPECT_EQ(Yuan("74.09999999999999万"), 741000);
  EXPECT_EQ(Yuan("74.09999999999999", MoneyUnit::kTenThousandYuan), 741000);
  EXPECT_EQ(Yuan("1234.5678", MoneyUnit::kTenThousandYuan), 12345678);
  EXPECT_EQ(Yuan("12.3456789", MoneyUnit::kTenThousandYuan), 123457);  // half away from zero
  EXPECT_EQ(Yuan("-0.00005", MoneyUnit::kTenThousandYuan), -1);
}

TEST(Money, SuffixOverridesTheDefaultUnit) {
  EXPECT_EQ(Yuan("3元", MoneyUnit::kHundredMillionYuan), 3);
  EXPECT_EQ(Yuan("2千元"), 2000);
  EXPECT_EQ(Yuan("5", MoneyUnit::kThousandYuan), 5000);
}

TEST(Money, RejectsTextThatIsNotAnAmount) {
  for (const char* bad : {"", "万元", "约5亿", "5亿美元", "五亿", "5 亿 元", "5%"}) {
    auto m = Money::Parse(bad);
    EXPECT_FALSE(m.ok()) << bad;
  }
  auto m = Money::Parse("12x万");
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("12x万"), std::string::npos);
}

TEST(Money, FormatsInUnitsWithGroupingAndRounding) {
  EXPECT_EQ(Money::FromYuan(7457000000).Format(MoneyUnit::kHundredMillionYuan, 2), "74.57亿元");
  EXPECT_EQ(Money::FromYuan(123456789012).Format(MoneyUnit::kTenThousandYuan, 2), "12,345,678.90万元");
  EXPECT_EQ(Money::FromYuan(-15000).Format(MoneyUnit::kTenThousandYuan, 0), "-2万元");
  EXPECT_EQ(Money::FromYuan(999).Format(MoneyUnit::kYuan, 0), "999元");
  EXPECT_EQ(Money::FromYuan(1000).Format(MoneyUnit::kYuan, 0), "1,000元");
}

TEST(Money, ArithmeticAndComparison) {
  Money a = Money::FromYuan(5), b = Money::FromYuan(7);
  EXPECT_EQ((a + b).yuan(), 12);
  EXPECT_EQ((a - b).yuan(), -2);
  EXPECT_LT(a, b);
  EXPECT_DOUBLE_EQ(Money::FromYuan(250000000).In(MoneyUnit::kHundredMillionYuan), 2.5);
}

TEST(MoneyUnit, ParsesLabels) {
  EXPECT_EQ(*ParseMoneyUnit("万元"), MoneyUnit::kTenThousandYuan);
  EXPECT_EQ(*ParseMoneyUnit("亿"), MoneyUnit::kHundredMillionYuan);
  EXPECT_FALSE(ParseMoneyUnit("美元").ok());
}

}  // namespace
}  // namespace qq
