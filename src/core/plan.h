// Plan and Cluster: a region's industrial framework ("2+4": two 千亿级 and four 百亿级
// clusters), each cluster defined by member chains and/or industry codes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/industry_code.h"
#include "core/region_code.h"

namespace qq {

enum class ClusterTier { kNone, kThousandYi, kHundredYi };      // —, 千亿级, 百亿级
enum class ClusterRole { kNone, kLeading, kEmerging, kTraditional };  // —, 主导, 新兴, 传统
const char* ClusterTierLabel(ClusterTier t);  // "" for kNone
const char* ClusterRoleLabel(ClusterRole r);
Result<ClusterTier> ParseClusterTier(std::string_view label);  // "" → kNone
Result<ClusterRole> ParseClusterRole(std::string_view label);

struct Cluster {
  int64_t id = 0;
  std::string name;
  ClusterTier tier = ClusterTier::kNone;
  ClusterRole role = ClusterRole::kNone;
  std::vector<std::string> chains;            // chain names
  std::vector<IndustryCode> industry_codes;   // further members by industry-code prefix
  int order = 0;
};

struct Plan {
  int64_t id = 0;
  RegionCode region;
  std::string name;       // 钢城区"2+4"现代产业体系
  std::string framework;  // "2+4"
  int year_from = 0;
  int year_to = 0;
  std::string source;     // where the plan was published
  std::vector<Cluster> clusters;
};

}  // namespace qq
