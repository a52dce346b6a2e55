#include "store/region_store.h"

#include "store/scope.h"

namespace qq::store {
namespace {

Result<Region> ReadRegion(const Statement& st) {
  Region r;
  QQ_ASSIGN_OR_RETURN(r.code, RegionCode::Parse(st.Text(0)));
  r.name = st.Text(1);
  QQ_ASSIGN_OR_RETURN(r.level, ParseRegionLevel(st.Text(2)));
  if (auto p = st.OptText(3)) {
    QQ_ASSIGN_OR_RETURN(auto parent, RegionCode::Parse(*p));
    r.parent = parent;
  }
  QQ_ASSIGN_OR_RETURN(r.system, ParseCodeSystem(st.Text(4)));
  return r;
}

constexpr const char* kColumns = "code, name, level, parent, system";

}  // namespace

Status RegionStore::ReplaceAll(const std::vector<Region>& regions, const std::vector<RegionAlias>& aliases) {
  Savepoint sp(db_);
  QQ_RETURN_IF_ERROR(db_.Exec("DELETE FROM region_alias; DELETE FROM region;"));
  QQ_ASSIGN_OR_RETURN(auto ins, db_.Prepare("INSERT INTO region (code, name, level, parent, system) VALUES (?, ?, ?, ?, ?)"));
  for (const auto& r : regions) {
    ins.Bind(1, r.code.str()).Bind(2, r.name).Bind(3, RegionLevelName(r.level));
    if (r.parent) ins.Bind(4, r.parent->str()); else ins.BindNull(4);
    ins.Bind(5, CodeSystemName(r.system));
    QQ_RETURN_IF_ERROR(ins.Run().WithContext("region " + r.code.str()));
  }
  QQ_ASSIGN_OR_RETURN(auto alias, db_.Prepare("INSERT INTO region_alias (old_code, new_code, note) VALUES (?, ?, ?)"));
  for (const auto& a : aliases) {
    alias.Bind(1, a.old_code).Bind(2, a.current.str()).Bind(3, a.note);
    QQ_RETURN_IF_ERROR(alias.Run().WithContext("region alias " + a.old_code));
  }
  return sp.Release();
}

Status RegionStore::Add(const Region& r) {
  QQ_ASSIGN_OR_RETURN(auto ins, db_.Prepare("INSERT INTO region (code, name, level, parent, system) VALUES (?, ?, ?, ?, ?)"));
  ins.Bind(1, r.code.str()).Bind(2, r.name).Bind(3, RegionLevelName(r.level));
  if (r.parent) ins.Bind(4, r.parent->str()); else ins.BindNull(4);
  ins.Bind(5, CodeSystemName(r.system));
  Status s = ins.Run();
  if (s.code() == StatusCode::kConflict) return Status::AlreadyExists("region " + r.code.str() + " exists");
  return s;
}

Result<Region> RegionStore::Get(const RegionCode& code) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(std::string("SELECT ") + kColumns + " FROM region WHERE code = ?"));
  st.Bind(1, code.str());
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Status::NotFound("no region with code " + code.str());
  return ReadRegion(st);
}

Result<std::vector<Region>> RegionStore::List(const RegionFilter& f) {
  ScopeFilter scope("code", f.scope);
  std::string sql = std::string("SELECT ") + kColumns + " FROM region WHERE " + scope.Sql();
  if (f.level) sql += " AND level = ?";
  if (f.parent) sql += " AND parent = ?";
  if (!f.name_contains.empty()) sql += " AND instr(name, ?) > 0";
  sql += " ORDER BY code";
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(sql));
  int i = scope.Bind(st, 1);
  if (f.level) st.Bind(i++, RegionLevelName(*f.level));
  if (f.parent) st.Bind(i++, f.parent->str());
  if (!f.name_contains.empty()) st.Bind(i++, f.name_contains);
  std::vector<Region> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    QQ_ASSIGN_OR_RETURN(auto r, ReadRegion(st));
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<RegionAlias>> RegionStore::Aliases() {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("SELECT old_code, new_code, note FROM region_alias ORDER BY old_code"));
  std::vector<RegionAlias> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    QQ_ASSIGN_OR_RETURN(auto current, RegionCode::Parse(st.Text(1)));
    out.push_back({st.Text(0), current, st.Text(2)});
  }
  return out;
}

Result<int64_t> RegionStore::Count() {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("SELECT count(*) FROM region"));
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? st.Int(0) : int64_t{0};
}

}  // namespace qq::store
