#include "store/round_store.h"

#include <functional>

#include "store/columns.h"
#include "store/scope.h"

namespace qq::store {
namespace {

constexpr const char* kRoundColumns = "id, region, period, deadline, status, created_at";

Result<Round> ReadRound(const Statement& st) {
  Round r;
  r.id = st.Int(0);
  QQ_ASSIGN_OR_RETURN(r.region, RegionCode::Parse(st.Text(1)));
  QQ_ASSIGN_OR_RETURN(r.period, YearMonth::FromPacked(static_cast<int>(st.Int(2))));
  QQ_ASSIGN_OR_RETURN(r.deadline, Date::Parse(st.Text(3)));
  r.status = st.Text(4);
  r.created_at = st.Int(5);
  return r;
}

}  // namespace

Status RoundStore::Open(Round& r) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("INSERT INTO schedule_round (region, period, deadline, "
                                           "status, created_at) VALUES (?, ?, ?, ?, ?)"));
  st.Bind(1, r.region.str())
      .Bind(2, r.period.Packed())
      .Bind(3, r.deadline.ToString())
      .Bind(4, r.status)
      .Bind(5, r.created_at);
  Status s = st.Run();
  if (s.code() == StatusCode::kConflict) {
    return Status::AlreadyExists(r.region.str() + " 已有 " + r.period.ToString() +
                                 " 调度轮次 (the round exists)");
  }
  QQ_RETURN_IF_ERROR(s);
  r.id = db_.LastInsertId();
  return Status::Ok();
}

Result<Round> RoundStore::Get(int64_t id) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(std::string("SELECT ") + kRoundColumns +
                                           " FROM schedule_round WHERE id = ?"));
  st.Bind(1, id);
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Status::NotFound("no scheduling round with id " + std::to_string(id));
  return ReadRound(st);
}

Result<std::optional<Round>> RoundStore::Find(const RegionCode& region, YearMonth period) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(std::string("SELECT ") + kRoundColumns +
                                           " FROM schedule_round WHERE region = ? AND period = ?"));
  st.Bind(1, region.str()).Bind(2, period.Packed());
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<Round>();
  QQ_ASSIGN_OR_RETURN(auto r, ReadRound(st));
  return std::optional<Round>(r);
}

Result<std::vector<Round>> RoundStore::List(const std::vector<RegionCode>& scope,
                                            std::optional<int> year) {
  ScopeFilter filter("region", scope);
  std::string sql =
      std::string("SELECT ") + kRoundColumns + " FROM schedule_round WHERE " + filter.Sql();
  if (year) sql += " AND period / 100 = ?";
  sql += " ORDER BY period DESC, region";
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(sql));
  int i = filter.Bind(st, 1);
  if (year) st.Bind(i, *year);
  std::vector<Round> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    QQ_ASSIGN_OR_RETURN(auto r, ReadRound(st));
    out.push_back(r);
  }
  return out;
}

Status RoundStore::SetStatus(int64_t round_id, const std::string& status) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("UPDATE schedule_round SET status = ? WHERE id = ?"));
  st.Bind(1, status).Bind(2, round_id);
  return st.Run();
}

Status RoundStore::AddRecord(RoundRecord& r) {
  QQ_ASSIGN_OR_RETURN(auto st,
                      db_.Prepare("INSERT INTO round_record (round_id, project_id, filed_at, "
                                  "completed_total, completed_period, completed_this_year, "
                                  "progress_pct, stage, workers, problems, source, import_id, "
                                  "username) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  st.Bind(1, r.round_id)
      .Bind(2, r.project_id)
      .Bind(3, r.filed_at)
      .Bind(4, Yuan(r.completed_total))
      .Bind(5, Yuan(r.completed_period))
      .Bind(6, Yuan(r.completed_this_year))
      .Bind(7, r.progress_pct)
      .Bind(8, ProjectStageLabel(r.stage));
  if (r.workers)
    st.Bind(9, *r.workers);
  else
    st.BindNull(9);
  st.Bind(10, r.problems).Bind(11, r.source).Bind(12, r.import_id).Bind(13, r.username);
  QQ_RETURN_IF_ERROR(st.Run());
  r.id = db_.LastInsertId();
  return Status::Ok();
}

Result<std::vector<RoundRecord>> RoundStore::ReadRecords(
    const std::string& where, const std::function<void(Statement&)>& bind) {
  QQ_ASSIGN_OR_RETURN(auto st,
                      db_.Prepare("SELECT r.id, r.round_id, s.period, r.project_id, r.filed_at, "
                                  "r.completed_total, r.completed_period, "
                                  "r.completed_this_year, r.progress_pct, r.stage, r.workers, "
                                  "r.problems, r.source, r.import_id, r.username "
                                  "FROM round_record r JOIN schedule_round s ON s.id = r.round_id "
                                  "JOIN project p ON p.id = r.project_id WHERE " +
                                  where + " ORDER BY s.period, r.id"));
  bind(st);
  std::vector<RoundRecord> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    RoundRecord r;
    r.id = st.Int(0);
    r.round_id = st.Int(1);
    QQ_ASSIGN_OR_RETURN(r.period, YearMonth::FromPacked(static_cast<int>(st.Int(2))));
    r.project_id = st.Int(3);
    r.filed_at = st.Int(4);
    r.completed_total = ReadMoney(st, 5);
    r.completed_period = ReadMoney(st, 6);
    r.completed_this_year = ReadMoney(st, 7);
    if (!st.IsNull(8)) r.progress_pct = st.Real(8);
    QQ_ASSIGN_OR_RETURN(r.stage, ParseProjectStage(st.Text(9)));
    if (auto w = st.OptInt(10)) r.workers = static_cast<int>(*w);
    r.problems = st.Text(11);
    r.source = st.Text(12);
    r.import_id = st.OptInt(13);
    r.username = st.Text(14);
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<RoundRecord>> RoundStore::RecordsIn(const std::vector<RegionCode>& scope,
                                                       int year) {
  ScopeFilter filter("p.region", scope);
  return ReadRecords(filter.Sql() + " AND s.period / 100 = ?", [&](Statement& st) {
    int i = filter.Bind(st, 1);
    st.Bind(i, year);
  });
}

Result<std::vector<RoundRecord>> RoundStore::RecordsOf(int64_t project_id) {
  return ReadRecords("r.project_id = ?", [&](Statement& st) { st.Bind(1, project_id); });
}

}  // namespace qq::store
