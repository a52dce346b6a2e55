// The generator's word lists (data/synth/lexicon.toml).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace qq::synth {

struct Lexicon {
  std::vector<std::string> trade_name_chars;   // single characters for 字号
  std::vector<std::string> org_forms;
  std::vector<std::string> other_industry_words, trade_words, service_words;
  std::vector<std::string> generic_clauses, licence_clauses;
  // (industry code, main item) pairs.
  std::vector<std::pair<std::string, std::string>> other_industry_items, trade_items, service_items;
  std::vector<std::string> production_patterns, service_patterns;  // "{}" is the keyword
};

// Parses the TOML text; errors name `label` and the line.
Result<Lexicon> ParseLexicon(std::string_view toml_text, const std::string& label);

}  // namespace qq::synth
