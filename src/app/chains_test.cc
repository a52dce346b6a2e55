// The 链长制 use cases on the real demo district: tagging the registry, people's decisions
// surviving re-tagging, chain analysis, relatedness, attraction, and a lead becoming a project.
#include "app/chains.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "app/database_admin.h"
#include "app/demo.h"
#include "store/chain_store.h"
#include "store/enterprise_store.h"
#include "store/project_store.h"
#include "store/tag_store.h"

namespace qq::app {
namespace {

const std::filesystem::path kData = std::filesystem::path(QQ_SOURCE_DIR) / "data";

class ChainsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = (std::filesystem::path(::testing::TempDir()) / ("qq-chains-" + std::to_string(getpid()) + ".db")).string();
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + s);
    auto demo = BuildDemo(path_, kData, SystemClock());
    ASSERT_TRUE(demo.ok()) << demo.status().message();
    auto tagger = LoadTagger(kData);
    ASSERT_TRUE(tagger.ok()) << tagger.status().message();
    tagger_ = new tagger::Tagger(std::move(tagger).value());
  }
  static void TearDownTestSuite() {
    delete tagger_;
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + s);
  }
  void SetUp() override { db_ = std::move(OpenDatabase(path_)).value(); }

  std::shared_ptr<AnalyticsSnapshot> Snapshot() {
    AnalyticsService service(*LoadThresholds(kData), 2);
    return *service.Load(*db_);
  }

  static inline std::string path_;
  static inline tagger::Tagger* tagger_ = nullptr;
  std::unique_ptr<store::Database> db_;
};

TEST_F(ChainsTest, TaggingKeepsPeoplesDecisions) {
  auto report = TagRegistry(*db_, *tagger_, SystemClock(), nullptr);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_GT(report->firms, 30000);
  EXPECT_GT(report->tagged, report->firms / 3);
  // Pick a tagged firm of 钢城区 on 钢铁, reject it, and confirm it on another link.
  auto snap = Snapshot();
  EXPECT_TRUE(snap->links_from_tags);
  auto analysis = *AnalyseChain(*db_, *snap, *RegionCode::Parse("370117"), "钢铁");
  const LinkStats* rolling = nullptr;
  for (const auto& l : analysis.links) if (l.key == "rolling") rolling = &l;
  ASSERT_NE(rolling, nullptr);
  ASSERT_GT(rolling->firms, 0);
  auto firms = *FirmsOnLink(*db_, *snap, *RegionCode::Parse("370117"), rolling->id);
  ASSERT_FALSE(firms.empty());
  Uscc uscc = *Uscc::Parse(firms.front().uscc);
  EXPECT_FALSE(firms.front().evidence.empty());
  ASSERT_TRUE(DecideTag(*db_, SystemClock(), uscc, "钢铁", "rolling", false, "chief", "只做贸易").ok());
  ASSERT_TRUE(DecideTag(*db_, SystemClock(), uscc, "不锈钢", "pipe", true, "chief", "实地核实").ok());
  EXPECT_EQ(DecideTag(*db_, SystemClock(), uscc, "钢铁", "mining", true, "chief", "").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(DecideTag(*db_, SystemClock(), uscc, "钢铁", "nowhere", true, "chief", "").code(), StatusCode::kNotFound);
  ASSERT_TRUE(TagRegistry(*db_, *tagger_, SystemClock(), nullptr).ok());
  auto tags = *TagsOf(*db_, uscc);
  std::map<std::string, std::string> status;
  for (const auto& t : tags) status[t.chain + "/" + t.link_key] = t.status;
  EXPECT_EQ(status["钢铁/rolling"], "rejected");
  EXPECT_EQ(status["不锈钢/pipe"], "confirmed");
  // The snapshot honours them: the firm is off 钢铁 and on 不锈钢.
  auto after = Snapshot();
  auto f = after->firm_of_enterprise.at(store::EnterpriseStore(*db_).GetByUscc(uscc)->id);
  auto [lb, le] = after->dataset.LinksOf(f);
  EXPECT_FALSE(std::binary_search(lb, le, static_cast<uint32_t>(rolling->id)));
  auto listed = *FirmsOnLink(*db_, *after, *RegionCode::Parse("370117"), rolling->id);
  EXPECT_EQ(listed.back().status, "rejected");  // still shown, so it can be undone
}

TEST_F(ChainsTest, AnalysisRelatednessAndAttraction) {
  ASSERT_TRUE(TagRegistry(*db_, *tagger_, SystemClock(), nullptr).ok());
  auto snap = Snapshot();
  auto steel = *AnalyseChain(*db_, *snap, *RegionCode::Parse("370117"), "钢铁");
  EXPECT_GT(steel.firms, 20);
  EXPECT_GT(steel.coverage, 0.5);
  EXPECT_GE(steel.completeness, 0.0);
  EXPECT_LE(steel.completeness, 100.0);
  ASSERT_FALSE(steel.leaders.empty());
  EXPECT_GT(steel.leaders[0].share, 0.0);
  int context = 0;
  for (const auto& l : steel.links) context += l.state == "context";
  EXPECT_GT(context, 0);
  EXPECT_EQ(AnalyseChain(*db_, *snap, *RegionCode::Parse("370117"), "不存在").status().code(), StatusCode::kNotFound);
  // IC is barely present in 钢城: its links are weak or missing and get outside candidates.
  auto ic = *AnalyseChain(*db_, *snap, *RegionCode::Parse("370117"), "集成电路");
  int gaps = 0;
  for (const auto& l : ic.links) gaps += l.state == "missing" || l.state == "weak";
  EXPECT_GT(gaps, 0);
  auto candidates = *AttractionCandidates(*db_, *snap, *RegionCode::Parse("370117"), "集成电路", 5);
  ASSERT_FALSE(candidates.empty());
  size_t with_candidates = 0;
  for (const auto& lc : candidates) {
    for (const auto& c : lc.candidates) {
      EXPECT_NE(c.region.substr(0, 6), "370117");
      EXPECT_FALSE(c.reasons.empty());
      EXPECT_GE(c.score, 0.0);
    }
    for (size_t k = 1; k < lc.candidates.size(); ++k) EXPECT_GE(lc.candidates[k - 1].score, lc.candidates[k].score);
    with_candidates += !lc.candidates.empty();
  }
  EXPECT_GT(with_candidates, 0u);
  auto rel = *RelatednessOf(*db_, *snap, *RegionCode::Parse("370117"), 10);
  EXPECT_FALSE(rel.present.empty());
  EXPECT_FALSE(rel.possible_entrants.empty());
  for (const auto& e : rel.present) EXPECT_GE(e.rca, 1.0);
  for (const auto& e : rel.possible_entrants) EXPECT_FALSE(e.present);
}

TEST_F(ChainsTest, ASignedLeadBecomesAProject) {
  store::Lead l;
  l.region = *RegionCode::Parse("370117");
  l.chain = "集成电路";
  l.firm_name = "苏州某某半导体有限公司";
  l.expected_investment = 1'500'000'000;
  auto lead = AddLead(*db_, SystemClock(), l, "zhaoshang");
  ASSERT_TRUE(lead.ok()) << lead.status().message();
  EXPECT_EQ(lead->stage, "线索");
  EXPECT_TRUE(MoveLead(*db_, SystemClock(), lead->id, "考察", "zhaoshang", "赴苏州考察").ok());
  EXPECT_EQ(MoveLead(*db_, SystemClock(), lead->id, "接洽", "x", "").status().code(), StatusCode::kInvalidArgument);
  auto signed_lead = MoveLead(*db_, SystemClock(), lead->id, "签约", "zhaoshang", "签约仪式");
  ASSERT_TRUE(signed_lead.ok());
  ASSERT_TRUE(signed_lead->project_id.has_value());
  auto project = *store::ProjectStore(*db_).Get(*signed_lead->project_id);
  EXPECT_EQ(project.stage, ProjectStage::kSigned);
  EXPECT_EQ(project.chain, "集成电路");
  EXPECT_EQ(project.total_investment.yuan(), 1'500'000'000);
  // It enters this year's library with its first stage event and knows its lead.
  EXPECT_EQ(store::ProjectStore(*db_).Years(project.id)->size(), 1u);
  ASSERT_EQ(store::ProjectStore(*db_).StageEvents(project.id)->size(), 1u);
  auto lead_of = *store::ProjectStore(*db_).LeadOf(project.id);
  ASSERT_TRUE(lead_of.has_value());
  EXPECT_EQ(lead_of->first, signed_lead->id);
  // Moving on to 落地 keeps the same project.
  auto landed = MoveLead(*db_, SystemClock(), lead->id, "落地", "zhaoshang", "");
  EXPECT_EQ(landed->project_id, signed_lead->project_id);
  EXPECT_EQ(store::LeadStore(*db_).Events(lead->id)->size(), 4u);
  EXPECT_EQ(MoveLead(*db_, SystemClock(), lead->id, "飞升", "x", "").status().code(), StatusCode::kInvalidArgument);
  // Moving to the stage it is at records nothing.
  ASSERT_TRUE(MoveLead(*db_, SystemClock(), lead->id, "落地", "zhaoshang", "").ok());
  EXPECT_EQ(store::LeadStore(*db_).Events(lead->id)->size(), 4u);
  // Giving up a signed lead ends its project, with the reason.
  ASSERT_TRUE(MoveLead(*db_, SystemClock(), lead->id, "放弃", "zhaoshang", "企业转投外地").ok());
  auto ended = *store::ProjectStore(*db_).Get(*signed_lead->project_id);
  EXPECT_EQ(ended.stage, ProjectStage::kTerminated);
  EXPECT_EQ(ended.stage_reason, "招商线索放弃：企业转投外地");
  // A lead added at 签约 gets its project at once, with one event only.
  store::Lead direct = l;
  direct.firm_name = "某直签企业";
  direct.stage = "签约";
  auto added = AddLead(*db_, SystemClock(), direct, "zhaoshang");
  ASSERT_TRUE(added.ok()) << added.status().message();
  EXPECT_TRUE(added->project_id.has_value());
  EXPECT_EQ(store::LeadStore(*db_).Events(added->id)->size(), 1u);
  store::Lead bad = l;
  bad.chain = "不存在的链";
  EXPECT_FALSE(AddLead(*db_, SystemClock(), bad, "x").ok());
  bad = l;
  bad.link_id = 999999;  // not a link of the chain
  EXPECT_EQ(AddLead(*db_, SystemClock(), bad, "x").status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace qq::app

namespace qq::app {
namespace {

// Before the tagger has run, one person's decision adjusts that firm's code-based links and
// leaves every other firm's alone.
TEST(ChainsBeforeTagging, ADecisionDoesNotWipeOtherFirmsCodeLinks) {
  std::string path = (std::filesystem::path(::testing::TempDir()) / ("qq-untagged-" + std::to_string(getpid()) + ".db")).string();
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
  ASSERT_TRUE(InitDatabase(path, kData).ok());
  auto db = std::move(OpenDatabase(path)).value();
  store::EnterpriseStore es(*db);
  std::vector<Uscc> usccs = {*Uscc::Parse("91370117MA3C5R2X44"), *Uscc::Parse("91370306MA0CR9YX6A")};
  for (size_t k = 0; k < usccs.size(); ++k) {
    Enterprise e;
    e.uscc = usccs[k];
    e.name = "测试钢铁" + std::to_string(k);
    e.region = *RegionCode::Parse(k == 0 ? "370117" : "370306");
    e.industry = *IndustryCode::Parse("3130");
    ASSERT_TRUE(es.Upsert(e, 1).ok());
  }
  ASSERT_TRUE(DecideTag(*db, SystemClock(), usccs[0], "钢铁", "rolling", false, "chief", "只做贸易").ok());
  AnalyticsService service(*LoadThresholds(kData), 1);
  auto snap = *service.Load(*db);
  EXPECT_FALSE(snap->links_from_tags);
  auto links = [&](size_t k) {
    uint32_t f = snap->firm_of_enterprise.at((*es.GetByUscc(usccs[k])).id);
    auto [b, e] = snap->dataset.LinksOf(f);
    return std::vector<uint32_t>(b, e);
  };
  uint32_t rolling = 0;
  auto steel = store::ChainStore(*db).GetByName("钢铁");
  ASSERT_TRUE(steel.ok());
  for (const auto& l : steel->links) {
    if (l.key == "rolling") rolling = static_cast<uint32_t>(l.id);
  }
  auto other = links(1);  // untouched: every link its code names, 钢压延加工 among them
  EXPECT_NE(std::find(other.begin(), other.end(), rolling), other.end());
  auto decided = links(0);  // the same links but the rejected one
  EXPECT_EQ(std::find(decided.begin(), decided.end(), rolling), decided.end());
  EXPECT_EQ(decided.size() + 1, other.size());
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
}

}  // namespace
}  // namespace qq::app
