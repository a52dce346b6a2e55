#include "tagger/tagger.h"

#include <gtest/gtest.h>

#include <thread>

#include "ingest/chain_templates.h"

namespace qq::tagger {
namespace {

std::vector<Chain> Chains() {
  auto chains = ingest::LoadChainTemplates(std::string(QQ_SOURCE_DIR) + "/data/chains", {});
  EXPECT_TRUE(chains.ok()) << chains.status().ToString();
  return chains.ok() ? *chains : std::vector<Chain>{};
}

TaggerRules Rules() {
  auto rules = LoadTaggerRules(std::string(QQ_SOURCE_DIR) + "/data/tagger/rules.toml");
  EXPECT_TRUE(rules.ok()) << rules.status().ToString();
  return rules.ok() ? *rules : TaggerRules{};
}

const Tagger& Shared() {
  static Tagger* t = [] {
    auto r = Tagger::Create(Chains(), Rules());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return new Tagger(std::move(r).value());
  }();
  return *t;
}

std::vector<std::string> Names(const TagResult& r) {
  std::vector<std::string> out;
  for (uint16_t c : r.chains) out.push_back(Shared().chains()[c].name);
  return out;
}

std::vector<std::string> Tag(std::string_view scope, std::string_view code = "") {
  return Names(Shared().Tag({"某某有限公司", scope, code}));
}

using V = std::vector<std::string>;

TEST(Tagger, SteelMillWithEvidence) {
  std::string scope = "一般项目：钢压延加工；螺纹钢生产；金属材料销售";
  TagResult r = Shared().Tag({"济南某钢铁有限公司", scope, "3130"});
  EXPECT_EQ(Names(r), V{"钢铁"});
  EXPECT_GE(r.score, 1.0);
  ASSERT_FALSE(r.links.empty());
  EXPECT_EQ(Shared().chains()[r.links[0].chain].links[r.links[0].link].key, "rolling");
  bool code = false, keyword = false;
  for (const auto& e : r.evidence) {
    if (e.rule == EvidenceRule::kCode) code = e.field == EvidenceField::kCode;
    if (e.rule == EvidenceRule::kKeyword && Shared().TermText(e.term) == "螺纹钢") {
      keyword = true;
      EXPECT_EQ(scope.substr(e.offset, e.length), "螺纹钢");
    }
  }
  EXPECT_TRUE(code);
  EXPECT_TRUE(keyword);
}

TEST(Tagger, EmptyTextGivesNoChain) {
  EXPECT_EQ(Tag(""), V{});
  EXPECT_EQ(Tag("", ""), V{});
  EXPECT_EQ(Tag("；；。"), V{});
  TagResult r = Shared().Tag({});
  EXPECT_TRUE(r.chains.empty());
  EXPECT_EQ(r.score, 0.0);
}

TEST(Tagger, CodeAloneDecidesATerseScopeButNotASalesOnlyOne) {
  EXPECT_EQ(Tag("生产、销售：钢材；金属材料、建材销售。", "3130"), V{"钢铁"});
  EXPECT_EQ(Tag("", "C3670"), V{"汽车零部件"});
  EXPECT_EQ(Tag("一般项目：汽车零配件批发；汽车零配件零售。", "3670"), V{});  // G3
}

TEST(Tagger, TradingRepairLeasingCateringGetNoChain) {
  EXPECT_EQ(Tag("一般项目：不锈钢制品销售；金属材料销售。", "5164"), V{});
  EXPECT_EQ(Tag("一般项目：机动车修理和维护；汽车零配件零售。", "8111"), V{});
  EXPECT_EQ(Tag("一般项目：新能源汽车租赁；新能源汽车整车销售。", "7111"), V{});
  EXPECT_EQ(Tag("许可项目：餐饮服务；食品销售。", "6210"), V{});
  EXPECT_EQ(Tag("一般项目：集成电路芯片及产品销售；电子元器件批发。"), V{});
  // A trading code does not block a firm whose first item is production.
  EXPECT_EQ(Tag("许可项目：危险化学品生产（氢气）；燃气经营（加氢站）。一般项目：站内电解水制氢。",
                "5266"),
            (V{"新能源与节能环保", "氢能"}));
}

TEST(Tagger, BoilerplateNeverAddsAChain) {
  EXPECT_EQ(
      Tag("一般项目：新材料技术研发；新材料技术推广服务；技术服务、技术开发、技术咨询。", "7519"),
      V{});
  EXPECT_EQ(Tag("一般项目：汽车零部件及配件制造；新能源汽车整车销售；新兴能源技术研发。", "3670"),
            V{"汽车零部件"});
}

TEST(Tagger, NegationsRestrictOnlyTheirItem) {
  // （不含危险化学品） does not change a label; （不含生产） makes the item sales-only.
  EXPECT_EQ(Tag("一般项目：药用辅料生产（不含危险化学品）。", "2780"), V{"生物医药"});
  EXPECT_EQ(Tag("一般项目：光伏组件、逆变器的研发、销售（不含生产）；光伏设备及元器件销售。"), V{});
  EXPECT_EQ(Tag("一般项目：休闲食品的研发、销售（不含生产、加工）。"), V{});
  EXPECT_EQ(Tag("许可项目：危险化学品生产（氧气、氮气）；危险化学品经营（不含氢气）。", "2619"),
            V{});
}

TEST(Tagger, HydrogenImpliesNewEnergy) {
  TagResult r = Shared().Tag({"", "一般项目：燃料电池电堆、膜电极制造。", "3849"});
  EXPECT_EQ(Names(r), (V{"新能源与节能环保", "氢能"}));
  bool implied = false;
  for (const auto& e : r.evidence) {
    if (e.rule == EvidenceRule::kImplied) {
      implied = true;
      EXPECT_EQ(Shared().chains()[e.source_chain].name, "氢能");
      EXPECT_EQ(e.field, EvidenceField::kChain);
    }
  }
  EXPECT_TRUE(implied);
}

TEST(Tagger, StainlessOnlyMakerIsNotSteelButBothLinesAreBoth) {
  EXPECT_EQ(Tag("一般项目：不锈钢冶炼；不锈钢热轧板卷、冷轧板卷生产；钢压延加工。", "3120"),
            V{"不锈钢"});
  EXPECT_EQ(Tag("一般项目：炼钢；不锈钢冶炼；钢压延加工。", "3120"), (V{"钢铁", "不锈钢"}));
  EXPECT_EQ(Tag("生产：冷轧带钢、不锈钢带、镀锌带钢。", "3130"), (V{"钢铁", "不锈钢"}));
}

TEST(Tagger, ServicesCountOnlyAsMainBusiness) {
  EXPECT_EQ(Tag("一般项目：集成电路设计；信息系统集成服务。", "6520"), V{"集成电路"});
  EXPECT_EQ(Tag("一般项目：信息系统集成服务；计算机软硬件及辅助设备批发。", "6531"),
            V{"新一代信息技术"});
  EXPECT_EQ(Tag("一般项目：污水处理及其再生利用；中水回用。"), V{"新能源与节能环保"});
  // A second production line counts (G5): IC design plus software development.
  EXPECT_EQ(Tag("一般项目：集成电路设计；软件开发。", "6520"), (V{"集成电路", "新一代信息技术"}));
}

TEST(Tagger, NoiseDoesNotChangeLabels) {
  EXPECT_EQ(Tag("一般項目：砼結構構件製造；預製混凝土疊合板生產。", "3022"), V{"装配式建筑"});
  EXPECT_EQ(Tag("一般項目：集成電路設計；集成電路芯片設計及服務。"), V{"集成电路"});
  EXPECT_EQ(Tag("一般项目:物料搬运装备制造;ＡＧＶ小车生产."), V{"智能制造装备"});
  EXPECT_EQ(Tag("一般项目：工业自动控制系统装置制造；plc、dcs研发与生产。"), V{"智能制造装备"});
  // ASCII terms need word edges: MICRO is not CRO.
  EXPECT_EQ(Tag("一般项目：MICROPHONE销售。"), V{});
}

TEST(Tagger, TypoFallbackOnlyWhereNothingMatched) {
  TagResult r = Shared().Tag({"", "生产、加工：不绣钢管件、不绣钢法兰、阀门配件。", "3352"});
  EXPECT_EQ(Names(r), V{"不锈钢"});
  ASSERT_FALSE(r.evidence.empty());
  EXPECT_EQ(r.evidence.back().rule, EvidenceRule::kTypo);
  // Generic neighbours are not typos: 石油制品 is not 石英制品, 机械制造 is not 机床制造.
  EXPECT_EQ(Tag("一般项目：原油加工及石油制品制造。", "2511"), V{});
  EXPECT_EQ(Tag("一般项目：起重机械制造。", "3432"), V{});
  // Sales items are never read through typos.
  EXPECT_EQ(Tag("一般项目：不绣钢制品销售。"), V{});
}

TEST(Tagger, BatchEqualsSingleAndIsThreadSafe) {
  std::vector<std::string> scopes = {
      "一般项目：钢压延加工；螺纹钢生产；金属材料销售。（除依法须经批准的项目外，凭营业执照依法自主"
      "开展经营活动）许可项目：道路货物运输。",
      "一般项目：不锈钢制品销售。",
      "许可项目：药品生产；保健食品生产。（依法须经批准的项目，经相关部门批准后方可开展经营活动）",
      "",
      "生产、加工：不绣钢管件、不绣钢法兰。",
  };
  std::vector<FirmText> firms;
  for (const auto& s : scopes) firms.push_back({"", s, ""});
  std::vector<TagResult> batch;
  ASSERT_TRUE(Shared().TagBatch(firms, batch).ok());
  ASSERT_EQ(batch.size(), firms.size());
  for (size_t i = 0; i < firms.size(); ++i) {
    TagResult one = Shared().Tag(firms[i]);
    EXPECT_EQ(one.chains, batch[i].chains) << i;
    ASSERT_EQ(one.evidence.size(), batch[i].evidence.size()) << i;
    for (size_t k = 0; k < one.evidence.size(); ++k)
      EXPECT_EQ(one.evidence[k].offset, batch[i].evidence[k].offset);
  }
  std::vector<std::thread> threads;
  std::vector<int> ok(2, 0);
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      std::vector<TagResult> mine;
      bool same = true;
      for (int k = 0; k < 50; ++k) {
        same &= Shared().TagBatch(firms, mine).ok();
        for (size_t i = 0; i < firms.size(); ++i) same &= mine[i].chains == batch[i].chains;
      }
      ok[static_cast<size_t>(t)] = same;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok, (std::vector<int>{1, 1}));
}

TEST(Tagger, ReusedItemMatchesChangeNoResult) {
  // The same items again and again in other orders: the second batch is served from the cache.
  const std::vector<std::string> items = {
      "钢压延加工",         "螺纹钢生产",           "金属材料销售", "不锈钢管制造",
      "技术服务、技术开发", "汽车零部件及配件制造", "药品生产"};
  std::vector<std::string> scopes;
  for (size_t i = 0; i < 40; ++i) {
    std::string s = "一般项目：";
    for (size_t k = 0; k < 3; ++k) s += items[(i * 3 + k * 5) % items.size()] + "；";
    scopes.push_back(s + "。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）");
  }
  std::vector<FirmText> firms;
  for (const auto& s : scopes) firms.push_back({"", s, ""});
  TaggerOptions every_item;
  every_item.reuse_item_matches = false;
  auto plain = Tagger::Create(Chains(), Rules(), every_item);
  auto cached = Tagger::Create(Chains(), Rules());
  ASSERT_TRUE(plain.ok() && cached.ok());
  std::vector<TagResult> a, b;
  for (int round = 0; round < 2; ++round) {
    ASSERT_TRUE(plain->TagBatch(firms, a).ok());
    ASSERT_TRUE(cached->TagBatch(firms, b).ok());
    for (size_t i = 0; i < firms.size(); ++i) {
      EXPECT_EQ(a[i].chains, b[i].chains) << i;
      ASSERT_EQ(a[i].evidence.size(), b[i].evidence.size()) << i;
      for (size_t k = 0; k < a[i].evidence.size(); ++k) {
        EXPECT_EQ(a[i].evidence[k].offset, b[i].evidence[k].offset);
        EXPECT_EQ(a[i].evidence[k].term, b[i].evidence[k].term);
      }
    }
  }
  EXPECT_EQ(plain->ItemReuseSoFar().items, 0u);
  const ItemReuse reuse = cached->ItemReuseSoFar();
  EXPECT_GT(reuse.items, 0u);
  EXPECT_GE(reuse.reused, reuse.items / 2);  // the second round saw every item before
}

TEST(Tagger, CreateRejectsBadInput) {
  EXPECT_EQ(Tagger::Create({}, Rules()).status().code(), StatusCode::kInvalidArgument);
  TaggerRules rules = Rules();
  rules.source = "data/tagger/rules.toml";
  rules.operations.push_back({"不存在的链", "x", {"加氢"}, 77});
  auto bad_chain = Tagger::Create(Chains(), rules);
  ASSERT_FALSE(bad_chain.ok());
  EXPECT_NE(bad_chain.status().message().find("data/tagger/rules.toml:77"), std::string::npos)
      << bad_chain.status().message();
  EXPECT_NE(bad_chain.status().message().find("不存在的链"), std::string::npos);
  rules.operations.back() = {"氢能", "nope", {"加氢"}, 78};
  auto bad_link = Tagger::Create(Chains(), rules);
  ASSERT_FALSE(bad_link.ok());
  EXPECT_NE(bad_link.status().message().find("'nope'"), std::string::npos);
}

TEST(Tagger, ExportsItsDictionary) {
  auto forms = Shared().DictionaryForms();
  EXPECT_GT(forms.size(), 1000u);
  EXPECT_NE(std::find(forms.begin(), forms.end(), "不鏽鋼"), forms.end());
  EXPECT_NE(std::find(forms.begin(), forms.end(), "螺纹钢"), forms.end());
  EXPECT_EQ(std::find(forms.begin(), forms.end(), "销售"), forms.end());
  EXPECT_GE(Shared().PatternCount(), forms.size());
}

}  // namespace
}  // namespace qq::tagger
