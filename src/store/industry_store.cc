#include "store/industry_store.h"

namespace qq::store {
namespace {

Result<IndustryClass> ReadClass(const Statement& st) {
  IndustryClass c;
  QQ_ASSIGN_OR_RETURN(c.code, IndustryCode::Parse(st.Text(0)));
  c.name = st.Text(1);
  if (auto p = st.OptText(2)) {
    QQ_ASSIGN_OR_RETURN(auto parent, IndustryCode::Parse(*p));
    c.parent = parent;
  }
  std::string section = st.Text(3);
  c.section = section.empty() ? '?' : section[0];
  return c;
}

}  // namespace

Status IndustryStore::ReplaceAll(const std::vector<IndustryClass>& classes) {
  QQ_RETURN_IF_ERROR(db_.Exec("DELETE FROM industry_class"));
  QQ_ASSIGN_OR_RETURN(auto ins, db_.Prepare("INSERT INTO industry_class (code, name, level, parent, section) VALUES (?, ?, ?, ?, ?)"));
  for (const auto& c : classes) {
    ins.Bind(1, c.code.str()).Bind(2, c.name).Bind(3, c.code.Level());
    if (c.parent) ins.Bind(4, c.parent->str()); else ins.BindNull(4);
    ins.Bind(5, std::string(1, c.section));
    QQ_RETURN_IF_ERROR(ins.Run().WithContext("industry class " + c.code.str()));
  }
  return Status::Ok();
}

Result<IndustryClass> IndustryStore::Get(const IndustryCode& code) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("SELECT code, name, parent, section FROM industry_class WHERE code = ?"));
  st.Bind(1, code.str());
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Status::NotFound("no industry class " + code.str() + " in GB/T 4754-2017");
  return ReadClass(st);
}

Result<std::vector<IndustryClass>> IndustryStore::List(const std::string& q, std::optional<int> level) {
  std::string sql = "SELECT code, name, parent, section FROM industry_class WHERE 1";
  if (!q.empty()) sql += " AND (instr(name, ?1) > 0 OR code LIKE ?1 || '%')";
  if (level) sql += " AND level = ?2";
  sql += " ORDER BY level, code";
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(sql));
  if (!q.empty()) st.Bind(1, q);
  if (level) st.Bind(2, *level);
  std::vector<IndustryClass> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    QQ_ASSIGN_OR_RETURN(auto c, ReadClass(st));
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace qq::store
