// Enterprise: a firm in the registry (企业名录), local or in the national candidate pool.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/industry_code.h"
#include "core/money.h"
#include "core/region_code.h"
#include "core/uscc.h"

namespace qq {

struct Enterprise {
  int64_t id = 0;
  Uscc uscc;
  std::string name;
  RegionCode region;                   // county-level region today (after the crosswalk)
  std::optional<RegionCode> town;      // 所在乡镇(街道), 9-digit statistical code
  std::optional<IndustryCode> industry;
  std::optional<Date> founded;
  std::optional<Money> registered_capital;
  std::string scope;                   // 经营范围
  std::string address;
  std::string park;                    // 所属园区
};

}  // namespace qq
