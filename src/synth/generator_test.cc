#include "synth/generator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "core/uscc.h"
#include "ingest/chain_templates.h"
#include "ingest/file_util.h"
#include "ingest/reference_data.h"

namespace qq::synth {
namespace {

const std::filesystem::path kData = std::filesystem::path(QQ_SOURCE_DIR) / "data";

GeneratorInput Input(uint64_t seed) {
  GeneratorInput in;
  in.seed = seed;
  auto code = [](const char* s) { return *RegionCode::Parse(s); };
  in.counties = {{code("370117"), "钢城区", "济南", {code("370117001"), code("370117002")}},
                 {code("370306"), "周村区", "淄博", {}},
                 {code("110105"), "朝阳区", "北京", {}}};
  in.industries = *ingest::LoadIndustryClasses(kData);
  std::set<std::string> codes;
  for (const auto& c : in.industries) codes.insert(c.code.str());
  in.chains = *ingest::LoadChainTemplates(kData / "chains", codes);
  in.lexicon = *ParseLexicon(*ingest::ReadWholeFile(kData / "synth" / "lexicon.toml"), "lexicon.toml");
  return in;
}

std::string Capture(const std::function<void(std::FILE*)>& fn) {
  char* data = nullptr;
  size_t size = 0;
  std::FILE* f = open_memstream(&data, &size);
  fn(f);
  std::fclose(f);
  std::string out(data, size);
  free(data);
  return out;
}

TEST(Generator, FirmsAreDeterministicValidAndUnique) {
  auto g = *Generator::Create(Input(7));
  auto again = *Generator::Create(Input(7));
  auto other = *Generator::Create(Input(8));
  std::set<std::string> codes;
  int differs = 0;
  for (uint64_t i = 0; i < 2000; ++i) {
    SyntheticFirm f = g.Firm(i);
    EXPECT_EQ(f.uscc, again.Firm(i).uscc);
    EXPECT_EQ(f.scope, again.Firm(i).scope);
    differs += f.scope != other.Firm(i).scope;
    EXPECT_TRUE(Uscc::Parse(f.uscc).ok()) << f.uscc;
    EXPECT_EQ(f.uscc.substr(2, 6), f.region);
    EXPECT_TRUE(codes.insert(f.uscc).second) << "duplicate " << f.uscc;
    EXPECT_TRUE(f.name.ends_with("公司")) << f.name;
    EXPECT_FALSE(f.industry.empty());
    EXPECT_NE(f.scope.find("。"), std::string::npos);
    if (!f.chain.empty()) EXPECT_EQ(f.industry.size(), 4u) << f.industry;
  }
  EXPECT_GT(differs, 1500);
}

TEST(Generator, SpecialisationShapesCounties) {
  GeneratorInput in = Input(3);
  in.specialisation["370306"] = {{"不锈钢", 50.0}};
  auto g = *Generator::Create(in);
  int stainless = 0, chain_firms = 0;
  for (uint64_t i = 0; i < 5000; ++i) {
    FirmProfile p = g.Profile(i);
    if (g.counties()[p.county].code.str() != "370306" || p.kind != FirmKind::kChain) continue;
    ++chain_firms;
    stainless += g.chains()[static_cast<size_t>(p.chain)].name == "不锈钢";
  }
  ASSERT_GT(chain_firms, 50);
  EXPECT_GT(stainless * 10, chain_firms * 8);
}

TEST(Generator, IndicatorCumulativeIsTheRunningSumWithinEachYear) {
  auto g = *Generator::Create(Input(11));
  std::string csv = Capture([&](std::FILE* f) { ASSERT_TRUE(g.WriteIndicators(f, 300, 24, 2, nullptr).ok()); });
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  EXPECT_NE(line.find("工业总产值(1-N月累计,万元)"), std::string::npos);
  // uscc → year → (sum of 当月 revenue in tenths, last month seen)
  std::map<std::string, std::map<int, std::pair<int64_t, int>>> seen;
  int rows = 0, checked = 0;
  while (std::getline(in, line)) {
    ++rows;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) f.push_back(cell);
    if (line.back() == ',') f.push_back("");
    ASSERT_EQ(f.size(), 11u) << line;
    int year = std::stoi(f[1].substr(0, 4)), month = std::stoi(f[1].substr(5, 2));
    auto tenths = [](const std::string& s) { return std::llround(std::stod(s) * 10); };
    auto& [sum, last] = seen[f[0]][year];
    sum += tenths(f[4]);
    // Without a gap since January, 1-N月累计 equals the running sum.
    if (last == month - 1) {
      EXPECT_EQ(tenths(f[5]), sum) << line;
      ++checked;
    } else {
      sum = tenths(f[5]);  // restart from the next known 累计 after a missing month
    }
    last = month;
  }
  EXPECT_GT(rows, 300 * 24 / 2);
  EXPECT_GT(checked, rows / 2);
}

TEST(Generator, ZeroMonthsWritesOnlyTheHeader) {
  auto g = *Generator::Create(Input(1));
  std::string csv = Capture([&](std::FILE* f) { ASSERT_TRUE(g.WriteIndicators(f, 100, 0, 1, nullptr).ok()); });
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1);
}

}  // namespace
}  // namespace qq::synth
