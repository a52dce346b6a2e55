#include "core/year_month.h"

#include <gtest/gtest.h>

namespace qq {
namespace {

TEST(YearMonth, ParsesTheFormsSheetsUse) {
  for (const char* text : {"2024-03", "2024-3", "2024/03", "2024.03", "202403", "2024年03月",
                           "2024年3月", "2024年3月份", " 2024-03 "}) {
    auto ym = YearMonth::Parse(text);
    ASSERT_TRUE(ym.ok()) << text << ": " << ym.status().message();
    EXPECT_EQ(ym->year(), 2024) << text;
    EXPECT_EQ(ym->month(), 3) << text;
  }
}

TEST(YearMonth, RejectsMalformedAndOutOfRange) {
  for (const char* text : {"", "2024", "2024-13", "2024-00", "202413", "1800-01", "24-03",
                           "2024年13月", "2024-03-01", "March 2024", "2024年3", "20240"}) {
    EXPECT_FALSE(YearMonth::Parse(text).ok()) << text;
  }
}

TEST(YearMonth, ArithmeticAcrossYears) {
  auto ym = *YearMonth::Of(2024, 1);
  EXPECT_EQ(ym.AddMonths(-1).ToString(), "2023-12");
  EXPECT_EQ(ym.AddMonths(13).ToString(), "2025-02");
  EXPECT_EQ(ym.YearAgo().ToString(), "2023-01");
  EXPECT_EQ(ym.Packed(), 202401);
  EXPECT_EQ(YearMonth::FromIndex(ym.Index()), ym);
  EXPECT_EQ(YearMonth::FromPacked(202312)->ToString(), "2023-12");
  EXPECT_FALSE(YearMonth::FromPacked(202300).ok());
  EXPECT_LT(*YearMonth::Of(2023, 12), ym);
}

}  // namespace
}  // namespace qq
