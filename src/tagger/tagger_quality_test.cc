// Quality of the chain tagger on the frozen labelled set (tests/tagger/labelled, README there):
// prints precision and recall per chain and enforces precision >= 0.90 and recall >= 0.85 per
// chain on test.tsv. Also checks that firms.tsv is the frozen version and that tune.tsv and
// test.tsv are exactly split.py's split. Tune on tune.tsv only: the TuneSet test prints its
// numbers (and, with QQ_TAGGER_SHOW_ERRORS=1, its mistakes); test rows are never printed.
#include <gtest/gtest.h>
#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/chain_templates.h"
#include "tagger/rules.h"
#include "tagger/tagger.h"

namespace qq::tagger {
namespace {

const std::string kDir = std::string(QQ_SOURCE_DIR) + "/tests/tagger/labelled/";
constexpr const char* kFrozenSha256 =
    "9b502f3749ff8d4e3fea8cd1cac14d1cf8c03f7d3085372e795f8499d620117b";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t b = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(b, i - b));
      b = i + 1;
    }
  }
  return out;
}

std::string Sha256Hex(const std::string& data) {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  std::string hex;
  char buf[3];
  for (unsigned char c : out) {
    std::snprintf(buf, sizeof buf, "%02x", c);
    hex += buf;
  }
  return hex;
}

// split.py: a row is in the test part when int(sha256(id).hexdigest(), 16) % 5 < 2.
bool IsTestId(const std::string& id) {
  int r = 0;
  for (char c : Sha256Hex(id)) r = (r * 16 + (c <= '9' ? c - '0' : c - 'a' + 10)) % 5;
  return r < 2;
}

struct Row {
  std::string id, name, scope, code, chains, kind;
};

std::vector<Row> ReadRows(const std::string& file) {
  std::vector<Row> rows;
  auto lines = Split(ReadFile(file), '\n');
  for (size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    auto f = Split(lines[i], '\t');
    if (f.size() < 7) continue;
    rows.push_back({f[0], f[1], f[2], f[3], f[4], f[5]});
  }
  return rows;
}

const Tagger& SharedTagger() {
  static Tagger* tagger = [] {
    auto chains = ingest::LoadChainTemplates(std::string(QQ_SOURCE_DIR) + "/data/chains", {});
    if (!chains.ok()) {
      ADD_FAILURE() << chains.status().ToString();
      std::abort();
    }
    auto rules = LoadTaggerRules(std::string(QQ_SOURCE_DIR) + "/data/tagger/rules.toml");
    if (!rules.ok()) {
      ADD_FAILURE() << rules.status().ToString();
      std::abort();
    }
    auto t = Tagger::Create(*chains, *rules);
    if (!t.ok()) {
      ADD_FAILURE() << t.status().ToString();
      std::abort();
    }
    return new Tagger(std::move(t).value());
  }();
  return *tagger;
}

struct Scores {
  std::map<std::string, int> tp, fp, fn;
  int exact = 0, rows = 0;
};

Scores Evaluate(const std::vector<Row>& rows, bool show_errors) {
  const Tagger& tagger = SharedTagger();
  std::vector<FirmText> firms;
  for (const auto& r : rows) firms.push_back({r.name, r.scope, r.code});
  std::vector<TagResult> results;
  EXPECT_TRUE(tagger.TagBatch(firms, results).ok());
  Scores s;
  for (size_t i = 0; i < rows.size(); ++i) {
    std::set<std::string> want, got;
    for (const auto& c : Split(rows[i].chains, '|')) {
      if (!c.empty()) want.insert(c);
    }
    for (uint16_t c : results[i].chains) got.insert(tagger.chains()[c].name);
    for (const auto& c : got) (want.count(c) ? s.tp : s.fp)[c]++;
    for (const auto& c : want) {
      if (!got.count(c)) s.fn[c]++;
    }
    ++s.rows;
    if (want == got) {
      ++s.exact;
    } else if (show_errors) {
      std::string g;
      for (const auto& c : got) g += c + "|";
      std::printf("MISS %s [%s] want=%s got=%s\n  %s\t%s\t%s\n", rows[i].id.c_str(),
                  rows[i].kind.c_str(), rows[i].chains.c_str(), g.c_str(), rows[i].name.c_str(),
                  rows[i].code.c_str(), rows[i].scope.c_str());
    }
  }
  return s;
}

// Prints the table and returns the chains that miss the bar.
std::vector<std::string> PrintTable(const char* title, const Scores& s, double min_p,
                                    double min_r) {
  std::printf("\n%s: %d firms, %d with exactly the right chains\n", title, s.rows, s.exact);
  std::printf("%-18s %5s %5s %5s %9s %7s\n", "chain", "tp", "fp", "fn", "precision", "recall");
  std::vector<std::string> failing;
  const Tagger& tagger = SharedTagger();
  for (const auto& chain : tagger.chains()) {
    const std::string& c = chain.name;
    int tp = s.tp.count(c) ? s.tp.at(c) : 0, fp = s.fp.count(c) ? s.fp.at(c) : 0,
        fn = s.fn.count(c) ? s.fn.at(c) : 0;
    double p = tp + fp ? static_cast<double>(tp) / (tp + fp) : 1.0;
    double r = tp + fn ? static_cast<double>(tp) / (tp + fn) : 1.0;
    // Chinese names are 3 bytes a character but 2 columns wide: pad by hand.
    std::string label = c;
    for (size_t w = c.size() / 3 * 2; w < 18; ++w) label += ' ';
    std::printf("%s %5d %5d %5d %9.3f %7.3f%s\n", label.c_str(), tp, fp, fn, p, r,
                (p < min_p || r < min_r) ? "  <" : "");
    if (p < min_p || r < min_r) failing.push_back(c);
  }
  std::fflush(stdout);
  return failing;
}

TEST(TaggerQuality, LabelledSetIsFrozenAndSplitAsSplitPy) {
  ASSERT_GE(sodium_init(), 0);
  const std::string firms = ReadFile(kDir + "firms.tsv");
  ASSERT_FALSE(firms.empty()) << "cannot read " << kDir << "firms.tsv";
  EXPECT_EQ(Sha256Hex(firms), kFrozenSha256) << "firms.tsv changed: it is frozen (see its README)";
  auto lines = Split(firms, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  std::string tune = lines[0] + "\n", test = lines[0] + "\n";
  for (size_t i = 1; i < lines.size(); ++i) {
    std::string id = lines[i].substr(0, lines[i].find('\t'));
    (IsTestId(id) ? test : tune) += lines[i] + "\n";
  }
  EXPECT_TRUE(ReadFile(kDir + "tune.tsv") == tune)
      << "tune.tsv is not split.py's split of firms.tsv";
  EXPECT_TRUE(ReadFile(kDir + "test.tsv") == test)
      << "test.tsv is not split.py's split of firms.tsv";
}

TEST(TaggerQuality, TuneSet) {
  const char* show = std::getenv("QQ_TAGGER_SHOW_ERRORS");
  Scores s = Evaluate(ReadRows(kDir + "tune.tsv"), show && *show == '1');
  PrintTable("tune.tsv (the part rules were tuned on)", s, 0.90, 0.85);
  EXPECT_GT(s.rows, 400);
}

TEST(TaggerQuality, TestSetPrecisionAndRecallPerChain) {
  Scores s = Evaluate(ReadRows(kDir + "test.tsv"), false);
  auto failing = PrintTable("test.tsv (held out)", s, 0.90, 0.85);
  EXPECT_GT(s.rows, 300);
  EXPECT_TRUE(failing.empty()) << failing.size()
                               << " chain(s) below precision 0.90 or recall 0.85 on test.tsv";
}

}  // namespace
}  // namespace qq::tagger
