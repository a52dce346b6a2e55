#include "ingest/chain_templates.h"

#include <algorithm>
#include <map>

#include <toml++/toml.h>

#include "ingest/file_util.h"

namespace qq::ingest {
namespace {

std::string At(const std::string& file, const toml::source_region& src) {
  return file + ":" + std::to_string(src.begin.line);
}

Status CheckKeys(const toml::table& t, const std::set<std::string>& allowed, const std::string& file,
                 const std::string& what) {
  for (const auto& [key, node] : t) {
    if (!allowed.count(std::string(key.str()))) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      return Status::InvalidArgument(At(file, node.source()) + ": unknown key '" + std::string(key.str()) + "' in " +
                                     what + " (allowed: " + list + ")");
    }
  }
  return Status::Ok();
}

Result<std::string> RequiredString(const toml::table& t, const char* key, const std::string& file,
                                   const toml::source_region& owner) {
  const toml::node* n = t.get(key);
  if (!n) return Status::InvalidArgument(At(file, owner) + ": missing '" + key + "'");
  if (!n->is_string() || n->value<std::string>()->empty()) {
    return Status::InvalidArgument(At(file, n->source()) + ": '" + key + "' must be a non-empty string");
  }
  return *n->value<std::string>();
}

std::string OptionalString(const toml::table& t, const char* key) { return t[key].value_or(std::string()); }

Result<std::vector<std::string>> StringList(const toml::table& t, const char* key, const std::string& file) {
  std::vector<std::string> out;
  const toml::node* n = t.get(key);
  if (!n) return out;
  const toml::array* arr = n->as_array();
  if (!arr) return Status::InvalidArgument(At(file, n->source()) + ": '" + key + "' must be a list of strings");
  for (const auto& item : *arr) {
    auto s = item.value<std::string>();
    if (!item.is_string() || s->empty()) {
      return Status::InvalidArgument(At(file, item.source()) + ": '" + key + "' must hold non-empty strings");
    }
    if (std::find(out.begin(), out.end(), *s) != out.end()) {
      return Status::InvalidArgument(At(file, item.source()) + ": '" + *s + "' is listed twice in '" + key + "'");
    }
    out.push_back(*s);
  }
  return out;
}

bool IsKey(const std::string& k) {
  return !k.empty() && std::all_of(k.begin(), k.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

Result<Chain> ParseChainTemplate(std::string_view text, const std::string& file, const std::set<std::string>& known_codes) {
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(file + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }
  toml::source_region top{};
  top.begin.line = 1;
  QQ_RETURN_IF_ERROR(CheckKeys(root, {"name", "order", "description", "sources", "implies", "yields_to", "link"}, file, "the chain"));
  Chain c;
  QQ_ASSIGN_OR_RETURN(c.name, RequiredString(root, "name", file, top));
  const toml::node* order = root.get("order");
  if (!order || !order->is_integer()) return Status::InvalidArgument(file + ":1: missing integer 'order'");
  c.order = static_cast<int>(*order->value<int64_t>());
  c.description = OptionalString(root, "description");
  QQ_ASSIGN_OR_RETURN(c.sources, StringList(root, "sources", file));
  QQ_ASSIGN_OR_RETURN(c.implies, StringList(root, "implies", file));
  QQ_ASSIGN_OR_RETURN(c.yields_to, StringList(root, "yields_to", file));

  const toml::node* links = root.get("link");
  if (!links || !links->is_array_of_tables()) {
    return Status::InvalidArgument(file + ":1: a chain needs at least one [[link]]");
  }
  std::map<std::string, ChainPosition> positions;
  for (const auto& node : *links->as_array()) {
    const toml::table& t = *node.as_table();
    const auto& src = node.source();
    QQ_RETURN_IF_ERROR(CheckKeys(t, {"key", "name", "parent", "position", "tagging", "service", "codes", "hint_codes", "keywords", "weak",
                                     "exclude", "products", "note"}, file, "a [[link]]"));
    ChainLink l;
    QQ_ASSIGN_OR_RETURN(l.key, RequiredString(t, "key", file, src));
    if (!IsKey(l.key)) return Status::InvalidArgument(At(file, src) + ": link key '" + l.key + "' must be lower-case a–z, 0–9, _");
    if (positions.count(l.key)) return Status::InvalidArgument(At(file, src) + ": link key '" + l.key + "' is used twice");
    QQ_ASSIGN_OR_RETURN(l.name, RequiredString(t, "name", file, src));
    l.parent_key = OptionalString(t, "parent");
    if (!l.parent_key.empty() && !positions.count(l.parent_key)) {
      return Status::InvalidArgument(At(file, src) + ": parent '" + l.parent_key + "' of link '" + l.key +
                                     "' is not a link defined above it");
    }
    std::string pos = OptionalString(t, "position");
    if (pos.empty()) {
      if (l.parent_key.empty()) return Status::InvalidArgument(At(file, src) + ": top-level link '" + l.key + "' needs a position");
      l.position = positions[l.parent_key];
    } else {
      auto p = ParseChainPosition(pos);
      if (!p.ok()) return Status::InvalidArgument(At(file, src) + ": " + p.status().message());
      l.position = *p;
    }
    positions[l.key] = l.position;
    for (auto [field, target, fallback] : {std::tuple{"tagging", &l.tagging, true}, std::tuple{"service", &l.service, false}}) {
      const toml::node* flag = t.get(field);
      if (flag && !flag->is_boolean()) {
        return Status::InvalidArgument(At(file, flag->source()) + ": '" + field + "' must be true or false");
      }
      *target = flag ? *flag->value<bool>() : fallback;
    }
    for (auto [field, target] : {std::pair{"codes", &l.industry_codes}, std::pair{"hint_codes", &l.hint_codes}}) {
      QQ_ASSIGN_OR_RETURN(auto codes, StringList(t, field, file));
      for (const auto& code_text : codes) {
        auto code = IndustryCode::Parse(code_text);
        if (!code.ok() || code->str() != code_text || code->IsSection()) {
          return Status::InvalidArgument(At(file, src) + ": '" + code_text + "' in link '" + l.key +
                                         "' is not a 2–4 digit GB/T 4754-2017 code");
        }
        if (!known_codes.empty() && !known_codes.count(code_text)) {
          return Status::InvalidArgument(At(file, src) + ": industry code " + code_text + " in link '" + l.key +
                                         "' is not in GB/T 4754-2017");
        }
        target->push_back(*code);
      }
    }
    QQ_ASSIGN_OR_RETURN(l.keywords, StringList(t, "keywords", file));
    QQ_ASSIGN_OR_RETURN(l.weak_keywords, StringList(t, "weak", file));
    QQ_ASSIGN_OR_RETURN(l.exclusions, StringList(t, "exclude", file));
    QQ_ASSIGN_OR_RETURN(l.products, StringList(t, "products", file));
    l.note = OptionalString(t, "note");
    if (!l.tagging && (!l.industry_codes.empty() || !l.hint_codes.empty() || !l.keywords.empty() ||
                       !l.weak_keywords.empty())) {
      return Status::InvalidArgument(At(file, src) + ": link '" + l.key +
                                     "' has tagging = false, so it may not carry codes, keywords or weak keywords "
                                     "(list what it makes under 'products')");
    }
    c.links.push_back(std::move(l));
  }
  return c;
}

Result<std::vector<Chain>> LoadChainTemplates(const std::filesystem::path& dir, const std::set<std::string>& known_codes) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  }
  if (ec) return Status::NotFound("chain template folder '" + dir.string() + "' cannot be read: " + ec.message());
  if (files.empty()) return Status::NotFound("no chain templates (*.toml) in '" + dir.string() + "'");
  std::sort(files.begin(), files.end());
  std::vector<Chain> chains;
  std::map<std::string, std::string> names;
  std::map<int, std::string> orders;
  for (const auto& f : files) {
    QQ_ASSIGN_OR_RETURN(std::string text, ReadWholeFile(f));
    QQ_ASSIGN_OR_RETURN(Chain c, ParseChainTemplate(text, f.string(), known_codes));
    if (names.count(c.name)) return Status::InvalidArgument(f.string() + ":1: chain '" + c.name + "' is also defined in " + names[c.name]);
    if (orders.count(c.order)) return Status::InvalidArgument(f.string() + ":1: order " + std::to_string(c.order) + " is also used by " + orders[c.order]);
    names[c.name] = f.string();
    orders[c.order] = f.string();
    chains.push_back(std::move(c));
  }
  for (const auto& c : chains) {
    for (const auto* list : {&c.implies, &c.yields_to}) {
      for (const auto& other : *list) {
        if (!names.count(other) || other == c.name) {
          return Status::InvalidArgument(names[c.name] + ":1: chain '" + c.name + "' refers to '" + other +
                                         "', which is not another loaded chain");
        }
      }
    }
  }
  std::sort(chains.begin(), chains.end(), [](const Chain& a, const Chain& b) { return a.order < b.order; });
  return chains;
}

}  // namespace qq::ingest
