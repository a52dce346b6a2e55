#include "core/industry_code.h"

#include <gtest/gtest.h>

namespace qq {
namespace {

TEST(IndustryCode, AllLevels) {
  EXPECT_EQ(IndustryCode::Parse("C")->Level(), 1);
  EXPECT_EQ(IndustryCode::Parse("31")->Level(), 2);
  EXPECT_EQ(IndustryCode::Parse("313")->Level(), 3);
  EXPECT_EQ(IndustryCode::Parse("3130")->Level(), 4);
  EXPECT_EQ(IndustryCode::Parse("C3670")->str(), "3670");
  EXPECT_EQ(IndustryCode::Parse("3670")->Division(), "36");
}

TEST(IndustryCode, RejectsMalformed) {
  for (const char* text : {"", "U", "c", "3", "31301", "00", "98", "3a30", "C31A", "CC31"}) {
    EXPECT_FALSE(IndustryCode::Parse(text).ok()) << text;
  }
}

TEST(IndustryCode, PrefixRelation) {
  auto c31 = *IndustryCode::Parse("31"), c3130 = *IndustryCode::Parse("3130"),
       c3140 = *IndustryCode::Parse("3140"), c313 = *IndustryCode::Parse("313");
  EXPECT_TRUE(c31.IsPrefixOf(c3130));
  EXPECT_TRUE(c313.IsPrefixOf(c3130));
  EXPECT_FALSE(c313.IsPrefixOf(c3140));
  EXPECT_FALSE(c3130.IsPrefixOf(c31));
  EXPECT_TRUE(c3130.IsPrefixOf(c3130));
}

}  // namespace
}  // namespace qq
