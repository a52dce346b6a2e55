#include "store/scope.h"

namespace qq::store {

ScopeFilter::ScopeFilter(std::string column, std::vector<RegionCode> regions) : column_(std::move(column)) {
  if (regions.empty()) unrestricted_ = true;
  for (const auto& r : regions) {
    std::string prefix;
    switch (r.Level()) {
      case RegionLevel::kCountry: unrestricted_ = true; break;
      case RegionLevel::kProvince: prefix = r.str().substr(0, 2); break;
      case RegionLevel::kCity: prefix = r.str().substr(0, 4); break;
      case RegionLevel::kCounty: prefix = r.str(); break;
      case RegionLevel::kTown: ranges_.push_back({r.str(), ""}); continue;
    }
    if (unrestricted_) break;
    // Codes are digit strings, so every code starting with `prefix` sorts in [prefix, prefix+1).
    std::string high = prefix;
    high.back() = static_cast<char>(high.back() + 1);
    ranges_.push_back({prefix, high});
  }
}

std::string ScopeFilter::Sql() const {
  if (unrestricted_) return "1";
  if (ranges_.empty()) return "0";
  std::string sql = "(";
  for (size_t i = 0; i < ranges_.size(); ++i) {
    if (i) sql += " OR ";
    if (ranges_[i].high.empty()) {
      sql += column_ + " = ?";
    } else {
      sql += "(" + column_ + " >= ? AND " + column_ + " < ?)";
    }
  }
  return sql + ")";
}

int ScopeFilter::Bind(Statement& st, int first) const {
  if (unrestricted_) return first;
  for (const auto& r : ranges_) {
    st.Bind(first++, r.low);
    if (!r.high.empty()) st.Bind(first++, r.high);
  }
  return first;
}

}  // namespace qq::store
