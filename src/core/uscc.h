// Uscc: the 18-character 统一社会信用代码 (unified social credit code, GB 32100-2015) that
// identifies every firm. Layout: registering department (1), entity type (1), the
// registering authority's region code at registration time (6), organisation code (9),
// check character (1).
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "core/status.h"

namespace qq {

class Uscc {
 public:
  // An empty placeholder, to be assigned a parsed code.
  Uscc() = default;
  // Accepts 18 characters of 0-9 and A–Y without I, O, S, V, Z (lower case is upper-cased)
  // whose last character is the GB 32100-2015 check character of the first 17. Returns
  // InvalidArgument naming what is wrong (length, a character, or the check character and
  // what it should be).
  static Result<Uscc> Parse(std::string_view text);
  // The check character for 17 leading characters; '\0' if one of them is not allowed.
  static char CheckCharacter(std::string_view first17);

  const std::string& str() const { return code_; }
  // Characters 3–8: the region code of the registering authority when the firm registered.
  // It may be a historical code (371203) or a city's (370100); see the region crosswalk.
  std::string RegionPart() const { return code_.substr(2, 6); }

  auto operator<=>(const Uscc&) const = default;

 private:
  explicit Uscc(std::string code) : code_(std::move(code)) {}
  std::string code_;
};

}  // namespace qq
