#include "core/region_code.h"

#include <algorithm>

namespace qq {

const char* RegionLevelName(RegionLevel level) {
  switch (level) {
    case RegionLevel::kCountry: return "country";
    case RegionLevel::kProvince: return "province";
    case RegionLevel::kCity: return "city";
    case RegionLevel::kCounty: return "county";
    case RegionLevel::kTown: return "town";
  }
  return "county";
}

Result<RegionLevel> ParseRegionLevel(std::string_view name) {
  for (auto l : {RegionLevel::kCountry, RegionLevel::kProvince, RegionLevel::kCity,
                 RegionLevel::kCounty, RegionLevel::kTown}) {
    if (name == RegionLevelName(l)) return l;
  }
  return Status::InvalidArgument("unknown region level '" + std::string(name) + "'");
}

Result<RegionCode> RegionCode::Parse(std::string_view text) {
  if ((text.size() != 6 && text.size() != 9) ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return Status::InvalidArgument("'" + std::string(text) +
                                   "' is not a region code (6 digits, or 9 for a town)");
  }
  if (text == "100000") return Country();
  int province = (text[0] - '0') * 10 + (text[1] - '0');
  if (province < 11 || province > 82) {
    return Status::InvalidArgument("'" + std::string(text) + "' has no valid province part");
  }
  return RegionCode(std::string(text));
}

RegionLevel RegionCode::Level() const {
  if (code_ == "100000") return RegionLevel::kCountry;
  if (code_.size() == 9) return RegionLevel::kTown;
  if (code_.compare(2, 4, "0000") == 0) return RegionLevel::kProvince;
  if (code_.compare(4, 2, "00") == 0) return RegionLevel::kCity;
  return RegionLevel::kCounty;
}

RegionCode RegionCode::ProvinceCode() const { return RegionCode(code_.substr(0, 2) + "0000"); }
RegionCode RegionCode::CityCode() const { return RegionCode(code_.substr(0, 4) + "00"); }
RegionCode RegionCode::CountyCode() const { return RegionCode(code_.substr(0, 6)); }

bool RegionCode::Contains(const RegionCode& other) const {
  switch (Level()) {
    case RegionLevel::kCountry: return true;
    case RegionLevel::kProvince: return other.code_.compare(0, 2, code_, 0, 2) == 0;
    case RegionLevel::kCity: return other.code_.compare(0, 4, code_, 0, 4) == 0;
    case RegionLevel::kCounty: return other.code_.compare(0, 6, code_) == 0;
    case RegionLevel::kTown: return other.code_ == code_;
  }
  return false;
}

}  // namespace qq
