#include "tagger/piece_cache.h"

#include <gtest/gtest.h>

#include <random>

namespace qq::tagger {
namespace {

// Wraps a matcher and counts the bytes it was asked to scan; can be told to fail.
class CountingMatcher : public Matcher {
 public:
  explicit CountingMatcher(const Matcher& inner) : inner_(inner) {}
  Result<std::unique_ptr<MatcherScratch>> NewScratch() const override {
    return inner_.NewScratch();
  }
  Status Scan(std::string_view text, MatcherScratch& scratch,
              std::vector<MatchHit>& hits) const override {
    scanned += text.size();
    if (fail) return Status::Internal("scan failed");
    return inner_.Scan(text, scratch, hits);
  }
  size_t size() const override { return inner_.size(); }
  mutable size_t scanned = 0;
  bool fail = false;

 private:
  const Matcher& inner_;
};

const std::vector<std::string> kSeparators = {"\n", "；", ";", "，", ",", "。", "："};

std::unique_ptr<Matcher> Dictionary() {
  auto m = CompileMatcher({{"不锈钢", false},
                           {"不锈钢管", false},
                           {"钢管", false},
                           {"销售", false},
                           {"技术开发", false},
                           {"开发", false},
                           {"铝", false},
                           {"PLC", true},
                           {"plc控制", true}});
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return std::move(m).value();
}

std::vector<std::pair<uint32_t, uint32_t>> Plain(const Matcher& m, std::string_view text) {
  auto scratch = m.NewScratch();
  std::vector<MatchHit> hits;
  EXPECT_TRUE(m.Scan(text, **scratch, hits).ok());
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (const auto& h : hits) out.emplace_back(h.pattern, h.end);
  return out;
}

std::vector<std::pair<uint32_t, uint32_t>> Cached(PieceCache& cache, const Matcher& m,
                                                  std::string_view text) {
  auto scratch = m.NewScratch();
  std::vector<MatchHit> hits = {{99, 0}};  // Scan appends
  EXPECT_TRUE(cache.Scan(m, text, **scratch, hits).ok());
  EXPECT_EQ(hits.front().pattern, 99u);
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (size_t i = 1; i < hits.size(); ++i) out.emplace_back(hits[i].pattern, hits[i].end);
  return out;
}

TEST(PieceCache, SameMatchesInSameOrderAsAPlainScan) {
  auto m = Dictionary();
  const std::vector<std::string> words = {
      "不锈钢管", "不锈钢", "钢管", "销售", "技术开发", "开发", "铝", "PLC", "plc控制", "Plc控制柜",
      "生产",     "服务",   "；",   ";",    "，",       ",",    "。", "：",  "\n",      "（",
      "）",       "、",     " ",    "\xEF", "\xBC",     "\x9B", "a",  "钢"};
  std::mt19937 rng(7);
  // A small cache empties itself often: reuse across clears is exercised too.
  PieceCache big(kSeparators), small(kSeparators, 4096);
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 60);
    for (int k = 0; k < n; ++k) text += words[rng() % words.size()];
    const auto expected = Plain(*m, text);
    EXPECT_EQ(Cached(big, *m, text), expected) << text;
    EXPECT_EQ(Cached(small, *m, text), expected) << text;
    EXPECT_EQ(Cached(big, *m, text), expected) << "again: " << text;
  }
  EXPECT_GT(big.reused(), 0u);
  EXPECT_GT(small.reused(), 0u);
  EXPECT_LT(small.reused(), big.reused());
}

TEST(PieceCache, SeparatorsOfEveryLengthAndMoreThanItUses) {
  auto m = Dictionary();
  // Two- and four-byte separators (§, 𠀀) and more one-byte ones than the cache cuts at.
  PieceCache cache({"\n", "§", "𠀀", "a", "b", "c", "d", "e", "f", "g", "h", "i", "；"});
  const std::vector<std::string> words = {"不锈钢管", "销售", "§",  "𠀀", "a",
                                          "i",        "；",   "\n", "铝"};
  std::mt19937 rng(11);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int k = static_cast<int>(rng() % 40); k > 0; --k) text += words[rng() % words.size()];
    EXPECT_EQ(Cached(cache, *m, text), Plain(*m, text)) << text;
  }
  EXPECT_GT(cache.reused(), 0u);
}

TEST(PieceCache, ARecurringItemIsNotScannedAgain) {
  auto m = Dictionary();
  CountingMatcher counting(*m);
  PieceCache cache(kSeparators);
  const std::string first = "一般项目：不锈钢管销售；技术开发\n";
  EXPECT_EQ(Cached(cache, counting, first), Plain(*m, first));
  EXPECT_EQ(cache.pieces(), 3u);  // 一般项目, 不锈钢管销售, 技术开发
  EXPECT_EQ(cache.reused(), 0u);
  const size_t scanned = counting.scanned;
  EXPECT_GT(scanned, 0u);

  // The same items in another order and another record: nothing new to scan, offsets follow.
  const std::string second = "技术开发；不锈钢管销售\n一般项目：技术开发";
  EXPECT_EQ(Cached(cache, counting, second), Plain(*m, second));
  EXPECT_EQ(counting.scanned, scanned);
  EXPECT_EQ(cache.pieces(), 7u);
  EXPECT_EQ(cache.reused(), 4u);
}

TEST(PieceCache, LongPiecesAreScannedEveryTime) {
  auto m = Dictionary();
  CountingMatcher counting(*m);
  PieceCache cache(kSeparators);
  std::string text;
  while (text.size() <= 2000) text += "不锈钢管生产";
  EXPECT_EQ(Cached(cache, counting, text), Plain(*m, text));
  const size_t once = counting.scanned;
  EXPECT_EQ(Cached(cache, counting, text), Plain(*m, text));
  EXPECT_EQ(counting.scanned, 2 * once);
  EXPECT_EQ(cache.reused(), 0u);
}

TEST(PieceCache, EmptyTextAndAFailingScan) {
  auto m = Dictionary();
  CountingMatcher counting(*m);
  PieceCache cache(kSeparators);
  EXPECT_TRUE(Cached(cache, counting, "").empty());
  EXPECT_TRUE(Cached(cache, counting, "；；\n").empty());
  EXPECT_EQ(counting.scanned, 0u);
  counting.fail = true;
  auto scratch = m->NewScratch();
  std::vector<MatchHit> hits;
  EXPECT_EQ(cache.Scan(counting, "钢管销售", **scratch, hits).code(), StatusCode::kInternal);
  // Nothing of the failed call is remembered.
  counting.fail = false;
  EXPECT_EQ(Cached(cache, counting, "钢管销售"), Plain(*m, "钢管销售"));
  EXPECT_EQ(cache.reused(), 0u);
}

}  // namespace
}  // namespace qq::tagger
