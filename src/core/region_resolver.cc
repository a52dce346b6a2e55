#include "core/region_resolver.h"

namespace qq {

RegionResolver::RegionResolver(const std::vector<Region>& regions, const std::vector<RegionAlias>& aliases) {
  for (const auto& r : regions) names_[r.code.str()] = r.name;
  for (const auto& a : aliases) aliases_.emplace(a.old_code, a.current);
}

const std::string& RegionResolver::NameOf(const std::string& code) const {
  static const std::string kEmpty;
  auto it = names_.find(code);
  return it == names_.end() ? kEmpty : it->second;
}

Result<ResolvedRegion> RegionResolver::Resolve(std::string_view code_text) const {
  if (code_text.size() != 6 || code_text.find_first_not_of("0123456789") != std::string_view::npos) {
    return Status::InvalidArgument("'" + std::string(code_text) + "' is not a six-digit region code");
  }
  std::string code(code_text);
  if (names_.count(code)) return ResolvedRegion{*RegionCode::Parse(code), ""};
  if (auto it = aliases_.find(code); it != aliases_.end()) {
    return ResolvedRegion{it->second, "region code " + code + " is historical; mapped to " + it->second.str() + " " +
                                          NameOf(it->second.str())};
  }
  for (std::string fallback : {code.substr(0, 4) + "00", code.substr(0, 2) + "0000"}) {
    if (names_.count(fallback)) {
      return ResolvedRegion{*RegionCode::Parse(fallback), "region code " + code + " is unknown; using " + fallback +
                                                                " " + NameOf(fallback)};
    }
  }
  return ResolvedRegion{RegionCode::Country(), "region code " + code + " is unknown; using the whole country"};
}

}  // namespace qq
