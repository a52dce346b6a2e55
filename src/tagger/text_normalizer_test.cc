#include "tagger/text_normalizer.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace qq::tagger {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(TextNormalizer, DecodesUtf8AndCountsCharacters) {
  size_t len;
  EXPECT_EQ(DecodeUtf8("钢", 0, &len), U'钢');
  EXPECT_EQ(len, 3u);
  EXPECT_EQ(DecodeUtf8("A", 0, &len), U'A');
  EXPECT_EQ(DecodeUtf8("\xE9\x92", 0, &len), 0xFFFDu);  // truncated sequence
  EXPECT_EQ(len, 1u);
  EXPECT_EQ(CodePointCount("一般项目：钢"), 6u);
  EXPECT_EQ(CodePointsBefore("一般项目：钢", 15), 5u);
  std::string s;
  AppendUtf8(U'（', s);
  EXPECT_EQ(s, "（");
}

TEST(TextNormalizer, WidthAndLetters) {
  EXPECT_EQ(ToHalfWidth(U'Ａ'), U'A');
  EXPECT_EQ(ToHalfWidth(U'；'), U';');
  EXPECT_EQ(ToHalfWidth(U'钢'), U'钢');
  EXPECT_TRUE(IsLetterAnyWidth(U'ｐ'));
  EXPECT_FALSE(IsLetterAnyWidth(U'５'));
  EXPECT_TRUE(IsAlnumAnyWidth(U'５'));
  EXPECT_TRUE(IsCjk(U'锈'));
  EXPECT_FALSE(IsCjk(U'，'));
}

TEST(TextNormalizer, ExpandsTraditionalAndFullWidthForms) {
  auto v = TermVariants::Create();
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  auto steel = v->Expand("不锈钢");
  EXPECT_EQ(steel.front(), "不锈钢");
  EXPECT_TRUE(Has(steel, "不鏽鋼"));
  auto make = v->Expand("制造");
  EXPECT_TRUE(Has(make, "製造"));
  auto plc = v->Expand("PLC");
  EXPECT_TRUE(Has(plc, "PLC"));
  EXPECT_TRUE(Has(plc, "ＰＬＣ"));
  auto soc = v->Expand("SoC设计");
  EXPECT_TRUE(Has(soc, "ＳｏＣ设计"));
  EXPECT_TRUE(Has(soc, "ＳＯＣ设计"));
  auto cc = v->Expand("碳/碳复合材料");
  EXPECT_TRUE(Has(cc, "碳／碳复合材料"));
  // No duplicates.
  for (const auto& list : {steel, make, plc, soc}) {
    auto sorted = list;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(std::unique(sorted.begin(), sorted.end()), sorted.end());
  }
}

}  // namespace
}  // namespace qq::tagger
