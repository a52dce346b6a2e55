// Loader for the chain templates in data/chains/*.toml (one chain per file). The format is
// documented in data/chains/README.md. Files are validated strictly: an unknown key, a
// missing field, a bad position, an unknown industry code or parent gives an error naming
// the file and line.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/chain.h"

namespace qq::ingest {

// Parses one template. `known_codes` (GB/T 4754-2017 codes) is used to check `codes` when
// not empty; `file_label` names the file in errors.
Result<Chain> ParseChainTemplate(std::string_view toml_text, const std::string& file_label,
                                 const std::set<std::string>& known_codes);

// Loads every *.toml file in `dir` in name order; checks that names and orders are unique
// and that `implies`/`yields_to` name loaded chains.
Result<std::vector<Chain>> LoadChainTemplates(const std::filesystem::path& dir,
                                              const std::set<std::string>& known_codes);

}  // namespace qq::ingest
