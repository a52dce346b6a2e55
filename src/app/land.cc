#include "app/land.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "store/meta_store.h"
#include "store/project_store.h"
#include "store/region_store.h"

namespace qq::app {
namespace {

std::string Hectares(double ha) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", std::round(ha * 10) / 10);
  return buf;
}

}  // namespace

Result<std::vector<ParkView>> ParksOf(store::Database& db, const RegionCode& region) {
  store::ParkStore store(db);
  QQ_ASSIGN_OR_RETURN(auto parks, store.Parks({region}));
  QQ_ASSIGN_OR_RETURN(auto parcels, store.Parcels({region}));
  std::vector<ParkView> out;
  std::map<int64_t, size_t> index;
  for (auto& p : parks) {
    index[p.id] = out.size();
    out.push_back({std::move(p), {}, 0, 0, 0});
  }
  for (auto& l : parcels) {
    auto it = l.park_id ? index.find(*l.park_id) : index.end();
    if (it == index.end()) {
      if (!index.count(0)) {
        index[0] = out.size();
        store::Park outside;
        outside.region = region;
        outside.name = "园区外";
        out.push_back({outside, {}, 0, 0, 0});
      }
      it = index.find(0);
    }
    ParkView& v = out[it->second];
    double ha = l.hectares();
    if (l.status == "闲置")
      v.idle_ha += ha;
    else if (l.status == "可供")
      v.available_ha += ha;
    else
      v.supplied_ha += ha;
    v.parcels.push_back(std::move(l));
  }
  return out;
}

Result<store::Park> AddPark(store::Database& db, store::Park p) {
  if (p.name.empty()) return Status::InvalidArgument("园区名称不能为空 (a park needs a name)");
  if (p.area_ha && *p.area_ha <= 0)
    return Status::InvalidArgument("园区面积须大于0 (area must be positive)");
  QQ_RETURN_IF_ERROR(store::RegionStore(db).Get(p.region).status());
  store::Savepoint sp(db);
  QQ_RETURN_IF_ERROR(store::ParkStore(db).AddPark(p));
  QQ_RETURN_IF_ERROR(store::MetaStore(db).BumpDataVersion());
  QQ_RETURN_IF_ERROR(sp.Release());
  return p;
}

Result<store::Parcel> AddParcel(store::Database& db, store::Parcel l) {
  if (l.code.empty()) return Status::InvalidArgument("地块编号不能为空 (a parcel needs its code)");
  if (!(l.area_m2 > 0)) return Status::InvalidArgument("地块面积须大于0 (area must be positive)");
  if (l.status != "闲置" && l.status != "可供" && l.status != "已供") {
    return Status::InvalidArgument("地块状态须为 闲置、可供、已供 之一 (status): " + l.status);
  }
  if (l.price && *l.price < 0)
    return Status::InvalidArgument("价格不能为负 (price cannot be negative)");
  QQ_RETURN_IF_ERROR(store::RegionStore(db).Get(l.region).status());
  if (l.park_id) {
    QQ_ASSIGN_OR_RETURN(auto parks, store::ParkStore(db).Parks({l.region}));
    bool found = std::any_of(parks.begin(), parks.end(),
                             [&](const store::Park& k) { return k.id == *l.park_id; });
    if (!found)
      return Status::InvalidArgument("园区 #" + std::to_string(*l.park_id) + " 不在 " +
                                     l.region.str() + " (no such park in the region)");
  }
  store::Savepoint sp(db);
  QQ_RETURN_IF_ERROR(store::ParkStore(db).AddParcel(l));
  QQ_RETURN_IF_ERROR(store::MetaStore(db).BumpDataVersion());
  QQ_RETURN_IF_ERROR(sp.Release());
  return l;
}

Result<LandFigures> RevitalizedLand(store::Database& db, const RegionCode& region,
                                    std::optional<int> year) {
  QQ_ASSIGN_OR_RETURN(auto parcels, store::ParkStore(db).Parcels({region}));
  LandFigures f;
  if (year) {
    f.year = *year;
  } else {
    for (const auto& l : parcels) {
      if (l.revitalized_at) f.year = std::max(f.year, l.revitalized_at->year());
    }
  }
  std::set<int64_t> firms;
  for (const auto& l : parcels) {
    if (!l.revitalized_at || l.revitalized_at->year() != f.year) continue;
    f.hectares += l.hectares();
    if (l.enterprise_id) firms.insert(*l.enterprise_id);
  }
  f.firms = static_cast<int>(firms.size());
  if (f.year > 0 && f.hectares > 0) {
    f.sentence = std::to_string(f.year) + "年为" + std::to_string(f.firms) +
                 "家企业盘活闲置低效用地" + Hectares(f.hectares) + "公顷";
  } else {
    f.sentence = "暂无盘活闲置低效用地记录";
  }
  return f;
}

Result<LandMatch> MatchLand(store::Database& db, int64_t project_id) {
  store::ProjectStore projects(db);
  QQ_ASSIGN_OR_RETURN(auto p, projects.Get(project_id));
  QQ_ASSIGN_OR_RETURN(auto needs, projects.Needs(project_id));
  LandMatch m;
  for (const auto& n : needs) {
    if (n.kind != "土地" || n.status == "已保障" || !n.amount) continue;
    m.need_ha = LandHectares(*n.amount, n.unit);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%g", *n.amount);
    m.need_text = std::string(buf) + n.unit;
    break;
  }
  if (!m.need_ha && p.land_ha) {
    m.need_ha = p.land_ha;
    m.need_text = Hectares(*p.land_ha) + "公顷";
  }
  if (!m.need_ha) return m;
  store::ParkStore store(db);
  QQ_ASSIGN_OR_RETURN(auto parks, store.Parks({p.region}));
  std::map<int64_t, const store::Park*> park_of;
  for (const auto& k : parks) park_of[k.id] = &k;
  QQ_ASSIGN_OR_RETURN(auto parcels, store.Parcels({p.region}));
  struct Scored {
    store::Parcel parcel;
    bool chain_park;
    double slack;
    std::string fit;
  };
  std::vector<Scored> scored;
  for (auto& l : parcels) {
    if (l.status == "已供" || l.hectares() + 1e-9 < *m.need_ha) continue;
    const store::Park* park =
        l.park_id && park_of.count(*l.park_id) ? park_of[*l.park_id] : nullptr;
    bool chain_park = park && !p.chain.empty() && park->chain == p.chain;
    std::string fit =
        "面积" + Hectares(l.hectares()) + "公顷，满足用地需求" + Hectares(*m.need_ha) + "公顷";
    if (l.status == "闲置") fit += "；闲置低效用地，可盘活";
    if (chain_park)
      fit += "；位于" + park->name + "，主导产业与项目所属" + p.chain + "产业链一致";
    else if (park)
      fit += "；位于" + park->name;
    scored.push_back({std::move(l), chain_park, 0, fit});
    scored.back().slack = scored.back().parcel.hectares() - *m.need_ha;
  }
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    if (a.chain_park != b.chain_park) return a.chain_park;
    return a.slack < b.slack;
  });
  for (auto& s : scored) m.parcels.emplace_back(std::move(s.parcel), std::move(s.fit));
  return m;
}

}  // namespace qq::app
