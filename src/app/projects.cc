#include "app/projects.h"

#include <algorithm>
#include <map>
#include <set>

#include "store/meta_store.h"
#include "store/project_store.h"
#include "store/region_store.h"

namespace qq::app {
namespace {

constexpr int64_t kChinaOffset = 8 * 3600;

Date TodayIn(const Clock& clock) {
  return Date::FromDays(static_cast<long>((clock() + kChinaOffset) / 86400));
}

YearMonth MonthOf(const Date& d) { return *YearMonth::Of(d.year(), d.month()); }

Status Bad(const std::string& message) { return Status::InvalidArgument(message); }

}  // namespace

Date DefaultDeadline(YearMonth period) {
  YearMonth next = period.AddMonths(1);
  return *Date::Of(next.year(), next.month(), 5);
}

bool FiledLate(const store::RoundRecord& r, const store::Round& round) {
  int64_t end_of_deadline =
      (static_cast<int64_t>(round.deadline.Days()) + 1) * 86400 - kChinaOffset;
  return r.filed_at >= end_of_deadline;
}

Result<ProjectLibrary> LoadLibrary(store::Database& db, const Clock& clock,
                                   const RegionCode& region, std::optional<int> year_in,
                                   std::optional<YearMonth> as_of_in, const ProjectCut& cut) {
  store::RegionStore regions(db);
  QQ_ASSIGN_OR_RETURN(auto r, regions.Get(region));
  ProjectLibrary lib;
  lib.region = region;
  lib.region_name = r.name;
  std::vector<RegionCode> scope = {region};
  store::ProjectStore projects(db);
  store::RoundStore rounds(db);
  Date today = TodayIn(clock);
  QQ_ASSIGN_OR_RETURN(auto years, projects.LibraryYears(scope));
  lib.year = year_in ? *year_in : !years.empty() ? years.back() : today.year();
  QQ_ASSIGN_OR_RETURN(auto round_list, rounds.List(scope, lib.year));
  if (as_of_in) {
    lib.as_of = *as_of_in;
  } else if (!round_list.empty()) {
    lib.as_of = round_list.front().period;  // newest first
  } else {
    lib.as_of = lib.year < today.year() ? *YearMonth::Of(lib.year, 12)
                                        : *YearMonth::Of(lib.year, today.month());
  }
  for (const auto& rd : round_list) {
    if (rd.period == lib.as_of && (!lib.round || rd.region == region)) lib.round = rd;
  }
  QQ_ASSIGN_OR_RETURN(auto all, projects.List(store::ProjectQuery{scope, std::nullopt}));
  QQ_ASSIGN_OR_RETURN(auto entries, projects.YearOf(scope, lib.year));
  QQ_ASSIGN_OR_RETURN(auto records, rounds.RecordsIn(scope, lib.year));
  std::map<int64_t, std::vector<const store::RoundRecord*>> records_of;
  for (const auto& rec : records) records_of[rec.project_id].push_back(&rec);  // oldest first
  std::map<int64_t, store::Round> round_by_id;
  for (const auto& rd : round_list) round_by_id[rd.id] = rd;
  bool year_has_rounds = !round_list.empty();

  for (auto& p : all) {
    ProjectRow row;
    if (!entries.empty()) {
      auto it = entries.find(p.id);
      if (it == entries.end()) continue;  // not in this year's library
      row.year = it->second;
    } else {
      row.year = {lib.year, p.level, p.annual_plan};
    }
    row.stage = p.stage;
    row.completed_this_year = year_has_rounds ? Money() : p.completed_this_year.value_or(Money());
    for (const auto* rec : records_of[p.id]) {
      if (rec->period > lib.as_of) break;
      row.last_record = *rec;
      if (rec->period == lib.as_of && !row.filed) {
        row.filed = true;
        auto rd = round_by_id.find(rec->round_id);
        row.late = rd != round_by_id.end() && FiledLate(*rec, rd->second);
      }
    }
    if (row.last_record) {
      row.stage = row.last_record->stage;
      if (row.last_record->completed_this_year)
        row.completed_this_year = *row.last_record->completed_this_year;
    }
    if (cut.stage && row.stage != *cut.stage) continue;
    if (cut.level && row.year.level != cut.level) continue;
    if (!cut.chain.empty() && p.chain != cut.chain) continue;
    if (!cut.park.empty() && p.park != cut.park) continue;
    if (cut.town && (!p.town || *p.town != *cut.town)) continue;
    if (!cut.q.empty() && p.name.find(cut.q) == std::string::npos) continue;
    row.project = std::move(p);
    lib.rows.push_back(std::move(row));
  }
  return lib;
}

ProjectSummary Summarize(const ProjectLibrary& lib) {
  std::vector<ProjectFacts> facts;
  facts.reserve(lib.rows.size());
  for (const auto& row : lib.rows) {
    const Project& p = row.project;
    ProjectFacts f;
    f.id = p.id;
    f.name = p.name;
    f.level = row.year.level;
    f.stage = row.stage;
    f.chain = p.chain;
    f.park = p.park;
    f.town = p.town ? p.town->str() : "";
    f.total_investment = p.total_investment;
    f.annual_plan = row.year.annual_plan.value_or(Money());
    f.completed_this_year = row.completed_this_year;
    f.planned_start = p.planned_start;
    f.actual_start = p.actual_start;
    f.planned_production = p.planned_production;
    f.actual_production = p.actual_production;
    f.filed = row.filed;
    if (row.last_record) f.last_filed = row.last_record->period;
    facts.push_back(std::move(f));
  }
  return SummarizeProjects(lib.region_name, lib.year, lib.as_of, lib.round.has_value(), facts);
}

Result<store::Round> OpenRound(store::Database& db, const Clock& clock, const RegionCode& region,
                               YearMonth period, std::optional<Date> deadline) {
  QQ_RETURN_IF_ERROR(store::RegionStore(db).Get(region).status());
  store::Round r;
  r.region = region;
  r.period = period;
  r.deadline = deadline.value_or(DefaultDeadline(period));
  if (r.deadline.Days() < Date::Of(period.year(), period.month(), 1)->Days()) {
    return Bad("截止日期早于调度期 (the deadline " + r.deadline.ToString() +
               " is before the period " + period.ToString() + ")");
  }
  r.created_at = clock();
  store::Savepoint sp(db);
  QQ_RETURN_IF_ERROR(store::RoundStore(db).Open(r));
  QQ_RETURN_IF_ERROR(store::MetaStore(db).BumpDataVersion());
  QQ_RETURN_IF_ERROR(sp.Release());
  return r;
}

Result<store::RoundRecord> FileRecord(store::Database& db, const Clock& clock, int64_t project_id,
                                      const RecordInput& in) {
  store::ProjectStore projects(db);
  QQ_ASSIGN_OR_RETURN(auto p, projects.Get(project_id));
  store::RoundStore rounds(db);
  QQ_ASSIGN_OR_RETURN(auto round, rounds.Find(p.region, in.round));
  if (!round) {
    return Status::NotFound(in.round.ToString() + "调度轮次尚未开启 (no scheduling round for " +
                            in.round.ToString() + " in " + p.region.str() + ")");
  }
  if (round->status != "open") {
    return Status::FailedPrecondition(in.round.ToString() + "调度轮次已关闭 (the round is closed)");
  }
  ProjectStage to = in.stage.value_or(p.stage);
  if (to != p.stage) {
    Status ok = CheckStageTransition(p.stage, to, in.reason);
    if (!ok.ok()) return std::move(ok).WithReason("bad_transition");
  }
  for (const auto* m : {&in.completed_total, &in.completed_period, &in.completed_this_year}) {
    if (*m && m->value().yuan() < 0)
      return Bad("完成投资不能为负 (completed investment cannot be negative)");
  }
  if (in.completed_this_year && in.completed_total &&
      *in.completed_this_year > *in.completed_total) {
    return Bad(
        "本年累计完成投资不能大于开工以来累计完成投资 (this year's figure exceeds the total since "
        "the start)");
  }
  if (in.progress_pct && (*in.progress_pct < 0 || *in.progress_pct > 100))
    return Bad("进度须在0-100%之间 (progress 0–100)");
  if (in.workers && *in.workers < 0) return Bad("施工人数不能为负 (workers cannot be negative)");

  store::RoundRecord rec;
  rec.round_id = round->id;
  rec.period = round->period;
  rec.project_id = p.id;
  rec.filed_at = clock();
  rec.completed_total = in.completed_total;
  rec.completed_period = in.completed_period;
  rec.completed_this_year = in.completed_this_year;
  rec.progress_pct = in.progress_pct;
  rec.stage = to;
  rec.workers = in.workers;
  rec.problems = in.problems;
  rec.source = in.source;
  rec.import_id = in.import_id;
  rec.username = in.username;

  store::Savepoint sp(db);
  QQ_RETURN_IF_ERROR(rounds.AddRecord(rec));
  if (to != p.stage) {
    Date on = in.on_date.value_or(TodayIn(clock));
    QQ_RETURN_IF_ERROR(projects.AddStageEvent(p.id, {on, p.stage, to, in.reason, in.username}));
    if (StageRank(to) >= StageRank(ProjectStage::kStarted) && !p.actual_start)
      p.actual_start = MonthOf(on);
    if (StageRank(to) >= StageRank(ProjectStage::kInProduction) && !p.actual_production)
      p.actual_production = MonthOf(on);
    p.stage = to;
    p.stage_reason = in.reason;
  }
  if (in.completed_total) p.completed_total = in.completed_total;
  if (in.completed_this_year) p.completed_this_year = in.completed_this_year;
  QQ_RETURN_IF_ERROR(projects.Update(p));
  QQ_RETURN_IF_ERROR(store::MetaStore(db).BumpDataVersion());
  QQ_RETURN_IF_ERROR(sp.Release());
  return rec;
}

Result<Project> CreateProject(store::Database& db, const Clock& clock, Project p,
                              std::optional<ProjectYear> year, const std::string& username) {
  if (p.name.empty()) return Bad("项目名称不能为空 (the project needs a name)");
  if (p.total_investment.yuan() < 0)
    return Bad("总投资不能为负 (total investment cannot be negative)");
  if (p.stage == ProjectStage::kSuspended || p.stage == ProjectStage::kTerminated) {
    if (p.stage_reason.empty())
      return Status(CheckStageTransition(std::nullopt, p.stage, "")).WithReason("bad_transition");
  }
  QQ_RETURN_IF_ERROR(store::RegionStore(db).Get(p.region).status());
  store::ProjectStore projects(db);
  store::Savepoint sp(db);
  QQ_RETURN_IF_ERROR(projects.Add(p));
  if (year) QQ_RETURN_IF_ERROR(projects.SetYear(p.id, *year));
  QQ_RETURN_IF_ERROR(projects.AddStageEvent(
      p.id, {TodayIn(clock), std::nullopt, p.stage, p.stage_reason, username}));
  QQ_RETURN_IF_ERROR(store::MetaStore(db).BumpDataVersion());
  QQ_RETURN_IF_ERROR(sp.Release());
  return p;
}

Status SetApproval(store::Database& db, int64_t project_id, const ProjectApproval& a) {
  static const std::set<std::string> kKinds = {"立项/备案", "用地", "环评", "施工许可"};
  static const std::set<std::string> kStatuses = {"未办理", "办理中", "已办结"};
  if (!kKinds.count(a.kind))
    return Bad("审批事项须为 立项/备案、用地、环评、施工许可 之一 (approval kind): " + a.kind);
  if (!kStatuses.count(a.status))
    return Bad("办理状态须为 未办理、办理中、已办结 之一 (status): " + a.status);
  store::ProjectStore projects(db);
  QQ_RETURN_IF_ERROR(projects.Get(project_id).status());
  store::Savepoint sp(db);
  QQ_RETURN_IF_ERROR(projects.SetApproval(project_id, a));
  QQ_RETURN_IF_ERROR(store::MetaStore(db).BumpDataVersion());
  return sp.Release();
}

Result<ProjectNeed> AddNeed(store::Database& db, int64_t project_id, ProjectNeed n) {
  static const std::set<std::string> kKinds = {"土地", "能耗", "资金", "用电", "用水", "其他"};
  static const std::set<std::string> kStatuses = {"待保障", "协调中", "已保障"};
  if (!kKinds.count(n.kind))
    return Bad("要素类别须为 土地、能耗、资金、用电、用水、其他 之一 (need kind): " + n.kind);
  if (!kStatuses.count(n.status))
    return Bad("保障状态须为 待保障、协调中、已保障 之一 (status): " + n.status);
  if (n.amount && *n.amount < 0) return Bad("数量不能为负 (amount cannot be negative)");
  if (n.kind == "土地" && n.amount && !LandHectares(*n.amount, n.unit)) {
    return Bad("用地单位须为 公顷、亩 或 平方米 (land unit): " + n.unit);
  }
  store::ProjectStore projects(db);
  QQ_RETURN_IF_ERROR(projects.Get(project_id).status());
  store::Savepoint sp(db);
  QQ_RETURN_IF_ERROR(projects.AddNeed(project_id, n));
  QQ_RETURN_IF_ERROR(store::MetaStore(db).BumpDataVersion());
  QQ_RETURN_IF_ERROR(sp.Release());
  return n;
}

Status SetProjectYear(store::Database& db, int64_t project_id, const ProjectYear& y) {
  if (y.year < 1990 || y.year > 2100) return Bad("年份不合理 (year): " + std::to_string(y.year));
  if (y.annual_plan && y.annual_plan->yuan() < 0)
    return Bad("年度计划投资不能为负 (annual plan cannot be negative)");
  store::ProjectStore projects(db);
  QQ_RETURN_IF_ERROR(projects.Get(project_id).status());
  store::Savepoint sp(db);
  QQ_RETURN_IF_ERROR(projects.SetYear(project_id, y));
  QQ_RETURN_IF_ERROR(store::MetaStore(db).BumpDataVersion());
  return sp.Release();
}

Result<RoundStatus> StatusOfRound(store::Database& db, const Clock& clock, int64_t round_id) {
  QQ_ASSIGN_OR_RETURN(auto round, store::RoundStore(db).Get(round_id));
  QQ_ASSIGN_OR_RETURN(auto lib,
                      LoadLibrary(db, clock, round.region, round.period.year(), round.period, {}));
  RoundStatus s;
  s.round = round;
  for (auto& row : lib.rows) {
    RoundItem item;
    item.project = std::move(row.project);
    if (row.filed) item.record = row.last_record;
    item.late = row.late;
    s.filed += row.filed;
    s.late += row.late;
    s.items.push_back(std::move(item));
  }
  return s;
}

Result<ProjectProfile> ProfileOf(store::Database& db, int64_t project_id) {
  store::ProjectStore projects(db);
  ProjectProfile pr;
  QQ_ASSIGN_OR_RETURN(pr.project, projects.Get(project_id));
  QQ_ASSIGN_OR_RETURN(pr.years, projects.Years(project_id));
  QQ_ASSIGN_OR_RETURN(pr.stages, projects.StageEvents(project_id));
  QQ_ASSIGN_OR_RETURN(pr.approvals, projects.Approvals(project_id));
  QQ_ASSIGN_OR_RETURN(pr.needs, projects.Needs(project_id));
  store::RoundStore rounds(db);
  QQ_ASSIGN_OR_RETURN(pr.records, rounds.RecordsOf(project_id));
  std::map<int64_t, store::Round> cache;
  for (const auto& rec : pr.records) {
    if (!cache.count(rec.round_id)) {
      QQ_ASSIGN_OR_RETURN(auto rd, rounds.Get(rec.round_id));
      cache[rec.round_id] = rd;
    }
    pr.records_late.push_back(FiledLate(rec, cache[rec.round_id]));
  }
  const Project& p = pr.project;
  pr.milestones = {{"开工", p.planned_start, p.actual_start},
                   {"投产", p.planned_production, p.actual_production},
                   {"竣工", p.planned_completion, std::nullopt}};
  QQ_ASSIGN_OR_RETURN(pr.lead, projects.LeadOf(project_id));
  return pr;
}

}  // namespace qq::app
