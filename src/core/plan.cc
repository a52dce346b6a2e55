#include "core/plan.h"

namespace qq {

const char* ClusterTierLabel(ClusterTier t) {
  switch (t) {
    case ClusterTier::kNone: return "";
    case ClusterTier::kThousandYi: return "千亿级";
    case ClusterTier::kHundredYi: return "百亿级";
  }
  return "";
}

const char* ClusterRoleLabel(ClusterRole r) {
  switch (r) {
    case ClusterRole::kNone: return "";
    case ClusterRole::kLeading: return "主导";
    case ClusterRole::kEmerging: return "新兴";
    case ClusterRole::kTraditional: return "传统";
  }
  return "";
}

Result<ClusterTier> ParseClusterTier(std::string_view label) {
  for (auto t : {ClusterTier::kNone, ClusterTier::kThousandYi, ClusterTier::kHundredYi}) {
    if (label == ClusterTierLabel(t)) return t;
  }
  return Status::InvalidArgument("cluster tier '" + std::string(label) + "' is not 千亿级 or 百亿级");
}

Result<ClusterRole> ParseClusterRole(std::string_view label) {
  for (auto r : {ClusterRole::kNone, ClusterRole::kLeading, ClusterRole::kEmerging, ClusterRole::kTraditional}) {
    if (label == ClusterRoleLabel(r)) return r;
  }
  return Status::InvalidArgument("cluster role '" + std::string(label) + "' is not 主导, 新兴 or 传统");
}

}  // namespace qq
