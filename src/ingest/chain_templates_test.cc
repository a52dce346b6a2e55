#include "ingest/chain_templates.h"

#include <gtest/gtest.h>

#include "ingest/reference_data.h"

namespace qq::ingest {
namespace {

const std::filesystem::path kData = std::filesystem::path(QQ_SOURCE_DIR) / "data";

std::set<std::string> KnownCodes() {
  std::set<std::string> codes;
  for (const auto& c : *LoadIndustryClasses(kData)) codes.insert(c.code.str());
  return codes;
}

TEST(ChainTemplates, TheTwelveShippedChainsLoadInOrder) {
  auto chains = LoadChainTemplates(kData / "chains", KnownCodes());
  ASSERT_TRUE(chains.ok()) << chains.status().message();
  std::vector<std::string> names;
  for (const auto& c : *chains) names.push_back(c.name);
  EXPECT_EQ(names, (std::vector<std::string>{"钢铁", "不锈钢", "装配式建筑", "汽车零部件", "智能制造装备", "新材料",
                                             "新能源与节能环保", "氢能", "集成电路", "生物医药", "食品饮料",
                                             "新一代信息技术"}));
  for (const auto& c : *chains) {
    bool has_tagging = false, has_position[3] = {false, false, false};
    for (const auto& l : c.links) {
      has_tagging |= l.tagging;
      has_position[static_cast<int>(l.position)] = true;
      if (!l.tagging) {
        EXPECT_TRUE(l.keywords.empty() && l.industry_codes.empty()) << c.name << "/" << l.key;
      }
    }
    EXPECT_TRUE(has_tagging) << c.name;
    EXPECT_TRUE(has_position[0] || has_position[1]) << c.name;
  }
  EXPECT_EQ(chains->at(7).implies, std::vector<std::string>{"新能源与节能环保"});
}

Result<Chain> Parse(const std::string& text) { return ParseChainTemplate(text, "t.toml", {"3130", "3120"}); }

void ExpectError(const std::string& text, const std::string& fragment) {
  auto c = Parse(text);
  ASSERT_FALSE(c.ok()) << text;
  EXPECT_NE(c.status().message().find(fragment), std::string::npos) << c.status().message();
}

TEST(ChainTemplates, BadFilesNameTheLine) {
  const std::string ok = "name = \"x\"\norder = 1\n[[link]]\nkey = \"a\"\nname = \"A\"\nposition = \"中游\"\ncodes = [\"3130\"]\n";
  EXPECT_TRUE(Parse(ok).ok()) << Parse(ok).status().message();
  ExpectError("name = \"x\"\norder = 1\n[[link]]\nkey = \"a\"\nname = \"A\"\nposition = \"旁游\"\n", "t.toml:3");
  ExpectError(ok + "colour = \"red\"\n", "t.toml:8: unknown key 'colour'");
  ExpectError("name = \"x\"\norder = 1\n[[link]]\nkey = \"a\"\nname = \"A\"\nposition = \"中游\"\ncodes = [\"3199\"]\n",
              "not in GB/T 4754-2017");
  ExpectError("name = \"x\"\norder = 1\n[[link]]\nkey = \"a\"\nname = \"A\"\nparent = \"zz\"\n", "parent 'zz'");
  ExpectError("name = \"x\"\norder = 1\n[[link]]\nkey = \"a\"\nname = \"A\"\nposition = \"中游\"\ntagging = false\nkeywords = [\"k\"]\n",
              "tagging = false");
  ExpectError("name = \"x\"\norder = \n", "t.toml:2");
  ExpectError("order = 1\n[[link]]\nkey = \"a\"\nname = \"A\"\nposition = \"中游\"\n", "missing 'name'");
  ExpectError("name = \"x\"\norder = 1\n", "needs at least one [[link]]");
  ExpectError("name = \"x\"\norder = 1\n[[link]]\nkey = \"A b\"\nname = \"A\"\nposition = \"中游\"\n", "must be lower-case");
}

TEST(ChainTemplates, ChildInheritsPositionAndServiceFlagParses) {
  auto c = Parse("name = \"x\"\norder = 1\n[[link]]\nkey = \"a\"\nname = \"A\"\nposition = \"上游\"\n"
                 "[[link]]\nkey = \"b\"\nname = \"B\"\nparent = \"a\"\nservice = true\nhint_codes = [\"3120\"]\n");
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->links[1].position, ChainPosition::kUpstream);
  EXPECT_TRUE(c->links[1].service);
  EXPECT_EQ(c->links[1].hint_codes.at(0).str(), "3120");
}

}  // namespace
}  // namespace qq::ingest
