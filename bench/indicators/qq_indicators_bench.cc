// qq_indicators_bench: qiangqu's side of bench/indicators (see bench/indicators/run and
// docs/benchmarks.md "Monthly indicators").
//
//  1. reads firms.tsv into the firm dimension (USCC → firm number, county, industry, 规上
//     threshold, chain links by the industry-code rule of app/analytics_service.cc) and writes
//     it out for the peers (firms_dim.csv, links.csv, params.json);
//  2. (a) loads indicators.csv into the in-memory columns: ingest::LoadIndicatorCsv (both
//     cores) → analytics::DatasetBuilder shards → Dataset → Rollups, each step timed;
//  3. (b) times the four dashboard queries and (c) the ad-hoc query: the median of --reps
//     runs, every run computing its answer (no answer cache), and a checksum of each answer;
//  4. times SQLite persistence separately: a migrated qiangqu database, the firms through
//     store::EnterpriseStore, the firm-months through store::IndicatorBulkWriter.
// Everything goes to --out/qiangqu.json; a summary to stdout.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "analytics/dataset.h"
#include "analytics/queries.h"
#include "analytics/rollup.h"
#include "app/database_admin.h"
#include "core/date.h"
#include "core/enterprise.h"
#include "core/money.h"
#include "core/scale_thresholds.h"
#include "ingest/chain_templates.h"
#include "ingest/column_map.h"
#include "ingest/file_util.h"
#include "ingest/indicator_csv_loader.h"
#include "ingest/reference_data.h"
#include "store/enterprise_store.h"
#include "store/indicator_bulk_writer.h"

namespace {

using namespace qq;
using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

// CPU time of the process (all threads), in ms: on a busy machine, what the work itself cost.
double CpuMs() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "qq_indicators_bench: %s\n", what.c_str());
  std::exit(1);
}

template <typename T>
T Must(Result<T> r, const std::string& what) {
  if (!r.ok()) Die(what + ": " + r.status().message());
  return std::move(r).value();
}
void Must(const Status& s, const std::string& what) {
  if (!s.ok()) Die(what + ": " + s.message());
}

long PeakRssMb() {
  rusage u;
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

// FNV-1a 64 over canonical answer lines (each followed by '\n'); the peers compute the same.
std::string Checksum(const std::vector<std::string>& lines) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (const auto& l : lines) {
    for (unsigned char c : l) h = (h ^ c) * 0x100000001b3ULL;
    h = (h ^ '\n') * 0x100000001b3ULL;
  }
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, h);
  return buf;
}

std::string JsonEscape(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '"' || c == '\\') o += '\\';
    o += c;
  }
  return o;
}

struct Mapped {
  const char* data = nullptr;
  size_t size = 0;
  explicit Mapped(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) Die("cannot open " + path);
    struct stat st;
    fstat(fd, &st);
    size = static_cast<size_t>(st.st_size);
    void* m = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    ::close(fd);
    if (m == MAP_FAILED) Die("cannot map " + path);
    data = static_cast<const char*>(m);
  }
  ~Mapped() { ::munmap(const_cast<char*>(data), size); }
};

// Splits a line at tabs.
void SplitTabs(std::string_view line, std::vector<std::string_view>& out) {
  out.clear();
  size_t start = 0;
  while (true) {
    size_t t = line.find('\t', start);
    out.push_back(line.substr(start, t == std::string_view::npos ? std::string_view::npos : t - start));
    if (t == std::string_view::npos) break;
    start = t + 1;
  }
}

int32_t Digits(std::string_view code, uint8_t& count) {
  count = 0;
  int32_t v = 0;
  for (char c : code) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
    ++count;
  }
  return count ? v : -1;
}

struct Query {
  std::string key, label;
  double ms = 0;
  int reps = 0;
  std::string checksum;
  size_t rows = 0;
  std::string note;
};

template <typename Fn>
double MedianMs(int reps, Fn fn) {
  fn();  // warm
  std::vector<double> t;
  for (int i = 0; i < reps; ++i) {
    auto a = Clock::now();
    fn();
    t.push_back(Ms(a, Clock::now()));
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::string data_dir = "data", firms_path, indicators_path, out_dir = "bench/out/indicators", db_path;
  std::string prefix = "36";
  int64_t floor_yuan = 5'000'000;  // 500万元
  int reps = 51;
  int threads = 2;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto val = [&]() -> std::string {
      if (i + 1 >= argc) Die("missing value of " + a);
      return argv[++i];
    };
    if (a == "--data-dir") data_dir = val();
    else if (a == "--firms") firms_path = val();
    else if (a == "--indicators") indicators_path = val();
    else if (a == "--out") out_dir = val();
    else if (a == "--db") db_path = val();
    else if (a == "--reps") reps = std::stoi(val());
    else if (a == "--threads") threads = std::stoi(val());
    else if (a == "--prefix") prefix = val();
    else if (a == "--floor-yuan") floor_yuan = std::stoll(val());
    else Die("unknown option " + a +
             " (usage: qq_indicators_bench --data-dir DIR --firms firms.tsv --indicators indicators.csv --out DIR "
             "[--db FILE] [--reps N] [--threads N] [--prefix 36] [--floor-yuan 5000000])");
  }
  if (firms_path.empty() || indicators_path.empty()) Die("--firms and --indicators are required");
  std::filesystem::create_directories(out_dir);

  // ---- firm dimension ----
  auto t0 = Clock::now();
  ScaleThresholds thresholds = Must(ingest::LoadScaleThresholds(data_dir), "thresholds");
  auto industries = Must(ingest::LoadIndustryClasses(data_dir), "industry classes");
  std::set<std::string> known_codes;
  for (const auto& c : industries) known_codes.insert(c.code.str());
  auto chains = Must(ingest::LoadChainTemplates(std::filesystem::path(data_dir) / "chains", known_codes), "chains");
  // Link ids numbered in template order (the database numbers its own; the rule is the same).
  std::vector<std::pair<std::string, uint32_t>> code_links;
  std::vector<std::tuple<uint32_t, std::string, std::string>> link_names;
  uint32_t next_link = 1;
  for (const auto& c : chains) {
    for (const auto& l : c.links) {
      if (!l.tagging) continue;
      uint32_t id = next_link++;
      link_names.emplace_back(id, c.name, l.name);
      for (const auto* codes : {&l.industry_codes, &l.hint_codes}) {
        for (const auto& code : *codes) code_links.emplace_back(code.str(), id);
      }
    }
  }
  analytics::DatasetBuilder builder;
  ingest::FirmLookup lookup;
  std::vector<std::string> firm_industry;  // code as written
  std::vector<std::string> county_codes;
  std::unordered_map<std::string, uint32_t> county_index;
  std::vector<std::pair<uint32_t, uint32_t>> firm_links;  // (firm, link)
  {
    Mapped firms(firms_path);
    std::string_view all(firms.data, firms.size);
    size_t pos = all.find('\n') + 1;  // header
    std::vector<std::string_view> f;
    lookup.Reserve(static_cast<size_t>(std::count(firms.data, firms.data + firms.size, '\n')));
    while (pos < all.size()) {
      size_t nl = all.find('\n', pos);
      std::string_view line = all.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
      pos = nl == std::string_view::npos ? all.size() : nl + 1;
      if (line.empty()) continue;
      SplitTabs(line, f);
      if (f.size() < 5) Die("firms.tsv: short line");
      analytics::FirmInfo info;
      uint32_t id = Must(lookup.Add(f[0]), "firms.tsv");
      info.enterprise_id = id + 1;
      std::string county(f[2]);
      auto [it, inserted] = county_index.try_emplace(county, 0);
      if (inserted) {
        it->second = builder.AddCounty(county);
        county_codes.push_back(county);
      }
      info.county = it->second;
      std::string code(f[4]);
      firm_industry.push_back(code);
      if (!code.empty() && code[0] >= '0' && code[0] <= '9' && code.size() >= 2) {
        info.industry = Digits(code, info.industry_digits);
        char section = SectionOfDivision(std::stoi(code.substr(0, 2)));
        info.industrial = section == 'B' || section == 'C' || section == 'D';
        if (const ScaleThreshold* t = thresholds.For(code, section)) info.scale_threshold = t->threshold;
      }
      uint32_t fi = builder.AddFirm(info);
      if (fi != id) Die("firms.tsv: duplicate USCC " + std::string(f[0]));
      std::vector<uint32_t> links;
      for (const auto& [p, link] : code_links) {
        if (!code.empty() && code.starts_with(p)) links.push_back(link);
      }
      if (!links.empty()) {
        std::sort(links.begin(), links.end());
        links.erase(std::unique(links.begin(), links.end()), links.end());
        for (uint32_t l : links) firm_links.emplace_back(fi, l);
        builder.SetLinks(fi, std::move(links));
      }
    }
  }
  double firms_ms = Ms(t0, Clock::now());
  std::fprintf(stderr, "firm dimension: %zu firms, %zu counties, %zu firm-link pairs in %.0f ms\n", lookup.size(),
               county_codes.size(), firm_links.size(), firms_ms);

  // ---- (a) load ----
  ingest::ColumnAliases aliases = Must(
      ingest::ColumnAliases::Parse(Must(ingest::ReadWholeFile(std::filesystem::path(data_dir) / "import" / "columns.toml"), "columns.toml"),
                                   "columns.toml"),
      "columns.toml");
  double c0 = CpuMs();
  auto l0 = Clock::now();
  ingest::IndicatorCsvOptions opt;
  opt.threads = threads;
  ingest::IndicatorCsv csv = Must(ingest::LoadIndicatorCsv(indicators_path, aliases, lookup, opt), "indicators.csv");
  auto l1 = Clock::now();
  double c1 = CpuMs();
  for (auto& part : csv.parts) {
    analytics::DatasetBuilder::Shard s;
    s.firm = std::move(part.firm);
    s.month = std::move(part.month);
    s.current = std::move(part.current);
    s.cumulative = std::move(part.cumulative);
    s.has_current = part.has_current;
    s.has_cumulative = part.has_cumulative;
    builder.AddShard(std::move(s));
  }
  analytics::Dataset d = Must(builder.Finish(threads), "dataset");
  auto l2 = Clock::now();
  double c2 = CpuMs();
  analytics::Rollups rollups = analytics::Rollups::Build(d, threads);
  auto l3 = Clock::now();
  double c3 = CpuMs();
  double parse_cpu = c1 - c0, finish_cpu = c2 - c1, rollup_cpu = c3 - c2;
  double parse_ms = Ms(l0, l1), finish_ms = Ms(l1, l2), rollup_ms = Ms(l2, l3), load_ms = Ms(l0, l3);
  std::fprintf(stderr,
               "load: %zu rows; parse %.0f ms (cpu %.0f), columns %.0f ms (cpu %.0f), roll-ups %.0f ms (cpu %.0f), total %.0f ms "
               "(cpu %.0f); dataset %.0f MB; peak RSS %ld MB\n",
               d.row_count(), parse_ms, parse_cpu, finish_ms, finish_cpu, rollup_ms, rollup_cpu, load_ms, c3 - c0,
               d.MemoryBytes() / 1e6, PeakRssMb());

  const int L = d.month_count() - 1;
  const YearMonth latest = d.last_month();
  auto yyyymm = [&](int p) { return d.first_month().AddMonths(p).Packed(); };
  // The region of (b3): the county with the most firms.
  uint32_t region = 0;
  for (uint32_t c = 0; c < d.counties().size(); ++c) {
    if (d.FirmsOfCounty(c).size() > d.FirmsOfCounty(region).size()) region = c;
  }

  // ---- peers' inputs ----
  {
    std::FILE* f = std::fopen((out_dir + "/firms_dim.csv").c_str(), "w");
    std::fprintf(f, "firm,uscc,county,industry,threshold\n");
    for (uint32_t i = 0; i < d.firm_count(); ++i) {
      const auto& info = d.firm(i);
      std::string thr = info.scale_threshold == analytics::kMissing ? "" : std::to_string(info.scale_threshold);
      std::string code(lookup.CodeOf(i));
      std::fprintf(f, "%u,%s,%s,%s,%s\n", i, code.c_str(), county_codes[info.county].c_str(), firm_industry[i].c_str(), thr.c_str());
    }
    std::fclose(f);
    f = std::fopen((out_dir + "/links.csv").c_str(), "w");
    std::fprintf(f, "firm,link\n");
    for (auto [firm, link] : firm_links) std::fprintf(f, "%u,%u\n", firm, link);
    std::fclose(f);
    f = std::fopen((out_dir + "/params.json").c_str(), "w");
    std::fprintf(f,
                 "{\"latest_month\": %d, \"latest_index\": %d, \"first_index\": %d, \"region\": \"%s\", \"region_firms\": %zu, "
                 "\"top_n\": 50, \"prefix\": \"%s\", \"floor_yuan\": %" PRId64 "}\n",
                 latest.Packed(), latest.Index(), d.first_month().Index(), county_codes[region].c_str(), d.FirmsOfCounty(region).size(),
                 prefix.c_str(), floor_yuan);
    std::fclose(f);
  }

  // ---- (b), (c) ----
  std::vector<Query> queries;
  int64_t sink = 0;
  {
    // b1: Σ 工业总产值 当月 per (county, month), from the county roll-ups.
    Query q{"b1", "totals by region x month"};
    struct Cell {
      uint32_t county;
      int p;
      int64_t sum;
    };
    std::vector<Cell> answer;
    auto run = [&] {
      answer.clear();
      for (uint32_t c = 0; c < d.counties().size(); ++c) {
        const analytics::Series& s = rollups.County(c, analytics::Scope::kAll);
        for (int p = 0; p < s.months(); ++p) {
          int64_t v = s.at(p, Indicator::kOutput).current;
          if (v != 0) answer.push_back({c, p, v});
        }
      }
      sink += static_cast<int64_t>(answer.size());
    };
    q.ms = MedianMs(reps, run);
    q.reps = reps;
    std::vector<std::string> lines;
    for (const auto& c : answer) lines.push_back(county_codes[c.county] + "," + std::to_string(yyyymm(c.p)) + "," + std::to_string(c.sum));
    std::sort(lines.begin(), lines.end());
    q.checksum = Checksum(lines);
    q.rows = lines.size();
    queries.push_back(q);
  }
  {
    // b2: 同比 of 营业收入 当月 by chain link, latest month, same firms in both periods.
    Query q{"b2", "yoy by chain link (latest month)"};
    struct Row {
      uint32_t link;
      int64_t now, yoy_now, yoy_base;
      std::optional<double> growth;
    };
    std::vector<Row> answer;
    auto run = [&] {
      answer.clear();
      for (uint32_t l : d.all_link_ids()) {
        const analytics::MonthSums& s = rollups.Link(l, analytics::Scope::kAll).at(L, Indicator::kRevenue);
        answer.push_back({l, s.current, s.yoy_current, s.yoy_current_base, analytics::GrowthPercent(s.yoy_current, s.yoy_current_base)});
      }
      sink += static_cast<int64_t>(answer.size());
    };
    q.ms = MedianMs(reps, run);
    q.reps = reps;
    std::vector<std::string> lines;
    for (const auto& r : answer) {
      if (r.now == 0 && r.yoy_now == 0 && r.yoy_base == 0) continue;
      lines.push_back(std::to_string(r.link) + "," + std::to_string(r.now) + "," + std::to_string(r.yoy_now) + "," +
                      std::to_string(r.yoy_base));
    }
    std::sort(lines.begin(), lines.end());
    q.checksum = Checksum(lines);
    q.rows = lines.size();
    queries.push_back(q);
  }
  {
    // b3: top 50 firms of the region by growth of 1-N月累计 营业收入 against a year earlier.
    Query q{"b3", "top 50 firms of " + county_codes[region] + " by revenue growth"};
    std::vector<analytics::Mover> answer;
    auto run = [&] {
      answer = analytics::TopByGrowth(d, d.FirmsOfCounty(region), L, Indicator::kRevenue, 50);
      sink += static_cast<int64_t>(answer.size());
    };
    q.ms = MedianMs(reps, run);
    q.reps = reps;
    std::vector<std::string> lines;
    for (size_t k = 0; k < answer.size(); ++k) {
      lines.push_back(std::to_string(k + 1) + "," + std::to_string(answer[k].firm) + "," + std::to_string(answer[k].cumulative) + "," +
                      std::to_string(answer[k].base));
    }
    q.checksum = Checksum(lines);
    q.rows = lines.size();
    queries.push_back(q);
  }
  {
    // b4: firms crossing their 规上 threshold on trailing-12-month revenue in the latest month.
    Query q{"b4", "threshold crossings (latest month)"};
    std::vector<std::pair<uint32_t, int64_t>> answer;
    auto run = [&] {
      answer.clear();
      const auto& firms = rollups.CrossingsIn(L);
      const auto& trailing = rollups.CrossingTrailingIn(L);
      answer.reserve(firms.size());
      for (size_t k = 0; k < firms.size(); ++k) answer.emplace_back(firms[k], trailing[k]);
      sink += static_cast<int64_t>(answer.size());
    };
    q.ms = MedianMs(reps, run);
    q.reps = reps;
    std::vector<std::string> lines;
    for (const auto& [f, ttm] : answer) lines.push_back(std::to_string(f) + "," + std::to_string(ttm));
    std::sort(lines.begin(), lines.end());
    q.checksum = Checksum(lines);
    q.rows = lines.size();
    queries.push_back(q);
  }
  {
    // c: Σ 工业总产值 当月 of firms with industry code prefix and 营业收入 当月 ≥ floor, latest month.
    Query q{"c", "ad-hoc: output of " + prefix + "* firms with revenue >= floor"};
    analytics::RowFilter filter;
    filter.industry_prefixes = {prefix};
    filter.current_at_least = {{Indicator::kRevenue, floor_yuan}};
    analytics::ScanSum answer;
    auto run = [&] {
      answer = analytics::SumCurrentWhere(d, L, Indicator::kOutput, filter, threads);
      sink += answer.rows;
    };
    q.ms = MedianMs(reps, run);
    q.reps = reps;
    q.checksum = Checksum({std::to_string(answer.sum) + "," + std::to_string(answer.rows)});
    q.rows = 1;
    q.note = std::to_string(answer.sum) + " yuan over " + std::to_string(answer.rows) + " firms";
    queries.push_back(q);
  }
  for (const auto& q : queries) {
    std::fprintf(stderr, "%-4s %-50s %10.4f ms  rows %6zu  checksum %s\n", q.key.c_str(), q.label.c_str(), q.ms, q.rows, q.checksum.c_str());
  }

  // ---- SQLite persistence ----
  double db_init_ms = -1, db_firms_ms = -1, db_rows_ms = -1;
  int64_t db_rows = 0;
  if (!db_path.empty()) {
    std::filesystem::remove(db_path);
    std::filesystem::remove(db_path + "-wal");
    std::filesystem::remove(db_path + "-shm");
    auto s0 = Clock::now();
    Must(app::InitDatabase(db_path, data_dir), "init database");
    auto db = Must(app::OpenDatabase(db_path), "open database");
    // WAL (set by the migrations) with synchronous=NORMAL: a commit is durable once the WAL is
    // synced at checkpoint; a crash can lose the last transactions but never corrupts. A 1 GiB
    // page cache keeps the B-trees being appended to in memory.
    Must(db->Exec("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -1048576; PRAGMA temp_store = MEMORY"), "pragmas");
    auto s1 = Clock::now();
    std::vector<int64_t> enterprise_id(d.firm_count());
    {
      Mapped firms(firms_path);
      std::string_view all(firms.data, firms.size);
      size_t pos = all.find('\n') + 1;
      std::vector<std::string_view> f;
      store::Transaction tx(*db);
      Must(tx.begin_status(), "begin");
      store::EnterpriseStore es(*db);
      uint32_t i = 0;
      while (pos < all.size()) {
        size_t nl = all.find('\n', pos);
        std::string_view line = all.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? all.size() : nl + 1;
        if (line.empty()) continue;
        SplitTabs(line, f);
        Enterprise e;
        e.uscc = Must(Uscc::Parse(f[0]), "uscc");
        e.name = std::string(f[1]);
        e.region = Must(RegionCode::Parse(f[2]), "region");
        if (!f[3].empty()) e.town = Must(RegionCode::Parse(f[3]), "town");
        if (auto code = IndustryCode::Parse(f[4]); code.ok()) e.industry = *code;
        if (auto date = Date::Parse(f[5]); date.ok()) e.founded = *date;
        if (!f[6].empty()) e.registered_capital = Money::FromYuan(std::stoll(std::string(f[6])) * 10000);
        if (f.size() > 7) e.scope = std::string(f[7]);
        Must(es.Upsert(e, 1), "firm");
        enterprise_id[i++] = e.id;
      }
      Must(tx.Commit(), "commit firms");
    }
    auto s2 = Clock::now();
    // Firm-months in (enterprise, month) order: the primary key's order.
    uint32_t f = 0;
    int p = 0;
    db_rows = Must(store::IndicatorBulkWriter(*db).Write([&](IndicatorMonth& m) {
      while (f < d.firm_count()) {
        while (p < d.month_count()) {
          int64_t row = d.RowOf(f, p);
          int pp = p++;
          if (row < 0) continue;
          m.enterprise_id = enterprise_id[f];
          m.month = d.first_month().AddMonths(pp);
          for (Indicator ind : kAllIndicators) {
            int64_t cur = d.Current(static_cast<size_t>(row), ind), cum = d.Cumulative(static_cast<size_t>(row), ind);
            if (cur != analytics::kMissing) m.Current(ind) = cur;
            if (cum != analytics::kMissing) m.Cumulative(ind) = cum;
          }
          return true;
        }
        ++f;
        p = 0;
      }
      return false;
    }), "indicators");
    auto s3 = Clock::now();
    db_init_ms = Ms(s0, s1);
    db_firms_ms = Ms(s1, s2);
    db_rows_ms = Ms(s2, s3);
    std::fprintf(stderr, "sqlite persistence: init %.0f ms, %zu firms %.0f ms, %" PRId64 " firm-months %.0f ms (%.0f rows/s); file %.0f MB\n",
                 db_init_ms, d.firm_count(), db_firms_ms, db_rows, db_rows_ms, db_rows / (db_rows_ms / 1000.0),
                 std::filesystem::file_size(db_path) / 1e6);
  }

  // ---- results ----
  std::FILE* out = std::fopen((out_dir + "/qiangqu.json").c_str(), "w");
  std::fprintf(out, "{\n  \"peer\": \"qiangqu\",\n  \"rows\": %zu,\n  \"firms\": %zu,\n  \"threads\": %d,\n", d.row_count(), d.firm_count(), threads);
  std::fprintf(out,
               "  \"load\": {\"firms_dimension_ms\": %.3f, \"parse_ms\": %.3f, \"columns_ms\": %.3f, \"rollups_ms\": %.3f, "
               "\"total_ms\": %.3f, \"parse_cpu_ms\": %.3f, \"columns_cpu_ms\": %.3f, \"rollups_cpu_ms\": %.3f, \"total_cpu_ms\": %.3f},\n",
               firms_ms, parse_ms, finish_ms, rollup_ms, load_ms, parse_cpu, finish_cpu, rollup_cpu, c3 - c0);
  std::fprintf(out, "  \"persist\": {\"init_ms\": %.3f, \"firms_ms\": %.3f, \"rows_ms\": %.3f, \"rows\": %" PRId64 "},\n", db_init_ms,
               db_firms_ms, db_rows_ms, db_rows);
  std::fprintf(out, "  \"memory\": {\"dataset_bytes\": %zu, \"peak_rss_mb\": %ld},\n", d.MemoryBytes(), PeakRssMb());
  std::fprintf(out, "  \"queries\": {\n");
  for (size_t k = 0; k < queries.size(); ++k) {
    const auto& q = queries[k];
    std::fprintf(out, "    \"%s\": {\"label\": \"%s\", \"ms\": %.6f, \"reps\": %d, \"rows\": %zu, \"checksum\": \"%s\", \"note\": \"%s\"}%s\n",
                 q.key.c_str(), JsonEscape(q.label).c_str(), q.ms, q.reps, q.rows, q.checksum.c_str(), JsonEscape(q.note).c_str(),
                 k + 1 < queries.size() ? "," : "");
  }
  std::fprintf(out, "  },\n  \"sink\": %" PRId64 "\n}\n", sink);
  std::fclose(out);
  return 0;
}
