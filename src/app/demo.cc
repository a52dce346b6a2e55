#include "app/demo.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "app/auth.h"
#include "app/chains.h"
#include "app/database_admin.h"
#include "app/security.h"
#include "app/synthetic.h"
#include "ingest/demo_spec.h"
#include "ingest/file_util.h"
#include "store/enterprise_store.h"
#include "store/import_store.h"
#include "store/meta_store.h"
#include "store/plan_store.h"
#include "app/demo_projects.h"
#include "store/project_store.h"
#include "synth/random.h"

namespace qq::app {
namespace {

constexpr double kSeason[12] = {0.80, 0.68, 1.02, 1.00, 1.02, 1.05, 0.98, 0.98, 1.03, 1.04, 1.10, 1.30};
constexpr int64_t kThreshold = 20'000'000;  // 规上: annual revenue of 2000万元

bool IsIndustrial(const std::string& code) {
  if (code.size() < 2) return false;
  int division = std::stoi(code.substr(0, 2));
  return division >= 6 && division <= 46;  // 门类 B, C, D
}

// A demo firm: its registry entry and its annual revenue per demo year.
struct DemoFirm {
  Enterprise e;
  std::vector<int64_t> revenue;  // 元 per year
  double output_ratio = 1.0;
  double margin = 0.05;
  double rnd_share = 0.02;
  double revenue_per_employee = 1.2e6;
  double energy_per_output = 0.0;  // 千克标准煤 per 元
  bool late_last_month = false;
};

class DemoBuilder {
 public:
  DemoBuilder(store::Database& db, const ingest::DemoSpec& spec, const synth::Generator& gen, const Clock& clock)
      : db_(db), spec_(spec), gen_(gen), clock_(clock) {}

  Status Build(DemoReport& report);

 private:
  Status AddPlan(const ingest::DemoRegion& r);
  // Creates firms for a cluster whose revenue per year sums to `revenue` (over 规上 firms).
  Status AddCalibratedFirms(const ingest::DemoRegion& r, const ingest::DemoCluster* c, const std::vector<Money>& revenue,
                            int count, uint64_t stream);
  Status AddSmallFirms(const ingest::DemoRegion& r, uint64_t stream);
  DemoFirm MakeFirm(const ingest::DemoRegion& r, const ingest::DemoCluster* c, synth::Rng& rng);
  Status SaveFirm(DemoFirm& f);
  Status AddProjects(const ingest::DemoRegion& r);
  Status AddNationalPool();

  store::Database& db_;
  const ingest::DemoSpec& spec_;
  const synth::Generator& gen_;
  const Clock& clock_;
  uint64_t next_index_ = 10'000'000;  // demo firms' generator indices (the pool uses 0…)
  int64_t firms_ = 0, months_ = 0, projects_ = 0, plans_ = 0;
};

DemoFirm DemoBuilder::MakeFirm(const ingest::DemoRegion& r, const ingest::DemoCluster* c, synth::Rng& rng) {
  const RegionCode& where = r.firm_regions[rng.Below(r.firm_regions.size())];
  synth::FirmProfile p;
  p.county = static_cast<uint32_t>(std::max(0, gen_.CountyIndex(where.str())));
  const std::pair<std::string, std::string>* item = nullptr;
  std::pair<std::string, std::string> other;
  if (c && !c->cluster.chains.empty() && (c->items.empty() || rng.Chance(0.5))) {
    const std::string& chain_name = c->cluster.chains[rng.Below(c->cluster.chains.size())];
    for (size_t k = 0; k < gen_.chains().size(); ++k) {
      if (gen_.chains()[k].name == chain_name && !gen_.UsableLinks(k).empty()) {
        p.kind = synth::FirmKind::kChain;
        p.chain = static_cast<int32_t>(k);
        const auto& links = gen_.UsableLinks(k);
        p.link = links[rng.Below(links.size())];
      }
    }
  } else {
    p.kind = synth::FirmKind::kOtherIndustry;
    if (c && !c->items.empty()) {
      other = c->items[rng.Below(c->items.size())];
      item = &other;
    }
  }
  uint64_t index = next_index_++;
  synth::SyntheticFirm s = gen_.Firm(index, p, item);
  DemoFirm f;
  f.e.uscc = *Uscc::Parse(s.uscc);
  f.e.name = s.name;
  f.e.region = where;
  if (where == r.code && !r.towns.empty()) f.e.town = r.towns[rng.Below(r.towns.size())];
  if (auto code = IndustryCode::Parse(s.industry); code.ok()) f.e.industry = *code;
  if (auto d = Date::Parse(s.founded); d.ok()) f.e.founded = *d;
  f.e.registered_capital = Money::FromYuan(s.registered_capital_wan * 10000);
  f.e.scope = s.scope;
  bool industrial = IsIndustrial(s.industry);
  f.output_ratio = industrial ? 0.97 + 0.06 * rng.Uniform() : 0.0;
  f.margin = std::clamp(0.05 + 0.04 * rng.Normal(), -0.08, 0.25);
  f.rnd_share = 0.005 + 0.04 * rng.Uniform();
  f.revenue_per_employee = (80 + 120 * rng.Uniform()) * 1e4;
  f.energy_per_output = industrial ? (0.05 + 0.5 * rng.Uniform()) / 10.0 : 0.0;  // kgce per 元
  return f;
}

Status DemoBuilder::SaveFirm(DemoFirm& f) {
  QQ_RETURN_IF_ERROR(store::EnterpriseStore(db_).Upsert(f.e, clock_()));
  ++firms_;
  store::IndicatorStore indicators(db_);
  synth::Rng rng(spec_.seed, static_cast<uint64_t>(f.e.id), 77);
  for (size_t y = 0; y < spec_.years.size(); ++y) {
    int year = spec_.years[y];
    int64_t annual = f.revenue[y];
    // Split the year over its months with the seasonal pattern and noise, keeping the sum exact
    // to the 千元 (the unit sheets use).
    int64_t months[12];
    int64_t sum = 0;
    for (int m = 0; m < 12; ++m) {
      double v = static_cast<double>(annual) / 12.0 * kSeason[m] * (1.0 + 0.04 * rng.Normal());
      months[m] = std::llround(v / 1000.0) * 1000;
      if (m < 11) sum += months[m];
    }
    months[11] = annual - sum;
    int64_t cum_out = 0, cum_rev = 0, cum_profit = 0, cum_rnd = 0, cum_energy = 0;
    for (int m = 0; m < 12; ++m) {
      auto ym = YearMonth::Of(year, m + 1);
      if (!ym.ok() || *ym < spec_.first_month || spec_.last_month < *ym) continue;
      IndicatorMonth rec;
      rec.enterprise_id = f.e.id;
      rec.month = *ym;
      int64_t rev = months[m];
      int64_t out = f.output_ratio > 0 ? std::llround(static_cast<double>(rev) * f.output_ratio / 1000.0) * 1000 : 0;
      int64_t profit = std::llround(static_cast<double>(rev) * (f.margin + 0.01 * rng.Normal()) / 1000.0) * 1000;
      int64_t rnd = std::llround(static_cast<double>(rev) * f.rnd_share / 1000.0) * 1000;
      int64_t energy = std::llround(static_cast<double>(out) * f.energy_per_output);
      cum_out += out;
      cum_rev += rev;
      cum_profit += profit;
      cum_rnd += rnd;
      cum_energy += energy;
      if (f.late_last_month && *ym == spec_.last_month) continue;
      rec.Current(Indicator::kRevenue) = rev;
      rec.Cumulative(Indicator::kRevenue) = cum_rev;
      if (f.output_ratio > 0) {
        rec.Current(Indicator::kOutput) = out;
        rec.Cumulative(Indicator::kOutput) = cum_out;
        rec.Current(Indicator::kEnergy) = energy;
        rec.Cumulative(Indicator::kEnergy) = cum_energy;
      }
      rec.Current(Indicator::kProfit) = profit;
      rec.Cumulative(Indicator::kProfit) = cum_profit;
      rec.Current(Indicator::kRnd) = rnd;
      rec.Cumulative(Indicator::kRnd) = cum_rnd;
      rec.Current(Indicator::kEmployees) =
          std::max<int64_t>(5, std::llround(static_cast<double>(annual) / f.revenue_per_employee));
      QQ_RETURN_IF_ERROR(indicators.Upsert(rec));
      ++months_;
    }
  }
  return Status::Ok();
}

Status DemoBuilder::AddCalibratedFirms(const ingest::DemoRegion& r, const ingest::DemoCluster* c,
                                       const std::vector<Money>& revenue, int count, uint64_t stream) {
  if (count <= 0) return Status::Ok();
  synth::Rng rng(spec_.seed, std::hash<std::string>{}(r.code.str()), stream);
  bool stable = c && c->stable;
  std::vector<DemoFirm> firms;
  std::vector<double> weight;
  for (int k = 0; k < count; ++k) {
    firms.push_back(MakeFirm(r, c, rng));
    if (stable) firms.back().output_ratio = firms.back().output_ratio > 0 ? 1.0 : 0.0;
    weight.push_back(std::exp(0.9 * rng.Normal()));
  }
  for (auto& f : firms) f.revenue.assign(spec_.years.size(), 0);
  for (size_t y = 0; y < spec_.years.size(); ++y) {
    std::vector<double> share(firms.size());
    double total = 0;
    for (size_t k = 0; k < firms.size(); ++k) {
      share[k] = weight[k] * (stable ? 1.0 : std::exp(0.05 * rng.Normal()));
      total += share[k];
    }
    // Every calibrated firm stays well above the 2000万元 threshold so the 规上 set is the
    // cluster itself; the last firm absorbs the rounding so the year's sum is exact.
    int64_t target = revenue[y].yuan();
    double floor_share = 30'000'000.0 / static_cast<double>(std::max<int64_t>(target, 1));
    int64_t assigned = 0;
    for (size_t k = 0; k < firms.size(); ++k) {
      double s = std::max(share[k] / total, floor_share);
      int64_t v = k + 1 == firms.size() ? target - assigned : std::llround(static_cast<double>(target) * s / 1000.0) * 1000;
      firms[k].revenue[y] = v;
      assigned += v;
    }
  }
  for (auto& f : firms) QQ_RETURN_IF_ERROR(SaveFirm(f));
  return Status::Ok();
}

Status DemoBuilder::AddSmallFirms(const ingest::DemoRegion& r, uint64_t stream) {
  synth::Rng rng(spec_.seed, std::hash<std::string>{}(r.code.str()), stream);
  bool any_stable = std::any_of(r.clusters.begin(), r.clusters.end(), [](const auto& c) { return c.stable; });
  int calibrated = 0;
  for (const auto& c : r.clusters) calibrated += c.firms;
  int small = std::max(6, calibrated / 3);
  auto pick_cluster = [&]() -> const ingest::DemoCluster* { return &r.clusters[rng.Below(r.clusters.size())]; };
  // Small firms, always below the threshold; two of them file December late.
  for (int k = 0; k < small; ++k) {
    DemoFirm f = MakeFirm(r, pick_cluster(), rng);
    for (size_t y = 0; y < spec_.years.size(); ++y) {
      f.revenue.push_back(std::llround((2e6 + 1.2e7 * rng.Uniform()) * std::pow(1.06, static_cast<double>(y)) / 1000.0) * 1000);
    }
    f.late_last_month = !any_stable && k < 2;
    QQ_RETURN_IF_ERROR(SaveFirm(f));
  }
  // Firms just below the threshold: the 小升规 candidates.
  for (int k = 0; k < 4; ++k) {
    DemoFirm f = MakeFirm(r, pick_cluster(), rng);
    for (size_t y = 0; y < spec_.years.size(); ++y) {
      f.revenue.push_back(std::llround((1.55e7 + 3.5e6 * rng.Uniform()) * (0.94 + 0.03 * static_cast<double>(y)) / 1000.0) * 1000);
    }
    QQ_RETURN_IF_ERROR(SaveFirm(f));
  }
  if (any_stable) return Status::Ok();
  // Firms that crossed the threshold in 2023 and enter the 规上 set in 2024 (小升规).
  for (int k = 0; k < 3; ++k) {
    DemoFirm f = MakeFirm(r, pick_cluster(), rng);
    double base = 1.2e7 + 5e6 * rng.Uniform();
    for (size_t y = 0; y < spec_.years.size(); ++y) {
      f.revenue.push_back(std::llround(base * std::pow(1.55, static_cast<double>(y)) / 1000.0) * 1000);
    }
    QQ_RETURN_IF_ERROR(SaveFirm(f));
  }
  return Status::Ok();
}

Status DemoBuilder::AddPlan(const ingest::DemoRegion& r) {
  Plan plan;
  plan.region = r.code;
  plan.name = r.plan_name;
  plan.framework = r.framework;
  plan.year_from = r.year_from;
  plan.year_to = r.year_to;
  plan.source = r.source;
  for (const auto& c : r.clusters) plan.clusters.push_back(c.cluster);
  QQ_RETURN_IF_ERROR(store::PlanStore(db_).Add(plan));
  ++plans_;
  for (const auto& p : r.published) {
    store::PublishedRate rate{0, r.code, p.metric, p.period, p.value, p.source, std::nullopt};
    QQ_RETURN_IF_ERROR(store::ImportStore(db_).UpsertRate(rate));
  }
  for (auto t : r.targets) QQ_RETURN_IF_ERROR(store::TargetStore(db_).Add(t));
  return Status::Ok();
}

Status DemoBuilder::AddProjects(const ingest::DemoRegion& r) {
  store::ProjectStore projects(db_);
  synth::Rng rng(spec_.seed, std::hash<std::string>{}(r.code.str()), 301);
  Money named_total, named_plan;
  int named_in_production = 0;
  for (auto p : r.named_projects) {
    named_total += p.total_investment;
    named_plan += p.annual_plan.value_or(Money());
    named_in_production += StageRank(p.stage) >= StageRank(ProjectStage::kInProduction);
    p.completed_this_year = p.annual_plan;
    QQ_RETURN_IF_ERROR(projects.Add(p));
    ++projects_;
  }
  if (!r.projects) return Status::Ok();
  const ingest::DemoProjectPlan& plan = *r.projects;
  int n = plan.count - static_cast<int>(r.named_projects.size());
  if (n <= 0) return Status::Ok();
  std::vector<std::string> chains;
  for (const auto& c : r.clusters) chains.insert(chains.end(), c.cluster.chains.begin(), c.cluster.chains.end());
  if (chains.empty()) chains.push_back("");
  std::vector<double> weight(static_cast<size_t>(n)), plan_share(static_cast<size_t>(n));
  double wsum = 0, psum = 0;
  for (int k = 0; k < n; ++k) {
    weight[static_cast<size_t>(k)] = std::exp(0.9 * rng.Normal());
    wsum += weight[static_cast<size_t>(k)];
  }
  for (int k = 0; k < n; ++k) {
    plan_share[static_cast<size_t>(k)] = weight[static_cast<size_t>(k)] * (0.5 + rng.Uniform());
    psum += plan_share[static_cast<size_t>(k)];
  }
  // Stages: `in_production` projects (minus the named ones) at 投产/达产, the rest spread.
  int producing = plan.in_production >= 0 ? std::max(0, plan.in_production - named_in_production) : n / 5;
  int64_t total_left = plan.total_investment.yuan() - named_total.yuan();
  int64_t plan_left = plan.annual_plan.yuan() - named_plan.yuan();
  int64_t total_assigned = 0, plan_assigned = 0;
  static constexpr ProjectStage kOthers[] = {ProjectStage::kPlanning, ProjectStage::kSigned, ProjectStage::kStarted,
                                             ProjectStage::kUnderConstruction, ProjectStage::kUnderConstruction,
                                             ProjectStage::kUnderConstruction, ProjectStage::kTrialProduction};
  static constexpr ProjectLevel kLevels[] = {ProjectLevel::kProvincialMajor, ProjectLevel::kProvincialSelected,
                                             ProjectLevel::kProvincialKey, ProjectLevel::kCityKey, ProjectLevel::kCityKey,
                                             ProjectLevel::kDistrictKey, ProjectLevel::kDistrictKey, ProjectLevel::kDistrictKey};
  static constexpr const char* kForms[] = {"年产{n}万吨{k}项目", "{k}智能制造基地项目", "{k}生产线技术改造项目",
                                           "{k}产业园项目", "{k}扩能项目", "高端{k}研发生产基地项目"};
  int year = plan.year;
  std::set<std::string> used_names;
  for (const auto& p : r.named_projects) used_names.insert(p.name);
  for (int k = 0; k < n; ++k) {
    Project p;
    p.region = r.code;
    if (!r.towns.empty()) p.town = r.towns[rng.Below(r.towns.size())];
    p.chain = chains[rng.Below(chains.size())];
    std::string keyword = p.chain.empty() ? "先进制造" : p.chain;
    for (const auto& ch : gen_.chains()) {
      if (ch.name != p.chain) continue;
      std::vector<const ChainLink*> tagging;
      for (const auto& l : ch.links) if (l.tagging && !l.keywords.empty() && !l.service) tagging.push_back(&l);
      if (!tagging.empty()) {
        const ChainLink* l = tagging[rng.Below(tagging.size())];
        keyword = l->keywords[rng.Below(l->keywords.size())];
      }
    }
    std::string form = kForms[rng.Below(std::size(kForms))];
    auto put = [&form](const std::string& key, const std::string& value) {
      size_t pos = form.find(key);
      if (pos != std::string::npos) form.replace(pos, key.size(), value);
    };
    put("{n}", std::to_string(5 + rng.Below(46)));
    put("{k}", keyword);
    p.name = form;
    // Project names are unique within a region; number repeats.
    for (int attempt = 2; used_names.count(p.name); ++attempt) p.name = form + "（" + std::to_string(attempt) + "期）";
    used_names.insert(p.name);
    p.level = kLevels[rng.Below(std::size(kLevels))];
    p.stage = k < producing ? (rng.Chance(0.8) ? ProjectStage::kInProduction : ProjectStage::kFullProduction)
                            : kOthers[rng.Below(std::size(kOthers))];
    bool last = k + 1 == n;
    int64_t total = last ? total_left - total_assigned
                         : std::llround(static_cast<double>(total_left) * weight[static_cast<size_t>(k)] / wsum / 1e6) * 1000000;
    int64_t annual = last ? plan_left - plan_assigned
                          : std::llround(static_cast<double>(plan_left) * plan_share[static_cast<size_t>(k)] / psum / 1e6) * 1000000;
    total_assigned += total;
    plan_assigned += annual;
    p.total_investment = Money::FromYuan(total);
    p.annual_plan = Money::FromYuan(std::min(annual, total));
    int rank = StageRank(p.stage);
    double done = rank <= 1 ? 0.0 : rank == 2 ? 0.5 + 0.4 * rng.Uniform() : 0.85 + 0.35 * rng.Uniform();
    p.completed_this_year = Money::FromYuan(std::llround(static_cast<double>(p.annual_plan->yuan()) * done / 1e4) * 10000);
    YearMonth start = *YearMonth::Of(year - static_cast<int>(rng.Below(2)), 1 + static_cast<int>(rng.Below(12)));
    p.planned_start = start;
    if (rank >= 2) p.actual_start = start.AddMonths(static_cast<int>(rng.Below(3)));
    p.planned_production = start.AddMonths(10 + static_cast<int>(rng.Below(14)));
    if (rank >= 5) p.actual_production = *p.planned_production;
    p.jobs = 20 + static_cast<int>(rng.Below(400));
    p.expected_output = Money::FromYuan(std::llround(static_cast<double>(total) * (0.8 + rng.Uniform()) / 1e6) * 1000000);
    p.source = "demo (synthetic; totals match " + plan.basis + ")";
    QQ_RETURN_IF_ERROR(projects.Add(p));
    ++projects_;
  }
  return Status::Ok();
}

Status DemoBuilder::AddNationalPool() {
  std::set<std::string> demo_counties;
  for (const auto& r : spec_.regions) {
    for (const auto& c : r.firm_regions) demo_counties.insert(c.str());
  }
  store::EnterpriseStore es(db_);
  for (int i = 0; i < spec_.national_pool; ++i) {
    synth::SyntheticFirm s = gen_.Firm(static_cast<uint64_t>(i));
    if (demo_counties.count(s.region)) continue;
    Enterprise e;
    e.uscc = *Uscc::Parse(s.uscc);
    e.name = s.name;
    e.region = *RegionCode::Parse(s.region);
    if (!s.town.empty()) e.town = *RegionCode::Parse(s.town);
    if (auto code = IndustryCode::Parse(s.industry); code.ok()) e.industry = *code;
    if (auto d = Date::Parse(s.founded); d.ok()) e.founded = *d;
    e.registered_capital = Money::FromYuan(s.registered_capital_wan * 10000);
    e.scope = s.scope;
    QQ_RETURN_IF_ERROR(es.Upsert(e, clock_()));
    ++firms_;
  }
  return Status::Ok();
}

Status DemoBuilder::Build(DemoReport& report) {
  uint64_t stream = 1000;
  for (const auto& r : spec_.regions) {
    QQ_RETURN_IF_ERROR(AddPlan(r));
    for (const auto& c : r.clusters) QQ_RETURN_IF_ERROR(AddCalibratedFirms(r, &c, c.revenue, c.firms, stream++));
    int64_t other_total = 0;
    for (const auto& m : r.other_revenue) other_total += m.yuan();
    if (other_total > 0) {
      int n = static_cast<int>(std::clamp<int64_t>(r.other_revenue.back().yuan() / 500'000'000, 4, 40));
      QQ_RETURN_IF_ERROR(AddCalibratedFirms(r, nullptr, r.other_revenue, n, stream++));
    }
    QQ_RETURN_IF_ERROR(AddSmallFirms(r, stream++));
    QQ_RETURN_IF_ERROR(AddProjects(r));
    QQ_RETURN_IF_ERROR(AddDemoLand(db_, r, spec_.seed));
    QQ_RETURN_IF_ERROR(AddDemoSchedule(db_, r, spec_.seed));
  }
  QQ_RETURN_IF_ERROR(AddNationalPool());
  report.enterprises = firms_;
  report.indicator_months = months_;
  report.projects = projects_;
  report.plans = plans_;
  return Status::Ok();
}

struct AccountSpec {
  const char* username;
  const char* display_name;
  Role role;
  const char* region;
};

constexpr AccountSpec kAccounts[] = {
    {"admin", "管理员", Role::kAdmin, "100000"},
    {"gangcheng", "钢城区工信局分析员", Role::kAnalyst, "370117"},
    {"zhangqiu", "章丘区链长", Role::kChainChief, "370114"},
    {"zhoucun", "周村区企业服务专员", Role::kLiaison, "370306"},
    {"jinan", "济南市工信局(只读)", Role::kViewer, "370100"},
};

}  // namespace

Result<DemoReport> BuildDemo(const std::string& db_path, const std::filesystem::path& data_dir, const Clock& clock) {
  auto spec_path = data_dir / "demo" / "demo.toml";
  QQ_ASSIGN_OR_RETURN(std::string spec_text, ingest::ReadWholeFile(spec_path));
  QQ_ASSIGN_OR_RETURN(ingest::DemoSpec spec, ingest::ParseDemoSpec(spec_text, spec_path.string()));
  QQ_ASSIGN_OR_RETURN(auto input, LoadGeneratorInput(data_dir, spec.seed));
  input.last_month = spec.last_month;
  QQ_ASSIGN_OR_RETURN(auto gen, synth::Generator::Create(std::move(input)));
  QQ_RETURN_IF_ERROR(InitDatabase(db_path, data_dir).status());
  auto built = [&]() -> Result<DemoReport> {
    QQ_ASSIGN_OR_RETURN(auto db, OpenDatabase(db_path));
    DemoReport report;
    for (const auto& a : kAccounts) {
      User u;
      u.username = a.username;
      u.display_name = a.display_name;
      u.role = a.role;
      u.regions = {*RegionCode::Parse(a.region)};
      std::string password = GeneratePassword();
      QQ_RETURN_IF_ERROR(AddUser(*db, clock, u, password).status());
      report.accounts.push_back({a.username, a.display_name, RoleName(a.role), a.region, password});
    }
    store::Transaction tx(*db);
    QQ_RETURN_IF_ERROR(tx.begin_status());
    DemoBuilder builder(*db, spec, gen, clock);
    QQ_RETURN_IF_ERROR(builder.Build(report));
    QQ_RETURN_IF_ERROR(store::MetaStore(*db).BumpDataVersion());
    QQ_RETURN_IF_ERROR(tx.Commit());
    // Chain maps, clusters and evidence then read the tagger's links, not bare industry codes.
    QQ_ASSIGN_OR_RETURN(auto tagger, LoadTagger(data_dir));
    QQ_RETURN_IF_ERROR(TagRegistry(*db, tagger, clock, nullptr).status());
    return report;
  }();
  if (!built.ok()) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_path + suffix, ec);
  }
  return built;
}

}  // namespace qq::app
