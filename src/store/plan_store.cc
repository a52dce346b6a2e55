#include "store/plan_store.h"

#include "store/scope.h"

namespace qq::store {

Status PlanStore::Add(Plan& plan) {
  Savepoint sp(db_);
  QQ_ASSIGN_OR_RETURN(auto ins, db_.Prepare(
      "INSERT INTO plan (region, name, framework, year_from, year_to, source) VALUES (?, ?, ?, ?, ?, ?)"));
  ins.Bind(1, plan.region.str()).Bind(2, plan.name).Bind(3, plan.framework)
      .Bind(4, plan.year_from).Bind(5, plan.year_to).Bind(6, plan.source);
  Status s = ins.Run();
  if (s.code() == StatusCode::kConflict) {
    return Status::AlreadyExists("region " + plan.region.str() + " already has a plan named " + plan.name);
  }
  QQ_RETURN_IF_ERROR(s);
  plan.id = db_.LastInsertId();
  QQ_ASSIGN_OR_RETURN(auto ins_cluster, db_.Prepare("INSERT INTO cluster (plan_id, name, tier, role, sort) VALUES (?, ?, ?, ?, ?)"));
  QQ_ASSIGN_OR_RETURN(auto find_chain, db_.Prepare("SELECT id FROM chain WHERE name = ?"));
  QQ_ASSIGN_OR_RETURN(auto ins_chain, db_.Prepare("INSERT INTO cluster_chain (cluster_id, chain_id) VALUES (?, ?)"));
  QQ_ASSIGN_OR_RETURN(auto ins_code, db_.Prepare("INSERT INTO cluster_industry (cluster_id, code) VALUES (?, ?)"));
  int sort = 0;
  for (auto& c : plan.clusters) {
    ins_cluster.Bind(1, plan.id).Bind(2, c.name).Bind(3, ClusterTierLabel(c.tier))
        .Bind(4, ClusterRoleLabel(c.role)).Bind(5, sort++);
    QQ_RETURN_IF_ERROR(ins_cluster.Run().WithContext("cluster " + c.name));
    c.id = db_.LastInsertId();
    c.order = sort - 1;
    for (const auto& chain : c.chains) {
      find_chain.Reset();
      find_chain.Bind(1, chain);
      QQ_ASSIGN_OR_RETURN(bool row, find_chain.Step());
      if (!row) return Status::NotFound("cluster " + c.name + " names chain '" + chain + "', which is not loaded");
      ins_chain.Bind(1, c.id).Bind(2, find_chain.Int(0));
      QQ_RETURN_IF_ERROR(ins_chain.Run());
    }
    for (const auto& code : c.industry_codes) {
      ins_code.Bind(1, c.id).Bind(2, code.str());
      QQ_RETURN_IF_ERROR(ins_code.Run().WithContext("cluster " + c.name + " industry code " + code.str()));
    }
  }
  return sp.Release();
}

Result<std::vector<Plan>> PlanStore::List(const std::vector<RegionCode>& scope) {
  ScopeFilter filter("region", scope);
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "SELECT id, region, name, framework, year_from, year_to, source FROM plan WHERE " + filter.Sql() + " ORDER BY region, id"));
  filter.Bind(st, 1);
  std::vector<Plan> plans;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    Plan p;
    p.id = st.Int(0);
    QQ_ASSIGN_OR_RETURN(p.region, RegionCode::Parse(st.Text(1)));
    p.name = st.Text(2);
    p.framework = st.Text(3);
    p.year_from = static_cast<int>(st.OptInt(4).value_or(0));
    p.year_to = static_cast<int>(st.OptInt(5).value_or(0));
    p.source = st.Text(6);
    plans.push_back(std::move(p));
  }
  QQ_ASSIGN_OR_RETURN(auto clusters, db_.Prepare("SELECT id, name, tier, role, sort FROM cluster WHERE plan_id = ? ORDER BY sort"));
  QQ_ASSIGN_OR_RETURN(auto chains, db_.Prepare(
      "SELECT chain.name FROM cluster_chain JOIN chain ON chain.id = cluster_chain.chain_id WHERE cluster_id = ? ORDER BY chain.sort"));
  QQ_ASSIGN_OR_RETURN(auto codes, db_.Prepare("SELECT code FROM cluster_industry WHERE cluster_id = ? ORDER BY code"));
  for (auto& p : plans) {
    clusters.Reset();
    clusters.Bind(1, p.id);
    while (true) {
      QQ_ASSIGN_OR_RETURN(bool row, clusters.Step());
      if (!row) break;
      Cluster c;
      c.id = clusters.Int(0);
      c.name = clusters.Text(1);
      QQ_ASSIGN_OR_RETURN(c.tier, ParseClusterTier(clusters.Text(2)));
      QQ_ASSIGN_OR_RETURN(c.role, ParseClusterRole(clusters.Text(3)));
      c.order = static_cast<int>(clusters.Int(4));
      chains.Reset();
      chains.Bind(1, c.id);
      while (true) {
        QQ_ASSIGN_OR_RETURN(bool crow, chains.Step());
        if (!crow) break;
        c.chains.push_back(chains.Text(0));
      }
      codes.Reset();
      codes.Bind(1, c.id);
      while (true) {
        QQ_ASSIGN_OR_RETURN(bool crow, codes.Step());
        if (!crow) break;
        QQ_ASSIGN_OR_RETURN(auto code, IndustryCode::Parse(codes.Text(0)));
        c.industry_codes.push_back(code);
      }
      p.clusters.push_back(std::move(c));
    }
  }
  return plans;
}

Status TargetStore::Add(Target& t) {
  QQ_ASSIGN_OR_RETURN(auto ins, db_.Prepare(
      "INSERT INTO target (region, subject_kind, subject, metric, value_units, decimals, unit, comparator, "
      "deadline_year, per_year, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  ins.Bind(1, t.region.str()).Bind(2, TargetSubjectKindName(t.subject_kind)).Bind(3, t.subject)
      .Bind(4, t.metric).Bind(5, t.value_units).Bind(6, t.decimals).Bind(7, t.unit)
      .Bind(8, ComparatorSymbol(t.comparator));
  if (t.deadline_year) ins.Bind(9, *t.deadline_year); else ins.BindNull(9);
  ins.Bind(10, t.per_year ? 1 : 0).Bind(11, t.source);
  QQ_RETURN_IF_ERROR(ins.Run().WithContext("target " + t.subject + " " + t.metric));
  t.id = db_.LastInsertId();
  return Status::Ok();
}

Result<std::vector<Target>> TargetStore::List(const std::vector<RegionCode>& scope) {
  ScopeFilter filter("region", scope);
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "SELECT id, region, subject_kind, subject, metric, value_units, decimals, unit, comparator, deadline_year, "
      "per_year, source FROM target WHERE " + filter.Sql() + " ORDER BY region, id"));
  filter.Bind(st, 1);
  std::vector<Target> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    Target t;
    t.id = st.Int(0);
    QQ_ASSIGN_OR_RETURN(t.region, RegionCode::Parse(st.Text(1)));
    QQ_ASSIGN_OR_RETURN(t.subject_kind, ParseTargetSubjectKind(st.Text(2)));
    t.subject = st.Text(3);
    t.metric = st.Text(4);
    t.value_units = st.Int(5);
    t.decimals = static_cast<int>(st.Int(6));
    t.unit = st.Text(7);
    QQ_ASSIGN_OR_RETURN(t.comparator, ParseComparator(st.Text(8)));
    if (auto d = st.OptInt(9)) t.deadline_year = static_cast<int>(*d);
    t.per_year = st.Int(10) != 0;
    t.source = st.Text(11);
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace qq::store
