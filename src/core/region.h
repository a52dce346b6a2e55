// Region and IndustryClass: the reference entities every other one points at.
#pragma once

#include <optional>
#include <string>

#include "core/industry_code.h"
#include "core/region_code.h"

namespace qq {

// Which code list a region comes from: 民政部 administrative codes (GB/T 2260 lineage), NBS
// 统计用区划代码 (which add development zones such as 370176), or both; `local` for a town
// an import named that no list has (created with a code of the form county + 9NN).
enum class CodeSystem { kAdministrative, kStatistical, kBoth, kLocal };
const char* CodeSystemName(CodeSystem system);  // "mca", "nbs", "both", "local"
Result<CodeSystem> ParseCodeSystem(std::string_view name);

struct Region {
  RegionCode code;
  std::string name;
  RegionLevel level = RegionLevel::kCounty;
  std::optional<RegionCode> parent;
  CodeSystem system = CodeSystem::kBoth;
};

// A historical or superseded code still carried by old records (a USCC's region part).
struct RegionAlias {
  std::string old_code;
  RegionCode current;
  std::string note;  // e.g. "莱芜市莱城区 → 济南市莱芜区 (2019)"
};

struct IndustryClass {
  IndustryCode code;
  std::string name;
  std::optional<IndustryCode> parent;
  char section = 'A';  // 门类 letter
};

}  // namespace qq
