// Round trips through every entity store on a throwaway database with the real migrations.
#include <gtest/gtest.h>

#include "store/chain_store.h"
#include "store/enterprise_store.h"
#include "store/industry_store.h"
#include "store/meta_store.h"
#include "store/plan_store.h"
#include "store/park_store.h"
#include "store/project_store.h"
#include "store/round_store.h"
#include "store/region_store.h"
#include "store/test_db.h"
#include "store/user_store.h"

namespace qq::store {
namespace {

RegionCode Code(const char* s) { return *RegionCode::Parse(s); }

Region MakeRegion(const char* code, const char* name, RegionLevel level, const char* parent) {
  Region r{Code(code), name, level, std::nullopt, CodeSystem::kBoth};
  if (parent) r.parent = Code(parent);
  return r;
}

class StoresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<Region> regions = {
        MakeRegion("370000", "山东省", RegionLevel::kProvince, nullptr),
        MakeRegion("370100", "济南市", RegionLevel::kCity, "370000"),
        MakeRegion("370114", "章丘区", RegionLevel::kCounty, "370100"),
        MakeRegion("370117", "钢城区", RegionLevel::kCounty, "370100"),
        MakeRegion("370300", "淄博市", RegionLevel::kCity, "370000"),
        MakeRegion("370306", "周村区", RegionLevel::kCounty, "370300"),
        MakeRegion("370114003", "枣园街道", RegionLevel::kTown, "370114"),
    };
    std::vector<RegionAlias> aliases = {{"371203", Code("370117"), "莱芜市钢城区"}};
    ASSERT_TRUE(RegionStore(db()).ReplaceAll(regions, aliases).ok());
    std::vector<IndustryClass> classes = {
        {*IndustryCode::Parse("C"), "制造业", std::nullopt, 'C'},
        {*IndustryCode::Parse("31"), "黑色金属冶炼和压延加工业", *IndustryCode::Parse("C"), 'C'},
        {*IndustryCode::Parse("313"), "钢压延加工", *IndustryCode::Parse("31"), 'C'},
        {*IndustryCode::Parse("3130"), "钢压延加工", *IndustryCode::Parse("313"), 'C'},
    };
    ASSERT_TRUE(IndustryStore(db()).ReplaceAll(classes).ok());
  }
  Database& db() { return t_.db(); }
  TempDb t_;
};

TEST_F(StoresTest, RegionsListByScopeLevelAndName) {
  RegionStore rs(db());
  RegionFilter f;
  f.scope = {Code("370100")};
  EXPECT_EQ(rs.List(f)->size(), 4u);
  f.level = RegionLevel::kCounty;
  EXPECT_EQ(rs.List(f)->size(), 2u);
  RegionFilter byname;
  byname.name_contains = "周村";
  auto found = *rs.List(byname);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].parent->str(), "370300");
  EXPECT_EQ(rs.Aliases()->at(0).current.str(), "370117");
  EXPECT_EQ(rs.Get(Code("370999")).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(rs.Add(MakeRegion("370117", "x", RegionLevel::kCounty, "370100")).code(), StatusCode::kAlreadyExists);
}

TEST_F(StoresTest, ChainUpsertKeepsLinkIdsAndDropsRemovedLinks) {
  ChainStore cs(db());
  Chain steel;
  steel.name = "钢铁";
  steel.order = 1;
  ChainLink a;
  a.key = "rolling";
  a.name = "钢压延加工";
  a.industry_codes = {*IndustryCode::Parse("3130")};
  a.keywords = {"热轧", "冷轧"};
  ChainLink b = a;
  b.key = "old";
  b.name = "旧环节";
  steel.links = {a, b};
  ASSERT_TRUE(cs.Upsert({steel}).ok());
  auto first = *cs.GetByName("钢铁");
  ASSERT_EQ(first.links.size(), 2u);
  int64_t rolling_id = first.links[0].id;
  steel.links = {a};
  steel.links[0].name = "钢压延";
  ASSERT_TRUE(cs.Upsert({steel}).ok());
  auto second = *cs.GetByName("钢铁");
  ASSERT_EQ(second.links.size(), 1u);
  EXPECT_EQ(second.links[0].id, rolling_id);
  EXPECT_EQ(second.links[0].name, "钢压延");
  EXPECT_EQ(second.links[0].keywords, (std::vector<std::string>{"热轧", "冷轧"}));
  EXPECT_EQ(second.links[0].industry_codes.at(0).str(), "3130");
}

TEST_F(StoresTest, PlansAndTargetsByScope) {
  Chain steel;
  steel.name = "钢铁";
  ASSERT_TRUE(ChainStore(db()).Upsert({steel}).ok());
  Plan p;
  p.region = Code("370117");
  p.name = "钢城区2+4";
  p.framework = "2+4";
  Cluster c;
  c.name = "精品钢";
  c.tier = ClusterTier::kThousandYi;
  c.chains = {"钢铁"};
  c.industry_codes = {*IndustryCode::Parse("31")};
  p.clusters = {c};
  PlanStore ps(db());
  ASSERT_TRUE(ps.Add(p).ok());
  EXPECT_EQ(ps.Add(p).code(), StatusCode::kAlreadyExists);
  Plan bad = p;
  bad.name = "bad";
  bad.clusters[0].chains = {"不存在"};
  EXPECT_EQ(ps.Add(bad).code(), StatusCode::kNotFound);
  auto plans = *ps.List({Code("370100")});
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_EQ(plans[0].clusters.at(0).tier, ClusterTier::kThousandYi);
  EXPECT_EQ(plans[0].clusters.at(0).chains, std::vector<std::string>{"钢铁"});
  EXPECT_TRUE(ps.List({Code("370306")})->empty());

  Target t;
  t.region = Code("370117");
  t.subject = "钢城区";
  t.metric = "规上工业总产值";
  t.value_units = 200000000000;
  t.unit = "元";
  t.deadline_year = 2025;
  TargetStore ts(db());
  ASSERT_TRUE(ts.Add(t).ok());
  auto targets = *ts.List({Code("370117")});
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_EQ(targets[0].value_units, 200000000000);
  EXPECT_EQ(*targets[0].deadline_year, 2025);
}

TEST_F(StoresTest, EnterpriseUpsertSearchAndIndicators) {
  EnterpriseStore es(db());
  Enterprise e;
  e.uscc = *Uscc::Parse("91370117MA3C5R2X44");
  e.name = "济南钢城精密机械有限公司";
  e.region = Code("370117");
  e.industry = *IndustryCode::Parse("3130");
  e.founded = *Date::Parse("2015-03-02");
  e.registered_capital = Money::FromYuan(50000000);
  ASSERT_TRUE(es.Upsert(e, 100).ok());
  int64_t id = e.id;
  e.name = "济南钢城精密机械股份有限公司";
  ASSERT_TRUE(es.Upsert(e, 200).ok());
  EXPECT_EQ(e.id, id);
  auto got = *es.GetByUscc(e.uscc);
  EXPECT_EQ(got.name, "济南钢城精密机械股份有限公司");
  EXPECT_EQ(got.founded->ToString(), "2015-03-02");
  EXPECT_EQ(got.registered_capital->yuan(), 50000000);

  EnterpriseQuery q;
  q.scope = {Code("370100")};
  q.text = "精密";
  EXPECT_EQ(es.Search(q)->total, 1);
  q.text = "91370117ma3c";
  EXPECT_EQ(es.Search(q)->total, 1);
  q.scope = {Code("370306")};
  EXPECT_EQ(es.Search(q)->total, 0);

  IndicatorStore is(db());
  IndicatorMonth m;
  m.enterprise_id = id;
  m.month = *YearMonth::Of(2024, 3);
  m.Current(Indicator::kOutput) = 123;
  m.Cumulative(Indicator::kOutput) = 456;
  m.Current(Indicator::kEmployees) = 80;
  m.Current(Indicator::kProfit) = -5;
  ASSERT_TRUE(is.Upsert(m).ok());
  m.Current(Indicator::kOutput) = 124;
  ASSERT_TRUE(is.Upsert(m).ok());
  auto months = *is.ForEnterprise(id);
  ASSERT_EQ(months.size(), 1u);
  EXPECT_EQ(*months[0].Current(Indicator::kOutput), 124);
  EXPECT_EQ(*months[0].Cumulative(Indicator::kOutput), 456);
  EXPECT_EQ(*months[0].Current(Indicator::kEmployees), 80);
  EXPECT_EQ(*months[0].Current(Indicator::kProfit), -5);
  EXPECT_FALSE(months[0].Current(Indicator::kRevenue).has_value());
}

TEST_F(StoresTest, ProjectsByScopeAndStage) {
  ProjectStore ps(db());
  Project p;
  p.name = "华润雪花啤酒项目";
  p.region = Code("370114");
  p.town = Code("370114003");
  p.level = ProjectLevel::kProvincialKey;
  p.stage = ProjectStage::kInProduction;
  p.total_investment = *Money::Parse("20亿");
  p.actual_start = *YearMonth::Of(2023, 5);
  p.floor_area_m2 = 140000;
  ASSERT_TRUE(ps.Add(p).ok());
  EXPECT_EQ(ps.Add(p).code(), StatusCode::kAlreadyExists);
  ProjectQuery q;
  q.scope = {Code("370100")};
  auto list = *ps.List(q);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].actual_start->ToString(), "2023-05");
  EXPECT_EQ(list[0].total_investment.yuan(), 2000000000);
  EXPECT_EQ(*list[0].floor_area_m2, 140000);
  q.stage = ProjectStage::kSigned;
  EXPECT_TRUE(ps.List(q)->empty());
}

TEST_F(StoresTest, ProjectYearsStagesApprovalsNeedsAndUpdate) {
  ProjectStore ps(db());
  Project p;
  p.name = "年产10万吨不锈钢管项目";
  p.region = Code("370114");
  p.stage = ProjectStage::kSigned;
  p.manager = "王管家";
  ASSERT_TRUE(ps.Add(p).ok());
  ASSERT_TRUE(ps.SetYear(p.id, {2024, ProjectLevel::kCityKey, *Money::Parse("2亿")}).ok());
  ASSERT_TRUE(ps.SetYear(p.id, {2024, ProjectLevel::kProvincialKey, *Money::Parse("3亿")}).ok());  // upsert
  ASSERT_TRUE(ps.SetYear(p.id, {2025, std::nullopt, std::nullopt}).ok());
  auto years = *ps.Years(p.id);
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(*years[0].level, ProjectLevel::kProvincialKey);
  EXPECT_EQ(years[0].annual_plan->yuan(), 300000000);
  EXPECT_EQ((*ps.YearOf({Code("370100")}, 2024)).size(), 1u);
  EXPECT_TRUE((*ps.YearOf({Code("370306")}, 2024)).empty());
  EXPECT_EQ(*ps.LibraryYears({}), (std::vector<int>{2024, 2025}));

  ASSERT_TRUE(ps.AddStageEvent(p.id, {*Date::Of(2024, 3, 2), ProjectStage::kSigned, ProjectStage::kStarted, "", "analyst"}).ok());
  auto events = *ps.StageEvents(p.id);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].on_date.ToString(), "2024-03-02");
  EXPECT_EQ(*events[0].from, ProjectStage::kSigned);

  ASSERT_TRUE(ps.SetApproval(p.id, {"环评", *Date::Of(2024, 1, 5), "已办结", ""}).ok());
  EXPECT_FALSE(ps.SetApproval(p.id, {"消防", std::nullopt, "已办结", ""}).ok());  // not a kind
  EXPECT_EQ((*ps.Approvals(p.id)).size(), 1u);
  ProjectNeed need{0, "土地", 150.0, "亩", "待保障", ""};
  ASSERT_TRUE(ps.AddNeed(p.id, need).ok());
  EXPECT_GT(need.id, 0);
  EXPECT_EQ((*ps.Needs(p.id))[0].unit, "亩");

  p.stage = ProjectStage::kStarted;
  p.actual_start = *YearMonth::Of(2024, 3);
  ASSERT_TRUE(ps.Update(p).ok());
  auto found = *ps.FindByName(Code("370114"), p.name);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->stage, ProjectStage::kStarted);
  EXPECT_EQ(found->manager, "王管家");
  EXPECT_FALSE((*ps.FindByName(Code("370117"), p.name)).has_value());
  p.id = 999;
  EXPECT_EQ(ps.Update(p).code(), StatusCode::kNotFound);
}

TEST_F(StoresTest, RoundsAndImmutableRecords) {
  ProjectStore ps(db());
  Project p;
  p.name = "智能制造基地项目";
  p.region = Code("370114");
  ASSERT_TRUE(ps.Add(p).ok());
  RoundStore rs(db());
  Round r{0, Code("370114"), *YearMonth::Of(2024, 3), *Date::Of(2024, 4, 5), "open", 1};
  ASSERT_TRUE(rs.Open(r).ok());
  Round again = r;
  EXPECT_EQ(rs.Open(again).code(), StatusCode::kAlreadyExists);
  EXPECT_TRUE((*rs.Find(Code("370114"), *YearMonth::Of(2024, 3))).has_value());
  EXPECT_FALSE((*rs.Find(Code("370114"), *YearMonth::Of(2024, 4))).has_value());
  EXPECT_EQ((*rs.List({Code("370100")}, 2024)).size(), 1u);
  EXPECT_TRUE((*rs.List({Code("370100")}, 2023)).empty());

  RoundRecord rec;
  rec.round_id = r.id;
  rec.project_id = p.id;
  rec.filed_at = 100;
  rec.completed_this_year = *Money::Parse("1.5亿");
  rec.stage = ProjectStage::kUnderConstruction;
  ASSERT_TRUE(rs.AddRecord(rec).ok());
  auto records = *rs.RecordsIn({Code("370114")}, 2024);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].period.ToString(), "2024-03");
  EXPECT_EQ(records[0].completed_this_year->yuan(), 150000000);
  // Records are immutable: the database refuses updates and deletes.
  EXPECT_FALSE(db().Exec("UPDATE round_record SET stage = '投产'").ok());
  EXPECT_FALSE(db().Exec("DELETE FROM round_record").ok());
  EXPECT_EQ((*rs.RecordsOf(p.id)).size(), 1u);
}

TEST_F(StoresTest, ParksAndParcels) {
  ParkStore ps(db());
  Park park{0, Code("370114"), "明水经济技术开发区", "高端装备", "智能制造装备", "明水开发区工作专班", 1200.0, ""};
  ASSERT_TRUE(ps.AddPark(park).ok());
  Park dup = park;
  EXPECT_EQ(ps.AddPark(dup).code(), StatusCode::kAlreadyExists);
  Parcel l;
  l.park_id = park.id;
  l.region = Code("370114");
  l.code = "ZQ-2023-01";
  l.area_m2 = 52000;
  l.status = "闲置";
  l.revitalized_at = *Date::Of(2023, 6, 1);
  ASSERT_TRUE(ps.AddParcel(l).ok());
  Parcel bad = l;
  bad.code = "ZQ-2023-02";
  bad.status = "出租";
  EXPECT_FALSE(ps.AddParcel(bad).ok());
  auto parcels = *ps.Parcels({Code("370100")});
  ASSERT_EQ(parcels.size(), 1u);
  EXPECT_DOUBLE_EQ(parcels[0].hectares(), 5.2);
  EXPECT_EQ(parcels[0].revitalized_at->ToString(), "2023-06-01");
  EXPECT_TRUE((*ps.FindPark(Code("370114"), "明水经济技术开发区")).has_value());
}

TEST_F(StoresTest, UsersLockoutSessionsTokensAndAudit) {
  UserStore us(db());
  User u;
  u.username = "analyst1";
  u.display_name = "分析员一";
  u.role = Role::kAnalyst;
  u.regions = {Code("370117")};
  ASSERT_TRUE(us.Create(u, "hash1", 10).ok());
  EXPECT_EQ(us.Create(u, "hash1", 10).code(), StatusCode::kAlreadyExists);
  User bad = u;
  bad.username = "x";
  bad.regions = {Code("370999")};
  EXPECT_EQ(us.Create(bad, "h", 10).code(), StatusCode::kNotFound);

  for (int i = 0; i < 3; ++i) ASSERT_TRUE(us.RecordFailedLogin(u.id, 3, 999).ok());
  auto c = *us.GetCredentials("analyst1");
  EXPECT_EQ(c.failed_logins, 3);
  EXPECT_EQ(*c.locked_until, 999);
  EXPECT_EQ(c.user.regions.at(0).str(), "370117");
  ASSERT_TRUE(us.SetPassword(u.id, "hash2", 20).ok());
  c = *us.GetCredentials("analyst1");
  EXPECT_EQ(c.password_hash, "hash2");
  EXPECT_EQ(c.failed_logins, 0);
  EXPECT_FALSE(c.locked_until.has_value());

  SessionStore ss(db());
  ASSERT_TRUE(ss.CreateSession("th", {u.id, "csrf", 1, 1, 100}).ok());
  EXPECT_EQ(ss.FindSession("th")->csrf_token, "csrf");
  ASSERT_TRUE(ss.TouchSession("th", 50).ok());
  EXPECT_EQ(ss.FindSession("th")->last_seen, 50);
  ASSERT_TRUE(ss.DeleteExpired(101).ok());
  EXPECT_EQ(ss.FindSession("th").status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(ss.CreateApiToken("tok", u.id, "script", 5).ok());
  EXPECT_EQ(*ss.FindApiToken("tok"), u.id);
  EXPECT_EQ(ss.FindApiToken("nope").status().code(), StatusCode::kNotFound);

  AuditStore as(db());
  ASSERT_TRUE(as.Append({1, "analyst1", "api", "login", "", "ok", ""}).ok());
  EXPECT_EQ(as.Recent(10)->size(), 1u);
  EXPECT_FALSE(db().Exec("UPDATE audit_log SET result = 'x'").ok());
  EXPECT_FALSE(db().Exec("DELETE FROM audit_log").ok());
}

TEST_F(StoresTest, DataVersionBumps) {
  MetaStore ms(db());
  int64_t v = *ms.DataVersion();
  ASSERT_TRUE(ms.BumpDataVersion().ok());
  EXPECT_EQ(*ms.DataVersion(), v + 1);
}

}  // namespace
}  // namespace qq::store
