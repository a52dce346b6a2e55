// Strict parser for data/tagger/rules.toml: every mistake names the file and line.
#include "tagger/rules.h"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace qq::tagger {
namespace {

std::string At(const std::string& file, const toml::source_region& src) {
  return file + ":" + std::to_string(src.begin.line);
}

int CodePoints(std::string_view s) {
  int n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

Status CheckKeys(const toml::table& t, const std::set<std::string>& allowed,
                 const std::string& file, const std::string& what) {
  for (const auto& [key, node] : t) {
    if (!allowed.count(std::string(key.str()))) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      return Status::InvalidArgument(At(file, node.source()) + ": unknown key '" +
                                     std::string(key.str()) + "' in " + what +
                                     " (allowed: " + list + ")");
    }
  }
  return Status::Ok();
}

Result<const toml::table*> Table(const toml::table& root, const char* key,
                                 const std::string& file) {
  const toml::node* n = root.get(key);
  if (!n) return Status::InvalidArgument(file + ":1: missing table [" + std::string(key) + "]");
  if (!n->is_table())
    return Status::InvalidArgument(At(file, n->source()) + ": '" + key + "' must be a table");
  return n->as_table();
}

// A required, non-empty list of distinct non-empty strings; `one_char` requires each to be a
// single character.
Result<std::vector<std::string>> Terms(const toml::table& t, const char* key,
                                       const std::string& file, const std::string& table_name,
                                       bool one_char = false) {
  const toml::node* n = t.get(key);
  if (!n) {
    return Status::InvalidArgument(At(file, t.source()) + ": [" + table_name + "] is missing '" +
                                   key + "'");
  }
  const toml::array* arr = n->as_array();
  if (!arr || arr->empty()) {
    return Status::InvalidArgument(At(file, n->source()) + ": '" + key +
                                   "' must be a non-empty list of strings");
  }
  std::vector<std::string> out;
  for (const auto& item : *arr) {
    auto s = item.value<std::string>();
    if (!item.is_string() || s->empty()) {
      return Status::InvalidArgument(At(file, item.source()) + ": '" + key +
                                     "' must hold non-empty strings");
    }
    if (one_char && CodePoints(*s) != 1) {
      return Status::InvalidArgument(At(file, item.source()) + ": '" + *s + "' in '" + key +
                                     "' must be one character");
    }
    if (std::find(out.begin(), out.end(), *s) != out.end()) {
      return Status::InvalidArgument(At(file, item.source()) + ": '" + *s +
                                     "' is listed twice in '" + key + "'");
    }
    out.push_back(*s);
  }
  return out;
}

Result<double> Weight(const toml::table& t, const char* key, const std::string& file, double lo,
                      double hi) {
  const toml::node* n = t.get(key);
  if (!n)
    return Status::InvalidArgument(At(file, t.source()) + ": [scoring] is missing '" + key + "'");
  std::optional<double> v = n->value<double>();
  if (!v || !(n->is_floating_point() || n->is_integer()) || *v < lo || *v > hi) {
    return Status::InvalidArgument(At(file, n->source()) + ": '" + key +
                                   "' must be a number from " + std::to_string(lo).substr(0, 4) +
                                   " to " + std::to_string(hi).substr(0, 4));
  }
  return *v;
}

Result<int> Integer(const toml::table& t, const char* key, const std::string& file, int lo,
                    int hi) {
  const toml::node* n = t.get(key);
  if (!n) return Status::InvalidArgument(At(file, t.source()) + ": missing '" + key + "'");
  if (!n->is_integer() || *n->value<int64_t>() < lo || *n->value<int64_t>() > hi) {
    return Status::InvalidArgument(At(file, n->source()) + ": '" + key +
                                   "' must be a whole number from " + std::to_string(lo) + " to " +
                                   std::to_string(hi));
  }
  return static_cast<int>(*n->value<int64_t>());
}

}  // namespace

Result<TaggerRules> ParseTaggerRules(std::string_view text, const std::string& file) {
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(file + ":" + std::to_string(e.source().begin.line) + ": " +
                                   std::string(e.description()));
  }
  QQ_RETURN_IF_ERROR(CheckKeys(
      root, {"segmentation", "activity", "negation", "codes", "scoring", "typo", "operation"}, file,
      "rules.toml"));
  TaggerRules r;
  r.source = file;

  QQ_ASSIGN_OR_RETURN(const toml::table* seg, Table(root, "segmentation", file));
  QQ_RETURN_IF_ERROR(
      CheckKeys(*seg,
                {"item_separators", "sentence_separators", "object_separators", "open_brackets",
                 "close_brackets", "header_marks", "licence_headers"},
                file, "[segmentation]"));
  QQ_ASSIGN_OR_RETURN(r.item_separators,
                      Terms(*seg, "item_separators", file, "segmentation", true));
  QQ_ASSIGN_OR_RETURN(r.sentence_separators,
                      Terms(*seg, "sentence_separators", file, "segmentation", true));
  QQ_ASSIGN_OR_RETURN(r.object_separators,
                      Terms(*seg, "object_separators", file, "segmentation", true));
  QQ_ASSIGN_OR_RETURN(r.open_brackets, Terms(*seg, "open_brackets", file, "segmentation", true));
  QQ_ASSIGN_OR_RETURN(r.close_brackets, Terms(*seg, "close_brackets", file, "segmentation", true));
  QQ_ASSIGN_OR_RETURN(r.header_marks, Terms(*seg, "header_marks", file, "segmentation", true));
  QQ_ASSIGN_OR_RETURN(r.licence_headers, Terms(*seg, "licence_headers", file, "segmentation"));
  if (r.open_brackets.size() != r.close_brackets.size()) {
    return Status::InvalidArgument(At(file, seg->source()) +
                                   ": open_brackets and close_brackets must pair up");
  }
  {
    std::set<std::string> seen;
    for (const auto* list : {&r.item_separators, &r.sentence_separators, &r.object_separators,
                             &r.open_brackets, &r.close_brackets, &r.header_marks}) {
      for (const auto& s : *list) {
        if (!seen.insert(s).second) {
          return Status::InvalidArgument(At(file, seg->source()) + ": '" + s +
                                         "' has two roles in [segmentation]");
        }
      }
    }
  }

  QQ_ASSIGN_OR_RETURN(const toml::table* act, Table(root, "activity", file));
  QQ_RETURN_IF_ERROR(CheckKeys(
      *act, {"production", "sales", "repair", "lease", "catering", "boilerplate", "service"}, file,
      "[activity]"));
  QQ_ASSIGN_OR_RETURN(r.production, Terms(*act, "production", file, "activity"));
  QQ_ASSIGN_OR_RETURN(r.sales, Terms(*act, "sales", file, "activity"));
  QQ_ASSIGN_OR_RETURN(r.repair, Terms(*act, "repair", file, "activity"));
  QQ_ASSIGN_OR_RETURN(r.lease, Terms(*act, "lease", file, "activity"));
  QQ_ASSIGN_OR_RETURN(r.catering, Terms(*act, "catering", file, "activity"));
  QQ_ASSIGN_OR_RETURN(r.boilerplate, Terms(*act, "boilerplate", file, "activity"));
  QQ_ASSIGN_OR_RETURN(r.service, Terms(*act, "service", file, "activity"));
  {
    std::map<std::string, std::string> owner;
    for (auto [name, list] : {std::pair{"production", &r.production},
                              {"sales", &r.sales},
                              {"repair", &r.repair},
                              {"lease", &r.lease},
                              {"catering", &r.catering},
                              {"boilerplate", &r.boilerplate},
                              {"service", &r.service}}) {
      for (const auto& w : *list) {
        auto [it, fresh] = owner.emplace(w, name);
        if (!fresh) {
          return Status::InvalidArgument(At(file, act->source()) + ": '" + w +
                                         "' is listed under both " + it->second + " and " + name);
        }
      }
    }
  }

  QQ_ASSIGN_OR_RETURN(const toml::table* neg, Table(root, "negation", file));
  QQ_RETURN_IF_ERROR(
      CheckKeys(*neg, {"openers", "sales_only", "not_production"}, file, "[negation]"));
  QQ_ASSIGN_OR_RETURN(r.negation_openers, Terms(*neg, "openers", file, "negation"));
  QQ_ASSIGN_OR_RETURN(r.sales_only, Terms(*neg, "sales_only", file, "negation"));
  QQ_ASSIGN_OR_RETURN(r.not_production, Terms(*neg, "not_production", file, "negation"));

  QQ_ASSIGN_OR_RETURN(const toml::table* codes, Table(root, "codes", file));
  QQ_RETURN_IF_ERROR(CheckKeys(*codes, {"no_chain"}, file, "[codes]"));
  QQ_ASSIGN_OR_RETURN(r.no_chain_codes, Terms(*codes, "no_chain", file, "codes"));
  for (const auto& c : r.no_chain_codes) {
    bool digits = c.size() >= 2 && c.size() <= 4 &&
                  std::all_of(c.begin(), c.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (!digits) {
      return Status::InvalidArgument(At(file, codes->source()) + ": '" + c +
                                     "' in no_chain is not a 2–4 digit code prefix");
    }
  }

  QQ_ASSIGN_OR_RETURN(const toml::table* sc, Table(root, "scoring", file));
  QQ_RETURN_IF_ERROR(
      CheckKeys(*sc, {"code", "hint_code", "keyword", "weak", "typo", "threshold", "leading_items"},
                file, "[scoring]"));
  QQ_ASSIGN_OR_RETURN(r.code_weight, Weight(*sc, "code", file, 0, 10));
  QQ_ASSIGN_OR_RETURN(r.hint_code_weight, Weight(*sc, "hint_code", file, 0, 10));
  QQ_ASSIGN_OR_RETURN(r.keyword_weight, Weight(*sc, "keyword", file, 0, 10));
  QQ_ASSIGN_OR_RETURN(r.weak_weight, Weight(*sc, "weak", file, 0, 10));
  QQ_ASSIGN_OR_RETURN(r.typo_weight, Weight(*sc, "typo", file, 0, 10));
  QQ_ASSIGN_OR_RETURN(r.threshold, Weight(*sc, "threshold", file, 0.01, 10));
  QQ_ASSIGN_OR_RETURN(r.leading_items, Integer(*sc, "leading_items", file, 1, 100));

  QQ_ASSIGN_OR_RETURN(const toml::table* ty, Table(root, "typo", file));
  QQ_RETURN_IF_ERROR(CheckKeys(*ty, {"enabled", "min_chars", "generic"}, file, "[typo]"));
  const toml::node* en = ty->get("enabled");
  if (!en || !en->is_boolean()) {
    return Status::InvalidArgument(At(file, en ? en->source() : ty->source()) +
                                   ": [typo] 'enabled' must be true or false");
  }
  r.typo_fallback = *en->value<bool>();
  QQ_ASSIGN_OR_RETURN(r.typo_min_chars, Integer(*ty, "min_chars", file, 3, 20));
  QQ_ASSIGN_OR_RETURN(r.typo_generic, Terms(*ty, "generic", file, "typo"));

  if (const toml::node* ops = root.get("operation")) {
    if (!ops->is_array_of_tables()) {
      return Status::InvalidArgument(At(file, ops->source()) +
                                     ": 'operation' must be a list of [[operation]] tables");
    }
    for (const auto& node : *ops->as_array()) {
      const toml::table& t = *node.as_table();
      QQ_RETURN_IF_ERROR(CheckKeys(t, {"chain", "link", "terms"}, file, "an [[operation]]"));
      OperationRule op;
      op.line = static_cast<int>(node.source().begin.line);
      for (auto [key, target] : {std::pair{"chain", &op.chain}, std::pair{"link", &op.link}}) {
        const toml::node* v = t.get(key);
        if (!v || !v->is_string() || v->value<std::string>()->empty()) {
          return Status::InvalidArgument(At(file, node.source()) +
                                         ": [[operation]] needs a non-empty '" + key + "'");
        }
        *target = *v->value<std::string>();
      }
      QQ_ASSIGN_OR_RETURN(op.terms, Terms(t, "terms", file, "operation"));
      r.operations.push_back(std::move(op));
    }
  }
  return r;
}

Result<TaggerRules> LoadTaggerRules(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::NotFound("tagger rules '" + file.string() + "' cannot be read");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ParseTaggerRules(ss.str(), file.string());
}

}  // namespace qq::tagger
