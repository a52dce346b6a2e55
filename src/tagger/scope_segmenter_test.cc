#include "tagger/scope_segmenter.h"

#include <gtest/gtest.h>

namespace qq::tagger {
namespace {

TaggerRules Rules() {
  TaggerRules r;
  r.item_separators = {"；", ";", "，", ","};
  r.sentence_separators = {"。"};
  r.object_separators = {"、"};
  r.open_brackets = {"（", "("};
  r.close_brackets = {"）", ")"};
  r.header_marks = {"：", ":"};
  r.negation_openers = {"不含", "除", "非"};
  return r;
}

std::string Text(std::string_view s, uint32_t b, uint32_t e) {
  return std::string(s.substr(b, e - b));
}

TEST(ScopeSegmenter, ItemsHeadersObjectsNotesAndNegations) {
  auto seg = ScopeSegmenter::Create(Rules());
  ASSERT_TRUE(seg.ok());
  std::string s =
      "一般项目：钢压延加工；螺纹钢、盘条生产；金属材料销售（不含危险化学品）。（除依法须经批准的项"
      "目外，凭营业执照依法自主开展经营活动）"
      "许可项目：危险化学品经营（氢气、氧气，不带储存设施）";
  Segmentation out;
  seg->Segment(s, out);
  ASSERT_EQ(out.items.size(), 4u);
  EXPECT_EQ(Text(s, out.items[0].begin, out.items[0].end), "钢压延加工");
  EXPECT_EQ(Text(s, out.items[1].begin, out.items[1].end), "螺纹钢、盘条生产");
  EXPECT_EQ(Text(s, out.items[2].begin, out.items[2].end), "金属材料销售（不含危险化学品）");
  EXPECT_EQ(Text(s, out.items[3].begin, out.items[3].end),
            "危险化学品经营（氢气、氧气，不带储存设施）");
  ASSERT_EQ(out.headers.size(), 2u);
  EXPECT_EQ(Text(s, out.headers[0].begin, out.headers[0].end), "一般项目");
  EXPECT_EQ(Text(s, out.headers[1].begin, out.headers[1].end), "许可项目");  // the note is skipped
  EXPECT_EQ(out.items[0].header, 0);
  EXPECT_EQ(out.items[3].header, 1);
  ASSERT_EQ(out.notes.size(), 1u);
  // Objects of item 1: 螺纹钢 | 盘条生产.
  EXPECT_EQ(out.items[1].objects_end - out.items[1].objects_begin, 2u);
  uint32_t pan = static_cast<uint32_t>(s.find("盘条"));
  EXPECT_EQ(out.ObjectOf(1, pan), 1);
  EXPECT_EQ(out.ObjectOf(1, out.items[1].begin), 0);
  // 不含危险化学品 is negated; 氢气 is not (不带 is no opener here).
  uint32_t hazard = static_cast<uint32_t>(s.find("危险化学品）"));
  EXPECT_TRUE(out.IsNegated(hazard, hazard + 15));
  uint32_t h2 = static_cast<uint32_t>(s.find("氢气"));
  EXPECT_FALSE(out.IsNegated(h2, h2 + 6));
  EXPECT_EQ(out.ItemOf(h2, h2 + 6), 3);
  EXPECT_EQ(out.ItemOf(0, 12), -1);  // inside the header
}

TEST(ScopeSegmenter, HalfWidthPunctuationAndOldStyleHeaders) {
  auto seg = ScopeSegmenter::Create(Rules());
  ASSERT_TRUE(seg.ok());
  std::string s = "生产、销售:不锈钢防盗门,不锈钢护栏;销售:五金(非医用)";
  Segmentation out;
  seg->Segment(s, out);
  ASSERT_EQ(out.items.size(), 3u);
  EXPECT_EQ(Text(s, out.items[1].begin, out.items[1].end), "不锈钢护栏");
  EXPECT_EQ(out.items[0].header, 0);
  EXPECT_EQ(out.items[2].header, 1);
  EXPECT_EQ(Text(s, out.headers[0].begin, out.headers[0].end), "生产、销售");
  uint32_t med = static_cast<uint32_t>(s.find("医用"));
  EXPECT_TRUE(out.IsNegated(med, med + 6));
}

TEST(ScopeSegmenter, StopsAfterTheNeededItemAndFindsNotes) {
  auto seg = ScopeSegmenter::Create(Rules());
  ASSERT_TRUE(seg.ok());
  std::string s = "炼铁；炼钢；钢材销售。（依法须经批准的项目，经相关部门批准后方可开展经营活动）";
  Segmentation out;
  seg->Segment(s, out, 3);
  EXPECT_TRUE(out.truncated);
  ASSERT_EQ(out.items.size(), 1u);
  std::vector<ByteSpan> notes;
  seg->NotesAfterSentences(s, notes);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].end, s.size());
  EXPECT_EQ(Text(s, notes[0].begin, notes[0].begin + 3), "（");
}

TEST(ScopeSegmenter, EmptyAndUnbalancedText) {
  auto seg = ScopeSegmenter::Create(Rules());
  ASSERT_TRUE(seg.ok());
  Segmentation out;
  seg->Segment("", out);
  EXPECT_TRUE(out.items.empty());
  seg->Segment("；；。", out);
  EXPECT_TRUE(out.items.empty());
  std::string s = "钢结构制造（含安装";
  seg->Segment(s, out);
  ASSERT_EQ(out.items.size(), 1u);
  EXPECT_EQ(out.items[0].end, s.size());
  std::vector<ByteSpan> notes;
  seg->NotesAfterSentences("生产。（未闭合", notes);
  EXPECT_TRUE(notes.empty());
}

}  // namespace
}  // namespace qq::tagger
