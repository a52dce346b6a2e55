#include "core/project.h"

#include <string>

namespace qq {
namespace {

std::string_view StripSuffix(std::string_view s, std::string_view suffix) {
  if (s.size() > suffix.size() && s.ends_with(suffix)) s.remove_suffix(suffix.size());
  return s;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

const char* ProjectStageLabel(ProjectStage s) {
  switch (s) {
    case ProjectStage::kPlanning: return "谋划";
    case ProjectStage::kSigned: return "签约";
    case ProjectStage::kStarted: return "开工";
    case ProjectStage::kUnderConstruction: return "在建";
    case ProjectStage::kTrialProduction: return "试投产";
    case ProjectStage::kInProduction: return "投产";
    case ProjectStage::kFullProduction: return "达产";
    case ProjectStage::kSuspended: return "暂停";
    case ProjectStage::kTerminated: return "终止";
  }
  return "谋划";
}

Result<ProjectStage> ParseProjectStage(std::string_view raw) {
  std::string_view label = StripSuffix(StripSuffix(Trim(raw), "项目"), "阶段");
  for (auto s : kAllStages) {
    if (label == ProjectStageLabel(s)) return s;
  }
  if (label == "新开工") return ProjectStage::kStarted;
  if (label == "续建") return ProjectStage::kUnderConstruction;
  if (label == "试生产") return ProjectStage::kTrialProduction;
  if (label == "建成投产" || label == "竣工投产") return ProjectStage::kInProduction;
  if (label == "前期" || label == "储备") return ProjectStage::kPlanning;
  return Status::InvalidArgument("'" + std::string(raw) +
                                 "' is not a project stage (谋划, 签约, 开工, 在建, 试投产, 投产, 达产, 暂停, 终止)");
}

int StageRank(ProjectStage s) {
  switch (s) {
    case ProjectStage::kSuspended:
    case ProjectStage::kTerminated: return -1;
    default: return static_cast<int>(s);
  }
}

Status CheckStageTransition(std::optional<ProjectStage> from, ProjectStage to, const std::string& reason) {
  bool pause = to == ProjectStage::kSuspended || to == ProjectStage::kTerminated;
  if (pause && reason.empty()) {
    return Status::InvalidArgument(std::string("转为") + ProjectStageLabel(to) + "须注明原因 (a reason is required for " +
                                   ProjectStageLabel(to) + ")");
  }
  if (!from || *from == to) return Status::Ok();
  if (*from == ProjectStage::kTerminated) {
    return Status::InvalidArgument("项目已终止，不能再变更阶段 (a terminated project cannot change stage)");
  }
  if (pause || *from == ProjectStage::kSuspended) return Status::Ok();
  if (StageRank(to) < StageRank(*from)) {
    return Status::InvalidArgument(std::string("阶段只能向前推进：") + ProjectStageLabel(*from) + "不能直接回到" +
                                   ProjectStageLabel(to) + "，须先转为暂停并注明原因 (stages move forward; go back only through 暂停 with a reason)");
  }
  return Status::Ok();
}

const char* ProjectLevelLabel(ProjectLevel l) {
  switch (l) {
    case ProjectLevel::kProvincialMajor: return "省重大";
    case ProjectLevel::kProvincialSelected: return "省优选";
    case ProjectLevel::kProvincialKey: return "省重点";
    case ProjectLevel::kCityKey: return "市重点";
    case ProjectLevel::kDistrictKey: return "区级重点";
  }
  return "区级重点";
}

Result<ProjectLevel> ParseProjectLevel(std::string_view raw) {
  std::string label(StripSuffix(Trim(raw), "项目"));
  // 省级重大 → 省重大, 市级重点 → 市重点, 区重点 → 区级重点.
  auto replace = [&label](std::string_view from, std::string_view to) {
    if (label.starts_with(from)) label = std::string(to) + label.substr(from.size());
  };
  replace("省级", "省");
  replace("市级", "市");
  if (label.starts_with("区") && !label.starts_with("区级")) label = "区级" + label.substr(3);
  if (label == "县级重点") label = "区级重点";
  for (auto l : kAllLevels) {
    if (label == ProjectLevelLabel(l)) return l;
  }
  return Status::InvalidArgument("'" + std::string(raw) +
                                 "' is not a project level (省重大, 省优选, 省重点, 市重点, 区级重点)");
}

}  // namespace qq

namespace qq {

std::optional<double> LandHectares(double amount, const std::string& unit) {
  if (unit == "公顷" || unit == "ha") return amount;
  if (unit == "亩") return amount / 15.0;  // 1 亩 = 666.67 m², 15 亩 = 1 公顷
  if (unit == "平方米" || unit == "m2" || unit == "㎡") return amount / 10000.0;
  return std::nullopt;
}

}  // namespace qq
