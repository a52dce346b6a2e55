#include "store/tag_store.h"

#include "store/scope.h"

namespace qq::store {
namespace {

constexpr const char* kTagColumns =
    "enterprise_id, link_id, source, status, score, evidence, tagged_at, decided_by, decided_at, note";

Result<TagRow> ReadTag(const Statement& st) {
  TagRow r;
  r.enterprise_id = st.Int(0);
  r.link_id = st.Int(1);
  r.manual = st.Text(2) == "manual";
  QQ_ASSIGN_OR_RETURN(r.status, ParseTagStatus(st.Text(3)));
  r.score = st.Real(4);
  r.evidence = st.Text(5);
  r.tagged_at = st.Int(6);
  r.decided_by = st.OptText(7);
  r.decided_at = st.OptInt(8);
  r.note = st.Text(9);
  return r;
}

constexpr const char* kLeadColumns =
    "id, region, chain, link_id, enterprise_id, firm_name, stage, owner, expected_investment, note, project_id, "
    "created_at, updated_at, (SELECT e.uscc FROM enterprise e WHERE e.id = lead.enterprise_id)";

Result<Lead> ReadLead(const Statement& st) {
  Lead l;
  l.id = st.Int(0);
  QQ_ASSIGN_OR_RETURN(l.region, RegionCode::Parse(st.Text(1)));
  l.chain = st.Text(2);
  l.link_id = st.OptInt(3);
  l.enterprise_id = st.OptInt(4);
  l.firm_name = st.Text(5);
  l.stage = st.Text(6);
  l.owner = st.Text(7);
  l.expected_investment = st.OptInt(8);
  l.note = st.Text(9);
  l.project_id = st.OptInt(10);
  l.created_at = st.Int(11);
  l.updated_at = st.Int(12);
  l.uscc = st.OptText(13).value_or("");
  return l;
}

}  // namespace

const char* TagStatusName(TagStatus s) {
  switch (s) {
    case TagStatus::kAuto: return "auto";
    case TagStatus::kConfirmed: return "confirmed";
    case TagStatus::kRejected: return "rejected";
  }
  return "auto";
}

Result<TagStatus> ParseTagStatus(std::string_view s) {
  for (auto t : {TagStatus::kAuto, TagStatus::kConfirmed, TagStatus::kRejected}) {
    if (s == TagStatusName(t)) return t;
  }
  return Status::InvalidArgument("tag status '" + std::string(s) + "' is not auto, confirmed or rejected");
}

Status TagStore::ReplaceTaggerRows(int64_t enterprise_id, const std::vector<TagRow>& rows) {
  QQ_ASSIGN_OR_RETURN(Statement* del, db_.Cached("DELETE FROM enterprise_tag WHERE enterprise_id = ? AND status = 'auto'"));
  del->Bind(1, enterprise_id);
  QQ_RETURN_IF_ERROR(del->Run());
  // A decided row (confirmed or rejected) for the same link stays; the tagger's row only
  // refreshes its score and evidence.
  QQ_ASSIGN_OR_RETURN(Statement* ins, db_.Cached(
      "INSERT INTO enterprise_tag (enterprise_id, link_id, source, status, score, evidence, tagged_at) "
      "VALUES (?1, ?2, 'tagger', 'auto', ?3, ?4, ?5) "
      "ON CONFLICT (enterprise_id, link_id) DO UPDATE SET score = ?3, evidence = ?4, tagged_at = ?5"));
  for (const auto& r : rows) {
    ins->Reset();
    ins->Bind(1, enterprise_id).Bind(2, r.link_id).Bind(3, r.score).Bind(4, r.evidence).Bind(5, r.tagged_at);
    QQ_RETURN_IF_ERROR(ins->Run());
  }
  return Status::Ok();
}

Status TagStore::Decide(int64_t enterprise_id, int64_t link_id, TagStatus status, const std::string& username,
                        const std::string& note, int64_t at) {
  if (status == TagStatus::kAuto) return Status::InvalidArgument("a decision is confirmed or rejected");
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "INSERT INTO enterprise_tag (enterprise_id, link_id, source, status, tagged_at, decided_by, decided_at, note) "
      "VALUES (?1, ?2, 'manual', ?3, ?5, ?4, ?5, ?6) "
      "ON CONFLICT (enterprise_id, link_id) DO UPDATE SET status = ?3, decided_by = ?4, decided_at = ?5, note = ?6"));
  st.Bind(1, enterprise_id).Bind(2, link_id).Bind(3, TagStatusName(status)).Bind(4, username).Bind(5, at).Bind(6, note);
  Status s = st.Run();
  if (s.code() == StatusCode::kConflict) return Status::NotFound("no such firm or chain link");
  return s;
}

Result<std::vector<TagRow>> TagStore::ForEnterprise(int64_t enterprise_id) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(std::string("SELECT ") + kTagColumns + " FROM enterprise_tag WHERE enterprise_id = ? ORDER BY link_id"));
  st.Bind(1, enterprise_id);
  std::vector<TagRow> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    QQ_ASSIGN_OR_RETURN(auto r, ReadTag(st));
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<TagRow>> TagStore::ForLink(int64_t link_id) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(std::string("SELECT ") + kTagColumns + " FROM enterprise_tag WHERE link_id = ? ORDER BY enterprise_id"));
  st.Bind(1, link_id);
  std::vector<TagRow> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    QQ_ASSIGN_OR_RETURN(auto r, ReadTag(st));
    out.push_back(std::move(r));
  }
  return out;
}

Status TagStore::ForEach(const std::function<Status(const TagRow&)>& fn) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(std::string("SELECT ") + kTagColumns + " FROM enterprise_tag ORDER BY enterprise_id, link_id"));
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    QQ_ASSIGN_OR_RETURN(auto r, ReadTag(st));
    QQ_RETURN_IF_ERROR(fn(r));
  }
  return Status::Ok();
}

Result<int64_t> TagStore::Count() {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("SELECT count(*) FROM enterprise_tag"));
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? st.Int(0) : int64_t{0};
}

Status LeadStore::Add(Lead& l, const std::string& username) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "INSERT INTO lead (region, chain, link_id, enterprise_id, firm_name, stage, owner, expected_investment, note, "
      "project_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  st.Bind(1, l.region.str()).Bind(2, l.chain).Bind(3, l.link_id).Bind(4, l.enterprise_id).Bind(5, l.firm_name)
      .Bind(6, l.stage).Bind(7, l.owner).Bind(8, l.expected_investment).Bind(9, l.note).Bind(10, l.project_id)
      .Bind(11, l.created_at).Bind(12, l.updated_at);
  QQ_RETURN_IF_ERROR(st.Run());
  l.id = db_.LastInsertId();
  QQ_ASSIGN_OR_RETURN(auto ev, db_.Prepare("INSERT INTO lead_event (lead_id, at, stage_from, stage_to, username, note) VALUES (?, ?, NULL, ?, ?, ?)"));
  ev.Bind(1, l.id).Bind(2, l.created_at).Bind(3, l.stage).Bind(4, username).Bind(5, "");
  return ev.Run();
}

Result<Lead> LeadStore::Get(int64_t id) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(std::string("SELECT ") + kLeadColumns + " FROM lead WHERE id = ?"));
  st.Bind(1, id);
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Status::NotFound("no lead #" + std::to_string(id));
  return ReadLead(st);
}

Result<std::vector<Lead>> LeadStore::List(const std::vector<RegionCode>& scope, const std::string& chain) {
  ScopeFilter filter("region", scope);
  std::string sql = std::string("SELECT ") + kLeadColumns + " FROM lead WHERE " + filter.Sql();
  if (!chain.empty()) sql += " AND chain = ?";
  sql += " ORDER BY updated_at DESC, id DESC";
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(sql));
  int i = filter.Bind(st, 1);
  if (!chain.empty()) st.Bind(i, chain);
  std::vector<Lead> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    QQ_ASSIGN_OR_RETURN(auto l, ReadLead(st));
    out.push_back(std::move(l));
  }
  return out;
}

Status LeadStore::Move(int64_t id, const std::string& stage, const std::string& username, const std::string& note,
                       std::optional<int64_t> project_id, int64_t at) {
  QQ_ASSIGN_OR_RETURN(auto lead, Get(id));
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "UPDATE lead SET stage = ?, updated_at = ?, project_id = coalesce(?, project_id) WHERE id = ?"));
  st.Bind(1, stage).Bind(2, at).Bind(3, project_id).Bind(4, id);
  QQ_RETURN_IF_ERROR(st.Run());
  QQ_ASSIGN_OR_RETURN(auto ev, db_.Prepare("INSERT INTO lead_event (lead_id, at, stage_from, stage_to, username, note) VALUES (?, ?, ?, ?, ?, ?)"));
  ev.Bind(1, id).Bind(2, at).Bind(3, lead.stage).Bind(4, stage).Bind(5, username).Bind(6, note);
  return ev.Run();
}

Status LeadStore::SetProject(int64_t id, int64_t project_id) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("UPDATE lead SET project_id = ? WHERE id = ?"));
  st.Bind(1, project_id).Bind(2, id);
  return st.Run();
}

Result<std::vector<LeadEvent>> LeadStore::Events(int64_t id) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("SELECT at, stage_from, stage_to, username, note FROM lead_event WHERE lead_id = ? ORDER BY id"));
  st.Bind(1, id);
  std::vector<LeadEvent> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back({st.Int(0), st.OptText(1), st.Text(2), st.Text(3), st.Text(4)});
  }
  return out;
}

}  // namespace qq::store
