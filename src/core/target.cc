#include "core/target.h"

#include <cmath>

namespace qq {

const char* TargetSubjectKindName(TargetSubjectKind k) {
  switch (k) {
    case TargetSubjectKind::kRegion: return "region";
    case TargetSubjectKind::kCluster: return "cluster";
    case TargetSubjectKind::kChain: return "chain";
  }
  return "region";
}

Result<TargetSubjectKind> ParseTargetSubjectKind(std::string_view name) {
  for (auto k : {TargetSubjectKind::kRegion, TargetSubjectKind::kCluster, TargetSubjectKind::kChain}) {
    if (name == TargetSubjectKindName(k)) return k;
  }
  return Status::InvalidArgument("target subject '" + std::string(name) + "' is not region, cluster or chain");
}

const char* ComparatorSymbol(Comparator c) {
  switch (c) {
    case Comparator::kAtLeast: return ">=";
    case Comparator::kEqual: return "=";
    case Comparator::kAtMost: return "<=";
  }
  return ">=";
}

Result<Comparator> ParseComparator(std::string_view symbol) {
  for (auto c : {Comparator::kAtLeast, Comparator::kEqual, Comparator::kAtMost}) {
    if (symbol == ComparatorSymbol(c)) return c;
  }
  return Status::InvalidArgument("comparator '" + std::string(symbol) + "' is not >=, = or <=");
}

double Target::Value() const { return static_cast<double>(value_units) / std::pow(10.0, decimals); }

}  // namespace qq
