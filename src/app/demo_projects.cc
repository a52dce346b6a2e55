#include "app/demo_projects.h"

#include <algorithm>
#include <cmath>

#include "app/projects.h"
#include "store/enterprise_store.h"
#include "store/park_store.h"
#include "store/project_store.h"
#include "store/round_store.h"
#include "synth/random.h"

namespace qq::app {
namespace {

constexpr int64_t kChinaOffset = 8 * 3600;

int64_t Noon(const Date& d) {
  return static_cast<int64_t>(d.Days()) * 86400 + 12 * 3600 - kChinaOffset;
}

Money WholeWan(double yuan) { return Money::FromYuan(std::llround(yuan / 1e4) * 10000); }

// The stage a demo project reported in month m of the year, given where it ends up.
ProjectStage StageIn(const Project& p, YearMonth m) {
  int rank = StageRank(p.stage);
  if (rank >= StageRank(ProjectStage::kStarted) && p.actual_start && *p.actual_start > m)
    return ProjectStage::kSigned;
  if (rank >= StageRank(ProjectStage::kInProduction) && p.actual_production &&
      *p.actual_production > m) {
    return p.actual_start && *p.actual_start == m ? ProjectStage::kStarted
                                                  : ProjectStage::kUnderConstruction;
  }
  if (rank > StageRank(ProjectStage::kStarted) && p.actual_start && *p.actual_start == m &&
      p.stage != ProjectStage::kInProduction && p.stage != ProjectStage::kFullProduction) {
    return ProjectStage::kStarted;
  }
  return p.stage;
}

// Approvals as far as the project's final stage needs them, and open 要素保障 needs for projects
// not yet built (land) or building (power).
Status AddDemoApprovalsAndNeeds(store::Database& db, const Project& p, int year, synth::Rng& rng) {
  YearMonth start = p.actual_start    ? *p.actual_start
                    : p.planned_start ? *p.planned_start
                                      : *YearMonth::Of(year, 3);
  auto before = [&](int months) {
    YearMonth m = start.AddMonths(-months);
    return *Date::Of(m.year(), m.month(), 1 + static_cast<int>(rng.Below(28)));
  };
  int rank = StageRank(p.stage);
  if (rank < 0) rank = StageRank(ProjectStage::kStarted);
  std::vector<ProjectApproval> approvals = {
      {"立项/备案", before(6), rank >= 1 ? "已办结" : "办理中", ""}};
  if (rank >= 1) {
    approvals.push_back({"用地", before(4), rank >= 2 ? "已办结" : "办理中", ""});
    approvals.push_back({"环评", before(3), rank >= 2 ? "已办结" : "办理中", ""});
  }
  if (rank >= 2) approvals.push_back({"施工许可", before(1), "已办结", ""});
  for (auto& a : approvals) {
    if (a.status != "已办结") a.on_date.reset();
    QQ_RETURN_IF_ERROR(SetApproval(db, p.id, a));
  }
  if (rank <= 1) {
    double mu = p.land_ha ? *p.land_ha * 15 : std::round(30 + 170 * rng.Uniform());
    QQ_RETURN_IF_ERROR(
        AddNeed(db, p.id, {0, "土地", mu, "亩", rng.Chance(0.5) ? "待保障" : "协调中", "demo"})
            .status());
  } else if (rank <= 3 && rng.Chance(0.2)) {
    QQ_RETURN_IF_ERROR(
        AddNeed(db, p.id,
                {0, "用电", std::round(2 + 18 * rng.Uniform()), "兆伏安", "协调中", "demo"})
            .status());
  }
  return Status::Ok();
}

}  // namespace

Status AddDemoSchedule(store::Database& db, const ingest::DemoRegion& r, uint64_t seed) {
  if (!r.projects) return Status::Ok();
  int year = r.projects->year;
  synth::Rng rng(seed, std::hash<std::string>{}(r.code.str()), 401);
  store::ProjectStore projects(db);
  QQ_ASSIGN_OR_RETURN(auto list, projects.List(store::ProjectQuery{{r.code}, std::nullopt}));
  // The year's library, each project's stage at the start of the year, and its first event.
  YearMonth january = *YearMonth::Of(year, 1), december = *YearMonth::Of(year, 12);
  std::vector<Project> finals;
  QQ_ASSIGN_OR_RETURN(auto parks, store::ParkStore(db).Parks({r.code}));
  for (auto& p : list) {
    if (p.region != r.code) continue;  // a city's list holds its districts' projects too
    // The park built around its chain, else now and then another; the people on it by role.
    if (!parks.empty() && p.park.empty()) {
      const store::Park* park = nullptr;
      for (const auto& k : parks) {
        if (!p.chain.empty() && k.chain == p.chain) park = &k;
      }
      if (!park && rng.Chance(0.4)) park = &parks[rng.Below(parks.size())];
      if (park) {
        p.park = park->name;
        p.park_id = park->id;
      }
    }
    if (p.manager.empty())
      p.manager = p.park.empty() ? "区发改局项目服务专员" : p.park + "项目管家";
    if (p.leader.empty()) p.leader = p.chain.empty() ? "分管副区长" : p.chain + "产业链链长";
    // Keep the demo consistent: a project at 投产 produced by December, started before that.
    if (StageRank(p.stage) >= StageRank(ProjectStage::kInProduction)) {
      if (!p.actual_production || *p.actual_production > december) {
        p.actual_production = *YearMonth::Of(year, 1 + static_cast<int>(rng.Below(11)));
      }
      if (!p.actual_start || *p.actual_start >= *p.actual_production)
        p.actual_start = p.actual_production->AddMonths(-8);
    }
    finals.push_back(p);
    Project start = p;
    start.stage = StageIn(p, january);
    if (start.actual_start && *start.actual_start >= january) start.actual_start.reset();
    if (start.actual_production && *start.actual_production >= january)
      start.actual_production.reset();
    start.completed_this_year.reset();
    QQ_RETURN_IF_ERROR(projects.Update(start));
    QQ_RETURN_IF_ERROR(projects.SetYear(p.id, {year, p.level, p.annual_plan}));
    // The stage it starts the year at, dated when it was reached if that is known.
    Date since = *Date::Of(year - 1, 12, 20);
    auto first_of = [](YearMonth m) { return *Date::Of(m.year(), m.month(), 1); };
    if (StageRank(start.stage) >= StageRank(ProjectStage::kInProduction) &&
        start.actual_production) {
      since = first_of(*start.actual_production);
    } else if (start.stage == ProjectStage::kTrialProduction && p.planned_production &&
               *p.planned_production < january) {
      since = first_of(*p.planned_production);  // 江河: 试投产 2023-11
    } else if (StageRank(start.stage) >= StageRank(ProjectStage::kStarted) && start.actual_start) {
      since = first_of(*start.actual_start);
    }
    QQ_RETURN_IF_ERROR(
        projects.AddStageEvent(p.id, {since, std::nullopt, start.stage, "", "demo"}));
    QQ_RETURN_IF_ERROR(AddDemoApprovalsAndNeeds(db, p, year, rng));
  }
  // Rounds for every month; filings on time mostly, a few late; the last round stays open
  // with some projects not filed yet.
  store::RoundStore rounds(db);
  for (int month = 1; month <= 12; ++month) {
    YearMonth period = *YearMonth::Of(year, month);
    Date deadline = DefaultDeadline(period);
    int64_t opened = Noon(*Date::Of(year, month, 20));
    Clock at_open = [opened] { return opened; };
    QQ_ASSIGN_OR_RETURN(auto round, OpenRound(db, at_open, r.code, period, deadline));
    for (const auto& p : finals) {
      if (month == 12 && rng.Chance(0.08)) continue;  // not filed yet
      bool late = rng.Chance(0.06);
      int64_t filed = Noon(deadline) + (late ? 86400 * (1 + static_cast<int64_t>(rng.Below(3)))
                                             : -86400 * (1 + static_cast<int64_t>(rng.Below(4))));
      Clock at = [filed] { return filed; };
      double done = static_cast<double>(p.completed_this_year.value_or(Money()).yuan());
      double share = std::pow(month / 12.0, 1.1);
      double prior = p.actual_start && p.actual_start->year() < year
                         ? 0.4 * std::max<double>(
                                     0, static_cast<double>(p.total_investment.yuan() -
                                                            p.annual_plan.value_or(Money()).yuan()))
                         : 0.0;
      RecordInput in;
      in.round = period;
      in.stage = StageIn(p, period);
      in.on_date = *Date::Of(year, month, 1);
      in.completed_this_year = WholeWan(done * share);
      in.completed_total = WholeWan(prior + done * share);
      double previous = month == 1 ? 0 : done * std::pow((month - 1) / 12.0, 1.1);
      in.completed_period = WholeWan(done * share - previous);
      if (p.total_investment.yuan() > 0) {
        in.progress_pct =
            std::min(100.0, std::round(1000.0 * (prior + done * share) /
                                       static_cast<double>(p.total_investment.yuan())) /
                                10.0);
      }
      int rank = StageRank(*in.stage);
      if (rank >= 2 && rank <= 4) in.workers = 30 + static_cast<int>(rng.Below(300));
      if (rank >= 2 && rank <= 4 && rng.Chance(0.05)) in.problems = "施工用电增容待协调";
      in.source = "page";
      in.username = "demo";
      QQ_RETURN_IF_ERROR(
          FileRecord(db, at, p.id, in).status().WithContext(p.name + " " + period.ToString()));
    }
    if (month < 12) QQ_RETURN_IF_ERROR(rounds.SetStatus(round.id, "closed"));
  }
  return Status::Ok();
}

Status AddDemoLand(store::Database& db, const ingest::DemoRegion& r, uint64_t seed) {
  if (r.parks.empty() && !r.revitalized) return Status::Ok();
  synth::Rng rng(seed, std::hash<std::string>{}(r.code.str()), 501);
  store::ParkStore parks(db);
  std::vector<store::Park> added;
  for (const auto& dp : r.parks) {
    store::Park p;
    p.region = r.code;
    p.name = dp.name;
    p.featured_industry = dp.featured_industry;
    p.chain = dp.chain;
    p.task_force = dp.task_force;
    if (dp.area_ha > 0) p.area_ha = dp.area_ha;
    p.note = "demo";
    QQ_RETURN_IF_ERROR(parks.AddPark(p));
    added.push_back(p);
  }
  int serial = 1;
  auto code = [&](int year) {
    return "ZQ" + std::to_string(year) + "-" + std::to_string(100 + serial++);
  };
  auto park_id = [&]() -> std::optional<int64_t> {
    if (added.empty()) return std::nullopt;
    return added[rng.Below(added.size())].id;
  };
  for (size_t k = 0; k < r.parks.size(); ++k) {
    for (int i = 0; i < r.parks[k].available_parcels + r.parks[k].idle_parcels; ++i) {
      store::Parcel l;
      l.park_id = added[k].id;
      l.region = r.code;
      l.code = code(2024);
      l.area_m2 = std::round((2.0 + 18.0 * rng.Uniform()) * 100) * 100;  // 2–20 公顷
      l.status = i < r.parks[k].available_parcels ? "可供" : "闲置";
      l.price = std::llround(l.area_m2 * (280 + 80 * rng.Uniform())) / 10000 * 10000;
      if (l.status == "闲置")
        l.idle_since = *Date::Of(2019 + static_cast<int>(rng.Below(4)),
                                 1 + static_cast<int>(rng.Below(12)), 1);
      l.note = "demo";
      QQ_RETURN_IF_ERROR(parks.AddParcel(l));
    }
  }
  if (r.revitalized) {
    const auto& rv = *r.revitalized;
    store::EnterpriseQuery q;
    q.scope = {r.code};
    q.page_size = 200;
    QQ_ASSIGN_OR_RETURN(auto firms, store::EnterpriseStore(db).Search(q));
    if (static_cast<int>(firms.items.size()) < rv.firms) {
      return Status::FailedPrecondition("demo region " + r.code.str() +
                                        " has fewer firms than revitalised parcels");
    }
    // Split the area in whole hundred square metres so the total is exact.
    int64_t total_units = std::llround(rv.hectares * 100);  // units of 100 m²
    std::vector<double> w(static_cast<size_t>(rv.firms));
    double wsum = 0;
    for (auto& x : w) wsum += (x = 0.5 + rng.Uniform());
    int64_t left = total_units;
    for (int i = 0; i < rv.firms; ++i) {
      int64_t units =
          i + 1 == rv.firms
              ? left
              : std::llround(static_cast<double>(total_units) * w[static_cast<size_t>(i)] / wsum);
      left -= units;
      store::Parcel l;
      l.park_id = park_id();
      l.region = r.code;
      l.code = code(rv.year);
      l.area_m2 = static_cast<double>(units) * 100;
      l.status = "已供";
      l.enterprise_id =
          firms.items[static_cast<size_t>(i) * firms.items.size() / static_cast<size_t>(rv.firms)]
              .id;
      l.idle_since = *Date::Of(rv.year - 3 - static_cast<int>(rng.Below(3)),
                               1 + static_cast<int>(rng.Below(12)), 1);
      l.revitalized_at = *Date::Of(rv.year, 1 + static_cast<int>(rng.Below(12)),
                                   1 + static_cast<int>(rng.Below(28)));
      l.note = rv.basis;
      QQ_RETURN_IF_ERROR(parks.AddParcel(l));
    }
  }
  return Status::Ok();
}

}  // namespace qq::app
