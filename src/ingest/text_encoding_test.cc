#include "ingest/text_encoding.h"

#include <gtest/gtest.h>

namespace qq::ingest {
namespace {

TEST(TextEncoding, FindsInvalidUtf8) {
  EXPECT_EQ(FindInvalidUtf8("plain ascii, 企业名称, 😀"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("ab\xC0\x80"), 2u);           // overlong NUL
  EXPECT_EQ(FindInvalidUtf8("ab\xED\xA0\x80"), 2u);       // a UTF-16 surrogate
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);     // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("0123456789\xE4\xB8"), 10u);  // truncated at the end
  EXPECT_EQ(FindInvalidUtf8("\xD6\xD0\xB9\xFA"), 0u);     // 中国 in GBK
}

TEST(TextEncoding, RepairsInvalidUtf8) {
  EXPECT_EQ(RepairUtf8("甲\xFF乙"), "甲\xEF\xBF\xBD乙");
  EXPECT_EQ(RepairUtf8("ok"), "ok");
}

TEST(TextEncoding, DecodesByBomValidityOrGuess) {
  Result<DecodedText> utf8 = DecodeToUtf8("代码,名称\n", "a.csv");
  ASSERT_TRUE(utf8.ok());
  EXPECT_EQ(utf8->encoding, "UTF-8");
  Result<DecodedText> bom = DecodeToUtf8("\xEF\xBB\xBF代码\n", "a.csv");
  ASSERT_TRUE(bom.ok());
  EXPECT_EQ(bom->encoding, "UTF-8-BOM");
  EXPECT_EQ(bom->text, "代码\n");
  Result<DecodedText> utf16 = DecodeToUtf8(std::string("\xFE\xFF\x4E\x2D\x00\x0A", 6), "a.txt");
  ASSERT_TRUE(utf16.ok());
  EXPECT_EQ(utf16->encoding, "UTF-16BE");
  EXPECT_EQ(utf16->text, "中\n");
  // Two short GBK words: too little for any detector to be sure, read as GB18030.
  Result<DecodedText> gbk = DecodeToUtf8("\xD6\xD0\xB9\xFA,\xC6\xF3\xD2\xB5\n", "a.csv");
  ASSERT_TRUE(gbk.ok()) << gbk.status().message();
  EXPECT_EQ(gbk->encoding, "GB18030");
  EXPECT_EQ(gbk->text, "中国,企业\n");
}

TEST(TextEncoding, MovesUtf8AndConvertsTheRest) {
  Result<DecodedText> bom = MoveToUtf8("\xEF\xBB\xBF代码\n", "a.csv");
  ASSERT_TRUE(bom.ok());
  EXPECT_EQ(bom->encoding, "UTF-8-BOM");
  EXPECT_EQ(bom->text, "代码\n");
  Result<DecodedText> gbk = MoveToUtf8("\xD6\xD0\xB9\xFA\n", "a.csv");
  ASSERT_TRUE(gbk.ok());
  EXPECT_EQ(gbk->encoding, "GB18030");
  EXPECT_EQ(gbk->text, "中国\n");
  EXPECT_FALSE(MoveToUtf8("代码\n\xFF\xFE\x81", "b.csv").ok());
}

TEST(TextEncoding, NamesTheLineOfAnUndecodableByte) {
  Result<DecodedText> damaged = DecodeToUtf8("代码,名称\n001,甲公司\n002,乙\xFF公司\n", "d.csv");
  ASSERT_FALSE(damaged.ok());
  EXPECT_EQ(damaged.status().message().rfind("d.csv:3: bytes 0xFF", 0), 0u)
      << damaged.status().message();

  Result<std::string> gbk = ConvertToUtf8("\xD6\xD0\n\xB9\xFA\n\x81\x0A", "GB18030", "g.csv");
  ASSERT_FALSE(gbk.ok());
  EXPECT_EQ(gbk.status().message().rfind("g.csv:3: cannot decode bytes 0x81 0x0A", 0), 0u)
      << gbk.status().message();

  Result<std::string> cut = ConvertToUtf8("\xD6\xD0\n\xB9", "GB18030", "c.csv");
  ASSERT_FALSE(cut.ok());
  EXPECT_NE(cut.status().message().find("c.csv:2: the text ends inside a character"),
            std::string::npos)
      << cut.status().message();
}

TEST(TextEncoding, GuessesGbkForChineseText) {
  std::string text;
  for (int i = 0; i < 20; ++i) {
    text += "\xD5\xE3\xBD\xAD\xC4\xB3\xC4\xB3\xBB\xFA\xD0\xB5\xD3\xD0\xCF\xDE\xB9\xAB\xCB\xBE\r\n";
  }
  EXPECT_EQ(GuessEncoding(text), "GB18030");  // 浙江某某机械有限公司
}

}  // namespace
}  // namespace qq::ingest
