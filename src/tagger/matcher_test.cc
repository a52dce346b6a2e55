#include "tagger/matcher.h"

#include <gtest/gtest.h>

namespace qq::tagger {
namespace {

std::vector<MatchHit> ScanAll(const Matcher& m, std::string_view text) {
  auto scratch = m.NewScratch();
  EXPECT_TRUE(scratch.ok());
  std::vector<MatchHit> hits;
  EXPECT_TRUE(m.Scan(text, **scratch, hits).ok());
  return hits;
}

TEST(Matcher, FindsOverlappingLiteralsInOrderOfEnd) {
  auto m =
      CompileMatcher({{"不锈钢", false}, {"不锈钢管", false}, {"钢管", false}, {"销售", false}});
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ((*m)->size(), 4u);
  std::string text = "不锈钢管销售";
  auto hits = ScanAll(**m, text);
  ASSERT_EQ(hits.size(), 4u);
  EXPECT_EQ(hits[0].pattern, 0u);  // 不锈钢 ends first
  EXPECT_EQ(hits[0].end, 9u);
  EXPECT_EQ(hits[1].end, 12u);  // 不锈钢管 and 钢管 end together
  EXPECT_EQ(hits[2].end, 12u);
  EXPECT_EQ(hits[3].pattern, 3u);
  EXPECT_EQ(hits[3].end, text.size());
}

TEST(Matcher, CaselessAppliesToAsciiOnly) {
  auto m = CompileMatcher({{"PLC", true}, {"IGBT", false}});
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(ScanAll(**m, "plc控制柜").size(), 1u);
  EXPECT_EQ(ScanAll(**m, "igbt模块").size(), 0u);
  EXPECT_EQ(ScanAll(**m, "IGBT模块").size(), 1u);
}

TEST(Matcher, EmptyTextAndNoMatches) {
  auto m = CompileMatcher({{"炼钢", false}});
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(ScanAll(**m, "").empty());
  EXPECT_TRUE(ScanAll(**m, "服装制造").empty());
}

TEST(Matcher, RejectsEmptyDictionaryAndEmptyPattern) {
  EXPECT_EQ(CompileMatcher({}).status().code(), StatusCode::kInvalidArgument);
  auto bad = CompileMatcher({{"炼钢", false}, {"", false}});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("pattern 1"), std::string::npos);
}

}  // namespace
}  // namespace qq::tagger
