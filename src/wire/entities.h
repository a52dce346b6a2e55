// JSON documents of the domain entities (docs/api.md). Each function names exactly the
// fields that go on the wire.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "app/overview.h"
#include "core/chain.h"
#include "core/enterprise.h"
#include "core/plan.h"
#include "core/project.h"
#include "core/region.h"
#include "core/target.h"
#include "core/user.h"
#include "wire/json.h"

namespace qq::wire {

// Looks up a name for a code ("" if unknown); wire functions use it to show {code, name}.
using NameOf = std::function<std::string(const std::string&)>;

Json RegionJson(const Region& r);
Json RegionRef(const std::string& code, const NameOf& names);
Json IndustryJson(const IndustryClass& c);
Json UserJson(const User& u, const NameOf& region_names);
Json ChainSummaryJson(const Chain& c);
Json ChainJson(const Chain& c);
Json PlanJson(const Plan& p, const NameOf& region_names);
Json TargetJson(const Target& t, const NameOf& region_names);
Json EnterpriseJson(const Enterprise& e, const NameOf& region_names, const NameOf& industry_names, bool above_scale);
Json ProjectJson(const Project& p, const NameOf& region_names);
Json OverviewJson(const app::Overview& o);

// Helpers for optional values.
Json OptMonth(const std::optional<YearMonth>& m);
Json OptDouble(const std::optional<double>& v, int decimals = 2);

}  // namespace qq::wire
