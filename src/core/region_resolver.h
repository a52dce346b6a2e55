// RegionResolver: maps the region code carried by a firm (its USCC's characters 3–8, or a
// sheet's 所在地 column) to a current region, following the historical-code crosswalk. A firm
// is never refused for its code: a historical code maps through the crosswalk, a city or
// province code gives that region, and an unknown county code falls back to its city or
// province with a warning.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/region.h"

namespace qq {

struct ResolvedRegion {
  RegionCode code;
  std::string warning;  // empty when the code was current
};

class RegionResolver {
 public:
  RegionResolver() = default;
  RegionResolver(const std::vector<Region>& regions, const std::vector<RegionAlias>& aliases);

  // Returns InvalidArgument only for text that is not six digits.
  Result<ResolvedRegion> Resolve(std::string_view code_text) const;
  bool Known(const std::string& code) const { return names_.count(code) > 0; }
  // The region's name, or "" if unknown.
  const std::string& NameOf(const std::string& code) const;

 private:
  std::unordered_map<std::string, std::string> names_;
  std::unordered_map<std::string, RegionCode> aliases_;
};

}  // namespace qq
