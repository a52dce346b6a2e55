// Chain and ChainLink: an industrial chain template (集成电路: 设计-制造-封测-应用-支撑) as a
// tree of links, each with its position and the rules that tag firms to it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/industry_code.h"
#include "core/status.h"

namespace qq {

enum class ChainPosition { kUpstream, kMidstream, kDownstream };
const char* ChainPositionLabel(ChainPosition p);  // 上游 / 中游 / 下游
Result<ChainPosition> ParseChainPosition(std::string_view label);

struct ChainLink {
  int64_t id = 0;
  std::string key;         // stable within the chain, e.g. "design"
  std::string name;        // 设计
  std::string parent_key;  // empty for a top-level link
  ChainPosition position = ChainPosition::kMidstream;
  // False for links drawn for context only (their products belong to another chain, or
  // they are 流通/后市场): they never produce a tag (CHAINS.md).
  bool tagging = true;
  // A service-shaped link (software services, wastewater treatment, CRO, construction):
  // its evidence counts only when it is the firm's main business (CHAINS.md G6).
  bool service = false;
  // Industry-code prefixes (3130, 313, 31) that place a firm here on their own…
  std::vector<IndustryCode> industry_codes;
  // …and codes shared with goods outside the chain (3381 cookware: stainless or iron), which
  // count only when a keyword of the chain confirms them.
  std::vector<IndustryCode> hint_codes;
  std::vector<std::string> keywords;         // production terms that place a firm here
  std::vector<std::string> weak_keywords;    // generic terms that count only if no `yields_to` chain matches
  std::vector<std::string> exclusions;       // a keyword in an item that also has one of these does not count
  std::vector<std::string> products;         // typical products, for display only
  std::string note;
};

struct Chain {
  int64_t id = 0;
  std::string name;  // exactly as in CHAINS.md: 钢铁, 不锈钢, …
  int order = 0;     // display order
  std::string description;
  std::vector<std::string> sources;
  std::vector<std::string> implies;    // chains every member also belongs to (氢能 → 新能源与节能环保)
  std::vector<std::string> yields_to;  // chains whose evidence overrides this chain's weak evidence
  std::vector<ChainLink> links;

  // Returns the link with this key, or nullptr.
  const ChainLink* FindLink(std::string_view key) const;
};

}  // namespace qq
