#include "core/project_summary.h"

#include <cmath>
#include <cstdio>
#include <functional>
#include <map>

namespace qq {
namespace {

std::optional<double> Rate(Money part, Money whole) {
  if (whole.yuan() <= 0) return std::nullopt;
  return 100.0 * static_cast<double>(part.yuan()) / static_cast<double>(whole.yuan());
}

std::optional<double> Rate(int part, int whole) {
  if (whole <= 0) return std::nullopt;
  return 100.0 * part / whole;
}

std::string OneDecimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", std::round(v * 10.0) / 10.0);
  return buf;
}

// 亿元 with one decimal, no grouping: "548.5".
std::string Yi(Money m) { return OneDecimal(static_cast<double>(m.yuan()) / 1e8); }

std::string MonthText(YearMonth m) {
  return std::to_string(m.year()) + "年" + std::to_string(m.month()) + "月";
}

bool Terminated(const ProjectFacts& p) { return p.stage == ProjectStage::kTerminated; }

bool HasStarted(const ProjectFacts& p, YearMonth as_of) {
  return StageRank(p.stage) >= StageRank(ProjectStage::kStarted) ||
         (p.actual_start && *p.actual_start <= as_of);
}

bool IsProducing(const ProjectFacts& p, YearMonth as_of) {
  return StageRank(p.stage) >= StageRank(ProjectStage::kInProduction) ||
         (p.actual_production && *p.actual_production <= as_of);
}

std::vector<SummaryGroup> GroupBy(const std::vector<ProjectFacts>& projects,
                                  const std::function<std::string(const ProjectFacts&)>& key,
                                  const std::vector<std::string>& order) {
  std::map<std::string, SummaryGroup> groups;
  for (const auto& p : projects) {
    auto& g = groups[key(p)];
    g.key = key(p);
    ++g.count;
    g.total_investment += p.total_investment;
    g.annual_plan += p.annual_plan;
    g.completed_this_year += p.completed_this_year;
  }
  std::vector<SummaryGroup> out;
  for (const auto& k : order) {
    auto it = groups.find(k);
    if (it == groups.end()) continue;
    out.push_back(it->second);
    groups.erase(it);
  }
  for (auto& [k, g] : groups) out.push_back(g);  // the rest in key order ("" first: none)
  for (auto& g : out) g.completion_rate = Rate(g.completed_this_year, g.annual_plan);
  return out;
}

// Builds the paragraph piece by piece, recording where each number comes from.
class Paragraph {
 public:
  Paragraph& Text(const std::string& s) {
    text_ += s;
    return *this;
  }
  Paragraph& Number(const std::string& shown, const std::string& field, double value) {
    text_ += shown;
    facts_.push_back({shown, field, value});
    return *this;
  }
  Paragraph& Count(int n, const std::string& field) { return Number(std::to_string(n), field, n); }
  Paragraph& Money(qq::Money m, const std::string& field) {
    return Number(Yi(m), field, static_cast<double>(m.yuan()));
  }
  Paragraph& Percent(double v, const std::string& field) { return Number(OneDecimal(v), field, v); }
  std::string text_;
  std::vector<SummaryFact> facts_;
};

}  // namespace

ProjectSummary SummarizeProjects(const std::string& region_name, int year, YearMonth as_of,
                                 bool has_round, const std::vector<ProjectFacts>& projects) {
  ProjectSummary s;
  s.region_name = region_name;
  s.year = year;
  s.as_of = as_of;
  s.has_round = has_round;
  // 时序进度: the share of the year gone by the report month (a month of a later year: 100 %).
  int months = as_of.year() > year ? 12 : as_of.year() < year ? 0 : as_of.month();
  s.schedule_pct = 100.0 * months / 12.0;
  YearMonth report_month = as_of.year() > year ? *YearMonth::Of(year, 12) : as_of;

  for (const auto& p : projects) {
    ++s.count;
    s.total_investment += p.total_investment;
    s.annual_plan += p.annual_plan;
    s.completed_this_year += p.completed_this_year;
    if (Terminated(p)) continue;  // a terminated project is neither due nor late
    bool started = HasStarted(p, report_month), producing = IsProducing(p, report_month);
    s.started += started;
    s.producing += producing;
    if (p.planned_start && *p.planned_start <= report_month) {
      ++s.start_due;
      s.started_due += started;
      if (p.stage == ProjectStage::kPlanning || p.stage == ProjectStage::kSigned) {
        s.lagging.push_back({p.id, p.name,
                             "计划" + MonthText(*p.planned_start) + "开工，截至" +
                                 MonthText(report_month) + "仍处于" + ProjectStageLabel(p.stage) +
                                 "阶段"});
      }
    }
    if (p.planned_production && *p.planned_production <= report_month) {
      ++s.production_due;
      s.producing_due += producing;
    }
    if (auto rate = Rate(p.completed_this_year, p.annual_plan);
        rate && *rate < s.schedule_pct - kBehindPacePoints) {
      s.behind_pace.push_back({p.id, p.name,
                               "本年累计完成投资" + Yi(p.completed_this_year) +
                                   "亿元，完成年度计划" + OneDecimal(*rate) + "%，低于时序进度" +
                                   OneDecimal(s.schedule_pct) + "%" +
                                   OneDecimal(s.schedule_pct - *rate) + "个百分点"});
    }
    if (has_round && !p.filed) {
      s.not_filed.push_back({p.id, p.name,
                             MonthText(as_of) + "调度未填报" +
                                 (p.last_filed ? "，最近一次填报为" + MonthText(*p.last_filed)
                                               : std::string("，本年尚无填报"))});
    }
  }
  s.completion_rate = Rate(s.completed_this_year, s.annual_plan);
  s.start_rate = Rate(s.started_due, s.start_due);
  s.production_rate = Rate(s.producing_due, s.production_due);

  std::vector<std::string> stage_order, level_order;
  for (auto st : kAllStages) stage_order.push_back(ProjectStageLabel(st));
  for (auto l : kAllLevels) level_order.push_back(ProjectLevelLabel(l));
  s.by_stage = GroupBy(
      projects, [](const ProjectFacts& p) { return std::string(ProjectStageLabel(p.stage)); },
      stage_order);
  s.by_level = GroupBy(
      projects,
      [](const ProjectFacts& p) { return p.level ? std::string(ProjectLevelLabel(*p.level)) : ""; },
      level_order);
  s.by_chain = GroupBy(projects, [](const ProjectFacts& p) { return p.chain; }, {});
  s.by_park = GroupBy(projects, [](const ProjectFacts& p) { return p.park; }, {});
  s.by_town = GroupBy(projects, [](const ProjectFacts& p) { return p.town; }, {});

  // The paragraph, in the style of the districts' own reports.
  Paragraph para;
  para.Text("截至" + MonthText(report_month) + "，" + region_name + std::to_string(year) +
            "年重点项目库共有项目")
      .Count(s.count, "count")
      .Text("个，总投资")
      .Money(s.total_investment, "total_investment")
      .Text("亿元，年度计划投资")
      .Money(s.annual_plan, "annual_plan")
      .Text("亿元");
  std::string levels;
  bool first = true;
  for (const auto& g : s.by_level) {
    if (g.key.empty()) continue;
    para.Text(first ? "；其中" : "、")
        .Text(g.key + "项目")
        .Count(g.count, "by_level[" + g.key + "].count")
        .Text("个");
    first = false;
  }
  para.Text("。本年累计完成投资").Money(s.completed_this_year, "completed_this_year").Text("亿元");
  if (s.completion_rate) {
    para.Text("，完成年度计划的").Percent(*s.completion_rate, "completion_rate").Text("%");
    double gap = *s.completion_rate - s.schedule_pct;
    para.Text("，")
        .Text(gap >= 0 ? "快于" : "慢于")
        .Text("时序进度（")
        .Percent(s.schedule_pct, "schedule_pct")
        .Text("%）");
    para.Percent(std::fabs(gap), "completion_rate - schedule_pct").Text("个百分点");
  }
  para.Text("。已开工项目").Count(s.started, "started").Text("个");
  if (s.start_rate) para.Text("，开工率").Percent(*s.start_rate, "start_rate").Text("%");
  para.Text("；建成投产项目").Count(s.producing, "producing").Text("个");
  if (s.production_rate)
    para.Text("，投产率").Percent(*s.production_rate, "production_rate").Text("%");
  para.Text("。");
  std::vector<std::string> problems;
  if (!s.lagging.empty() || !s.behind_pace.empty() || !s.not_filed.empty()) {
    bool any = false;
    auto clause = [&](size_t n, const std::string& field, const std::string& what) {
      if (n == 0) return;
      para.Text(any ? "，" : "").Count(static_cast<int>(n), field).Text(what);
      any = true;
    };
    clause(s.lagging.size(), "lagging.length", "个项目未按计划开工");
    clause(s.behind_pace.size(), "behind_pace.length",
           "个项目投资完成率落后时序进度10个百分点以上");
    clause(s.not_filed.size(), "not_filed.length", "个项目本期调度未填报");
    para.Text("，需重点督导。");
  }
  s.paragraph = std::move(para.text_);
  s.facts = std::move(para.facts_);
  return s;
}

}  // namespace qq
