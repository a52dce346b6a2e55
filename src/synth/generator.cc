#include "synth/generator.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <thread>

#include "core/uscc.h"

namespace qq::synth {
namespace {

// Monthly shares of a year's activity: the Spring Festival dip in January and February and
// the year-end push in December; they sum to 12.
constexpr double kSeason[12] = {0.80, 0.68, 1.02, 1.00, 1.02, 1.05, 0.98, 0.98, 1.03, 1.04, 1.10, 1.30};

constexpr std::string_view kUsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// GB 11714 check character of an 8-character organisation code body.
char OrgCodeCheck(std::string_view body) {
  static constexpr int kWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (size_t k = 0; k < 8; ++k) {
    char c = body[k];
    int v = (c >= '0' && c <= '9') ? c - '0' : c - 'A' + 10;
    sum += v * kWeights[k];
  }
  int check = 11 - sum % 11;
  if (check == 10) return 'X';
  if (check == 11) return '0';
  return static_cast<char>('0' + check);
}

template <typename T>
const T& PickFrom(const std::vector<T>& v, Rng& r) {
  return v[r.Below(v.size())];
}

std::string Replace(const std::string& pattern, const std::string& word) {
  std::string out;
  size_t start = 0;
  while (true) {
    size_t pos = pattern.find("{}", start);
    out += pattern.substr(start, pos - start);
    if (pos == std::string::npos) break;
    out += word;
    start = pos + 2;
  }
  return out;
}

// Appends value/10 with one decimal ("-12.3") to `out`.
void AppendTenths(std::string& out, int64_t v) {
  char buf[32];
  char* end = buf + sizeof buf;
  char* p = end;
  bool neg = v < 0;
  uint64_t m = neg ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  *--p = static_cast<char>('0' + m % 10);
  *--p = '.';
  m /= 10;
  do {
    *--p = static_cast<char>('0' + m % 10);
    m /= 10;
  } while (m);
  if (neg) *--p = '-';
  out.append(p, static_cast<size_t>(end - p));
}

void AppendInt(std::string& out, int64_t v) {
  char buf[24];
  char* end = buf + sizeof buf;
  char* p = end;
  bool neg = v < 0;
  uint64_t m = neg ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  do {
    *--p = static_cast<char>('0' + m % 10);
    m /= 10;
  } while (m);
  if (neg) *--p = '-';
  out.append(p, static_cast<size_t>(end - p));
}

constexpr const char* kFirmsHeader =
    "统一社会信用代码\t企业名称\t行政区划代码\t所在乡镇(街道)\t行业代码\t成立日期\t注册资本(万元)\t经营范围\n";
constexpr const char* kIndicatorsHeader =
    "统一社会信用代码,统计月份,\"工业总产值(当月,万元)\",\"工业总产值(1-N月累计,万元)\",\"营业收入(当月,万元)\","
    "\"营业收入(1-N月累计,万元)\",\"利润总额(当月,万元)\",\"利润总额(1-N月累计,万元)\",从业人员(人),"
    "\"研发费用(当月,万元)\",\"综合能源消费量(当月,吨标准煤)\"\n";

}  // namespace

Result<Generator> Generator::Create(GeneratorInput input) {
  if (input.counties.empty()) return Status::InvalidArgument("the generator needs at least one county");
  std::set<std::string> known;
  for (const auto& c : input.industries) known.insert(c.code.str());
  const Lexicon& lx = input.lexicon;
  for (const auto* items : {&lx.other_industry_items, &lx.trade_items, &lx.service_items}) {
    for (const auto& [code, item] : *items) {
      if (!known.empty() && !known.count(code)) {
        return Status::InvalidArgument("lexicon item '" + item + "' has industry code " + code + ", which is not in GB/T 4754-2017");
      }
    }
  }
  Generator g(std::move(input));
  g.Prepare();
  bool any = std::any_of(g.usable_links_.begin(), g.usable_links_.end(), [](const auto& v) { return !v.empty(); });
  if (!any) return Status::InvalidArgument("the generator needs chain templates with keywords");
  return g;
}

void Generator::Prepare() {
  for (const auto& c : in_.industries) {
    if (c.code.Level() != 4) continue;
    const std::string& s = c.code.str();
    children_[s.substr(0, 2)].push_back(s);
    children_[s.substr(0, 3)].push_back(s);
    children_[s].push_back(s);
  }
  usable_links_.resize(in_.chains.size());
  for (size_t c = 0; c < in_.chains.size(); ++c) {
    const auto& links = in_.chains[c].links;
    for (size_t l = 0; l < links.size(); ++l) {
      if (links[l].tagging && !links[l].keywords.empty() &&
          (!links[l].industry_codes.empty() || !links[l].hint_codes.empty())) {
        usable_links_[c].push_back(static_cast<int>(l));
      }
    }
  }
  double total = 0;
  for (const auto& county : in_.counties) {
    Rng r(in_.seed, std::hash<std::string>{}(county.code.str()), 1);
    total += std::exp(r.Normal());
    county_cdf_.push_back(total);
    std::vector<double> w(in_.chains.size(), 1.0);
    auto spec = in_.specialisation.find(county.code.str());
    if (spec != in_.specialisation.end()) {
      for (size_t c = 0; c < in_.chains.size(); ++c) {
        auto it = spec->second.find(in_.chains[c].name);
        w[c] = it == spec->second.end() ? 0.2 : it->second;
      }
    } else {
      int specialties = 2 + static_cast<int>(r.Below(2));
      for (int k = 0; k < specialties; ++k) w[r.Below(w.size())] += 9.0;
    }
    for (size_t c = 0; c < w.size(); ++c) {
      if (usable_links_[c].empty()) w[c] = 0;
    }
    std::vector<double> cdf;
    double acc = 0;
    for (double x : w) cdf.push_back(acc += x);
    chain_cdf_.push_back(std::move(cdf));
  }
}

uint32_t Generator::PickCounty(uint64_t r) const {
  double x = static_cast<double>(r >> 11) * 0x1.0p-53 * county_cdf_.back();
  return static_cast<uint32_t>(std::upper_bound(county_cdf_.begin(), county_cdf_.end(), x) - county_cdf_.begin());
}

FirmProfile Generator::Profile(uint64_t i) const {
  Rng r(in_.seed, i, 11);
  FirmProfile p;
  p.county = std::min<uint32_t>(PickCounty(r.Next()), static_cast<uint32_t>(in_.counties.size() - 1));
  double u = r.Uniform();
  p.kind = u < 0.55 ? FirmKind::kChain : u < 0.72 ? FirmKind::kOtherIndustry : u < 0.90 ? FirmKind::kTrade : FirmKind::kService;
  if (p.kind == FirmKind::kChain) {
    const auto& cdf = chain_cdf_[p.county];
    double x = r.Uniform() * cdf.back();
    p.chain = static_cast<int32_t>(std::upper_bound(cdf.begin(), cdf.end(), x) - cdf.begin());
    p.chain = std::min<int32_t>(p.chain, static_cast<int32_t>(cdf.size() - 1));
    const auto& links = usable_links_[static_cast<size_t>(p.chain)];
    p.link = links[r.Below(links.size())];
  }
  bool industrial = p.kind == FirmKind::kChain || p.kind == FirmKind::kOtherIndustry;
  double median = p.kind == FirmKind::kChain ? 8e6 : 5e6;
  p.revenue = median * std::exp(1.6 * r.Normal());
  p.growth = std::clamp(0.06 + 0.10 * r.Normal(), -0.35, 0.6);
  p.margin = std::clamp(0.05 + 0.04 * r.Normal(), -0.2, 0.3);
  p.output_ratio = industrial ? 0.95 + 0.15 * r.Uniform() : 0.0;
  p.rnd_share = p.kind == FirmKind::kChain ? 0.005 + 0.045 * r.Uniform() : 0.002 * r.Uniform();
  p.energy_per_output = industrial ? (0.02 + 0.3 * r.Uniform()) / 1e4 : 0.0;
  p.revenue_per_employee = (60 + 90 * r.Uniform()) * 1e4;
  int last = in_.last_month.Index();
  // Founded between 6 months and 30 years ago, log-uniformly (many young firms); reports
  // begin three months after founding.
  int age = static_cast<int>(std::exp(std::log(6.0) + r.Uniform() * (std::log(360.0) - std::log(6.0))));
  p.first_month = last - age + 3;
  p.last_month = r.Chance(0.03) ? last - static_cast<int>(r.Below(24)) : last;
  return p;
}

std::string Generator::Uscc(uint64_t i, const County& county) const {
  // A bijection of the firm index onto 8 characters keeps codes unique; the seed shifts it.
  uint64_t x = (i * 2654435761ull + (in_.seed % 1000003) * 7919ull) % 852891037441ull;  // 31^8
  std::string body = "91" + county.code.str();
  std::string org(8, '0');
  for (int k = 7; k >= 0; --k) {
    org[static_cast<size_t>(k)] = kUsccAlphabet[x % 31];
    x /= 31;
  }
  if (i % 3 != 0) org[0] = 'M';  // new-style codes issued since 2015 start with MA
  if (i % 3 != 0) org[1] = 'A';
  body += org;
  body.push_back(OrgCodeCheck(org));
  body.push_back(Uscc::CheckCharacter(body));
  return body;
}

std::string Generator::SmallClassFor(const std::string& code, uint64_t r) const {
  auto it = children_.find(code);
  if (it == children_.end() || it->second.empty()) return code;
  return it->second[r % it->second.size()];
}

std::string Generator::BuildScope(const FirmProfile& p, Rng& r, std::string& industry,
                                  const std::pair<std::string, std::string>* item) const {
  const Lexicon& lx = in_.lexicon;
  std::vector<std::string> items;
  switch (p.kind) {
    case FirmKind::kChain: {
      const Chain& chain = in_.chains[static_cast<size_t>(p.chain)];
      const ChainLink& link = chain.links[static_cast<size_t>(p.link)];
      const std::string& kw = PickFrom(link.keywords, r);
      const auto& codes = link.industry_codes.empty() ? link.hint_codes : link.industry_codes;
      industry = SmallClassFor(codes[r.Below(codes.size())].str(), r.Next());
      const auto& patterns = link.service ? lx.service_patterns : lx.production_patterns;
      items.push_back(Replace(PickFrom(patterns, r), kw));
      if (r.Chance(0.5)) {
        const auto& usable = usable_links_[static_cast<size_t>(p.chain)];
        const ChainLink& other = chain.links[static_cast<size_t>(usable[r.Below(usable.size())])];
        const std::string& kw2 = PickFrom(other.keywords, r);
        items.push_back(kw2 + (other.service ? "服务" : (r.Chance(0.5) ? "制造" : "销售")));
      }
      break;
    }
    case FirmKind::kOtherIndustry: {
      const auto& [code, main] = item ? *item : PickFrom(lx.other_industry_items, r);
      industry = code;
      items.push_back(main);
      break;
    }
    case FirmKind::kTrade: {
      const auto& [code, item] = PickFrom(lx.trade_items, r);
      industry = code;
      items.push_back(item);
      break;
    }
    case FirmKind::kService: {
      const auto& [code, item] = PickFrom(lx.service_items, r);
      industry = code;
      items.push_back(item);
      break;
    }
  }
  int extra = 1 + static_cast<int>(r.Below(4));
  for (int k = 0; k < extra; ++k) {
    const std::string& clause = PickFrom(lx.generic_clauses, r);
    if (std::find(items.begin(), items.end(), clause) == items.end()) items.push_back(clause);
  }
  std::string scope;
  bool new_style = r.Chance(0.7);
  if (new_style) scope = "一般项目：";
  for (size_t k = 0; k < items.size(); ++k) {
    if (k) scope += "；";
    scope += items[k];
  }
  if (new_style) {
    scope += "。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）";
    if (r.Chance(0.2)) {
      scope += "许可项目：" + PickFrom(lx.licence_clauses, r) +
               "。（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）";
    }
  } else {
    scope += "。（依法须经批准的项目，经相关部门批准后方可开展经营活动）";
  }
  return scope;
}

int Generator::CountyIndex(const std::string& code) const {
  for (size_t k = 0; k < in_.counties.size(); ++k) {
    if (in_.counties[k].code.str() == code) return static_cast<int>(k);
  }
  return -1;
}

SyntheticFirm Generator::Firm(uint64_t i) const { return Firm(i, Profile(i)); }

SyntheticFirm Generator::Firm(uint64_t i, const FirmProfile& p, const std::pair<std::string, std::string>* item) const {
  const County& county = in_.counties[p.county];
  Rng r(in_.seed, i, 17);
  const Lexicon& lx = in_.lexicon;
  SyntheticFirm f;
  f.uscc = Uscc(i, county);
  f.region = county.code.str();
  if (!county.towns.empty()) f.town = county.towns[r.Below(county.towns.size())].str();
  f.scope = BuildScope(p, r, f.industry, item);
  std::string word;
  switch (p.kind) {
    case FirmKind::kChain: {
      const Chain& chain = in_.chains[static_cast<size_t>(p.chain)];
      const ChainLink& link = chain.links[static_cast<size_t>(p.link)];
      f.chain = chain.name;
      f.link = link.key;
      const std::string& kw = PickFrom(link.keywords, r);
      word = (kw.size() <= 12 ? kw : chain.name) + (r.Chance(0.4) ? "科技" : r.Chance(0.5) ? "制造" : "");
      break;
    }
    case FirmKind::kOtherIndustry: {
      // Name the firm after its main item when it was given ("泵及真空设备制造" → "泵及真空设备").
      word = PickFrom(lx.other_industry_words, r);
      if (item) {
        std::string main = item->second;
        for (const char* tail : {"制造", "加工", "生产"}) {
          std::string t(tail);
          if (main.size() > t.size() && main.ends_with(t)) main.resize(main.size() - t.size());
        }
        if (main.size() <= 18 && main.find("、") == std::string::npos) word = main;
      }
      break;
    }
    case FirmKind::kTrade: word = PickFrom(lx.trade_words, r); break;
    case FirmKind::kService: word = PickFrom(lx.service_words, r); break;
  }
  f.name = county.city_short + PickFrom(lx.trade_name_chars, r) + PickFrom(lx.trade_name_chars, r) + word +
           PickFrom(lx.org_forms, r);
  YearMonth founded = YearMonth::FromIndex(std::max(p.first_month - 3, 1950 * 12));
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", founded.year(), founded.month(), 1 + static_cast<int>(r.Below(28)));
  f.founded = buf;
  f.registered_capital_wan = std::max<int64_t>(10, static_cast<int64_t>(p.revenue / 1e4 * (0.05 + 0.3 * r.Uniform())) / 10 * 10);
  return f;
}

MonthFigures Generator::Figures(uint64_t i, const FirmProfile& p, YearMonth month) const {
  MonthFigures m;
  int idx = month.Index();
  if (idx < p.first_month || idx > p.last_month) return m;
  m.active = true;
  Rng r(in_.seed, (i << 12) ^ static_cast<uint64_t>(idx), 13);
  double late = idx == in_.last_month.Index() ? 0.04 : 0.0;
  m.reported = !r.Chance(0.015 + late);
  int base = in_.last_month.Index() - 35;
  double annual = p.revenue * std::pow(1.0 + p.growth, (idx - base) / 12.0);
  double revenue = annual / 12.0 * kSeason[month.month() - 1] * (1.0 + 0.06 * r.Normal());
  if (revenue < 0) revenue = 0;
  double output = revenue * p.output_ratio * (1.0 + 0.02 * r.Normal());
  m.revenue = std::llround(revenue / 1000.0);
  m.output = p.output_ratio > 0 ? std::llround(std::max(0.0, output) / 1000.0) : 0;
  m.profit = std::llround(revenue * (p.margin + 0.02 * r.Normal()) / 1000.0);
  m.rnd = std::llround(revenue * p.rnd_share / 1000.0);
  m.energy = std::llround(std::max(0.0, output) * p.energy_per_output * 10.0);
  m.employees = std::max<int64_t>(1, std::llround(annual / p.revenue_per_employee * (1.0 + 0.02 * r.Normal())));
  return m;
}

Status Generator::WriteFirms(std::FILE* out, uint64_t count, const ProgressFn& progress) const {
  std::string buf;
  buf.reserve(1 << 22);
  buf += kFirmsHeader;
  for (uint64_t i = 0; i < count; ++i) {
    SyntheticFirm f = Firm(i);
    buf += f.uscc;
    buf += '\t';
    buf += f.name;
    buf += '\t';
    buf += f.region;
    buf += '\t';
    buf += f.town;
    buf += '\t';
    buf += f.industry;
    buf += '\t';
    buf += f.founded;
    buf += '\t';
    AppendInt(buf, f.registered_capital_wan);
    buf += '\t';
    buf += f.scope;
    buf += '\n';
    if (buf.size() > (1 << 22) - 4096) {
      if (std::fwrite(buf.data(), 1, buf.size(), out) != buf.size()) return Status::Io("cannot write firms.tsv");
      buf.clear();
      if (progress) progress(i + 1, count);
    }
  }
  if (std::fwrite(buf.data(), 1, buf.size(), out) != buf.size()) return Status::Io("cannot write firms.tsv");
  if (progress) progress(count, count);
  return Status::Ok();
}

Status Generator::WriteIndicators(std::FILE* out, uint64_t count, int months, int threads, const ProgressFn& progress) const {
  if (std::fputs(kIndicatorsHeader, out) < 0) return Status::Io("cannot write indicators.csv");
  if (months <= 0 || count == 0) return Status::Ok();
  threads = std::max(1, threads);
  // Per firm: the running 1-N月 sums of output, revenue and profit within the current year.
  struct Running {
    int64_t output = 0, revenue = 0, profit = 0;
  };
  std::vector<FirmProfile> profiles(count);
  std::vector<Running> running(count);
  std::vector<std::string> uscc(count);
  auto prepare = [&](uint64_t from, uint64_t to) {
    for (uint64_t i = from; i < to; ++i) {
      profiles[i] = Profile(i);
      uscc[i] = Uscc(i, in_.counties[profiles[i].county]);
    }
  };
  auto run_parts = [&](auto&& fn) {
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
      uint64_t from = count * static_cast<uint64_t>(t) / static_cast<uint64_t>(threads);
      uint64_t to = count * static_cast<uint64_t>(t + 1) / static_cast<uint64_t>(threads);
      pool.emplace_back([&fn, t, from, to] { fn(t, from, to); });
    }
    for (auto& th : pool) th.join();
  };
  run_parts([&](int, uint64_t from, uint64_t to) { prepare(from, to); });
  std::vector<std::string> bufs(static_cast<size_t>(threads));
  YearMonth first = in_.last_month.AddMonths(-(months - 1));
  for (int k = 0; k < months; ++k) {
    YearMonth month = first.AddMonths(k);
    std::string month_text = month.ToString();
    run_parts([&](int t, uint64_t from, uint64_t to) {
      std::string& b = bufs[static_cast<size_t>(t)];
      b.clear();
      for (uint64_t i = from; i < to; ++i) {
        Running& run = running[i];
        if (month.month() == 1) run = Running{};
        MonthFigures m = Figures(i, profiles[i], month);
        if (!m.active) continue;
        // A month the firm did not report still happened: the next 1-N月累计 includes it.
        run.output += m.output;
        run.revenue += m.revenue;
        run.profit += m.profit;
        if (!m.reported) continue;
        bool industrial = profiles[i].output_ratio > 0;
        b += uscc[i];
        b += ',';
        b += month_text;
        b += ',';
        if (industrial) AppendTenths(b, m.output);
        b += ',';
        if (industrial) AppendTenths(b, run.output);
        b += ',';
        AppendTenths(b, m.revenue);
        b += ',';
        AppendTenths(b, run.revenue);
        b += ',';
        AppendTenths(b, m.profit);
        b += ',';
        AppendTenths(b, run.profit);
        b += ',';
        AppendInt(b, m.employees);
        b += ',';
        AppendTenths(b, m.rnd);
        b += ',';
        if (industrial) AppendTenths(b, m.energy);
        b += '\n';
      }
    });
    for (const auto& b : bufs) {
      if (std::fwrite(b.data(), 1, b.size(), out) != b.size()) return Status::Io("cannot write indicators.csv");
    }
    if (progress) progress(static_cast<uint64_t>(k + 1), static_cast<uint64_t>(months));
  }
  return Status::Ok();
}

}  // namespace qq::synth
