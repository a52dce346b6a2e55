// ParkStore: parks (园区) and land parcels (土地超市).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/region_code.h"
#include "store/database.h"

namespace qq::store {

struct Park {
  int64_t id = 0;
  RegionCode region;
  std::string name;
  std::string featured_industry;  // 主导产业
  std::string chain;              // the chain it is built around, if any
  std::string task_force;         // 工作专班
  std::optional<double> area_ha;
  std::string note;
};

struct Parcel {
  int64_t id = 0;
  std::optional<int64_t> park_id;
  RegionCode region;
  std::string code;  // 地块编号
  double area_m2 = 0;
  std::string land_use = "工业用地";
  std::optional<int64_t> price;  // 元, the whole parcel
  std::string status = "可供";   // 闲置, 可供, 已供
  std::optional<int64_t> enterprise_id, project_id;
  std::optional<Date> idle_since, revitalized_at;
  std::string note;
  // Filled when read: names of what stands on it.
  std::string enterprise_name, enterprise_uscc, project_name;

  double hectares() const { return area_m2 / 10000.0; }
};

class ParkStore {
 public:
  explicit ParkStore(Database& db) : db_(db) {}
  // Inserts; sets the id. AlreadyExists when the region has a park of that name.
  Status AddPark(Park& p);
  Result<std::vector<Park>> Parks(const std::vector<RegionCode>& scope);
  Result<std::optional<Park>> FindPark(const RegionCode& region, const std::string& name);
  // Inserts; sets the id. AlreadyExists when the region has a parcel with that code.
  Status AddParcel(Parcel& p);
  Result<std::vector<Parcel>> Parcels(const std::vector<RegionCode>& scope);

 private:
  Database& db_;
};

}  // namespace qq::store
