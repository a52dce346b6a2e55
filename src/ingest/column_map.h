// ColumnAliases: how import sheets' Chinese headers map to fields, indicators, periods and
// units (data/import/columns.toml, documented in docs/import.md).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/indicator.h"
#include "core/status.h"

namespace qq::ingest {

enum class ColumnField {
  kUnknown, kUscc, kName, kMonth, kIndustry, kTown, kPark, kRegion, kScope, kAddress, kFounded, kCapital,
  kIndicator,
};
const char* ColumnFieldName(ColumnField f);  // "uscc", "name", …

enum class Period { kCurrent, kCumulative };

struct ColumnSpec {
  ColumnField field = ColumnField::kUnknown;
  Indicator indicator = Indicator::kOutput;
  Period period = Period::kCurrent;
  int unit_pow10 = 0;          // value × 10^unit_pow10 = stored unit (元, 人, 千克标准煤)
  std::string unit;            // the unit as found, or the assumed one
  bool unit_assumed = false;   // no unit in the header: money 万元, energy 吨标准煤, people 人
  bool period_assumed = false; // no period in the header: 当月
};

class ColumnAliases {
 public:
  // Parses data/import/columns.toml; errors name `label` and the line.
  static Result<ColumnAliases> Parse(std::string_view toml_text, const std::string& label);
  // Maps one header cell. Unknown headers map to kUnknown (they are ignored, not errors).
  ColumnSpec Map(const std::string& header) const;
  // The first alias of a field or indicator stem (for templates and messages).
  std::string CanonicalName(ColumnField f) const;
  std::string CanonicalName(Indicator i) const;

 private:
  std::vector<std::pair<std::string, ColumnField>> fields_;          // normalised alias → field
  std::vector<std::pair<std::string, Indicator>> stems_;              // longest first
  std::vector<std::string> current_words_, cumulative_words_;
  std::vector<std::pair<std::string, int>> money_units_, energy_units_, people_units_;  // longest first
};

}  // namespace qq::ingest
