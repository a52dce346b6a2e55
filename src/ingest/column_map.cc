#include "ingest/column_map.h"

#include <algorithm>
#include <regex>

#include <toml++/toml.h>

#include "core/unicode.h"

namespace qq::ingest {
namespace {

struct FieldName {
  const char* key;
  ColumnField field;
};
constexpr FieldName kFieldNames[] = {
    {"uscc", ColumnField::kUscc},       {"name", ColumnField::kName},       {"month", ColumnField::kMonth},
    {"industry", ColumnField::kIndustry}, {"town", ColumnField::kTown},     {"park", ColumnField::kPark},
    {"region", ColumnField::kRegion},   {"scope", ColumnField::kScope},     {"address", ColumnField::kAddress},
    {"founded", ColumnField::kFounded}, {"capital", ColumnField::kCapital},
};

bool LongerFirst(const std::string& a, const std::string& b) { return a.size() > b.size(); }

std::string Erase(std::string s, const std::string& what) {
  size_t pos = s.find(what);
  if (pos != std::string::npos) s.erase(pos, what.size());
  return s;
}

}  // namespace

const char* ColumnFieldName(ColumnField f) {
  for (const auto& n : kFieldNames) {
    if (n.field == f) return n.key;
  }
  return f == ColumnField::kIndicator ? "indicator" : "unknown";
}

Result<ColumnAliases> ColumnAliases::Parse(std::string_view text, const std::string& label) {
  toml::table t;
  try {
    t = toml::parse(text, label);
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(label + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }
  ColumnAliases a;
  auto strings = [&](const toml::node* n, const std::string& what) -> Result<std::vector<std::string>> {
    std::vector<std::string> out;
    const toml::array* arr = n ? n->as_array() : nullptr;
    if (!arr || arr->empty()) return Status::InvalidArgument(label + ": '" + what + "' must be a non-empty list");
    for (const auto& item : *arr) {
      auto s = item.value<std::string>();
      if (!s) return Status::InvalidArgument(label + ":" + std::to_string(item.source().begin.line) + ": '" + what + "' holds strings");
      out.push_back(CompactHeader(*s));
    }
    return out;
  };
  const toml::table* fields = t["fields"].as_table();
  if (!fields) return Status::InvalidArgument(label + ": missing [fields]");
  for (const auto& [key, node] : *fields) {
    auto it = std::find_if(std::begin(kFieldNames), std::end(kFieldNames),
                           [&](const FieldName& f) { return key.str() == f.key; });
    if (it == std::end(kFieldNames)) {
      return Status::InvalidArgument(label + ":" + std::to_string(node.source().begin.line) + ": unknown field '" +
                                     std::string(key.str()) + "'");
    }
    QQ_ASSIGN_OR_RETURN(auto list, strings(&node, std::string(key.str())));
    for (auto& s : list) a.fields_.emplace_back(s, it->field);
  }
  const toml::table* indicators = t["indicators"].as_table();
  if (!indicators) return Status::InvalidArgument(label + ": missing [indicators]");
  for (const auto& [key, node] : *indicators) {
    const IndicatorInfo* info = FindIndicator(key.str());
    if (!info) {
      return Status::InvalidArgument(label + ":" + std::to_string(node.source().begin.line) + ": unknown indicator '" +
                                     std::string(key.str()) + "'");
    }
    QQ_ASSIGN_OR_RETURN(auto list, strings(&node, std::string(key.str())));
    for (auto& s : list) a.stems_.emplace_back(s, info->indicator);
  }
  std::stable_sort(a.stems_.begin(), a.stems_.end(), [](const auto& x, const auto& y) { return LongerFirst(x.first, y.first); });
  QQ_ASSIGN_OR_RETURN(a.current_words_, strings(t["periods"]["current"].node(), "periods.current"));
  QQ_ASSIGN_OR_RETURN(a.cumulative_words_, strings(t["periods"]["cumulative"].node(), "periods.cumulative"));
  for (auto [name, target] : {std::pair{"money", &a.money_units_}, std::pair{"energy", &a.energy_units_},
                              std::pair{"people", &a.people_units_}}) {
    const toml::table* units = t["units"][name].as_table();
    if (!units) return Status::InvalidArgument(label + ": missing [units." + name + "]");
    for (const auto& [unit, pow] : *units) {
      auto v = pow.value<int64_t>();
      if (!v) return Status::InvalidArgument(label + ": units." + name + "." + std::string(unit.str()) + " must be a number");
      target->emplace_back(CompactHeader(unit.str()), static_cast<int>(*v));
    }
    std::stable_sort(target->begin(), target->end(), [](const auto& x, const auto& y) { return LongerFirst(x.first, y.first); });
  }
  return a;
}

ColumnSpec ColumnAliases::Map(const std::string& header) const {
  ColumnSpec spec;
  std::string h = CompactHeader(header);
  if (h.empty()) return spec;
  for (const auto& [alias, field] : fields_) {
    if (h == alias) {
      spec.field = field;
      return spec;
    }
  }
  const std::pair<std::string, Indicator>* stem = nullptr;
  for (const auto& s : stems_) {
    if (h.find(s.first) != std::string::npos) {
      stem = &s;
      break;
    }
  }
  if (!stem) return spec;
  spec.field = ColumnField::kIndicator;
  spec.indicator = stem->second;
  std::string rest = Erase(h, stem->first);
  const IndicatorInfo& info = InfoOf(spec.indicator);
  // Unit.
  const auto& units = info.money ? money_units_ : spec.indicator == Indicator::kEnergy ? energy_units_ : people_units_;
  bool found_unit = false;
  for (const auto& [unit, pow] : units) {
    if (rest.find(unit) != std::string::npos) {
      spec.unit = unit;
      spec.unit_pow10 = pow;
      rest = Erase(rest, unit);
      found_unit = true;
      break;
    }
  }
  if (!found_unit) {
    spec.unit_assumed = true;
    spec.unit = info.money ? "万元" : spec.indicator == Indicator::kEnergy ? "吨标准煤" : "人";
    spec.unit_pow10 = info.money ? 4 : spec.indicator == Indicator::kEnergy ? 3 : 0;
  }
  // Period.
  static const std::regex kRange(R"(1-(\d{1,2}|N)月)");
  bool cumulative = std::regex_search(rest, kRange) ||
                    std::any_of(cumulative_words_.begin(), cumulative_words_.end(),
                                [&](const std::string& w) { return rest.find(w) != std::string::npos; });
  bool current = std::any_of(current_words_.begin(), current_words_.end(),
                             [&](const std::string& w) { return rest.find(w) != std::string::npos; });
  if (cumulative && !info.additive) cumulative = false;
  spec.period = cumulative ? Period::kCumulative : Period::kCurrent;
  spec.period_assumed = !cumulative && !current && info.additive;
  return spec;
}

std::string ColumnAliases::CanonicalName(ColumnField f) const {
  for (const auto& [alias, field] : fields_) {
    if (field == f) return alias;
  }
  return ColumnFieldName(f);
}

std::string ColumnAliases::CanonicalName(Indicator i) const {
  std::string best;
  for (const auto& [stem, ind] : stems_) {
    if (ind == i && (best.empty() || stem.size() > best.size())) best = stem;
  }
  return best.empty() ? std::string(InfoOf(i).label) : std::string(InfoOf(i).label);
}

}  // namespace qq::ingest
