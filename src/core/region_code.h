// RegionCode: an administrative division code. Six digits (GB/T 2260 or the NBS statistical
// variant) down to county level; nine digits (NBS 统计用区划代码) for towns (乡镇/街道).
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "core/status.h"

namespace qq {

enum class RegionLevel { kCountry, kProvince, kCity, kCounty, kTown };

// "country", "province", "city", "county", "town".
const char* RegionLevelName(RegionLevel level);
Result<RegionLevel> ParseRegionLevel(std::string_view name);

class RegionCode {
 public:
  // The whole country (100000); the placeholder before a parsed code is assigned.
  RegionCode() : code_("100000") {}
  // The code of the whole country, 100000 (the root of the region tree; a national user's scope).
  static RegionCode Country() { return RegionCode("100000"); }

  // Accepts 6 digits (province XX0000, city XXXX00, county) or 9 digits (town). Returns
  // InvalidArgument for other lengths, non-digits, or a province part outside 11–82.
  static Result<RegionCode> Parse(std::string_view text);

  const std::string& str() const { return code_; }
  // The level implied by the code's shape (a county-level code for a 直辖市 district is a county).
  RegionLevel Level() const;
  // The province code (XX0000) and city code (XXXX00); for a town, of its county.
  RegionCode ProvinceCode() const;
  RegionCode CityCode() const;
  // The county code of a town (first six digits); the code itself for others.
  RegionCode CountyCode() const;
  // True if `other` is this region or lies inside it, judged on the codes alone.
  bool Contains(const RegionCode& other) const;

  auto operator<=>(const RegionCode&) const = default;

 private:
  explicit RegionCode(std::string code) : code_(std::move(code)) {}
  std::string code_;
};

}  // namespace qq
