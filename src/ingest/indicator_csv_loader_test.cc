// The fast monthly-file loader reads exactly what the importer reads: every value of a
// generated file equals the importer's record (slow path: ReadTable + ParseIndicatorTable),
// the integer fast path of a number equals ParseDecimalScaled on any text, and the columns
// make the same analytics::Dataset as the importer's rows.
#include "ingest/indicator_csv_loader.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

#include "analytics/dataset.h"
#include "core/decimal.h"
#include "core/unicode.h"
#include "ingest/chain_templates.h"
#include "ingest/file_util.h"
#include "ingest/indicator_sheet.h"
#include "ingest/reference_data.h"
#include "ingest/table_reader.h"
#include "synth/generator.h"

namespace qq::ingest {
namespace {

const std::filesystem::path kData = std::filesystem::path(QQ_SOURCE_DIR) / "data";

ColumnAliases Aliases() {
  return *ColumnAliases::Parse(*ReadWholeFile(kData / "import" / "columns.toml"), "columns.toml");
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

struct Generated {
  std::string firms_tsv, indicators_csv;
  std::vector<std::string> codes;  // firm number → USCC
};

Generated Generate(uint64_t firms, int months) {
  synth::GeneratorInput in;
  in.seed = 11;
  auto code = [](const char* s) { return *RegionCode::Parse(s); };
  in.counties = {{code("370117"), "钢城区", "济南", {code("370117001")}}, {code("370306"), "周村区", "淄博", {}}};
  in.industries = *LoadIndustryClasses(kData);
  std::set<std::string> codes;
  for (const auto& c : in.industries) codes.insert(c.code.str());
  in.chains = *LoadChainTemplates(kData / "chains", codes);
  in.lexicon = *synth::ParseLexicon(*ReadWholeFile(kData / "synth" / "lexicon.toml"), "lexicon.toml");
  auto g = *synth::Generator::Create(std::move(in));
  Generated out;
  out.indicators_csv = Capture([&](std::FILE* f) { ASSERT_TRUE(g.WriteIndicators(f, firms, months, 2, nullptr).ok()); });
  for (uint64_t i = 0; i < firms; ++i) out.codes.push_back(g.Firm(i).uscc);
  return out;
}

FirmLookup LookupOf(const std::vector<std::string>& codes) {
  FirmLookup l;
  l.Reserve(codes.size());
  for (const auto& c : codes) EXPECT_TRUE(l.Add(c).ok());
  return l;
}

TEST(FirmLookup, FindsEveryCodeAndNothingElse) {
  std::vector<std::string> codes;
  for (int i = 0; i < 5000; ++i) {
    char buf[19];
    std::snprintf(buf, sizeof buf, "91370117%09dX", i * 7919);
    codes.push_back(buf);
  }
  FirmLookup l;  // grows from empty
  for (size_t i = 0; i < codes.size(); ++i) EXPECT_EQ(*l.Add(codes[i]), i);
  EXPECT_EQ(*l.Add(codes[17]), 17u);  // known: same number
  EXPECT_EQ(l.size(), codes.size());
  for (size_t i = 0; i < codes.size(); ++i) {
    EXPECT_EQ(l.Find(codes[i]), i);
    EXPECT_EQ(l.FindNear(codes[i], static_cast<uint32_t>(i)), i);
    EXPECT_EQ(l.FindNear(codes[i], static_cast<uint32_t>((i + 1) % codes.size())), i);
    EXPECT_EQ(l.CodeOf(static_cast<uint32_t>(i)), codes[i]);
  }
  EXPECT_EQ(l.Find("91370117000000001Y"), FirmLookup::kNone);
  EXPECT_EQ(l.Find("short"), FirmLookup::kNone);
  EXPECT_FALSE(l.Add("short").ok());
}

TEST(IndicatorCsvLoader, FastNumberPathEqualsParseDecimalScaled) {
  std::mt19937_64 rng(5);
  const std::string alphabet = "0123456789000.-";
  const std::string rare = " +,eE１";
  int fast_checked = 0;
  for (int k = 0; k < 300000; ++k) {
    std::string t;
    size_t len = rng() % 22;
    for (size_t i = 0; i < len; ++i) {
      if (rng() % 40 == 0) {
        t += rare[rng() % rare.size()];
      } else {
        t += alphabet[rng() % alphabet.size()];
      }
    }
    if (k % 3 == 0) {  // plausible numbers, some long
      t = std::to_string(rng() % 100000000000000000ULL);
      if (rng() % 2) t.insert(t.size() - std::min<size_t>(t.size(), rng() % 6), ".");
      if (rng() % 4 == 0) t.insert(0, "-");
    }
    for (int pow : {0, 3, 4, 8}) {
      bool missing = false;
      auto got = ParseIndicatorValue(t, pow, missing);
      std::string folded = FoldWidth(TrimSpaces(t));
      bool want_missing = folded.empty() || folded == "-" || folded == "--" || folded == "/";
      ASSERT_EQ(missing, want_missing) << "'" << t << "'";
      if (want_missing) continue;
      auto want = ParseDecimalScaled(folded, pow);
      ASSERT_EQ(got.ok(), want.ok()) << "'" << t << "' pow " << pow;
      if (want.ok()) {
        ASSERT_EQ(*got, *want) << "'" << t << "' pow " << pow;
        ++fast_checked;
      }
    }
  }
  EXPECT_GT(fast_checked, 100000);
}

TEST(IndicatorCsvLoader, EqualsTheImporterOnAGeneratedFile) {
  Generated g = Generate(3000, 15);
  FirmLookup firms = LookupOf(g.codes);
  ColumnAliases aliases = Aliases();
  for (int threads : {1, 2, 3}) {
    IndicatorCsvOptions opt;
    opt.threads = threads;
    // Force several parts even on a small file by repeating the parse through the public API.
    auto fast = ParseIndicatorCsv(g.indicators_csv, "indicators.csv", aliases, firms, opt);
    ASSERT_TRUE(fast.ok()) << fast.status().message();
    auto table = ReadTableFromBytes(g.indicators_csv, "indicators.csv");
    ASSERT_TRUE(table.ok()) << table.status().message();
    IndicatorParseOptions po;
    po.latest_month = *YearMonth::Of(2100, 1);
    IndicatorSheets slow = ParseIndicatorTable(*table, aliases, po);
    ASSERT_TRUE(slow.errors.empty()) << slow.errors.front().message;
    ASSERT_EQ(fast->rows, slow.records.size());
    size_t k = 0;
    int64_t values = 0;
    for (const auto& part : fast->parts) {
      for (size_t r = 0; r < part.size(); ++r, ++k) {
        const IndicatorRecord& rec = slow.records[k];
        ASSERT_EQ(g.codes[part.firm[r]], rec.uscc.str()) << "row " << k;
        ASSERT_EQ(part.month[r], rec.month.Index()) << "row " << k;
        for (size_t i = 0; i < static_cast<size_t>(kIndicatorCount); ++i) {
          std::optional<int64_t> cur, cum;
          if (part.has_current[i] && part.current[i][r] != kIndicatorMissing) cur = part.current[i][r];
          if (part.has_cumulative[i] && part.cumulative[i][r] != kIndicatorMissing) cum = part.cumulative[i][r];
          ASSERT_EQ(cur, rec.current[i]) << "row " << k << " indicator " << i;
          ASSERT_EQ(cum, rec.cumulative[i]) << "row " << k << " indicator " << i;
          values += cur.has_value() + cum.has_value();
        }
      }
    }
    EXPECT_GT(values, 100000);
  }
}

TEST(IndicatorCsvLoader, ColumnsMakeTheSameDatasetAsTheImportersRows) {
  Generated g = Generate(2000, 14);
  FirmLookup firms = LookupOf(g.codes);
  ColumnAliases aliases = Aliases();
  auto fast = *ParseIndicatorCsv(g.indicators_csv, "indicators.csv", aliases, firms, {});
  auto table = *ReadTableFromBytes(g.indicators_csv, "indicators.csv");
  IndicatorParseOptions po;
  po.latest_month = *YearMonth::Of(2100, 1);
  IndicatorSheets slow = ParseIndicatorTable(table, aliases, po);
  auto dims = [&](analytics::DatasetBuilder& b) {
    b.AddCounty("370117");
    for (size_t f = 0; f < g.codes.size(); ++f) {
      analytics::FirmInfo info;
      info.enterprise_id = static_cast<int64_t>(f + 1);
      info.scale_threshold = 20'000'000;
      b.AddFirm(info);
    }
  };
  analytics::DatasetBuilder a, b;
  dims(a);
  dims(b);
  for (auto& part : fast.parts) {
    analytics::DatasetBuilder::Shard s;
    s.firm = std::move(part.firm);
    s.month = std::move(part.month);
    s.current = std::move(part.current);
    s.cumulative = std::move(part.cumulative);
    s.has_current = part.has_current;
    s.has_cumulative = part.has_cumulative;
    a.AddShard(std::move(s));
  }
  for (const auto& rec : slow.records) {
    analytics::MonthValues v;
    for (size_t i = 0; i < static_cast<size_t>(kIndicatorCount); ++i) {
      if (rec.current[i]) v.current[i] = *rec.current[i];
      if (rec.cumulative[i]) v.cumulative[i] = *rec.cumulative[i];
    }
    b.AddRow(firms.Find(rec.uscc.str()), rec.month, v);
  }
  auto da = *a.Finish(2), db = *b.Finish(2);
  ASSERT_EQ(da.row_count(), db.row_count());
  for (int p = 0; p < da.month_count(); ++p) {
    for (uint32_t f = 0; f < da.firm_count(); ++f) {
      for (Indicator i : kAllIndicators) {
        ASSERT_EQ(da.CurrentAt(f, p, i), db.CurrentAt(f, p, i));
        ASSERT_EQ(da.CumulativeAt(f, p, i), db.CumulativeAt(f, p, i));
      }
    }
    for (uint32_t f = 0; f < da.firm_count(); ++f) ASSERT_EQ(da.AboveScale(f, 2024), db.AboveScale(f, 2024));
  }
}

TEST(IndicatorCsvLoader, StopsAtTheFirstProblemWithItsLine) {
  FirmLookup firms = LookupOf({"91370117MA3C0000X1", "91370117MA3C0000X2"});
  ColumnAliases aliases = Aliases();
  const std::string header = "统一社会信用代码,统计月份,\"营业收入(当月,万元)\",\"利润总额(当月,万元)\",从业人员(人)\n";
  auto parse = [&](const std::string& body, bool skip = false) {
    IndicatorCsvOptions o;
    o.skip_unknown_firms = skip;
    return ParseIndicatorCsv(header + body, "x.csv", aliases, firms, o);
  };
  auto ok = parse("91370117MA3C0000X1,2024-01,12.5,-3.25,10\r\n91370117MA3C0000X2,2024年2月,\"1,234.5\",,-\n\n");
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  ASSERT_EQ(ok->rows, 2u);
  const auto& p = ok->parts[0];
  EXPECT_EQ(p.current[static_cast<size_t>(Indicator::kRevenue)][0], 125000);
  EXPECT_EQ(p.current[static_cast<size_t>(Indicator::kProfit)][0], -32500);
  EXPECT_EQ(p.current[static_cast<size_t>(Indicator::kEmployees)][0], 10);
  EXPECT_EQ(p.current[static_cast<size_t>(Indicator::kRevenue)][1], 12345000);
  EXPECT_EQ(p.current[static_cast<size_t>(Indicator::kProfit)][1], kIndicatorMissing);
  EXPECT_EQ(p.current[static_cast<size_t>(Indicator::kEmployees)][1], kIndicatorMissing);
  EXPECT_EQ(p.month[1], YearMonth::Of(2024, 2)->Index());
  EXPECT_FALSE(p.has_cumulative[static_cast<size_t>(Indicator::kRevenue)]);

  auto unknown = parse("91370117MA3C0000X1,2024-01,1,1,1\n91370117MA3C0000X9,2024-01,1,1,1\n");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("line 3"), std::string::npos) << unknown.status().message();
  auto skipped = parse("91370117MA3C0000X1,2024-01,1,1,1\n91370117MA3C0000X9,2024-01,1,1,1\n", true);
  ASSERT_TRUE(skipped.ok());
  EXPECT_EQ(skipped->rows, 1u);
  EXPECT_EQ(skipped->skipped_unknown_firms, 1u);

  auto bad = parse("91370117MA3C0000X1,2024-01,1二,1,1\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("line 2, column 营业收入(当月,万元)"), std::string::npos) << bad.status().message();
  auto negative = parse("91370117MA3C0000X1,2024-01,-1,1,1\n");
  ASSERT_FALSE(negative.ok());
  auto fields = parse("91370117MA3C0000X1,2024-01,1,1\n");
  ASSERT_FALSE(fields.ok());
  auto month = parse("91370117MA3C0000X1,2024-13,1,1,1\n");
  ASSERT_FALSE(month.ok());
  auto open_quote = parse("91370117MA3C0000X1,2024-01,\"1\n2\",1,1\n");
  ASSERT_FALSE(open_quote.ok());
  auto no_month = ParseIndicatorCsv("统一社会信用代码,营业收入\n", "y.csv", aliases, firms, {});
  ASSERT_FALSE(no_month.ok());
}

}  // namespace
}  // namespace qq::ingest
