#include "store/enterprise_store.h"

#include "store/scope.h"

namespace qq::store {
namespace {

constexpr const char* kColumns =
    "id, uscc, name, region, town, industry, founded, registered_capital, scope, address, park";

Result<Enterprise> ReadEnterprise(const Statement& st) {
  Enterprise e;
  e.id = st.Int(0);
  QQ_ASSIGN_OR_RETURN(e.uscc, Uscc::Parse(st.Text(1)));
  e.name = st.Text(2);
  QQ_ASSIGN_OR_RETURN(e.region, RegionCode::Parse(st.Text(3)));
  if (auto t = st.OptText(4)) {
    QQ_ASSIGN_OR_RETURN(auto town, RegionCode::Parse(*t));
    e.town = town;
  }
  if (auto i = st.OptText(5)) {
    QQ_ASSIGN_OR_RETURN(auto code, IndustryCode::Parse(*i));
    e.industry = code;
  }
  if (auto f = st.OptText(6)) {
    QQ_ASSIGN_OR_RETURN(auto d, Date::Parse(*f));
    e.founded = d;
  }
  if (auto c = st.OptInt(7)) e.registered_capital = Money::FromYuan(*c);
  e.scope = st.Text(8);
  e.address = st.Text(9);
  e.park = st.Text(10);
  return e;
}

// Column names of the indicator_month table, in kAllIndicators order.
constexpr const char* kCurColumn[kIndicatorCount] = {"output_cur", "revenue_cur", "main_revenue_cur", "profit_cur",
                                                     "tax_cur", "rnd_cur", "employees", "energy_cur"};
constexpr const char* kCumColumn[kIndicatorCount] = {"output_cum", "revenue_cum", "main_revenue_cum", "profit_cum",
                                                     "tax_cum", "rnd_cum", nullptr, "energy_cum"};

std::string IndicatorColumns() {
  std::string cols = "enterprise_id, month";
  for (int i = 0; i < kIndicatorCount; ++i) {
    cols += std::string(", ") + kCurColumn[i];
    if (kCumColumn[i]) cols += std::string(", ") + kCumColumn[i];
  }
  return cols;
}

Result<IndicatorMonth> ReadMonth(const Statement& st) {
  IndicatorMonth m;
  m.enterprise_id = st.Int(0);
  QQ_ASSIGN_OR_RETURN(m.month, YearMonth::FromPacked(static_cast<int>(st.Int(1))));
  int col = 2;
  for (int i = 0; i < kIndicatorCount; ++i) {
    m.current[static_cast<size_t>(i)] = st.OptInt(col++);
    if (kCumColumn[i]) m.cumulative[static_cast<size_t>(i)] = st.OptInt(col++);
  }
  return m;
}

}  // namespace

Status EnterpriseStore::Upsert(Enterprise& e, int64_t now) {
  QQ_ASSIGN_OR_RETURN(Statement* stp, db_.Cached(
      "INSERT INTO enterprise (uscc, name, region, town, industry, founded, registered_capital, scope, address, park, "
      "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11) "
      "ON CONFLICT (uscc) DO UPDATE SET name = ?2, region = ?3, town = ?4, industry = ?5, founded = ?6, "
      "registered_capital = ?7, scope = ?8, address = ?9, park = ?10, updated_at = ?11 RETURNING id"));
  Statement& st = *stp;
  st.Bind(1, e.uscc.str()).Bind(2, e.name).Bind(3, e.region.str());
  if (e.town) st.Bind(4, e.town->str()); else st.BindNull(4);
  if (e.industry) st.Bind(5, e.industry->str()); else st.BindNull(5);
  if (e.founded) st.Bind(6, e.founded->ToString()); else st.BindNull(6);
  if (e.registered_capital) st.Bind(7, e.registered_capital->yuan()); else st.BindNull(7);
  st.Bind(8, e.scope).Bind(9, e.address).Bind(10, e.park).Bind(11, now);
  auto row = st.Step();
  if (!row.ok()) return row.status().WithContext("firm " + e.uscc.str());
  if (!*row) return Status::Internal("enterprise upsert returned no id");
  e.id = st.Int(0);
  st.Reset();
  return Status::Ok();
}

Result<Enterprise> EnterpriseStore::GetByUscc(const Uscc& uscc) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(std::string("SELECT ") + kColumns + " FROM enterprise WHERE uscc = ?"));
  st.Bind(1, uscc.str());
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Status::NotFound("no firm with 统一社会信用代码 " + uscc.str());
  return ReadEnterprise(st);
}

Result<Enterprise> EnterpriseStore::GetById(int64_t id) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(std::string("SELECT ") + kColumns + " FROM enterprise WHERE id = ?"));
  st.Bind(1, id);
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Status::NotFound("no firm with id " + std::to_string(id));
  return ReadEnterprise(st);
}

Result<EnterprisePage> EnterpriseStore::Search(const EnterpriseQuery& q) {
  ScopeFilter scope("region", q.scope);
  std::string where = " FROM enterprise WHERE " + scope.Sql();
  if (!q.text.empty()) where += " AND (instr(name, ?) > 0 OR instr(uscc, upper(?)) > 0)";
  auto bind = [&](Statement& st) {
    int i = scope.Bind(st, 1);
    if (!q.text.empty()) {
      st.Bind(i++, q.text);
      st.Bind(i++, q.text);
    }
    return i;
  };
  EnterprisePage page;
  QQ_ASSIGN_OR_RETURN(auto count, db_.Prepare("SELECT count(*)" + where));
  bind(count);
  QQ_ASSIGN_OR_RETURN(bool crow, count.Step());
  page.total = crow ? count.Int(0) : 0;
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(std::string("SELECT ") + kColumns + where + " ORDER BY id LIMIT ? OFFSET ?"));
  int i = bind(st);
  int size = q.page_size < 1 ? 20 : q.page_size;
  st.Bind(i++, size).Bind(i++, static_cast<int64_t>(q.page < 1 ? 0 : q.page - 1) * size);
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    QQ_ASSIGN_OR_RETURN(auto e, ReadEnterprise(st));
    page.items.push_back(std::move(e));
  }
  return page;
}

Status EnterpriseStore::ForEach(const std::vector<RegionCode>& scope_regions,
                                const std::function<Status(const Enterprise&)>& fn) {
  ScopeFilter scope("region", scope_regions);
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(std::string("SELECT ") + kColumns + " FROM enterprise WHERE " + scope.Sql() + " ORDER BY id"));
  scope.Bind(st, 1);
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    QQ_ASSIGN_OR_RETURN(auto e, ReadEnterprise(st));
    QQ_RETURN_IF_ERROR(fn(e));
  }
  return Status::Ok();
}

Result<int64_t> EnterpriseStore::Count() {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("SELECT count(*) FROM enterprise"));
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? st.Int(0) : int64_t{0};
}

Result<std::unordered_map<std::string, int64_t>> EnterpriseStore::UsccIndex() {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("SELECT uscc, id FROM enterprise"));
  std::unordered_map<std::string, int64_t> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.emplace(st.Text(0), st.Int(1));
  }
  return out;
}

Status IndicatorStore::Upsert(const IndicatorMonth& m, std::optional<int64_t> import_id) {
  static const std::string sql = [] {
    std::string cols = IndicatorColumns() + ", import_id";
    int n = 3;
    for (int i = 0; i < kIndicatorCount; ++i) n += kCumColumn[i] ? 2 : 1;
    std::string marks;
    for (int i = 0; i < n; ++i) marks += i ? ", ?" : "?";
    return "INSERT OR REPLACE INTO indicator_month (" + cols + ") VALUES (" + marks + ")";
  }();
  QQ_ASSIGN_OR_RETURN(Statement* stp, db_.Cached(sql));
  Statement& st = *stp;
  st.Bind(1, m.enterprise_id).Bind(2, m.month.Packed());
  int col = 3;
  for (int i = 0; i < kIndicatorCount; ++i) {
    st.Bind(col++, m.current[static_cast<size_t>(i)]);
    if (kCumColumn[i]) st.Bind(col++, m.cumulative[static_cast<size_t>(i)]);
  }
  st.Bind(col, import_id);
  return st.Run();
}

Result<std::optional<std::pair<IndicatorMonth, std::optional<int64_t>>>> IndicatorStore::Get(int64_t enterprise_id, YearMonth month) {
  using Found = std::optional<std::pair<IndicatorMonth, std::optional<int64_t>>>;
  QQ_ASSIGN_OR_RETURN(Statement* st, db_.Cached("SELECT " + IndicatorColumns() +
                                                ", import_id FROM indicator_month WHERE enterprise_id = ? AND month = ?"));
  st->Bind(1, enterprise_id).Bind(2, month.Packed());
  QQ_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Found();
  QQ_ASSIGN_OR_RETURN(auto m, ReadMonth(*st));
  int cols = 2;
  for (int i = 0; i < kIndicatorCount; ++i) cols += kCumColumn[i] ? 2 : 1;
  auto import_id = st->OptInt(cols);
  st->Reset();
  return Found(std::make_pair(std::move(m), import_id));
}

Status IndicatorStore::AppendHistory(const IndicatorMonth& old, std::optional<int64_t> previous_import,
                                     int64_t replaced_by, int64_t at) {
  static const std::string sql = [] {
    std::string cols = IndicatorColumns() + ", previous_import, replaced_by, replaced_at";
    int n = 5;
    for (int i = 0; i < kIndicatorCount; ++i) n += kCumColumn[i] ? 2 : 1;
    std::string marks;
    for (int i = 0; i < n; ++i) marks += i ? ", ?" : "?";
    return "INSERT INTO indicator_history (" + cols + ") VALUES (" + marks + ")";
  }();
  QQ_ASSIGN_OR_RETURN(Statement* st, db_.Cached(sql));
  st->Bind(1, old.enterprise_id).Bind(2, old.month.Packed());
  int col = 3;
  for (int i = 0; i < kIndicatorCount; ++i) {
    st->Bind(col++, old.current[static_cast<size_t>(i)]);
    if (kCumColumn[i]) st->Bind(col++, old.cumulative[static_cast<size_t>(i)]);
  }
  st->Bind(col++, previous_import).Bind(col++, replaced_by).Bind(col, at);
  return st->Run();
}

Result<int64_t> IndicatorStore::HistoryCount(int64_t enterprise_id, YearMonth month) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("SELECT count(*) FROM indicator_history WHERE enterprise_id = ? AND month = ?"));
  st.Bind(1, enterprise_id).Bind(2, month.Packed());
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? st.Int(0) : int64_t{0};
}

Status IndicatorStore::ForEachInMonths(YearMonth from, YearMonth to, const std::function<Status(const IndicatorMonth&)>& fn) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("SELECT " + IndicatorColumns() +
                                           " FROM indicator_month WHERE month BETWEEN ? AND ? ORDER BY month, enterprise_id"));
  st.Bind(1, from.Packed()).Bind(2, to.Packed());
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    QQ_ASSIGN_OR_RETURN(auto m, ReadMonth(st));
    QQ_RETURN_IF_ERROR(fn(m));
  }
  return Status::Ok();
}

Status IndicatorStore::ForEach(const std::function<Status(const IndicatorMonth&)>& fn) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("SELECT " + IndicatorColumns() + " FROM indicator_month ORDER BY month, enterprise_id"));
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    QQ_ASSIGN_OR_RETURN(auto m, ReadMonth(st));
    QQ_RETURN_IF_ERROR(fn(m));
  }
  return Status::Ok();
}

Result<std::vector<IndicatorMonth>> IndicatorStore::ForEnterprise(int64_t enterprise_id) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("SELECT " + IndicatorColumns() + " FROM indicator_month WHERE enterprise_id = ? ORDER BY month"));
  st.Bind(1, enterprise_id);
  std::vector<IndicatorMonth> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    QQ_ASSIGN_OR_RETURN(auto m, ReadMonth(st));
    out.push_back(std::move(m));
  }
  return out;
}

Result<int64_t> IndicatorStore::Count() {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("SELECT count(*) FROM indicator_month"));
  QQ_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? st.Int(0) : int64_t{0};
}

}  // namespace qq::store
