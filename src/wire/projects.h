// JSON of the key-project library, scheduling rounds, parks and land (docs/api.md).
#pragma once

#include "app/land.h"
#include "app/projects.h"
#include "wire/entities.h"

namespace qq::wire {

Json RoundJson(const store::Round& r, const NameOf& region_names, int projects, int filed,
               int late);
Json RecordJson(const store::RoundRecord& r, bool late);
// The library with its round (counts of filed and late filings), or round null.
Json ProjectLibraryJson(const app::ProjectLibrary& lib, const NameOf& region_names);
// Each cut (by_stage, by_level, by_chain, by_park, by_town) is an object keyed by category ("" =
// none), each entry {"name" (a town's name in by_town), "count", the three sums,
// "completion_rate"}.
Json ProjectSummaryJson(const ProjectSummary& s, const std::string& region_code,
                        const NameOf& town_names);
Json RoundStatusJson(const app::RoundStatus& s, const NameOf& region_names);
Json ProjectProfileJson(const app::ProjectProfile& p, const NameOf& region_names);
Json ParcelJson(const store::Parcel& l);
Json ParksJson(const std::vector<app::ParkView>& parks, const app::LandFigures& land);
Json LandMatchJson(const app::LandMatch& m);

}  // namespace qq::wire
