#include "store/park_store.h"

#include "store/columns.h"
#include "store/scope.h"

namespace qq::store {
namespace {

constexpr const char* kParkColumns =
    "id, region, name, featured_industry, chain, task_force, area_ha, note";

Result<Park> ReadPark(const Statement& st) {
  Park p;
  p.id = st.Int(0);
  QQ_ASSIGN_OR_RETURN(p.region, RegionCode::Parse(st.Text(1)));
  p.name = st.Text(2);
  p.featured_industry = st.Text(3);
  p.chain = st.Text(4);
  p.task_force = st.Text(5);
  if (!st.IsNull(6)) p.area_ha = st.Real(6);
  p.note = st.Text(7);
  return p;
}

}  // namespace

Status ParkStore::AddPark(Park& p) {
  QQ_ASSIGN_OR_RETURN(auto st,
                      db_.Prepare("INSERT INTO park (region, name, featured_industry, chain, "
                                  "task_force, area_ha, note) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  st.Bind(1, p.region.str())
      .Bind(2, p.name)
      .Bind(3, p.featured_industry)
      .Bind(4, p.chain)
      .Bind(5, p.task_force)
      .Bind(6, p.area_ha)
      .Bind(7, p.note);
  Status s = st.Run();
  if (s.code() == StatusCode::kConflict)
    return Status::AlreadyExists(p.region.str() + " 已有园区 " + p.name);
  QQ_RETURN_IF_ERROR(s);
  p.id = db_.LastInsertId();
  return Status::Ok();
}

Result<std::vector<Park>> ParkStore::Parks(const std::vector<RegionCode>& scope) {
  ScopeFilter filter("region", scope);
  QQ_ASSIGN_OR_RETURN(auto st,
                      db_.Prepare(std::string("SELECT ") + kParkColumns + " FROM park WHERE " +
                                  filter.Sql() + " ORDER BY region, id"));
  filter.Bind(st, 1);
  std::vector<Park> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    QQ_ASSIGN_OR_RETURN(auto p, ReadPark(st));
    out.push_back(std::move(p));
  }
  return out;
}

Result<std::optional<Park>> ParkStore::FindPark(const RegionCode& region, const std::string& name) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(std::string("SELECT ") + kParkColumns +
                                           " FROM park WHERE region = ? AND name = ?"));
  st.Bind(1, region.str()).Bind(2, name);
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<Park>();
  QQ_ASSIGN_OR_RETURN(auto p, ReadPark(st));
  return std::optional<Park>(std::move(p));
}

Status ParkStore::AddParcel(Parcel& p) {
  QQ_ASSIGN_OR_RETURN(
      auto st, db_.Prepare("INSERT INTO parcel (park_id, region, code, area_m2, land_use, price, "
                           "status, enterprise_id, project_id, idle_since, "
                           "revitalized_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  st.Bind(1, p.park_id)
      .Bind(2, p.region.str())
      .Bind(3, p.code)
      .Bind(4, p.area_m2)
      .Bind(5, p.land_use)
      .Bind(6, p.price)
      .Bind(7, p.status)
      .Bind(8, p.enterprise_id)
      .Bind(9, p.project_id)
      .Bind(10, DateText(p.idle_since))
      .Bind(11, DateText(p.revitalized_at))
      .Bind(12, p.note);
  Status s = st.Run();
  if (s.code() == StatusCode::kConflict) {
    return Status::AlreadyExists(
        p.region.str() + " 已有地块 " + p.code +
        "，或面积/状态不合规 (duplicate code, area ≤ 0 or a status other than 闲置/可供/已供)");
  }
  QQ_RETURN_IF_ERROR(s);
  p.id = db_.LastInsertId();
  return Status::Ok();
}

Result<std::vector<Parcel>> ParkStore::Parcels(const std::vector<RegionCode>& scope) {
  ScopeFilter filter("l.region", scope);
  QQ_ASSIGN_OR_RETURN(
      auto st,
      db_.Prepare("SELECT l.id, l.park_id, l.region, l.code, l.area_m2, l.land_use, l.price, "
                  "l.status, l.enterprise_id, l.project_id, "
                  "l.idle_since, l.revitalized_at, l.note, e.name, e.uscc, p.name FROM parcel l "
                  "LEFT JOIN enterprise e ON e.id = l.enterprise_id LEFT JOIN project p ON p.id = "
                  "l.project_id WHERE " +
                  filter.Sql() + " ORDER BY l.region, l.park_id, l.code"));
  filter.Bind(st, 1);
  std::vector<Parcel> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    Parcel p;
    p.id = st.Int(0);
    p.park_id = st.OptInt(1);
    QQ_ASSIGN_OR_RETURN(p.region, RegionCode::Parse(st.Text(2)));
    p.code = st.Text(3);
    p.area_m2 = st.Real(4);
    p.land_use = st.Text(5);
    p.price = st.OptInt(6);
    p.status = st.Text(7);
    p.enterprise_id = st.OptInt(8);
    p.project_id = st.OptInt(9);
    QQ_ASSIGN_OR_RETURN(p.idle_since, ReadDate(st, 10));
    QQ_ASSIGN_OR_RETURN(p.revitalized_at, ReadDate(st, 11));
    p.note = st.Text(12);
    p.enterprise_name = st.OptText(13).value_or("");
    p.enterprise_uscc = st.OptText(14).value_or("");
    p.project_name = st.OptText(15).value_or("");
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace qq::store
