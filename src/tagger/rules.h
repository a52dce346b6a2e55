// TaggerRules: the tagger's general vocabulary and weights, read from data/tagger/rules.toml
// (format in data/tagger/README.md). Chain-specific terms live in the chain templates; these are
// the words that decide what an item of a 经营范围 is (production, sales, repair, lease, catering,
// boilerplate), how a scope is cut into items, which negations matter and how evidence is
// weighed (CHAINS.md G2–G8).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace qq::tagger {

// Terms that mark a link's activity even in an item that also names a sale (加氢站经营: a
// refuelling station is infrastructure, not trading — CHAINS.md 氢能).
struct OperationRule {
  std::string chain;  // chain name, as in the templates
  std::string link;   // link key within the chain
  std::vector<std::string> terms;
  int line = 0;  // where it is defined, for errors
};

struct TaggerRules {
  std::string source;  // file name, for errors

  // Segmentation: single characters; full- and half-width forms are both listed.
  std::vector<std::string> item_separators;      // ；; ，,
  std::vector<std::string> sentence_separators;  // 。: also ends a header's reach
  std::vector<std::string> object_separators;    // 、
  std::vector<std::string> open_brackets;        // （ (
  std::vector<std::string> close_brackets;       // ） )
  std::vector<std::string> header_marks;         // ： :
  std::vector<std::string> licence_headers;      // 一般项目, 许可项目 …

  // Activity words of an item.
  std::vector<std::string> production;   // 制造, 生产, 加工 …
  std::vector<std::string> sales;        // 销售, 批发, 零售 …
  std::vector<std::string> repair;       // 维修, 修理 …
  std::vector<std::string> lease;        // 租赁, 出租
  std::vector<std::string> catering;     // 餐饮 …
  std::vector<std::string> boilerplate;  // 技术研发, 技术推广, 咨询 …
  std::vector<std::string> service;  // 技术服务, 运营 …: the activity of a service-shaped link

  // Negations inside brackets.
  std::vector<std::string> negation_openers;  // 不含, 除, 非 … at the start of a bracket clause
  std::vector<std::string> sales_only;  // 不含生产, 不含加工 …: the item is not production
  std::vector<std::string> not_production;  // 仅限修复, 仅限来料加工 …: the item is a service

  // GB/T 4754-2017 prefixes of trading, retail, repair, leasing and catering (G3).
  std::vector<std::string> no_chain_codes;

  std::vector<OperationRule> operations;

  // Scoring.
  double code_weight = 1.0;       // the firm's code is one of a link's `codes`
  double hint_code_weight = 0.5;  // a `hint_codes` match, counted only with a keyword
  double keyword_weight = 1.0;    // a keyword in a production item
  double weak_weight = 0.5;       // a `weak` term in a production item
  double typo_weight = 1.0;       // a keyword read through one wrong character
  double threshold = 1.0;         // a chain is tagged when its score reaches this
  int leading_items = 6;          // items that count as the leading ones (G2/G5)
  int typo_min_chars = 3;         // shortest keyword the typo fallback may use
  // Generic words (制品, 设备, 制造 …): characters of a keyword inside them do not count as the
  // specific part that must stay fixed in a typo match.
  std::vector<std::string> typo_generic;
  bool typo_fallback = true;
};

// Parses rules.toml text. Every error names `file_label` and the line: a syntax error, an
// unknown key or table, a missing list, an empty or duplicate term, a separator that is not one
// character, or a weight out of range.
Result<TaggerRules> ParseTaggerRules(std::string_view toml_text, const std::string& file_label);

// Reads and parses a rules file; NotFound if it does not exist.
Result<TaggerRules> LoadTaggerRules(const std::filesystem::path& file);

}  // namespace qq::tagger
