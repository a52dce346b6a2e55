// Dataset: firms' monthly figures as in-memory columns, ordered by (month, firm), with the
// firm dimensions as small integers and the derived facts every roll-up needs — yearly
// revenue and the 规上 set of each year. Immutable once built; a new import builds a new one.
//
// 规上 membership (DOMAIN.md §3): a firm belongs to year Y's set when its revenue of year Y−1
// (主营业务收入 where reported, else 营业收入) reached its industry's threshold (2000万元 for
// 工业) — the statistics office's annual 入库 — or, for a firm with no figures for Y−1 (new
// firms, the first year of data), when its own revenue of year Y reaches it. A firm in the set of Y but not of Y−1 entered
// (入库) in Y; one in Y−1's set but not in Y's left (退库).
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "core/indicator.h"
#include "core/status.h"
#include "core/year_month.h"

namespace qq::analytics {

inline constexpr int64_t kMissing = std::numeric_limits<int64_t>::min();

struct FirmInfo {
  int64_t enterprise_id = 0;
  uint32_t county = 0;     // index into Dataset::counties()
  int32_t town = -1;       // index into Dataset::towns(), or -1
  int32_t industry = -1;   // GB/T 4754 code as digits (3130; 313 for a 中类), or -1
  uint8_t industry_digits = 0;
  bool industrial = false; // 门类 B, C or D (工业)
  // Revenue per year at which the firm counts as 规上/限上 (四上) for its industry; 0 for a
  // category without a revenue threshold; kMissing when its industry has no such category.
  int64_t scale_threshold = std::numeric_limits<int64_t>::min();
};

// One firm-month as reported; kMissing where a value is absent.
struct MonthValues {
  std::array<int64_t, kIndicatorCount> current;
  std::array<int64_t, kIndicatorCount> cumulative;
  MonthValues() { current.fill(kMissing); cumulative.fill(kMissing); }
};

class Dataset {
 public:
  size_t firm_count() const { return firms_.size(); }
  const FirmInfo& firm(uint32_t f) const { return firms_[f]; }
  const std::vector<std::string>& counties() const { return counties_; }
  const std::vector<std::string>& towns() const { return towns_; }
  // Firms of each county (ascending firm index).
  const std::vector<uint32_t>& FirmsOfCounty(uint32_t county) const { return county_firms_[county]; }
  // Links of a firm (chain-link ids, ascending).
  std::pair<const uint32_t*, const uint32_t*> LinksOf(uint32_t f) const {
    return {link_ids_.data() + link_offsets_[f], link_ids_.data() + link_offsets_[f + 1]};
  }
  const std::vector<uint32_t>& all_link_ids() const { return distinct_links_; }

  bool empty() const { return month_count_ == 0; }
  // Months covered: [first_month(), first_month() + month_count()).
  YearMonth first_month() const { return YearMonth::FromIndex(first_month_index_); }
  YearMonth last_month() const { return YearMonth::FromIndex(first_month_index_ + month_count_ - 1); }
  int month_count() const { return month_count_; }
  // 0-based position of a month, or -1 if outside the data.
  int MonthPos(YearMonth m) const;
  size_t row_count() const { return row_firm_.size(); }
  // Rows of month position p: [MonthBegin(p), MonthBegin(p + 1)), ascending firm.
  size_t MonthBegin(int p) const { return month_begin_[static_cast<size_t>(p)]; }
  uint32_t RowFirm(size_t row) const { return row_firm_[row]; }
  // Row of (firm, month position), or -1 if the firm did not report.
  int64_t RowOf(uint32_t f, int p) const;
  // A value of a row; kMissing if not reported. Cumulative values of indicators without a
  // 1-N月累计 (employees) are kMissing.
  int64_t Current(size_t row, Indicator i) const;
  int64_t Cumulative(size_t row, Indicator i) const;
  // Convenience: value of (firm, month) or kMissing.
  int64_t CurrentAt(uint32_t f, int p, Indicator i) const;
  int64_t CumulativeAt(uint32_t f, int p, Indicator i) const;

  // Revenue deciding 规上 for a year: 主营业务收入 where reported, else 营业收入, over the
  // year's months (the last 1-N月累计 when present); kMissing without any figure that year.
  int64_t YearRevenue(uint32_t f, int year) const;
  // True if the firm belongs to the 规上 set of `year` (see the file comment). Years outside
  // the data are false.
  bool AboveScale(uint32_t f, int year) const;
  int first_year() const { return first_year_; }
  int last_year() const { return first_year_ + year_count_ - 1; }
  // Trailing-12-month revenue ending at month position p (kMissing if the firm has no report
  // in those months).
  int64_t TrailingRevenue(uint32_t f, int p) const;

  // Approximate bytes held (columns and indexes).
  size_t MemoryBytes() const;

  // Raw columns for scans (ad-hoc filters): one value per row, or an empty vector when no
  // row has a value for the indicator.
  const std::vector<int64_t>& CurrentColumn(Indicator i) const { return current_[static_cast<size_t>(i)]; }
  const std::vector<int64_t>& CumulativeColumn(Indicator i) const { return cumulative_[static_cast<size_t>(i)]; }
  const std::vector<uint32_t>& RowFirmColumn() const { return row_firm_; }
  // A compact firm column for scans: the industry code (up to four digits) as a base-11
  // number whose absent trailing digits count as 10 ("36" → 3·11³ + 6·11² + 10·11 + 10), so
  // that the codes starting with a prefix form one contiguous range (IndustryKeyRange) and a
  // prefix test is one comparison on two bytes per firm. kNoIndustryKey without a code or
  // with more than four digits.
  static constexpr uint16_t kNoIndustryKey = 0xFFFF;
  const std::vector<uint16_t>& IndustryKeyColumn() const { return industry_key_; }
  // The keys of the codes starting with `prefix` (1–4 digits): [first, last]; false for a
  // prefix that no key can match.
  static bool IndustryKeyRange(std::string_view prefix, uint16_t& first, uint16_t& last);

 private:
  friend class DatasetBuilder;
  std::vector<FirmInfo> firms_;
  std::vector<std::string> counties_, towns_;
  std::vector<std::vector<uint32_t>> county_firms_;
  std::vector<uint32_t> link_offsets_{0}, link_ids_, distinct_links_;
  std::vector<uint16_t> industry_key_;

  int first_month_index_ = 0;
  int month_count_ = 0;
  std::vector<size_t> month_begin_;
  std::vector<uint32_t> row_firm_;
  // Columns, allocated only for indicators that have values (empty vector = all missing).
  std::array<std::vector<int64_t>, kIndicatorCount> current_, cumulative_;
  // Dense (month position, firm) → row, -1 when missing.
  std::vector<int32_t> row_index_;

  int first_year_ = 0;
  int year_count_ = 0;
  std::vector<int64_t> year_revenue_;   // [firm × year]
  std::vector<uint8_t> above_scale_;    // [firm × year]
};

// Builds a Dataset. Rows may arrive in any order and from several shards (threads).
class DatasetBuilder {
 public:
  uint32_t AddCounty(const std::string& code);  // returns the existing index for a known code
  int32_t AddTown(const std::string& code);
  uint32_t AddFirm(const FirmInfo& info);
  void SetLinks(uint32_t firm, std::vector<uint32_t> link_ids);
  size_t firm_count() const { return firms_.size(); }

  // A batch of rows filled by one thread, held as columns (a firm-month costs 8 bytes plus 8
  // per indicator column that has values, not a 128-byte MonthValues). A column is either
  // empty (all values missing so far) or as long as `firm`.
  struct Shard {
    std::vector<uint32_t> firm;
    std::vector<int32_t> month;  // YearMonth::Index()
    std::array<std::vector<int64_t>, kIndicatorCount> current, cumulative;
    // Which columns exist (a column that does not is all missing).
    std::array<bool, kIndicatorCount> has_current{}, has_cumulative{};

    size_t size() const { return firm.size(); }
    void Add(uint32_t f, YearMonth m, const MonthValues& v);
    // Makes a column exist (filled with kMissing up to the current size), for loaders that
    // append to the columns directly: push_back to `firm`, `month` and to every column whose
    // has_ flag is set, so that all stay the same length.
    void EnableColumn(Indicator i, bool cumulative_column);
    void Reserve(size_t rows);
  };
  void AddShard(Shard shard) { shards_.push_back(std::move(shard)); }
  void AddRow(uint32_t f, YearMonth m, const MonthValues& v);

  // Sorts and indexes; InvalidArgument if a firm-month occurs twice. Shards whose rows,
  // taken in the order they were added, already ascend by (month, firm) — a monthly file
  // read in order, split at line boundaries — are concatenated without sorting.
  Result<Dataset> Finish(int threads = 2);

 private:
  std::vector<FirmInfo> firms_;
  std::vector<std::vector<uint32_t>> links_;
  std::vector<std::string> counties_, towns_;
  std::vector<Shard> shards_;
  Shard direct_;
};

}  // namespace qq::analytics
