#include "http/names.h"

#include "store/industry_store.h"
#include "store/region_store.h"

namespace qq::http {

wire::NameOf NameCache::Regions() {
  return [this](const std::string& code) -> std::string {
    auto it = regions_.find(code);
    if (it != regions_.end()) return it->second;
    std::string name;
    if (auto rc = RegionCode::Parse(code); rc.ok()) {
      if (auto r = store::RegionStore(db_).Get(*rc); r.ok()) name = r->name;
    }
    regions_[code] = name;
    return name;
  };
}

wire::NameOf NameCache::Industries() {
  return [this](const std::string& code) -> std::string {
    auto it = industries_.find(code);
    if (it != industries_.end()) return it->second;
    std::string name;
    if (auto ic = IndustryCode::Parse(code); ic.ok()) {
      if (auto c = store::IndustryStore(db_).Get(*ic); c.ok()) name = c->name;
    }
    industries_[code] = name;
    return name;
  };
}

}  // namespace qq::http
