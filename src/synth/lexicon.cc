#include "synth/lexicon.h"

#include <toml++/toml.h>

namespace qq::synth {
namespace {

Status ReadStrings(const toml::table& t, const char* key, std::vector<std::string>& out, const std::string& label) {
  const toml::array* arr = t[key].as_array();
  if (!arr || arr->empty()) return Status::InvalidArgument(label + ": '" + key + "' must be a non-empty list of strings");
  for (const auto& item : *arr) {
    auto s = item.value<std::string>();
    if (!s) return Status::InvalidArgument(label + ":" + std::to_string(item.source().begin.line) + ": '" + key + "' must hold strings");
    out.push_back(*s);
  }
  return Status::Ok();
}

Status ReadPairs(const toml::table& t, const char* key, std::vector<std::pair<std::string, std::string>>& out,
                 const std::string& label) {
  const toml::array* arr = t[key].as_array();
  if (!arr || arr->empty()) return Status::InvalidArgument(label + ": '" + key + "' must be a non-empty list of [code, item]");
  for (const auto& item : *arr) {
    const toml::array* pair = item.as_array();
    if (!pair || pair->size() != 2 || !(*pair)[0].is_string() || !(*pair)[1].is_string()) {
      return Status::InvalidArgument(label + ":" + std::to_string(item.source().begin.line) + ": '" + key +
                                     "' entries must be [\"code\", \"item\"]");
    }
    out.emplace_back(*(*pair)[0].value<std::string>(), *(*pair)[1].value<std::string>());
  }
  return Status::Ok();
}

}  // namespace

Result<Lexicon> ParseLexicon(std::string_view text, const std::string& label) {
  toml::table t;
  try {
    t = toml::parse(text, label);
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(label + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }
  Lexicon lx;
  auto chars = t["trade_name_chars"].value<std::string>();
  if (!chars) return Status::InvalidArgument(label + ": 'trade_name_chars' must be a string of characters");
  std::string cur;
  for (char ch : *chars) {
    if (ch == ' ' || ch == '\n' || ch == '\t') {
      if (!cur.empty()) lx.trade_name_chars.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(ch);
    }
  }
  if (!cur.empty()) lx.trade_name_chars.push_back(cur);
  if (lx.trade_name_chars.size() < 20) return Status::InvalidArgument(label + ": 'trade_name_chars' needs at least 20 characters");
  QQ_RETURN_IF_ERROR(ReadStrings(t, "org_forms", lx.org_forms, label));
  QQ_RETURN_IF_ERROR(ReadStrings(t, "other_industry_words", lx.other_industry_words, label));
  QQ_RETURN_IF_ERROR(ReadStrings(t, "trade_words", lx.trade_words, label));
  QQ_RETURN_IF_ERROR(ReadStrings(t, "service_words", lx.service_words, label));
  QQ_RETURN_IF_ERROR(ReadStrings(t, "generic_clauses", lx.generic_clauses, label));
  QQ_RETURN_IF_ERROR(ReadStrings(t, "licence_clauses", lx.licence_clauses, label));
  QQ_RETURN_IF_ERROR(ReadPairs(t, "other_industry_items", lx.other_industry_items, label));
  QQ_RETURN_IF_ERROR(ReadPairs(t, "trade_items", lx.trade_items, label));
  QQ_RETURN_IF_ERROR(ReadPairs(t, "service_items", lx.service_items, label));
  QQ_RETURN_IF_ERROR(ReadStrings(t, "production_patterns", lx.production_patterns, label));
  QQ_RETURN_IF_ERROR(ReadStrings(t, "service_patterns", lx.service_patterns, label));
  return lx;
}

}  // namespace qq::synth
