#include "core/unicode.h"

#include <gtest/gtest.h>

namespace qq {
namespace {

TEST(Unicode, FoldsFullWidthFormsAndRangeDashes) {
  EXPECT_EQ(FoldWidth("工业总产值（当月，万元）"), "工业总产值(当月,万元)");
  EXPECT_EQ(FoldWidth("１—３月"), "1-3月");
  EXPECT_EQ(FoldWidth("ＰＬＣ；ａ"), "PLC;a");
  EXPECT_EQ(CompactHeader(" 工业总产值\n（ 1-N月累计，万元 ） "), "工业总产值(1-N月累计,万元)");
  EXPECT_EQ(TrimSpaces("\u3000 钢城区 \t"), "钢城区");
}

TEST(Unicode, Utf8Validation) {
  EXPECT_TRUE(IsValidUtf8("钢城区 abc"));
  EXPECT_FALSE(IsValidUtf8("\xB8\xD6\xB3\xC7"));  // 钢城 in GBK
  EXPECT_FALSE(IsValidUtf8("abc\xE9"));
  size_t pos = 0;
  EXPECT_EQ(NextCodePoint("钢", pos), U'钢');
  EXPECT_EQ(pos, 3u);
}

}  // namespace
}  // namespace qq
