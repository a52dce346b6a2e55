// Generator: deterministic synthetic firms and their monthly figures for tests, the demo and
// benchmarks. Each firm i is a pure function of (seed, i), so the registry and the monthly
// sheets can be streamed, in parallel, without holding either in memory.
//
// The model: every county gets a weight and two or three specialty chains (so location
// quotients mean something); a firm is a chain producer, another manufacturer, a trader or a
// service firm; chain producers take a link of a chain, an industry code of that link and an
// 经营范围 built from the link's keywords plus registry boilerplate. Sizes are lognormal, with
// a yearly growth rate, a Spring Festival dip, noise, late entrants, exits and missing months.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/chain.h"
#include "core/region.h"
#include "core/year_month.h"
#include "synth/lexicon.h"
#include "synth/random.h"

namespace qq::synth {

struct County {
  RegionCode code;
  std::string name;        // 钢城区
  std::string city_short;  // 济南 (used in firm names)
  std::vector<RegionCode> towns;
};

enum class FirmKind : uint8_t { kChain, kOtherIndustry, kTrade, kService };

struct GeneratorInput {
  uint64_t seed = 1;
  std::vector<County> counties;
  std::vector<Chain> chains;                  // tagging links with keywords are used
  std::vector<IndustryClass> industries;      // to turn 2/3-digit link codes into 小类
  Lexicon lexicon;
  YearMonth last_month = *YearMonth::Of(2024, 12);
  // Optional: county code → chain name → weight, replacing the random specialisation.
  std::map<std::string, std::map<std::string, double>> specialisation;
};

// The numbers behind one firm (cheap to compute; no strings).
struct FirmProfile {
  uint32_t county = 0;
  FirmKind kind = FirmKind::kChain;
  int32_t chain = -1;       // index into the chains, for kChain
  int32_t link = -1;        // index into that chain's links
  double revenue = 0;       // annual revenue in 元 in the first generated year
  double growth = 0;        // yearly growth rate
  double margin = 0;        // profit / revenue
  double output_ratio = 1;  // output / revenue (0 for non-industrial firms)
  double rnd_share = 0;
  double energy_per_output = 0;  // 吨标准煤 per 元 of output
  double revenue_per_employee = 0;
  int first_month = 0;      // month index of the first report
  int last_month = 0;       // month index of the last report
};

struct SyntheticFirm {
  std::string uscc, name, region, town, industry, founded, scope;
  int64_t registered_capital_wan = 0;
  std::string chain, link;  // the truth the firm was generated from ("" for none)
};

// One firm-month, in 千元 (thousands of yuan) and 0.1 吨标准煤. `active`: the firm existed
// and reported in this period; `reported`: it filed this month (the values are filled in
// either way, so a later 1-N月累计 can include a month that was not filed).
struct MonthFigures {
  bool active = false;
  bool reported = false;
  int64_t output = 0, revenue = 0, profit = 0, rnd = 0, energy = 0;
  int64_t employees = 0;
};

using ProgressFn = std::function<void(uint64_t done, uint64_t total)>;

class Generator {
 public:
  // InvalidArgument if there are no counties or no chain with keywords.
  static Result<Generator> Create(GeneratorInput input);

  FirmProfile Profile(uint64_t i) const;
  SyntheticFirm Firm(uint64_t i) const;
  // The firm with a given profile (county, kind, chain and link chosen by the caller);
  // `item` = (industry code, main item) overrides the main item of a non-chain firm.
  SyntheticFirm Firm(uint64_t i, const FirmProfile& p, const std::pair<std::string, std::string>* item = nullptr) const;
  // Index of the county with this code, or -1.
  int CountyIndex(const std::string& code) const;
  // Tagging links of a chain that the generator can write text for.
  const std::vector<int>& UsableLinks(size_t chain) const { return usable_links_[chain]; }
  std::string Uscc(uint64_t i, const County& county) const;
  MonthFigures Figures(uint64_t i, const FirmProfile& p, YearMonth month) const;
  const std::vector<County>& counties() const { return in_.counties; }
  const std::vector<Chain>& chains() const { return in_.chains; }

  // firms.tsv: one firm per line with a Chinese header (the enterprise-import format).
  Status WriteFirms(std::FILE* out, uint64_t count, const ProgressFn& progress) const;
  // indicators.csv: `months` months ending at last_month, month by month (the monthly
  // import-sheet format); 1-N月累计 is the running sum of 当月 within each year.
  Status WriteIndicators(std::FILE* out, uint64_t count, int months, int threads, const ProgressFn& progress) const;

 private:
  explicit Generator(GeneratorInput in) : in_(std::move(in)) {}
  void Prepare();
  uint32_t PickCounty(uint64_t r) const;
  std::string SmallClassFor(const std::string& code, uint64_t r) const;
  std::string BuildScope(const FirmProfile& p, Rng& rng, std::string& industry,
                         const std::pair<std::string, std::string>* item) const;

  GeneratorInput in_;
  std::vector<double> county_cdf_;
  std::vector<std::vector<double>> chain_cdf_;  // per county, over chains
  std::vector<std::vector<int>> usable_links_;  // per chain: tagging links with keywords
  std::map<std::string, std::vector<std::string>> children_;  // code → 小类 below it
};

}  // namespace qq::synth
