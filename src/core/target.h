// Target: a goal a plan sets — "规上工业产值 ≥ 2000亿元 by 2025" — with its subject and source.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/region_code.h"
#include "core/status.h"

namespace qq {

enum class TargetSubjectKind { kRegion, kCluster, kChain };
const char* TargetSubjectKindName(TargetSubjectKind k);  // region, cluster, chain
Result<TargetSubjectKind> ParseTargetSubjectKind(std::string_view name);

enum class Comparator { kAtLeast, kEqual, kAtMost };
const char* ComparatorSymbol(Comparator c);  // ">=", "=", "<="
Result<Comparator> ParseComparator(std::string_view symbol);

struct Target {
  int64_t id = 0;
  RegionCode region;
  TargetSubjectKind subject_kind = TargetSubjectKind::kRegion;
  std::string subject;  // the region's, cluster's or chain's name
  std::string metric;   // 规上工业总产值, 营业收入, 钢铁产能, …
  // The value in `unit` as an exact decimal: value_units / 10^decimals (money in 元, decimals 0).
  int64_t value_units = 0;
  int decimals = 0;
  std::string unit;     // 元, 吨, %, 家, …
  Comparator comparator = Comparator::kAtLeast;
  std::optional<int> deadline_year;
  bool per_year = false;  // "每年" targets
  std::string source;

  double Value() const;
};

}  // namespace qq
