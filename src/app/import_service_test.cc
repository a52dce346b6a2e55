// Imports of the committed fixtures (tests/fixtures/import, written by openpyxl and Python's
// GBK codec): every error kind on its own cell, nothing half-written, re-imports changing
// nothing, corrections keeping history, cumulative checks against the database.
#include "app/import_service.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "app/database_admin.h"
#include "app/synthetic.h"
#include "ingest/file_util.h"
#include "store/enterprise_store.h"
#include "store/meta_store.h"
#include "store/region_store.h"

namespace qq::app {
namespace {

const std::filesystem::path kData = std::filesystem::path(QQ_SOURCE_DIR) / "data";
const std::filesystem::path kFixtures = std::filesystem::path(QQ_SOURCE_DIR) / "tests" / "fixtures" / "import";

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::path(::testing::TempDir()) /
             ("qq-import-" + std::to_string(getpid()) + "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    Clean();
    ASSERT_TRUE(InitDatabase(path_, kData).ok());
    db_ = std::move(OpenDatabase(path_)).value();
    ctx_ = ImportContext{path_, kData, [] { return int64_t{1'735'689'600}; }};  // 2025-01-01
  }
  void TearDown() override {
    db_.reset();
    Clean();
  }
  void Clean() {
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + s);
    std::filesystem::remove_all(path_ + ".files");
  }

  ingest::ImportReport Indicators(const std::string& fixture) {
    std::string bytes = *ingest::ReadWholeFile(kFixtures / fixture);
    auto r = ImportIndicators(*db_, ctx_, bytes, fixture, options_);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.value_or(ingest::ImportReport{});
  }
  ingest::ImportReport Enterprises(const std::string& fixture) {
    std::string bytes = *ingest::ReadWholeFile(kFixtures / fixture);
    auto r = ImportEnterprises(*db_, ctx_, bytes, fixture, options_);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.value_or(ingest::ImportReport{});
  }

  int64_t Count(const std::string& table) {
    auto st = *db_->Prepare("SELECT count(*) FROM " + table);
    EXPECT_TRUE(*st.Step());
    return st.Int(0);
  }
  int64_t Version() { return *store::MetaStore(*db_).DataVersion(); }
  std::optional<int64_t> Output(const std::string& uscc, int month) {
    auto st = *db_->Prepare(
        "SELECT output_cur FROM indicator_month JOIN enterprise ON enterprise.id = enterprise_id WHERE uscc = ? AND month = ?");
    st.Bind(1, uscc).Bind(2, month);
    if (!*st.Step()) return std::nullopt;
    return st.OptInt(0);
  }
  // (sheet, cell, kind) of the expected errors of one fixture.
  std::set<std::tuple<std::string, std::string, std::string>> Expected(const std::string& fixture) {
    std::ifstream in(kFixtures / "expected_errors.tsv");
    std::string line;
    std::getline(in, line);
    std::set<std::tuple<std::string, std::string, std::string>> out;
    while (std::getline(in, line)) {
      std::vector<std::string> f;
      std::stringstream ss(line);
      std::string cell;
      while (std::getline(ss, cell, '\t')) f.push_back(cell);
      while (f.size() < 4) f.insert(f.begin() + 2, "");
      if (f[0] == fixture) out.insert({f[1], f[2], f[3]});
    }
    return out;
  }
  static std::set<std::tuple<std::string, std::string, std::string>> Got(const ingest::ImportReport& r) {
    std::set<std::tuple<std::string, std::string, std::string>> out;
    for (const auto& e : r.errors) out.insert({e.sheet.value_or(""), e.cell, e.kind});
    return out;
  }

  std::string path_;
  std::unique_ptr<store::Database> db_;
  ImportContext ctx_;
  ImportOptions options_;
};

constexpr const char* kA = "91370117MA3C5R2X44";

TEST_F(ImportTest, GoodQuarterIsImportedWithCreatedFirmsAndArchived) {
  auto r = Indicators("good_2024q1.xlsx");
  EXPECT_TRUE(r.errors.empty());
  EXPECT_TRUE(r.applied);
  EXPECT_EQ(r.rows, 9);
  EXPECT_EQ(r.inserted, 9);
  ASSERT_EQ(r.created.size(), 3u);
  EXPECT_EQ(Count("indicator_month"), 9);
  // 74.09999999999999 万元 is stored as 741000 元 exactly.
  auto firm_c = store::EnterpriseStore(*db_).GetByUscc(*Uscc::Parse(r.created[2].uscc));
  std::map<std::string, std::string> region_of;
  for (const auto& c : r.created) region_of[c.uscc] = c.region;
  for (const auto& [uscc, region] : region_of) EXPECT_EQ(region, "370117") << uscc;  // 371203 mapped to 370117
  std::string c_uscc;
  for (const auto& c : r.created) if (c.uscc.substr(2, 6) == "371203") c_uscc = c.uscc;
  EXPECT_EQ(*Output(c_uscc, 202401), 741000);
  EXPECT_EQ(*Output(kA, 202402), 11002500);
  // An unknown town was created under the county with a warning.
  auto town = store::RegionStore(*db_).Get(*RegionCode::Parse("370117901"));
  ASSERT_TRUE(town.ok());
  EXPECT_EQ(town->name, "新兴街道");
  EXPECT_EQ(town->system, CodeSystem::kLocal);
  // The file and its report are archived beside the database; the log holds the hash.
  int archived = 0;
  for (const auto& e : std::filesystem::directory_iterator(path_ + ".files")) archived += e.path().string().find(r.sha256.substr(0, 12)) != std::string::npos;
  EXPECT_EQ(archived, 3);  // the original, its report as TSV and as xlsx
  EXPECT_EQ(Count("import_log"), 1);
}

TEST_F(ImportTest, EveryErrorKindOnItsOwnCellInXlsxAndGbkCsv) {
  for (const std::string fixture : {"bad_indicators.xlsx", "bad_indicators_gbk.csv"}) {
    SCOPED_TRACE(fixture);
    int64_t version = Version();
    auto r = Indicators(fixture);
    EXPECT_FALSE(r.applied);
    EXPECT_EQ(Got(r), Expected(fixture));
    for (const auto& e : r.errors) {
      EXPECT_EQ(e.file, fixture);
      EXPECT_FALSE(e.message.empty());
      EXPECT_EQ(e.sheet.has_value(), fixture.ends_with(".xlsx"));
    }
    // Nothing was written, but the refused file is archived with its report.
    EXPECT_EQ(Count("indicator_month"), 0);
    EXPECT_EQ(Count("enterprise"), 0);
    EXPECT_EQ(Count("import_log"), 0);
    EXPECT_EQ(Version(), version);
  }
  // Two refused files, each with its original, .report.tsv and .report.xlsx.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(path_ + ".files"), {}), 6);
}

TEST_F(ImportTest, AFirmDirectoryWithErrorsIsRefusedWhole) {
  auto r = Enterprises("directory_gb18030.tsv");
  EXPECT_EQ(Got(r), Expected("directory_gb18030.tsv"));
  EXPECT_EQ(Count("enterprise"), 0);
}

TEST_F(ImportTest, ReimportChangesNothingAndCorrectionsKeepHistory) {
  ASSERT_TRUE(Indicators("good_2024q1.xlsx").applied);
  int64_t version = Version();
  auto again = Indicators("good_2024q1.xlsx");
  EXPECT_TRUE(again.already_imported);
  EXPECT_FALSE(again.applied);
  EXPECT_EQ(Version(), version);
  EXPECT_EQ(Count("indicator_month"), 9);
  auto corrected = Indicators("corrected_2024q1.xlsx");
  EXPECT_TRUE(corrected.applied);
  EXPECT_EQ(corrected.replaced, 1);
  EXPECT_EQ(corrected.unchanged, 8);
  EXPECT_EQ(Count("indicator_history"), 1);
  std::string b = std::string("91370117MA3D6T7Y2") + Uscc::CheckCharacter("91370117MA3D6T7Y2");
  ASSERT_TRUE(Output(b, 202403).has_value());
  EXPECT_EQ(*Output(b, 202403), 3300000);  // firm B's March, corrected
}

TEST_F(ImportTest, CumulativeIsCheckedAgainstTheDatabase) {
  ASSERT_TRUE(Indicators("good_2024q1.xlsx").applied);
  auto r = Indicators("april_bad_cumulative.xlsx");
  EXPECT_EQ(Got(r), Expected("april_bad_cumulative.xlsx"));
  EXPECT_FALSE(Output(kA, 202404).has_value());
}

TEST_F(ImportTest, UnitJumpIsAWarningOnly) {
  auto r = Indicators("unit_jump.xlsx");
  EXPECT_TRUE(r.applied);
  std::set<std::string> cells;
  for (const auto& w : r.warnings) {
    if (w.kind == "unit_jump") cells.insert(w.cell);
  }
  EXPECT_EQ(cells, (std::set<std::string>{"D7", "F7"}));
}

TEST_F(ImportTest, ABadRowInTheMiddleOfALargeFileLeavesTheDatabaseUnchanged) {
  ASSERT_TRUE(Indicators("good_2024q1.xlsx").applied);
  int64_t version = Version(), rows = Count("indicator_month");
  // 3,000 good rows for new firms, one bad value in the middle.
  std::string csv = "统一社会信用代码,统计月份,营业收入(当月,万元)\n";
  const std::string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  for (int i = 0; i < 3000; ++i) {
    std::string body = "91370117MA";
    int x = i;
    for (int k = 0; k < 7; ++k) {
      body += alphabet[static_cast<size_t>(x % 31)];
      x /= 31;
    }
    std::string uscc = body + Uscc::CheckCharacter(body);
    csv += uscc + ",2024-01," + (i == 1500 ? std::string("12O.5") : std::to_string(100 + i)) + "\n";
  }
  auto r = ImportIndicators(*db_, ctx_, csv, "big.csv", options_);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->errors.size(), 1u);
  EXPECT_EQ(r->errors[0].kind, "non_numeric");
  EXPECT_EQ(r->errors[0].cell, "C1502");
  EXPECT_EQ(Count("indicator_month"), rows);
  EXPECT_EQ(Count("enterprise"), 3);
  EXPECT_EQ(Version(), version);
}

// `qiangqu gen` writes files the importers take without an error.
TEST_F(ImportTest, GeneratedFilesImportWithoutErrors) {
  auto dir = std::filesystem::path(path_ + ".gen");
  std::filesystem::remove_all(dir);
  GenerateOptions o;
  o.seed = 9;
  o.enterprises = 400;
  o.months = 24;
  ASSERT_TRUE(GenerateFiles(kData, dir, o, nullptr).ok());
  std::string firms = *ingest::ReadWholeFile(dir / "firms.tsv");
  auto f = ImportEnterprises(*db_, ctx_, firms, "firms.tsv", options_);
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE(f->errors.empty()) << f->errors.front().message;
  EXPECT_EQ(f->inserted, 400);
  std::string months = *ingest::ReadWholeFile(dir / "indicators.csv");
  auto m = ImportIndicators(*db_, ctx_, months, "indicators.csv", options_);
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(m->errors.empty()) << m->errors.front().cell << " " << m->errors.front().message;
  EXPECT_TRUE(m->created.empty());
  EXPECT_GT(m->inserted, 400 * 24 / 2);
  std::filesystem::remove_all(dir);
}

TEST_F(ImportTest, UnreadableFilesAreReportedNotThrown) {
  auto r = ImportIndicators(*db_, ctx_, std::string("%PDF-1.4 not a sheet"), "report.pdf", options_);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->errors.size(), 1u);
  EXPECT_EQ(r->errors[0].kind, "unreadable_file");
}

}  // namespace
}  // namespace qq::app
