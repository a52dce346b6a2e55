#include "app/chains.h"

#include "app/projects.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "analytics/relatedness.h"
#include "analytics/series.h"
#include "core/scale_thresholds.h"
#include "ingest/chain_templates.h"
#include "ingest/reference_data.h"
#include "store/chain_store.h"
#include "store/enterprise_store.h"
#include "store/industry_store.h"
#include "store/meta_store.h"
#include "store/project_store.h"
#include "store/region_store.h"
#include "store/user_store.h"
#include "tagger/rules.h"

namespace qq::app {
namespace {

using analytics::kMissing;

// "keyword|scope|螺纹钢|12|9" → "关键词“螺纹钢”(经营范围)".
std::string ReadableEvidence(const std::string& line) {
  std::vector<std::string> f;
  size_t start = 0;
  while (true) {
    size_t pos = line.find('|', start);
    f.push_back(line.substr(start, pos == std::string::npos ? std::string::npos : pos - start));
    if (pos == std::string::npos) break;
    start = pos + 1;
  }
  if (f.size() < 3) return line;
  static const std::map<std::string, std::string> kRule = {
      {"keyword", "关键词"}, {"weak", "一般词"}, {"code", "行业代码"}, {"hint_code", "行业代码(需关键词印证)"},
      {"operation", "经营活动"}, {"typo", "近似词"}, {"implied", "随附"}};
  static const std::map<std::string, std::string> kField = {{"scope", "经营范围"}, {"code", "行业代码"}, {"chain", "产业链"}};
  auto rule = kRule.count(f[0]) ? kRule.at(f[0]) : f[0];
  auto field = kField.count(f[1]) ? kField.at(f[1]) : f[1];
  return rule + "“" + f[2] + "”(" + field + ")";
}

// The revenue and growth of a firm at the latest month position p (1-N月累计).
std::pair<int64_t, std::optional<double>> RevenueAt(const analytics::Dataset& d, uint32_t f, int p) {
  if (p < 0) return {0, std::nullopt};
  int64_t v = d.CumulativeAt(f, p, Indicator::kRevenue);
  if (v == kMissing) return {0, std::nullopt};
  int64_t base = d.CumulativeAt(f, p - 12, Indicator::kRevenue);
  return {v, base == kMissing ? std::nullopt : analytics::GrowthPercent(v, base)};
}

int LatestMonth(const analytics::Dataset& d, const std::vector<uint32_t>& firms) {
  for (int p = d.month_count() - 1; p >= 0; --p) {
    for (uint32_t f : firms) {
      if (d.RowOf(f, p) >= 0) return p;
    }
  }
  return -1;
}

bool OnAny(const analytics::Dataset& d, uint32_t f, const std::set<uint32_t>& links) {
  auto [lb, le] = d.LinksOf(f);
  for (const uint32_t* l = lb; l != le; ++l) {
    if (links.count(*l)) return true;
  }
  return false;
}

bool OnLink(const analytics::Dataset& d, uint32_t f, uint32_t link) {
  auto [lb, le] = d.LinksOf(f);
  return std::binary_search(lb, le, link);
}

}  // namespace

Result<tagger::Tagger> LoadTagger(const std::filesystem::path& data_dir) {
  QQ_ASSIGN_OR_RETURN(auto classes, ingest::LoadIndustryClasses(data_dir));
  std::set<std::string> codes;
  for (const auto& c : classes) codes.insert(c.code.str());
  QQ_ASSIGN_OR_RETURN(auto chains, ingest::LoadChainTemplates(data_dir / "chains", codes));
  QQ_ASSIGN_OR_RETURN(auto rules, tagger::LoadTaggerRules(data_dir / "tagger" / "rules.toml"));
  return tagger::Tagger::Create(chains, rules);
}

Result<TagRunReport> TagRegistry(store::Database& db, const tagger::Tagger& tagger, const Clock& clock,
                                 const std::function<void(int64_t, int64_t)>& progress, const std::vector<int64_t>& only) {
  auto start = std::chrono::steady_clock::now();
  TagRunReport report;
  // The database ids of the tagger's links, by (chain, key).
  QQ_ASSIGN_OR_RETURN(auto chains, store::ChainStore(db).List());
  std::map<std::pair<std::string, std::string>, int64_t> link_id;
  for (const auto& c : chains) {
    for (const auto& l : c.links) link_id[{c.name, l.key}] = l.id;
  }
  const auto& tchains = tagger.chains();
  QQ_ASSIGN_OR_RETURN(int64_t total, store::EnterpriseStore(db).Count());
  std::set<int64_t> wanted(only.begin(), only.end());
  std::vector<Enterprise> batch;
  store::Transaction tx(db);
  QQ_RETURN_IF_ERROR(tx.begin_status());
  store::TagStore tags(db);
  int64_t now = clock();
  std::vector<tagger::TagResult> results;
  auto flush = [&]() -> Status {
    std::vector<tagger::FirmText> texts;
    texts.reserve(batch.size());
    std::vector<std::string> codes(batch.size());
    for (size_t k = 0; k < batch.size(); ++k) {
      codes[k] = batch[k].industry ? batch[k].industry->str() : "";
      texts.push_back({batch[k].name, batch[k].scope, codes[k]});
    }
    QQ_RETURN_IF_ERROR(tagger.TagBatch(texts, results));
    for (size_t k = 0; k < batch.size(); ++k) {
      const auto& r = results[k];
      std::vector<store::TagRow> rows;
      for (const auto& ref : r.links) {
        const Chain& chain = tchains[ref.chain];
        auto it = link_id.find({chain.name, chain.links[ref.link].key});
        if (it == link_id.end()) continue;  // a template changed without `chains reload`
        store::TagRow row;
        row.link_id = it->second;
        row.tagged_at = now;
        for (size_t c = 0; c < r.chains.size(); ++c) {
          if (r.chains[c] == ref.chain) row.score = r.chain_scores[c];
        }
        for (const auto& e : r.evidence) {
          if (e.chain != ref.chain || e.link != static_cast<int16_t>(ref.link)) continue;
          std::string term = e.term >= 0 ? std::string(tagger.TermText(e.term)) : codes[k];
          if (!row.evidence.empty()) row.evidence += "\n";
          row.evidence += std::string(tagger::EvidenceRuleName(e.rule)) + "|" + tagger::EvidenceFieldName(e.field) + "|" +
                          term + "|" + std::to_string(e.offset) + "|" + std::to_string(e.length);
        }
        rows.push_back(std::move(row));
      }
      QQ_RETURN_IF_ERROR(tags.ReplaceTaggerRows(batch[k].id, rows));
      report.links += static_cast<int64_t>(rows.size());
      report.tagged += rows.empty() ? 0 : 1;
      ++report.firms;
    }
    if (progress) progress(report.firms, wanted.empty() ? total : static_cast<int64_t>(wanted.size()));
    batch.clear();
    return Status::Ok();
  };
  QQ_RETURN_IF_ERROR(store::EnterpriseStore(db).ForEach({}, [&](const Enterprise& e) -> Status {
    if (!wanted.empty() && !wanted.count(e.id)) return Status::Ok();
    batch.push_back(e);
    return batch.size() >= 4096 ? flush() : Status::Ok();
  }));
  QQ_RETURN_IF_ERROR(flush());
  QQ_ASSIGN_OR_RETURN(auto kept, db.Prepare("SELECT count(*) FROM enterprise_tag WHERE status <> 'auto'"));
  QQ_ASSIGN_OR_RETURN(bool row, kept.Step());
  report.kept_decisions = row ? kept.Int(0) : 0;
  QQ_RETURN_IF_ERROR(store::MetaStore(db).BumpDataVersion());
  QQ_RETURN_IF_ERROR(store::AuditStore(db).Append({now, "", "cli", "tag.registry", "", "ok",
                                                   std::to_string(report.firms) + " firms"}));
  QQ_RETURN_IF_ERROR(tx.Commit());
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

Status DecideTag(store::Database& db, const Clock& clock, const Uscc& uscc, const std::string& chain,
                 const std::string& link_key, bool confirm, const std::string& username, const std::string& note) {
  QQ_ASSIGN_OR_RETURN(auto firm, store::EnterpriseStore(db).GetByUscc(uscc));
  QQ_ASSIGN_OR_RETURN(auto c, store::ChainStore(db).GetByName(chain));
  const ChainLink* link = c.FindLink(link_key);
  if (!link) return Status::NotFound("chain " + chain + " has no link '" + link_key + "'");
  if (!link->tagging) return Status::InvalidArgument("link '" + link->name + "' is drawn for context only and takes no firms");
  store::Transaction tx(db);
  QQ_RETURN_IF_ERROR(tx.begin_status());
  QQ_RETURN_IF_ERROR(store::TagStore(db).Decide(firm.id, link->id, confirm ? store::TagStatus::kConfirmed : store::TagStatus::kRejected,
                                                username, note, clock()));
  QQ_RETURN_IF_ERROR(store::MetaStore(db).BumpDataVersion());
  QQ_RETURN_IF_ERROR(store::AuditStore(db).Append({clock(), username, "", confirm ? "tag.confirm" : "tag.reject",
                                                   uscc.str() + " " + chain + "/" + link_key, "ok", note}));
  return tx.Commit();
}

Result<std::vector<TagView>> TagsOf(store::Database& db, const Uscc& uscc) {
  QQ_ASSIGN_OR_RETURN(auto firm, store::EnterpriseStore(db).GetByUscc(uscc));
  QQ_ASSIGN_OR_RETURN(auto rows, store::TagStore(db).ForEnterprise(firm.id));
  QQ_ASSIGN_OR_RETURN(auto chains, store::ChainStore(db).List());
  std::vector<TagView> out;
  for (const auto& r : rows) {
    TagView v;
    for (const auto& c : chains) {
      for (const auto& l : c.links) {
        if (l.id == r.link_id) {
          v.chain = c.name;
          v.link_key = l.key;
          v.link_name = l.name;
        }
      }
    }
    v.source = r.manual ? "manual" : "tagger";
    v.status = store::TagStatusName(r.status);
    v.score = r.score;
    size_t start = 0;
    while (start < r.evidence.size()) {
      size_t nl = r.evidence.find('\n', start);
      v.evidence.push_back(ReadableEvidence(r.evidence.substr(start, nl == std::string::npos ? std::string::npos : nl - start)));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    out.push_back(std::move(v));
  }
  return out;
}

Result<ChainAnalysis> AnalyseChain(store::Database& db, const AnalyticsSnapshot& snap, const RegionCode& region,
                                   const std::string& chain_name) {
  ChainAnalysis a;
  QQ_ASSIGN_OR_RETURN(a.region, store::RegionStore(db).Get(region));
  QQ_ASSIGN_OR_RETURN(auto chain, store::ChainStore(db).GetByName(chain_name));
  a.chain_id = chain.id;
  a.chain = chain.name;
  const auto& d = snap.dataset;
  std::vector<uint32_t> local = snap.FirmsIn(region.Level() == RegionLevel::kTown ? region.CountyCode().str() : region.str());
  std::set<uint32_t> chain_links;
  for (const auto& l : chain.links) {
    if (l.tagging) chain_links.insert(static_cast<uint32_t>(l.id));
  }
  std::vector<uint32_t> chain_firms;
  for (uint32_t f : local) {
    if (OnAny(d, f, chain_links)) chain_firms.push_back(f);
  }
  int latest = LatestMonth(d, local);
  if (latest >= 0) a.month = d.first_month().AddMonths(latest);
  int year = a.month ? a.month->year() : 0;
  a.firms = static_cast<int>(chain_firms.size());
  analytics::Series series = analytics::SeriesOfFirms(d, chain_firms, analytics::Scope::kAll);
  if (latest >= 0) a.revenue = series.at(latest, Indicator::kRevenue).cumulative;
  // National pattern: firms (and 营业收入 where reported) per link over the whole registry.
  std::map<uint32_t, int> national;
  std::map<uint32_t, double> national_revenue;
  int national_chain = 0, national_reporting = 0;
  double national_chain_revenue = 0;
  for (uint32_t f = 0; f < d.firm_count(); ++f) {
    bool on_chain = false;
    auto [lb, le] = d.LinksOf(f);
    double rev = latest >= 0 ? static_cast<double>(RevenueAt(d, f, latest).first) : 0.0;
    for (const uint32_t* l = lb; l != le; ++l) {
      if (chain_links.count(*l)) {
        ++national[*l];
        national_revenue[*l] += rev;
        on_chain = true;
      }
    }
    national_chain += on_chain;
    if (on_chain && rev > 0) {
      ++national_reporting;
      national_chain_revenue += rev;
    }
  }
  bool by_output = national_chain > 0 && national_reporting >= 0.8 * national_chain && a.revenue > 0;
  a.strength_basis = by_output ? "output" : "firms";
  int tagging = 0, covered = 0, covered_above = 0;
  double strength_sum = 0;
  for (const auto& l : chain.links) {
    LinkStats s;
    s.id = l.id;
    s.key = l.key;
    s.name = l.name;
    s.parent = l.parent_key;
    s.position = ChainPositionLabel(l.position);
    s.tagging = l.tagging;
    if (!l.tagging) {
      s.state = "context";
      s.reason = "仅作展示：该环节产品属其他产业链或流通服务 (drawn for context)";
      a.links.push_back(std::move(s));
      continue;
    }
    ++tagging;
    std::vector<uint32_t> on_link;
    for (uint32_t f : chain_firms) {
      if (OnLink(d, f, static_cast<uint32_t>(l.id))) on_link.push_back(f);
    }
    s.firms = static_cast<int>(on_link.size());
    for (uint32_t f : on_link) s.above_scale_firms += d.AboveScale(f, year);
    analytics::Series ls = analytics::SeriesOfFirms(d, on_link, analytics::Scope::kAll);
    if (latest >= 0) {
      const auto& rev = ls.at(latest, Indicator::kRevenue);
      s.revenue = rev.cumulative;
      s.growth = analytics::GrowthPercent(rev.yoy_cumulative, rev.yoy_cumulative_base);
      if (a.revenue > 0) s.revenue_share = static_cast<double>(s.revenue) / static_cast<double>(a.revenue) * 100.0;
    }
    s.national_firms = national[static_cast<uint32_t>(l.id)];
    double national_link_revenue = national_revenue[static_cast<uint32_t>(l.id)];
    if (by_output && national_link_revenue > 0) {
      s.strength = (static_cast<double>(s.revenue) / static_cast<double>(a.revenue)) / (national_link_revenue / national_chain_revenue);
    } else if (!by_output && s.national_firms > 0 && a.firms > 0 && national_chain > 0) {
      s.strength = (static_cast<double>(s.firms) / a.firms) / (static_cast<double>(s.national_firms) / national_chain);
    }
    double st = s.strength.value_or(0.0);
    if (s.firms == 0) {
      s.state = "missing";
      s.reason = "本地没有该环节企业 (no local firm)";
    } else if (st < 0.5 || s.above_scale_firms == 0) {
      s.state = "weak";
      s.reason = s.above_scale_firms == 0 ? "没有规上企业 (no 规上 firm)" : (by_output ? "营收占比不足全国格局的一半 (less than half the national output share)"
                                                             : "企业占比不足全国格局的一半 (less than half the national share)");
    } else {
      s.state = st >= 1.5 ? "strong" : "normal";
    }
    covered += s.firms > 0;
    covered_above += s.above_scale_firms > 0;
    strength_sum += std::min(1.0, st);
    a.links.push_back(std::move(s));
  }
  if (tagging > 0) {
    a.coverage = static_cast<double>(covered) / tagging;
    a.coverage_above_scale = static_cast<double>(covered_above) / tagging;
    a.completeness = 100.0 * (0.4 * a.coverage + 0.3 * a.coverage_above_scale + 0.3 * strength_sum / tagging);
  }
  // 链主 candidates: the largest firms of the chain, with how many local firms sit on its other links.
  std::vector<std::pair<int64_t, uint32_t>> ranked;
  for (uint32_t f : chain_firms) ranked.emplace_back(RevenueAt(d, f, latest).first, f);
  std::sort(ranked.begin(), ranked.end(), [](auto& x, auto& y) { return x.first > y.first; });
  store::EnterpriseStore firms(db);
  for (size_t k = 0; k < ranked.size() && k < 5 && ranked[k].first > 0; ++k) {
    uint32_t f = ranked[k].second;
    QQ_ASSIGN_OR_RETURN(auto e, firms.GetById(d.firm(f).enterprise_id));
    LeaderCandidate c;
    c.uscc = e.uscc.str();
    c.name = e.name;
    c.revenue = ranked[k].first;
    c.share = a.revenue > 0 ? static_cast<double>(c.revenue) / static_cast<double>(a.revenue) * 100.0 : 0;
    std::set<uint32_t> own;
    auto [lb, le] = d.LinksOf(f);
    for (const uint32_t* l = lb; l != le; ++l) {
      if (chain_links.count(*l)) {
        own.insert(*l);
        auto it = snap.link_names.find(*l);
        if (it != snap.link_names.end()) c.links.push_back(it->second.second);
      }
    }
    for (uint32_t g : chain_firms) {
      if (g == f) continue;
      auto [gb, ge] = d.LinksOf(g);
      bool other = false;
      for (const uint32_t* l = gb; l != ge; ++l) other |= chain_links.count(*l) && !own.count(*l);
      c.partners += other;
    }
    a.leaders.push_back(std::move(c));
  }
  return a;
}

Result<std::vector<FirmOnLink>> FirmsOnLink(store::Database& db, const AnalyticsSnapshot& snap, const RegionCode& region,
                                            int64_t link_id) {
  if (!snap.link_names.count(static_cast<uint32_t>(link_id))) {
    return Status::NotFound("没有编号为" + std::to_string(link_id) + "的产业链环节 (no tagging link with that id)");
  }
  const auto& d = snap.dataset;
  std::vector<uint32_t> local = snap.FirmsIn(region.Level() == RegionLevel::kTown ? region.CountyCode().str() : region.str());
  int latest = LatestMonth(d, local);
  int year = latest >= 0 ? d.first_month().AddMonths(latest).year() : 0;
  store::EnterpriseStore firms(db);
  store::TagStore tags(db);
  store::RegionStore regions(db);
  std::vector<FirmOnLink> out;
  // Firms a person rejected are listed too (struck through on the page), so the decision can be undone.
  QQ_ASSIGN_OR_RETURN(auto rows, tags.ForLink(link_id));
  std::map<int64_t, store::TagRow> by_firm;
  for (auto& r : rows) by_firm[r.enterprise_id] = r;
  for (uint32_t f : local) {
    int64_t id = d.firm(f).enterprise_id;
    bool on = OnLink(d, f, static_cast<uint32_t>(link_id));
    auto tag = by_firm.find(id);
    bool rejected = tag != by_firm.end() && tag->second.status == store::TagStatus::kRejected;
    if (!on && !rejected) continue;
    QQ_ASSIGN_OR_RETURN(auto e, firms.GetById(id));
    FirmOnLink x;
    x.uscc = e.uscc.str();
    x.name = e.name;
    if (e.town) {
      if (auto t = regions.Get(*e.town); t.ok()) x.town = t->name;
    }
    x.above_scale = d.AboveScale(f, year);
    auto [rev, growth] = RevenueAt(d, f, latest);
    x.revenue = rev;
    x.growth = growth;
    if (tag != by_firm.end()) {
      x.status = store::TagStatusName(tag->second.status);
      x.score = tag->second.score;
      size_t start = 0;
      const std::string& ev = tag->second.evidence;
      while (start < ev.size()) {
        size_t nl = ev.find('\n', start);
        x.evidence.push_back(ReadableEvidence(ev.substr(start, nl == std::string::npos ? std::string::npos : nl - start)));
        if (nl == std::string::npos) break;
        start = nl + 1;
      }
    } else {
      x.status = "code";
      x.evidence.push_back("行业代码与环节代码相符 (industry code matches; not tagged yet)");
    }
    out.push_back(std::move(x));
  }
  std::sort(out.begin(), out.end(), [](const FirmOnLink& a, const FirmOnLink& b) {
    if ((a.status == "rejected") != (b.status == "rejected")) return b.status == "rejected";
    return a.revenue != b.revenue ? a.revenue > b.revenue : a.uscc < b.uscc;
  });
  return out;
}

namespace {

// Region × 中类 firm counts over the whole registry, for relatedness.
struct Matrix {
  std::vector<std::string> counties;
  std::vector<std::string> industries;  // 3-digit 中类
  std::map<std::string, size_t> industry_index;
  std::vector<double> x;
  std::vector<int> firms;
};

Matrix BuildMatrix(const AnalyticsSnapshot& snap) {
  Matrix m;
  const auto& d = snap.dataset;
  m.counties = d.counties();
  std::set<std::string> classes;
  std::vector<std::string> class_of(d.firm_count());
  for (uint32_t f = 0; f < d.firm_count(); ++f) {
    const auto& info = d.firm(f);
    if (info.industry < 0 || info.industry_digits < 3) continue;
    std::string code = std::to_string(info.industry);
    if (code.size() < info.industry_digits) code.insert(0, info.industry_digits - code.size(), '0');
    class_of[f] = code.substr(0, 3);
    classes.insert(class_of[f]);
  }
  m.industries.assign(classes.begin(), classes.end());
  for (size_t i = 0; i < m.industries.size(); ++i) m.industry_index[m.industries[i]] = i;
  m.x.assign(m.counties.size() * m.industries.size(), 0.0);
  for (uint32_t f = 0; f < d.firm_count(); ++f) {
    if (class_of[f].empty()) continue;
    m.x[d.firm(f).county * m.industries.size() + m.industry_index[class_of[f]]] += 1.0;
  }
  return m;
}

}  // namespace

Result<RegionRelatedness> RelatednessOf(store::Database& db, const AnalyticsSnapshot& snap, const RegionCode& region,
                                        size_t limit) {
  RegionRelatedness out;
  QQ_ASSIGN_OR_RETURN(out.region, store::RegionStore(db).Get(region));
  out.level = "county × 中类";
  Matrix m = BuildMatrix(snap);
  out.regions = static_cast<int>(m.counties.size());
  out.industries = static_cast<int>(m.industries.size());
  auto county = std::find(m.counties.begin(), m.counties.end(), region.CountyCode().str());
  if (region.Level() != RegionLevel::kCounty && region.Level() != RegionLevel::kTown) {
    return Status::InvalidArgument("relatedness compares counties; choose a county-level region");
  }
  if (county == m.counties.end()) return Status::NotFound("the region has no firms in the registry");
  size_t r = static_cast<size_t>(county - m.counties.begin());
  // A cell needs at least two firms to count as present: single firms are noise (DOMAIN §8).
  analytics::Relatedness rel = analytics::Relatedness::Compute(m.counties.size(), m.industries.size(), m.x, 2.0);
  store::IndustryStore industries(db);
  auto entry = [&](size_t i) {
    IndustryEntry e;
    e.code = m.industries[i];
    if (auto c = IndustryCode::Parse(e.code); c.ok()) {
      if (auto ic = industries.Get(*c); ic.ok()) e.name = ic->name;
    }
    e.rca = rel.Rca(r, i);
    e.density = rel.Density(r, i);
    e.present = rel.Present(r, i);
    e.firms = static_cast<int>(m.x[r * m.industries.size() + i]);
    return e;
  };
  std::vector<IndustryEntry> present;
  for (size_t i = 0; i < m.industries.size(); ++i) {
    if (rel.Present(r, i)) present.push_back(entry(i));
  }
  std::sort(present.begin(), present.end(), [](auto& a, auto& b) { return a.rca > b.rca; });
  if (present.size() > limit) present.resize(limit);
  out.present = std::move(present);
  // Entrants are for 工业强区: industrial classes only (sections B–D: mining, manufacturing,
  // utilities); services and trade stay in the matrix, where they shape the proximities.
  for (auto [i, density] : rel.PossibleEntrants(r, m.industries.size())) {
    const std::string& code = m.industries[i];
    char section = code.size() >= 2 ? SectionOfDivision(std::stoi(code.substr(0, 2))) : '?';
    if (section != 'B' && section != 'C' && section != 'D') continue;
    out.possible_entrants.push_back(entry(i));
    if (out.possible_entrants.size() >= limit) break;
  }
  return out;
}

namespace {

// How firmly a firm sits on a link: 1 when a person confirmed it or the tagger found both its
// industry code and a keyword, 0.8 for a keyword, 0.6 for a code alone, 0.5 when the firm is
// on the link only by the industry-code rule (registry not tagged yet).
double LinkMatch(const std::vector<store::TagRow>& rows, int64_t link_id) {
  for (const auto& t : rows) {
    if (t.link_id != link_id) continue;
    if (t.status == store::TagStatus::kConfirmed) return 1.0;
    bool code = false, keyword = false;
    size_t start = 0;
    while (start < t.evidence.size()) {
      size_t nl = t.evidence.find('\n', start);
      std::string_view line(t.evidence.data() + start, (nl == std::string::npos ? t.evidence.size() : nl) - start);
      std::string_view rule = line.substr(0, line.find('|'));
      code |= rule == "code" || rule == "hint_code";
      keyword |= rule == "keyword" || rule == "typo" || rule == "operation";
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    return code && keyword ? 1.0 : keyword ? 0.8 : code ? 0.6 : 0.7;
  }
  return 0.5;
}

}  // namespace

Result<std::vector<LinkCandidates>> AttractionCandidates(store::Database& db, const AnalyticsSnapshot& snap,
                                                         const RegionCode& region, const std::string& chain, size_t per_link) {
  QQ_ASSIGN_OR_RETURN(auto analysis, AnalyseChain(db, snap, region, chain));
  QQ_ASSIGN_OR_RETURN(auto templ, store::ChainStore(db).GetByName(chain));
  const auto& d = snap.dataset;
  std::string area = region.Level() == RegionLevel::kTown ? region.CountyCode().str() : region.str();
  std::vector<uint32_t> local = snap.FirmsIn(area);
  std::set<uint32_t> local_set(local.begin(), local.end());
  int latest = LatestMonth(d, local);
  // Relatedness density of each 中类 to the region (its county).
  Matrix m = BuildMatrix(snap);
  std::optional<analytics::Relatedness> rel;
  std::optional<size_t> row;
  auto county = std::find(m.counties.begin(), m.counties.end(), region.CountyCode().str());
  if (county != m.counties.end() && region.Level() != RegionLevel::kCity && region.Level() != RegionLevel::kProvince) {
    rel = analytics::Relatedness::Compute(m.counties.size(), m.industries.size(), m.x, 2.0);
    row = static_cast<size_t>(county - m.counties.begin());
  }
  store::EnterpriseStore firms(db);
  store::RegionStore regions(db);
  store::TagStore tags(db);
  std::vector<LinkCandidates> out;
  for (const auto& link : analysis.links) {
    if (link.state != "weak" && link.state != "missing") continue;
    LinkCandidates lc;
    lc.link = link;
    const ChainLink* tl = templ.FindLink(link.key);
    double link_density = 0;
    if (rel && tl) {
      for (const auto* codes : {&tl->industry_codes, &tl->hint_codes}) {
        for (const auto& code : *codes) {
          std::string cls = code.str().substr(0, std::min<size_t>(3, code.str().size()));
          auto it = m.industry_index.find(cls);
          if (it != m.industry_index.end()) link_density = std::max(link_density, rel->Density(*row, it->second));
        }
      }
    }
    // Outside firms on the link, with what makes each worth a visit.
    struct Raw {
      uint32_t f;
      double match, scale_raw, growth_raw;
      std::optional<double> growth;
      int64_t revenue;
    };
    std::vector<Raw> raw;
    for (uint32_t f = 0; f < d.firm_count(); ++f) {
      if (local_set.count(f) || !OnLink(d, f, static_cast<uint32_t>(link.id))) continue;
      auto [rev, growth] = RevenueAt(d, f, latest);
      raw.push_back({f, 0, 0, 0, growth, rev});
    }
    if (raw.empty()) {
      out.push_back(std::move(lc));
      continue;
    }
    // Scores: how firmly the firm sits on the link (its evidence), log scale (revenue, else
    // registered capital as a rough proxy), growth — scale and growth normalised to 0–1 within
    // the link's candidates, a firm without figures taking the middle — then the weighted sum.
    for (auto& x : raw) {
      QQ_ASSIGN_OR_RETURN(auto e, firms.GetById(d.firm(x.f).enterprise_id));
      double size = x.revenue > 0 ? static_cast<double>(x.revenue)
                                  : static_cast<double>(e.registered_capital ? e.registered_capital->yuan() : 0) * 2.0;
      x.scale_raw = std::log10(1.0 + size);
      x.growth_raw = x.growth.value_or(0.0);
      QQ_ASSIGN_OR_RETURN(auto rows, tags.ForEnterprise(e.id));
      x.match = LinkMatch(rows, link.id);
    }
    auto normalise = [&](auto get, auto set) {
      double lo = 1e300, hi = -1e300;
      for (auto& x : raw) {
        lo = std::min(lo, get(x));
        hi = std::max(hi, get(x));
      }
      for (auto& x : raw) set(x, hi > lo ? (get(x) - lo) / (hi - lo) : 1.0);
    };
    normalise([](Raw& x) { return x.scale_raw; }, [](Raw& x, double v) { x.scale_raw = v; });
    normalise([](Raw& x) { return x.growth_raw; }, [](Raw& x, double v) { x.growth_raw = v; });
    for (auto& x : raw) {
      if (!x.growth) x.growth_raw = 0.5;  // unknown growth: neither rewarded nor punished
    }
    std::vector<std::pair<double, size_t>> order;
    for (size_t k = 0; k < raw.size(); ++k) {
      double score = 100.0 * (0.35 * raw[k].match + 0.3 * raw[k].scale_raw + 0.15 * raw[k].growth_raw + 0.2 * link_density);
      order.emplace_back(score, k);
    }
    std::sort(order.begin(), order.end(), [](auto& a, auto& b) { return a.first > b.first; });
    for (size_t n = 0; n < order.size() && n < per_link; ++n) {
      const Raw& x = raw[order[n].second];
      QQ_ASSIGN_OR_RETURN(auto e, firms.GetById(d.firm(x.f).enterprise_id));
      Candidate c;
      c.uscc = e.uscc.str();
      c.name = e.name;
      c.region = e.region.str();
      if (auto rg = regions.Get(e.region); rg.ok()) c.region_name = rg->name;
      c.industry = e.industry ? e.industry->str() : "";
      c.link_id = link.id;
      c.link_name = link.name;
      c.score = order[n].first;
      c.match = x.match;
      c.scale = x.scale_raw;
      c.growth = x.growth_raw;
      c.density = link_density;
      QQ_ASSIGN_OR_RETURN(auto rows, tags.ForEnterprise(e.id));
      std::string why = "行业代码与环节相符 (industry code)";
      for (const auto& t : rows) {
        if (t.link_id == link.id && !t.evidence.empty()) why = ReadableEvidence(t.evidence.substr(0, t.evidence.find('\n')));
      }
      char match_text[16];
      std::snprintf(match_text, sizeof match_text, "%.1f", x.match);
      c.reasons.push_back("环节匹配：" + link.name + "，" + why + "（匹配度" + match_text + "）");
      if (x.revenue > 0) {
        c.reasons.push_back("规模：营业收入" + Money::FromYuan(x.revenue).Format(MoneyUnit::kHundredMillionYuan, 2) + "(1-N月累计)");
      } else if (e.registered_capital) {
        c.reasons.push_back("规模：注册资本" + e.registered_capital->Format(MoneyUnit::kTenThousandYuan, 0));
      }
      if (x.growth) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%+.1f%%", *x.growth);
        c.reasons.push_back(std::string("增长：营业收入同比") + buf);
      }
      if (rel) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", link_density);
        c.reasons.push_back(std::string("关联度：该环节行业与本地产业的关联密度") + buf);
      }
      lc.candidates.push_back(std::move(c));
    }
    out.push_back(std::move(lc));
  }
  return out;
}

const std::vector<std::string>& LeadStages() {
  static const std::vector<std::string> kStages = {"线索", "接洽", "考察", "洽谈", "签约", "落地", "放弃"};
  return kStages;
}

namespace {
int StageIndex(const std::string& s) {
  const auto& stages = LeadStages();
  auto it = std::find(stages.begin(), stages.end(), s);
  return it == stages.end() ? -1 : static_cast<int>(it - stages.begin());
}
}  // namespace

Result<store::Lead> AddLead(store::Database& db, const Clock& clock, store::Lead lead, const std::string& username) {
  if (StageIndex(lead.stage) < 0 || lead.stage == "放弃") return Status::InvalidArgument("新线索的阶段须为 线索、接洽、考察、洽谈、签约、落地 之一 (a new lead starts at one of 线索 … 落地)");
  if (lead.firm_name.empty()) return Status::InvalidArgument("a lead needs the firm's name");
  QQ_ASSIGN_OR_RETURN(auto chain, store::ChainStore(db).GetByName(lead.chain));
  if (lead.link_id && std::none_of(chain.links.begin(), chain.links.end(), [&](const ChainLink& l) { return l.id == *lead.link_id; })) {
    return Status::InvalidArgument("环节 #" + std::to_string(*lead.link_id) + " 不属于" + lead.chain + " (the link is not on that chain)");
  }
  lead.created_at = lead.updated_at = clock();
  store::Transaction tx(db);
  QQ_RETURN_IF_ERROR(tx.begin_status());
  QQ_RETURN_IF_ERROR(store::LeadStore(db).Add(lead, username));
  QQ_RETURN_IF_ERROR(store::MetaStore(db).BumpDataVersion());
  QQ_RETURN_IF_ERROR(tx.Commit());
  if (StageIndex(lead.stage) >= StageIndex("签约")) return MoveLead(db, clock, lead.id, lead.stage, username, "");
  return lead;
}

Result<store::Lead> MoveLead(store::Database& db, const Clock& clock, int64_t id, const std::string& stage,
                             const std::string& username, const std::string& note) {
  int to = StageIndex(stage);
  if (to < 0) return Status::InvalidArgument("'" + stage + "' is not a lead stage (线索, 接洽, 考察, 洽谈, 签约, 落地, 放弃)");
  store::LeadStore leads(db);
  QQ_ASSIGN_OR_RETURN(auto lead, leads.Get(id));
  int from = StageIndex(lead.stage);
  if (lead.stage == "放弃") return Status::FailedPrecondition("lead #" + std::to_string(id) + " was given up");
  if (stage != "放弃" && to < from) {
    return Status::InvalidArgument("a lead moves forward only (from " + lead.stage + " to " + stage + ")");
  }
  store::Transaction tx(db);
  QQ_RETURN_IF_ERROR(tx.begin_status());
  std::optional<int64_t> project_id;
  if (to >= StageIndex("签约") && stage != "放弃" && !lead.project_id) {
    Project p;
    p.name = lead.firm_name + "项目";
    p.region = lead.region;
    p.stage = ProjectStage::kSigned;
    p.chain = lead.chain;
    p.total_investment = Money::FromYuan(lead.expected_investment.value_or(0));
    p.source = "招商线索 #" + std::to_string(lead.id);
    // The signed lead enters this year's project library at 签约, with its first stage event.
    int year = Date::FromDays(static_cast<long>((clock() + 8 * 3600) / 86400)).year();
    auto added = CreateProject(db, clock, p, ProjectYear{year, std::nullopt, std::nullopt}, username);
    for (int n = 2; !added.ok() && added.status().code() == StatusCode::kAlreadyExists && n < 20; ++n) {
      p.name = lead.firm_name + "项目（" + std::to_string(n) + "）";
      added = CreateProject(db, clock, p, ProjectYear{year, std::nullopt, std::nullopt}, username);
    }
    QQ_RETURN_IF_ERROR(added.status());
    p = *added;
    QQ_RETURN_IF_ERROR(store::ProjectStore(db).SetLead(p.id, lead.id));
    project_id = p.id;
  }
  if (stage == lead.stage) {
    // Nothing moves: no event. (A lead added at 签约 gets its project here.)
    if (project_id) QQ_RETURN_IF_ERROR(leads.SetProject(id, *project_id));
  } else {
    QQ_RETURN_IF_ERROR(leads.Move(id, stage, username, note, project_id, clock()));
  }
  if (stage == "放弃" && lead.project_id) {
    // The deal fell through after signing: its project is 终止 with the reason.
    store::ProjectStore projects(db);
    QQ_ASSIGN_OR_RETURN(auto p, projects.Get(*lead.project_id));
    if (p.stage != ProjectStage::kTerminated) {
      std::string reason = "招商线索放弃" + (note.empty() ? std::string() : "：" + note);
      QQ_RETURN_IF_ERROR(CheckStageTransition(p.stage, ProjectStage::kTerminated, reason));
      Date today = Date::FromDays(static_cast<long>((clock() + 8 * 3600) / 86400));
      QQ_RETURN_IF_ERROR(projects.AddStageEvent(p.id, {today, p.stage, ProjectStage::kTerminated, reason, username}));
      p.stage = ProjectStage::kTerminated;
      p.stage_reason = reason;
      QQ_RETURN_IF_ERROR(projects.Update(p));
    }
  }
  QQ_RETURN_IF_ERROR(store::MetaStore(db).BumpDataVersion());
  QQ_RETURN_IF_ERROR(tx.Commit());
  return leads.Get(id);
}

}  // namespace qq::app
