#include "store/import_store.h"

#include "store/scope.h"

namespace qq::store {
namespace {

constexpr const char* kColumns =
    "id, kind, file_name, sha256, bytes, rows, inserted, replaced, unchanged, created_firms, username, channel, at, archive_path";

ImportLogEntry Read(const Statement& st) {
  ImportLogEntry e;
  e.id = st.Int(0);
  e.kind = st.Text(1);
  e.file_name = st.Text(2);
  e.sha256 = st.Text(3);
  e.bytes = st.Int(4);
  e.rows = static_cast<int>(st.Int(5));
  e.inserted = static_cast<int>(st.Int(6));
  e.replaced = static_cast<int>(st.Int(7));
  e.unchanged = static_cast<int>(st.Int(8));
  e.created_firms = static_cast<int>(st.Int(9));
  e.username = st.Text(10);
  e.channel = st.Text(11);
  e.at = st.Int(12);
  e.archive_path = st.Text(13);
  return e;
}

}  // namespace

Status ImportStore::Record(ImportLogEntry& e) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "INSERT INTO import_log (kind, file_name, sha256, bytes, rows, inserted, replaced, unchanged, created_firms, "
      "username, channel, at, archive_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  st.Bind(1, e.kind).Bind(2, e.file_name).Bind(3, e.sha256).Bind(4, e.bytes).Bind(5, e.rows).Bind(6, e.inserted)
      .Bind(7, e.replaced).Bind(8, e.unchanged).Bind(9, e.created_firms).Bind(10, e.username).Bind(11, e.channel)
      .Bind(12, e.at).Bind(13, e.archive_path);
  Status s = st.Run();
  if (s.code() == StatusCode::kConflict) return Status::AlreadyExists("file " + e.sha256 + " was already imported");
  QQ_RETURN_IF_ERROR(s);
  e.id = db_.LastInsertId();
  return Status::Ok();
}

Result<std::optional<ImportLogEntry>> ImportStore::FindBySha(const std::string& kind, const std::string& sha256) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(std::string("SELECT ") + kColumns + " FROM import_log WHERE kind = ? AND sha256 = ?"));
  st.Bind(1, kind).Bind(2, sha256);
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<ImportLogEntry>();
  return std::optional<ImportLogEntry>(Read(st));
}

Result<ImportLogEntry> ImportStore::Get(int64_t id) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(std::string("SELECT ") + kColumns + " FROM import_log WHERE id = ?"));
  st.Bind(1, id);
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Status::NotFound("no import #" + std::to_string(id));
  return Read(st);
}

Result<std::vector<ImportLogEntry>> ImportStore::Recent(int limit) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(std::string("SELECT ") + kColumns + " FROM import_log ORDER BY id DESC LIMIT ?"));
  st.Bind(1, limit);
  std::vector<ImportLogEntry> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back(Read(st));
  }
  return out;
}

Status ImportStore::UpsertRate(PublishedRate& r) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "INSERT INTO published_rate (region, metric, period, value, source, import_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
      "ON CONFLICT (region, metric, period) DO UPDATE SET value = ?4, source = ?5, import_id = ?6 RETURNING id"));
  st.Bind(1, r.region.str()).Bind(2, r.metric).Bind(3, r.period).Bind(4, r.value).Bind(5, r.source).Bind(6, r.import_id);
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Status::Internal("published rate upsert returned no id");
  r.id = st.Int(0);
  return Status::Ok();
}

Result<std::vector<PublishedRate>> ImportStore::Rates(const std::vector<RegionCode>& scope) {
  ScopeFilter filter("region", scope);
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "SELECT id, region, metric, period, value, source, import_id FROM published_rate WHERE " + filter.Sql() +
      " ORDER BY region, metric, period"));
  filter.Bind(st, 1);
  std::vector<PublishedRate> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    PublishedRate r;
    r.id = st.Int(0);
    QQ_ASSIGN_OR_RETURN(r.region, RegionCode::Parse(st.Text(1)));
    r.metric = st.Text(2);
    r.period = st.Text(3);
    r.value = st.Real(4);
    r.source = st.Text(5);
    r.import_id = st.OptInt(6);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace qq::store
