// The key-project library on the real demo district: the generated summary, the lifecycle
// rules on filings, the round's pre-filled sheet imported back, a refused sheet, and land.
#include "app/projects.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "app/database_admin.h"
#include "app/demo.h"
#include "app/land.h"
#include "app/project_import.h"
#include "ingest/table_reader.h"
#include "report/xlsx_writer.h"
#include "store/project_store.h"
#include "store/round_store.h"

namespace qq::app {
namespace {

const std::filesystem::path kData = std::filesystem::path(QQ_SOURCE_DIR) / "data";
const RegionCode kZhangqiu = *RegionCode::Parse("370114");

class ProjectsTest : public ::testing::Test {
 protected:
  // Each test gets its own copy of the demo, so filings do not leak between tests.
  static void SetUpTestSuite() {
    path_ = (std::filesystem::path(::testing::TempDir()) /
             ("qq-projects-" + std::to_string(getpid()) + ".db"))
                .string();
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + s);
    auto demo = BuildDemo(path_, kData, SystemClock());
    ASSERT_TRUE(demo.ok()) << demo.status().message();
  }
  static void TearDownTestSuite() {
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + s);
  }
  void SetUp() override {
    copy_ = path_ + "." + ::testing::UnitTest::GetInstance()->current_test_info()->name();
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(copy_ + s);
    std::filesystem::remove_all(copy_ + ".files");
    std::filesystem::copy_file(path_, copy_);
    db_ = std::move(OpenDatabase(copy_)).value();
  }
  void TearDown() override {
    db_.reset();
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(copy_ + s);
    std::filesystem::remove_all(copy_ + ".files");
  }
  int64_t Records() {
    return static_cast<int64_t>((*store::RoundStore(*db_).RecordsIn({kZhangqiu}, 2024)).size());
  }
  ImportContext Ctx() { return ImportContext{copy_, kData, clock_}; }

  static inline std::string path_;
  std::string copy_;
  std::unique_ptr<store::Database> db_;
  Clock clock_ = [] { return int64_t{1735689600}; };  // 2025-01-01 00:00 UTC
};

TEST_F(ProjectsTest, DemoSummaryMatchesTheDistrictReport) {
  auto lib = LoadLibrary(*db_, clock_, kZhangqiu, 2024, std::nullopt, {});
  ASSERT_TRUE(lib.ok()) << lib.status().message();
  EXPECT_EQ(lib->as_of.ToString(), "2024-12");  // the latest round
  ASSERT_TRUE(lib->round.has_value());
  ProjectSummary s = Summarize(*lib);
  // 全年初步谋划项目78个, 总投资548.5亿元, 年度计划投资116.7亿元; 38个产业类项目建成投产.
  EXPECT_EQ(s.count, 78);
  EXPECT_EQ(s.total_investment.yuan(), 54'850'000'000);
  EXPECT_EQ(s.annual_plan.yuan(), 11'670'000'000);
  EXPECT_EQ(s.producing, 38);
  EXPECT_NE(s.paragraph.find(
                "章丘区2024年重点项目库共有项目78个，总投资548.5亿元，年度计划投资116.7亿元"),
            std::string::npos)
      << s.paragraph;
  EXPECT_NE(s.paragraph.find("建成投产项目38个"), std::string::npos) << s.paragraph;
  // The last round is open and some projects have not filed; each list item has a reason.
  EXPECT_FALSE(s.not_filed.empty());
  for (const auto* list : {&s.lagging, &s.behind_pace, &s.not_filed}) {
    for (const auto& i : *list) EXPECT_FALSE(i.reason.empty()) << i.name;
  }
  // Cuts add up to the whole.
  int64_t plan = 0;
  int count = 0;
  for (const auto& g : s.by_stage) {
    plan += g.annual_plan.yuan();
    count += g.count;
  }
  EXPECT_EQ(plan, s.annual_plan.yuan());
  EXPECT_EQ(count, s.count);
  // A cut of the library: only 省重大 projects.
  ProjectCut cut;
  cut.level = ProjectLevel::kProvincialMajor;
  auto major = Summarize(*LoadLibrary(*db_, clock_, kZhangqiu, 2024, std::nullopt, cut));
  EXPECT_EQ(major.count, s.by_level[0].count);
  EXPECT_EQ(major.annual_plan, s.by_level[0].annual_plan);
  // An earlier report month: 时序进度 and the filings of that round.
  auto june = Summarize(*LoadLibrary(*db_, clock_, kZhangqiu, 2024, *YearMonth::Of(2024, 6), {}));
  EXPECT_DOUBLE_EQ(june.schedule_pct, 50.0);
  EXPECT_LT(june.completed_this_year, s.completed_this_year);
  EXPECT_TRUE(june.not_filed.empty());  // every project filed in June
}

TEST_F(ProjectsTest, FilingsFollowTheLifecycle) {
  store::ProjectStore projects(*db_);
  auto list = *projects.List({{kZhangqiu}, ProjectStage::kUnderConstruction});
  ASSERT_FALSE(list.empty());
  const Project p = list.front();
  YearMonth dec = *YearMonth::Of(2024, 12);
  int64_t before = Records();
  RecordInput back;
  back.round = dec;
  back.stage = ProjectStage::kSigned;
  auto refused = FileRecord(*db_, clock_, p.id, back);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().reason(), "bad_transition");
  EXPECT_NE(refused.status().message().find("暂停"), std::string::npos);
  RecordInput pause = back;
  pause.stage = ProjectStage::kSuspended;
  EXPECT_EQ(FileRecord(*db_, clock_, p.id, pause).status().reason(),
            "bad_transition");   // no reason
  EXPECT_EQ(Records(), before);  // nothing written
  pause.reason = "资金未到位";
  ASSERT_TRUE(FileRecord(*db_, clock_, p.id, pause).ok());
  RecordInput resume;
  resume.round = dec;
  resume.stage = ProjectStage::kSigned;  // back, through 暂停
  resume.completed_this_year = *Money::Parse("0.5亿");
  resume.completed_total = *Money::Parse("0.4亿");
  EXPECT_FALSE(FileRecord(*db_, clock_, p.id, resume).ok());  // this year's exceeds the total
  resume.completed_total = *Money::Parse("3亿");
  ASSERT_TRUE(FileRecord(*db_, clock_, p.id, resume).ok());
  auto profile = *ProfileOf(*db_, p.id);
  EXPECT_EQ(profile.project.stage, ProjectStage::kSigned);
  ASSERT_GE(profile.stages.size(), 2u);
  EXPECT_EQ(profile.stages.back().to, ProjectStage::kSigned);
  EXPECT_EQ(profile.stages[profile.stages.size() - 2].reason, "资金未到位");
  EXPECT_EQ(Records(), before + 2);
  // The latest record counts: the project's December figure is the correction.
  auto lib = *LoadLibrary(*db_, clock_, kZhangqiu, 2024, dec, {});
  for (const auto& row : lib.rows) {
    if (row.project.id == p.id) EXPECT_EQ(row.completed_this_year.yuan(), 50'000'000);
  }
  // A closed round takes no filings; a round that does not exist is NotFound.
  RecordInput closed;
  closed.round = *YearMonth::Of(2024, 3);
  EXPECT_EQ(FileRecord(*db_, clock_, p.id, closed).status().code(),
            StatusCode::kFailedPrecondition);
  closed.round = *YearMonth::Of(2025, 3);
  EXPECT_EQ(FileRecord(*db_, clock_, p.id, closed).status().code(), StatusCode::kNotFound);
}

TEST_F(ProjectsTest, TheRoundsSheetComesBackIn) {
  // The pre-filled sheet for a new round, returned with one project's figures changed, one
  // project added, and the amounts in 万元 as the template writes them.
  YearMonth jan = *YearMonth::Of(2025, 1);
  auto bytes = RoundTemplateXlsx(*db_, clock_, kZhangqiu, *YearMonth::Of(2024, 12));
  ASSERT_TRUE(bytes.ok()) << bytes.status().message();
  auto table = ingest::ReadTableFromBytes(*bytes, "调度表.xlsx");
  ASSERT_TRUE(table.ok()) << table.status().message();
  const auto& rows = table->sheets[0].rows;
  EXPECT_EQ(rows.size(), 79u);  // header + 78 projects
  EXPECT_EQ(rows[0][0].text, "项目名称");
  // Rebuild it as the owner would return it.
  report::XlsxSheet sheet;
  sheet.name = "调度";
  for (const auto& h : rows[0])
    sheet.columns.push_back({h.text, report::XlsxColumn::Type::kText, 0, 12});
  for (size_t r = 1; r < rows.size(); ++r) {
    std::vector<report::XlsxValue> row;
    for (const auto& c : rows[r]) row.push_back(c.text);
    sheet.rows.push_back(row);
  }
  sheet.rows.push_back({std::string("新建氢能装备项目"), std::string("区级重点"),
                        std::string("氢能"), std::string(""), std::string("签约"),
                        std::string("50000"), std::string("8000")});
  auto changed = report::WriteXlsxToBytes({sheet});
  ASSERT_TRUE(changed.ok());
  auto r =
      ImportProjects(*db_, Ctx(), *changed, "2025年1月调度.xlsx", kZhangqiu, jan, ImportOptions{});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->errors.empty()) << r->errors[0].cell << " " << r->errors[0].message;
  EXPECT_TRUE(r->applied);
  ASSERT_EQ(r->created.size(), 1u);
  EXPECT_EQ(r->created[0].name, "新建氢能装备项目");
  EXPECT_TRUE((*store::RoundStore(*db_).Find(kZhangqiu, jan)).has_value());  // the round was opened
  auto added = *store::ProjectStore(*db_).FindByName(kZhangqiu, "新建氢能装备项目");
  ASSERT_TRUE(added.has_value());
  EXPECT_EQ(added->total_investment.yuan(), 500'000'000);  // 50000 万元
  // The same file again changes nothing.
  auto again =
      ImportProjects(*db_, Ctx(), *changed, "2025年1月调度.xlsx", kZhangqiu, jan, ImportOptions{});
  EXPECT_TRUE(again->already_imported);
}

TEST_F(ProjectsTest, ABadSheetIsRefusedWholeOnItsCells) {
  report::XlsxSheet sheet;
  sheet.name = "调度";
  for (const char* h :
       {"项目名称", "建设阶段", "总投资(亿元)", "本年累计完成投资(亿元)", "进度(%)"}) {
    sheet.columns.push_back({h, report::XlsxColumn::Type::kText, 0, 12});
  }
  store::ProjectStore projects(*db_);
  auto producing = *projects.List({{kZhangqiu}, ProjectStage::kInProduction});
  ASSERT_FALSE(producing.empty());
  sheet.rows = {{producing[0].name, std::string("在建"), std::string("20"), std::string("1.5"),
                 std::string("80")},  // backwards
                {std::string("某新项目"), std::string("谋划"), std::string("3亿"), std::string("0"),
                 std::string("10")},  // unit in a number cell
                {std::string("另一新项目"), std::string("在建"), std::string("2"),
                 std::string("0.5"), std::string("120")}};  // >100 %
  auto bytes = *report::WriteXlsxToBytes({sheet});
  int64_t before = Records();
  auto r = ImportProjects(*db_, Ctx(), bytes, "bad.xlsx", kZhangqiu, *YearMonth::Of(2025, 1),
                          ImportOptions{});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_FALSE(r->applied);
  std::map<std::string, std::string> kinds;
  for (const auto& e : r->errors) kinds[e.cell] = e.kind;
  EXPECT_EQ(kinds["B2"], "bad_transition");
  EXPECT_EQ(kinds["C3"], "non_numeric");
  EXPECT_EQ(kinds["E4"], "out_of_range");
  EXPECT_EQ(Records(), before);
  EXPECT_FALSE((*store::RoundStore(*db_).Find(kZhangqiu, *YearMonth::Of(2025, 1))).has_value());
  EXPECT_FALSE((*projects.FindByName(kZhangqiu, "某新项目")).has_value());
  EXPECT_TRUE(std::filesystem::exists(copy_ + ".files"));  // archived with its report
}

TEST_F(ProjectsTest, LandFiguresAndMatching) {
  auto land = RevitalizedLand(*db_, kZhangqiu, std::nullopt);
  ASSERT_TRUE(land.ok());
  EXPECT_EQ(land->sentence, "2023年为21家企业盘活闲置低效用地109.5公顷");
  auto parks = *ParksOf(*db_, kZhangqiu);
  ASSERT_EQ(parks.size(), 3u);
  store::ProjectStore projects(*db_);
  auto p = projects.List({{kZhangqiu}, std::nullopt})->front();
  ProjectNeed need{0, "土地", 75.0, "亩", "待保障", ""};  // 5 公顷
  ASSERT_TRUE(projects.AddNeed(p.id, need).ok());
  auto m = *MatchLand(*db_, p.id);
  ASSERT_TRUE(m.need_ha.has_value());
  EXPECT_DOUBLE_EQ(*m.need_ha, 5.0);
  ASSERT_FALSE(m.parcels.empty());
  for (const auto& [parcel, fit] : m.parcels) {
    EXPECT_NE(parcel.status, "已供");
    EXPECT_GE(parcel.hectares(), 5.0);
    EXPECT_FALSE(fit.empty());
  }
}

}  // namespace
}  // namespace qq::app
