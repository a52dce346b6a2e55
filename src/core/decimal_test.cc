#include "core/decimal.h"

#include <gtest/gtest.h>

namespace qq {
namespace {

int64_t Scaled(std::string_view text, int pow10) {
  auto r = ParseDecimalScaled(text, pow10);
  EXPECT_TRUE(r.ok()) << text << ": " << r.status().message();
  return r.value_or(-999);
}

TEST(ParseDecimalScaled, ExactDecimalsWithoutFloat) {
  EXPECT_EQ(Scaled("4.60", 8), 460000000);
  EXPECT_EQ(Scaled("74.57", 8), 7457000000);
  EXPECT_EQ(Scaled("0.1", 4), 1000);
  EXPECT_EQ(Scaled("0.3", 0), 0);
  EXPECT_EQ(Scaled("1234567.89", 2), 123456789);
}

TEST(ParseDecimalScaled, SpreadsheetTextIsRoundedTo15SignificantDigitsFirst) {
  EXPECT_EQ(Scaled("74.09999999999999", 4), 741000);
  EXPECT_EQ(Scaled("0.30000000000000004", 1), 3);
  EXPECT_EQ(Scaled("1234.5678", 4), 12345678);
  // 16 significant digits: the 16th decides, then the result is exact.
  EXPECT_EQ(Scaled("999999999999999.5", 0), 1000000000000000);
}

TEST(ParseDecimalScaled, RoundsHalfAwayFromZero) {
  EXPECT_EQ(Scaled("0.5", 0), 1);
  EXPECT_EQ(Scaled("1.5", 0), 2);
  EXPECT_EQ(Scaled("2.5", 0), 3);
  EXPECT_EQ(Scaled("-2.5", 0), -3);
  EXPECT_EQ(Scaled("0.49", 0), 0);
  EXPECT_EQ(Scaled("99.95", 1), 1000);
  EXPECT_EQ(Scaled("0.05", 0), 0);
  EXPECT_EQ(Scaled("0.00005", 4), 1);
}

TEST(ParseDecimalScaled, SignsSeparatorsAndExponents) {
  EXPECT_EQ(Scaled("-12.5", 1), -125);
  EXPECT_EQ(Scaled("+3", 0), 3);
  EXPECT_EQ(Scaled("1,234,567.5", 1), 12345675);
  EXPECT_EQ(Scaled("7.4E+3", 0), 7400);
  EXPECT_EQ(Scaled("1.5e-2", 4), 150);
  EXPECT_EQ(Scaled(" 42 ", 0), 42);
  EXPECT_EQ(Scaled("0", 8), 0);
  EXPECT_EQ(Scaled(".5", 1), 5);
}

TEST(ParseDecimalScaled, RejectsWhatIsNotANumber) {
  for (const char* bad : {"", " ", "abc", "12万元", "1.2.3", "1,23", "12,3456", "--1", "1e", "e5",
                          "1 2", "１２", "12%", "NaN", "1,234,56"}) {
    EXPECT_FALSE(ParseDecimalScaled(bad, 0).ok()) << bad;
  }
}

TEST(ParseDecimalScaled, RejectsWhatDoesNotFitInt64) {
  EXPECT_FALSE(ParseDecimalScaled("1e19", 0).ok());
  EXPECT_FALSE(ParseDecimalScaled("100000000000", 8).ok());
  EXPECT_TRUE(ParseDecimalScaled("10000000000", 8).ok());
}

TEST(FormatScaled, PadsAndSigns) {
  EXPECT_EQ(FormatScaled(5, 2), "0.05");
  EXPECT_EQ(FormatScaled(-1250, 2), "-12.50");
  EXPECT_EQ(FormatScaled(7, 0), "7");
}

}  // namespace
}  // namespace qq
