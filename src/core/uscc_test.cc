#include "core/uscc.h"

#include <gtest/gtest.h>

namespace qq {
namespace {

// Check characters cross-checked with python-stdnum's stdnum.cn.uscc.calc_check_digit.
TEST(Uscc, AcceptsValidCodes) {
  for (const char* text : {"91110000802100433B", "91370117MA3C5R2X44", "9137011407587713XG"}) {
    auto u = Uscc::Parse(text);
    EXPECT_TRUE(u.ok()) << text << ": " << u.status().message();
  }
  EXPECT_EQ(Uscc::Parse("91370117ma3c5r2x44")->str(), "91370117MA3C5R2X44");
  EXPECT_EQ(Uscc::Parse("91370117MA3C5R2X44")->RegionPart(), "370117");
}

TEST(Uscc, RejectsBadCheckCharacterAndSaysWhichIsExpected) {
  auto u = Uscc::Parse("91370117MA3C5R2X4K");
  ASSERT_FALSE(u.ok());
  EXPECT_NE(u.status().message().find("expected '4'"), std::string::npos) << u.status().message();
}

TEST(Uscc, RejectsWrongLengthAndForbiddenCharacters) {
  EXPECT_FALSE(Uscc::Parse("").ok());
  EXPECT_FALSE(Uscc::Parse("91110000802100433").ok());
  EXPECT_FALSE(Uscc::Parse("91110000802100433BB").ok());
  auto u = Uscc::Parse("9111000080210O433B");
  ASSERT_FALSE(u.ok());
  EXPECT_NE(u.status().message().find("position 14"), std::string::npos) << u.status().message();
}

TEST(Uscc, CheckCharacterCanBeZero) {
  // Search a body whose check value is 0 and round-trip it.
  std::string body = "91370100MA0000000";
  for (char c : std::string("0123456789ABCDEFGHJKLMNPQRTUWXY")) {
    body[16] = c;
    if (Uscc::CheckCharacter(body) == '0') break;
  }
  ASSERT_EQ(Uscc::CheckCharacter(body), '0');
  EXPECT_TRUE(Uscc::Parse(body + "0").ok());
}

}  // namespace
}  // namespace qq
