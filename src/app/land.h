// Parks and land (土地超市): parks with their parcels and areas, matching a project's land
// need to available parcels, and the idle-land revitalisation figures (盘活闲置低效用地).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/park_store.h"

namespace qq::app {

struct ParkView {
  store::Park park;
  std::vector<store::Parcel> parcels;
  double idle_ha = 0, available_ha = 0, supplied_ha = 0;
};

// Parks of the region (and the parcels outside any park, under a park with id 0 "园区外").
Result<std::vector<ParkView>> ParksOf(store::Database& db, const RegionCode& region);

// Adds a park or a parcel after checking it (a county region, a name; area > 0 and a status of
// 闲置/可供/已供 for a parcel, its park in the same region).
Result<store::Park> AddPark(store::Database& db, store::Park p);
Result<store::Parcel> AddParcel(store::Database& db, store::Parcel l);

struct LandFigures {
  int year = 0;
  int firms = 0;         // distinct firms the revitalised parcels went to
  double hectares = 0;   // their area
  std::string sentence;  // "2023年为21家企业盘活闲置低效用地109.5公顷"
};
// Idle parcels put back to use (revitalized_at) in `year` (default: the latest such year).
Result<LandFigures> RevitalizedLand(store::Database& db, const RegionCode& region,
                                    std::optional<int> year);

struct LandMatch {
  std::optional<double> need_ha;  // the project's open land need in 公顷, if it has one
  std::string need_text;          // "150亩" as recorded
  std::vector<std::pair<store::Parcel, std::string>> parcels;  // with why it fits, best first
};
// Parcels of the project's region that are 可供 or 闲置 and at least as large as its land need
// (the need is its open 土地 need, else its land_ha); the park built around the project's chain
// first, then the closest in size.
Result<LandMatch> MatchLand(store::Database& db, int64_t project_id);

}  // namespace qq::app
