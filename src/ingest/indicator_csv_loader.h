// The fast path for large, machine-written monthly files (a `qiangqu gen` indicators.csv, an
// export of the store): UTF-8, comma-separated, one header row naming the columns as the
// monthly import sheet does (统一社会信用代码, 统计月份, "营业收入(当月,万元)", …). The file is
// memory-mapped, cut at line boundaries and parsed on several threads straight into columns
// (firm number, month, one int64 column per indicator and period), without a string or a
// float per value: "1234.5" 万元 becomes 12345000 元 by integer arithmetic, exactly as
// core/decimal.h's ParseDecimalScaled reads it (anything but plain digits with at most one
// point falls back to that function, so every input reads the same on both paths).
//
// The importer (indicator_sheet.h) stays the way for sheets that people send: it reports every
// problem on its cell. This loader stops at the first problem, naming its line and column.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/indicator.h"
#include "core/status.h"
#include "ingest/column_map.h"

namespace qq::ingest {

// 统一社会信用代码 → dense firm number (the order they were added), with an O(1) check of a
// guessed number first: monthly files list the firms in the same order every month, so the
// firm after the previous row's is usually right.
class FirmLookup {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  static constexpr size_t kCodeLength = 18;

  void Reserve(size_t firms);
  // Adds a code (18 characters, as written); returns its number, or the existing number.
  // InvalidArgument for a code of another length.
  Result<uint32_t> Add(std::string_view uscc);
  // The number of a code, or kNone.
  uint32_t Find(std::string_view uscc) const;
  // Same, trying the numbers guess, guess + 1, …, guess + 7 first (a firm that did not report
  // this month leaves a small gap).
  uint32_t FindNear(std::string_view uscc, uint32_t guess) const {
    if (uscc.size() != kCodeLength) return kNone;
    uint64_t a, b;
    uint16_t c;
    std::memcpy(&a, uscc.data(), 8);
    std::memcpy(&b, uscc.data() + 8, 8);
    std::memcpy(&c, uscc.data() + 16, 2);
    uint32_t end = guess < count_ ? std::min<uint32_t>(count_, guess + 8) : guess;
    for (uint32_t g = guess; g < end; ++g) {
      const char* k = keys_.data() + static_cast<size_t>(g) * kCodeLength;
      uint64_t ka, kb;
      uint16_t kc;
      std::memcpy(&ka, k, 8);
      std::memcpy(&kb, k + 8, 8);
      std::memcpy(&kc, k + 16, 2);
      if (ka == a && kb == b && kc == c) return g;
    }
    return Find(uscc);
  }
  size_t size() const { return count_; }
  std::string_view CodeOf(uint32_t firm) const {
    return std::string_view(keys_.data() + static_cast<size_t>(firm) * kCodeLength, kCodeLength);
  }

 private:
  static uint64_t Hash(const char* code);
  void Grow();
  std::string keys_;            // kCodeLength bytes per firm
  std::vector<uint32_t> slots_; // firm + 1; 0 = empty
  uint32_t count_ = 0;
};

// The rows of one part of the file, in file order, as columns. A column exists when its
// has_ flag is set (the file has that indicator and period); then it is as long as `firm`,
// with kIndicatorMissing where the cell was empty ("", "-", "--", "/").
inline constexpr int64_t kIndicatorMissing = INT64_MIN;
struct IndicatorColumns {
  std::vector<uint32_t> firm;
  std::vector<int32_t> month;  // YearMonth::Index()
  std::array<std::vector<int64_t>, kIndicatorCount> current, cumulative;
  std::array<bool, kIndicatorCount> has_current{}, has_cumulative{};
  size_t size() const { return firm.size(); }
};

struct IndicatorCsvOptions {
  int threads = 2;
  // Rows of firms the lookup does not know: skipped and counted, or an error.
  bool skip_unknown_firms = false;
};

struct IndicatorCsv {
  // In file order; rows inside a part in file order. The first part's columns have capacity
  // for the rows of the whole file (an estimate), so the others can be appended in place.
  std::vector<IndicatorColumns> parts;
  size_t rows = 0;
  size_t skipped_unknown_firms = 0;
  std::vector<std::string> headers;
  std::vector<ColumnSpec> specs;        // per column
};

// Reads a monthly file. InvalidArgument naming the line and column of the first problem: a
// header without 统一社会信用代码 or 统计月份, a wrong number of fields, a month or number
// that does not parse, a negative value of an indicator that cannot be negative, an unknown
// firm (unless skipped), a quoted field that spans lines. Duplicated firm-months are left to
// the consumer (analytics::DatasetBuilder::Finish rejects them).
Result<IndicatorCsv> LoadIndicatorCsv(const std::filesystem::path& path, const ColumnAliases& aliases,
                                      const FirmLookup& firms, const IndicatorCsvOptions& options = {});
// The same over bytes in memory (`name` is used in messages).
Result<IndicatorCsv> ParseIndicatorCsv(std::string_view bytes, const std::string& name, const ColumnAliases& aliases,
                                       const FirmLookup& firms, const IndicatorCsvOptions& options = {});

// One value as the loader reads it: the fast integer path where it applies, else exactly the
// importer's reading (full-width folded, trimmed, ParseDecimalScaled). Sets `missing` for an
// empty cell or a dash. Exposed for the equivalence tests.
Result<int64_t> ParseIndicatorValue(std::string_view text, int unit_pow10, bool& missing);

}  // namespace qq::ingest
