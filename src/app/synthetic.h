// `qiangqu gen`: synthetic registry and monthly sheets from the reference data.
#pragma once

#include <filesystem>

#include "synth/generator.h"

namespace qq::app {

// Builds the generator's input from data/: every county-level region with its towns, the
// chain templates, the industry classification and the lexicon.
Result<synth::GeneratorInput> LoadGeneratorInput(const std::filesystem::path& data_dir, uint64_t seed);

struct GenerateOptions {
  uint64_t seed = 1;
  uint64_t enterprises = 1000;
  int months = 24;
  YearMonth last_month = *YearMonth::Of(2024, 12);
  int threads = 2;
};

struct GenerateReport {
  std::filesystem::path firms, indicators;
  uint64_t enterprises = 0;
  int months = 0;
};

// Writes DIR/firms.tsv and DIR/indicators.csv (header only when months is 0), creating DIR.
Result<GenerateReport> GenerateFiles(const std::filesystem::path& data_dir, const std::filesystem::path& out_dir,
                                     const GenerateOptions& options, const synth::ProgressFn& progress);

}  // namespace qq::app
