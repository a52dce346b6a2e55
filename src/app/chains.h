// 链长制 use cases: tagging the registry to chain links (people's decisions always win),
// analysing a chain in a region, relatedness, ranking firms to attract to weak or missing links,
// and the leads pipeline whose signed leads become projects.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/analytics_service.h"
#include "app/clock.h"
#include "core/chain.h"
#include "core/project.h"
#include "core/uscc.h"
#include "core/region.h"
#include "store/database.h"
#include "store/tag_store.h"
#include "tagger/tagger.h"

namespace qq::app {

// Compiles the tagger from data/chains and data/tagger/rules.toml.
Result<tagger::Tagger> LoadTagger(const std::filesystem::path& data_dir);

struct TagRunReport {
  int64_t firms = 0;         // firms tagged
  int64_t tagged = 0;        // firms on at least one chain
  int64_t links = 0;         // (firm, link) rows written
  int64_t kept_decisions = 0;
  double seconds = 0;
};
// Tags every firm of the registry (or those in `only`), replacing the tagger's earlier rows and
// keeping every confirmation and rejection. One transaction; progress as (done, total).
Result<TagRunReport> TagRegistry(store::Database& db, const tagger::Tagger& tagger, const Clock& clock,
                                 const std::function<void(int64_t, int64_t)>& progress,
                                 const std::vector<int64_t>& only = {});

// A chain chief confirms or rejects a firm on a link.
Status DecideTag(store::Database& db, const Clock& clock, const Uscc& uscc, const std::string& chain,
                 const std::string& link_key, bool confirm, const std::string& username, const std::string& note);

struct TagView {
  std::string chain, link_key, link_name;
  std::string source, status;  // tagger/manual, auto/confirmed/rejected
  double score = 0;
  std::vector<std::string> evidence;  // readable: "关键词“螺纹钢” (经营范围第12字节)"
};
// A firm's tags with their evidence.
Result<std::vector<TagView>> TagsOf(store::Database& db, const Uscc& uscc);

struct FirmOnLink {
  std::string uscc, name, town, status;  // status: auto/confirmed/rejected/code
  bool above_scale = false;
  int64_t revenue = 0;        // 营业收入 1-N月累计 at the latest month (元), 0 without figures
  std::optional<double> growth;
  double score = 0;
  std::vector<std::string> evidence;
};

struct LinkStats {
  int64_t id = 0;
  std::string key, name, parent, position;
  bool tagging = true;
  int firms = 0, above_scale_firms = 0;
  int64_t revenue = 0;               // local 营业收入 1-N月累计 at the latest month
  std::optional<double> growth;      // 同口径 累计同比
  int national_firms = 0;            // firms on the link in the whole registry
  std::optional<double> strength;    // (local share of the chain) / (national share), LQ; by output or firm counts
  std::optional<double> revenue_share;  // of the chain's local revenue, percent
  std::string state;                 // strong, normal, weak, missing, context
  std::string reason;
};

struct LeaderCandidate {
  std::string uscc, name;
  int64_t revenue = 0;
  double share = 0;                  // of the chain's local revenue, percent
  int partners = 0;                  // local firms on the chain's other links
  std::vector<std::string> links;
};

struct ChainAnalysis {
  Region region;
  int64_t chain_id = 0;
  std::string chain;
  std::optional<YearMonth> month;
  double coverage = 0;               // tagging links with a local firm / tagging links
  double coverage_above_scale = 0;   // … with a local 规上 firm
  double completeness = 0;           // 0–100, formula in docs/chains.md
  // What link strength compares: "output" (营业收入 shares, when at least 80 % of the chain's
  // firms in the country report figures) or "firms" (firm counts, the registry-only case).
  std::string strength_basis = "firms";
  int firms = 0;
  int64_t revenue = 0;
  std::vector<LinkStats> links;
  std::vector<LeaderCandidate> leaders;
};
Result<ChainAnalysis> AnalyseChain(store::Database& db, const AnalyticsSnapshot& snap, const RegionCode& region,
                                   const std::string& chain);
// The firms of a region on a link (with their evidence), largest first.
Result<std::vector<FirmOnLink>> FirmsOnLink(store::Database& db, const AnalyticsSnapshot& snap, const RegionCode& region,
                                            int64_t link_id);

struct IndustryEntry {
  std::string code, name;
  double rca = 0, density = 0;
  bool present = false;
  int firms = 0;
};
struct RegionRelatedness {
  Region region;
  std::string level;   // county (regions compared) and 中类 (industries)
  int regions = 0, industries = 0;
  std::vector<IndustryEntry> present;          // the region's specialisations, by RCA
  std::vector<IndustryEntry> possible_entrants;  // absent industries by density
};
Result<RegionRelatedness> RelatednessOf(store::Database& db, const AnalyticsSnapshot& snap, const RegionCode& region,
                                        size_t limit);

struct Candidate {
  std::string uscc, name, region, region_name, industry;
  int64_t link_id = 0;
  std::string link_name;
  double score = 0;                  // 0–100
  double match = 0, scale = 0, growth = 0, density = 0;  // components, 0–1
  std::vector<std::string> reasons;
};
struct LinkCandidates {
  LinkStats link;
  std::vector<Candidate> candidates;
};
// For each weak or missing link of a chain in a region, firms from outside the region ranked by
// link match, scale, growth and the relatedness density of the link's industries to the region.
Result<std::vector<LinkCandidates>> AttractionCandidates(store::Database& db, const AnalyticsSnapshot& snap,
                                                         const RegionCode& region, const std::string& chain, size_t per_link);

// Leads: 线索 → 接洽 → 考察 → 洽谈 → 签约 → 落地 (or 放弃).
const std::vector<std::string>& LeadStages();
Result<store::Lead> AddLead(store::Database& db, const Clock& clock, store::Lead lead, const std::string& username);
// Moves a lead forward (stages may be skipped) or to 放弃; at 签约 it becomes a project (stage 签约,
// linked both ways) unless it already has one. InvalidArgument for a move backwards.
Result<store::Lead> MoveLead(store::Database& db, const Clock& clock, int64_t id, const std::string& stage,
                             const std::string& username, const std::string& note);

}  // namespace qq::app
