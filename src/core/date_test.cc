#include "core/date.h"

#include <gtest/gtest.h>

namespace qq {
namespace {

TEST(Date, ParsesCommonForms) {
  for (const char* text : {"2019-05-12", "2019/5/12", "2019.05.12", "20190512", "2019年5月12日"}) {
    auto d = Date::Parse(text);
    ASSERT_TRUE(d.ok()) << text << ": " << d.status().message();
    EXPECT_EQ(d->ToString(), "2019-05-12");
  }
}

TEST(Date, RejectsImpossibleDays) {
  for (const char* text : {"2023-02-29", "2024-04-31", "2024-13-01", "2024-1", "12/05/2019", "abc", ""}) {
    EXPECT_FALSE(Date::Parse(text).ok()) << text;
  }
  EXPECT_TRUE(Date::Parse("2024-02-29").ok());
}

TEST(Date, ExcelSerials) {
  EXPECT_EQ(Date::FromExcelSerial(45292)->ToString(), "2024-01-01");
  EXPECT_EQ(Date::FromExcelSerial(1)->ToString(), "1900-01-01");
  EXPECT_EQ(Date::FromExcelSerial(61)->ToString(), "1900-03-01");
  EXPECT_FALSE(Date::FromExcelSerial(60).ok());
  EXPECT_FALSE(Date::FromExcelSerial(0).ok());
}

TEST(Date, DaysRoundTrip) {
  auto d = *Date::Of(2000, 2, 29);
  EXPECT_EQ(Date::FromDays(d.Days()), d);
  EXPECT_EQ(Date::Of(1970, 1, 1)->Days(), 0);
  EXPECT_EQ(d.Month().ToString(), "2000-02");
}

}  // namespace
}  // namespace qq
