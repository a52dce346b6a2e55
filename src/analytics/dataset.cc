#include "analytics/dataset.h"

#include <algorithm>
#include <mutex>
#include <numeric>
#include <thread>
#include <unordered_map>

namespace qq::analytics {
namespace {

template <typename Fn>
void Parallel(int threads, size_t n, Fn fn) {
  threads = std::max(1, std::min<int>(threads, static_cast<int>(n == 0 ? 1 : n)));
  if (threads == 1) {
    fn(size_t{0}, n);
    return;
  }
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    size_t from = n * static_cast<size_t>(t) / static_cast<size_t>(threads);
    size_t to = n * static_cast<size_t>(t + 1) / static_cast<size_t>(threads);
    pool.emplace_back([&fn, from, to] { fn(from, to); });
  }
  for (auto& th : pool) th.join();
}

}  // namespace

int Dataset::MonthPos(YearMonth m) const {
  int p = m.Index() - first_month_index_;
  return p >= 0 && p < month_count_ ? p : -1;
}

int64_t Dataset::RowOf(uint32_t f, int p) const {
  if (p < 0 || p >= month_count_ || f >= firms_.size()) return -1;
  return row_index_[static_cast<size_t>(p) * firms_.size() + f];
}

int64_t Dataset::Current(size_t row, Indicator i) const {
  const auto& col = current_[static_cast<size_t>(i)];
  return col.empty() ? kMissing : col[row];
}

int64_t Dataset::Cumulative(size_t row, Indicator i) const {
  const auto& col = cumulative_[static_cast<size_t>(i)];
  return col.empty() ? kMissing : col[row];
}

int64_t Dataset::CurrentAt(uint32_t f, int p, Indicator i) const {
  int64_t row = RowOf(f, p);
  return row < 0 ? kMissing : Current(static_cast<size_t>(row), i);
}

int64_t Dataset::CumulativeAt(uint32_t f, int p, Indicator i) const {
  int64_t row = RowOf(f, p);
  return row < 0 ? kMissing : Cumulative(static_cast<size_t>(row), i);
}

int64_t Dataset::YearRevenue(uint32_t f, int year) const {
  int y = year - first_year_;
  if (y < 0 || y >= year_count_) return kMissing;
  return year_revenue_[static_cast<size_t>(f) * static_cast<size_t>(year_count_) + static_cast<size_t>(y)];
}

bool Dataset::AboveScale(uint32_t f, int year) const {
  int y = year - first_year_;
  if (y < 0 || y >= year_count_) return false;
  return above_scale_[static_cast<size_t>(f) * static_cast<size_t>(year_count_) + static_cast<size_t>(y)] != 0;
}

int64_t Dataset::TrailingRevenue(uint32_t f, int p) const {
  int64_t sum = 0;
  bool any = false;
  for (int q = std::max(0, p - 11); q <= p; ++q) {
    int64_t v = CurrentAt(f, q, Indicator::kMainRevenue);
    if (v == kMissing) v = CurrentAt(f, q, Indicator::kRevenue);
    if (v != kMissing) {
      sum += v;
      any = true;
    }
  }
  return any ? sum : kMissing;
}

size_t Dataset::MemoryBytes() const {
  size_t bytes = row_firm_.size() * sizeof(uint32_t) + row_index_.size() * sizeof(int32_t) +
                 year_revenue_.size() * sizeof(int64_t) + above_scale_.size() + firms_.size() * sizeof(FirmInfo) +
                 link_ids_.size() * sizeof(uint32_t);
  for (const auto& c : current_) bytes += c.size() * sizeof(int64_t);
  for (const auto& c : cumulative_) bytes += c.size() * sizeof(int64_t);
  return bytes;
}

bool Dataset::IndustryKeyRange(std::string_view prefix, uint16_t& first, uint16_t& last) {
  if (prefix.empty() || prefix.size() > 4) return false;
  int lo = 0, hi = 0;
  for (size_t k = 0; k < 4; ++k) {
    int digit_lo = 0, digit_hi = 10;
    if (k < prefix.size()) {
      if (prefix[k] < '0' || prefix[k] > '9') return false;
      digit_lo = digit_hi = prefix[k] - '0';
    }
    lo = lo * 11 + digit_lo;
    hi = hi * 11 + digit_hi;
  }
  first = static_cast<uint16_t>(lo);
  last = static_cast<uint16_t>(hi);
  return true;
}

uint32_t DatasetBuilder::AddCounty(const std::string& code) {
  for (size_t k = 0; k < counties_.size(); ++k) {
    if (counties_[k] == code) return static_cast<uint32_t>(k);
  }
  counties_.push_back(code);
  return static_cast<uint32_t>(counties_.size() - 1);
}

int32_t DatasetBuilder::AddTown(const std::string& code) {
  towns_.push_back(code);
  return static_cast<int32_t>(towns_.size() - 1);
}

uint32_t DatasetBuilder::AddFirm(const FirmInfo& info) {
  firms_.push_back(info);
  links_.emplace_back();
  return static_cast<uint32_t>(firms_.size() - 1);
}

void DatasetBuilder::SetLinks(uint32_t firm, std::vector<uint32_t> link_ids) {
  std::sort(link_ids.begin(), link_ids.end());
  link_ids.erase(std::unique(link_ids.begin(), link_ids.end()), link_ids.end());
  links_[firm] = std::move(link_ids);
}


void DatasetBuilder::Shard::Add(uint32_t f, YearMonth m, const MonthValues& v) {
  for (size_t i = 0; i < static_cast<size_t>(kIndicatorCount); ++i) {
    if (v.current[i] != kMissing) EnableColumn(static_cast<Indicator>(i), false);
    if (v.cumulative[i] != kMissing) EnableColumn(static_cast<Indicator>(i), true);
  }
  firm.push_back(f);
  month.push_back(m.Index());
  for (size_t i = 0; i < static_cast<size_t>(kIndicatorCount); ++i) {
    if (has_current[i]) current[i].push_back(v.current[i]);
    if (has_cumulative[i]) cumulative[i].push_back(v.cumulative[i]);
  }
}

void DatasetBuilder::Shard::EnableColumn(Indicator i, bool cumulative_column) {
  size_t k = static_cast<size_t>(i);
  bool& has = cumulative_column ? has_cumulative[k] : has_current[k];
  if (has) return;
  has = true;
  (cumulative_column ? cumulative[k] : current[k]).assign(firm.size(), kMissing);
}

void DatasetBuilder::Shard::Reserve(size_t rows) {
  firm.reserve(rows);
  month.reserve(rows);
  for (size_t i = 0; i < static_cast<size_t>(kIndicatorCount); ++i) {
    if (has_current[i]) current[i].reserve(rows);
    if (has_cumulative[i]) cumulative[i].reserve(rows);
  }
}

void DatasetBuilder::AddRow(uint32_t f, YearMonth m, const MonthValues& v) { direct_.Add(f, m, v); }

namespace {

// Rows of month position p whose firm lies in [from, to): rows are ascending by firm within a
// month, so this is a binary search on the month's slice.
std::pair<size_t, size_t> RowsOfFirms(const std::vector<uint32_t>& row_firm, size_t begin, size_t end, uint32_t from,
                                      uint32_t to) {
  const uint32_t* base = row_firm.data();
  size_t lo = static_cast<size_t>(std::lower_bound(base + begin, base + end, from) - base);
  size_t hi = static_cast<size_t>(std::lower_bound(base + lo, base + end, to) - base);
  return {lo, hi};
}

}  // namespace

Result<Dataset> DatasetBuilder::Finish(int threads) {
  if (!direct_.firm.empty()) shards_.push_back(std::move(direct_));
  direct_ = Shard{};
  Dataset d;
  d.firms_ = std::move(firms_);
  d.counties_ = std::move(counties_);
  d.towns_ = std::move(towns_);
  const size_t firm_count = d.firms_.size();
  d.county_firms_.resize(d.counties_.size());
  d.industry_key_.assign(firm_count, Dataset::kNoIndustryKey);
  for (uint32_t f = 0; f < firm_count; ++f) {
    const FirmInfo& info = d.firms_[f];
    if (info.county < d.county_firms_.size()) d.county_firms_[info.county].push_back(f);
    if (info.industry >= 0 && info.industry_digits >= 1 && info.industry_digits <= 4) {
      int digits[4] = {10, 10, 10, 10};
      int v = info.industry;
      for (int k = info.industry_digits - 1; k >= 0; --k, v /= 10) digits[k] = v % 10;
      d.industry_key_[f] = static_cast<uint16_t>(((digits[0] * 11 + digits[1]) * 11 + digits[2]) * 11 + digits[3]);
    }
  }
  std::vector<uint32_t> distinct;
  d.link_offsets_.reserve(firm_count + 1);
  for (uint32_t f = 0; f < links_.size(); ++f) {
    d.link_ids_.insert(d.link_ids_.end(), links_[f].begin(), links_[f].end());
    distinct.insert(distinct.end(), links_[f].begin(), links_[f].end());
    d.link_offsets_.push_back(static_cast<uint32_t>(d.link_ids_.size()));
  }
  links_.clear();
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  d.distinct_links_ = std::move(distinct);

  size_t total = 0;
  int lo = std::numeric_limits<int>::max(), hi = std::numeric_limits<int>::min();
  std::array<bool, kIndicatorCount> has_cur{}, has_cum{};
  for (const auto& s : shards_) {
    total += s.firm.size();
    for (int m : s.month) {
      lo = std::min(lo, m);
      hi = std::max(hi, m);
    }
    for (size_t i = 0; i < static_cast<size_t>(kIndicatorCount); ++i) {
      has_cur[i] |= s.has_current[i];
      has_cum[i] |= s.has_cumulative[i];
    }
  }
  if (total == 0) {
    shards_.clear();
    return d;
  }
  if (total > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
    return Status::InvalidArgument("too many firm-months for one dataset");
  }
  d.first_month_index_ = lo;
  d.month_count_ = hi - lo + 1;
  const size_t months = static_cast<size_t>(d.month_count_);
  std::vector<size_t> count(months + 1, 0);
  for (const auto& s : shards_) {
    for (int m : s.month) ++count[static_cast<size_t>(m - lo) + 1];
  }
  for (size_t p = 1; p < count.size(); ++p) count[p] += count[p - 1];
  d.month_begin_ = count;

  // Already in (month, firm) order, taken shard after shard? Then the columns are the
  // shards' columns laid end to end.
  bool sorted = true;
  {
    uint64_t prev = 0;
    bool first = true;
    for (const auto& s : shards_) {
      for (size_t k = 0; k < s.firm.size() && sorted; ++k) {
        uint64_t key = (static_cast<uint64_t>(s.month[k] - lo) << 32) | s.firm[k];
        if (!first && key <= prev) sorted = false;
        prev = key;
        first = false;
      }
      if (!sorted) break;
    }
  }
  if (sorted) {
    std::vector<size_t> offset(shards_.size() + 1, 0);
    for (size_t s = 0; s < shards_.size(); ++s) offset[s + 1] = offset[s] + shards_[s].firm.size();
    // The first shard's columns become the dataset's when they have room for every row (a
    // loader reserves that): the other shards are appended in place. Otherwise every shard
    // is copied into fresh columns.
    Shard& first = shards_.front();
    bool adopt = first.firm.capacity() >= total;
    for (size_t i = 0; i < static_cast<size_t>(kIndicatorCount); ++i) {
      if (has_cur[i]) adopt &= first.has_current[i] && first.current[i].capacity() >= total;
      if (has_cum[i]) adopt &= first.has_cumulative[i] && first.cumulative[i].capacity() >= total;
    }
    if (adopt) {
      d.row_firm_ = std::move(first.firm);
      for (size_t i = 0; i < static_cast<size_t>(kIndicatorCount); ++i) {
        if (has_cur[i]) d.current_[i] = std::move(first.current[i]);
        if (has_cum[i]) d.cumulative_[i] = std::move(first.cumulative[i]);
      }
    } else {
      d.row_firm_.resize(total);
      for (size_t i = 0; i < static_cast<size_t>(kIndicatorCount); ++i) {
        if (has_cur[i]) d.current_[i].resize(total);
        if (has_cum[i]) d.cumulative_[i].resize(total);
      }
    }
    // One task per (shard, column): append (adopting) or copy, or fill a column the shard
    // lacks with kMissing.
    struct Task {
      size_t shard;
      int column;  // -1: firm; 0..7 current; 8..15 cumulative
    };
    std::vector<Task> tasks;
    for (size_t s = adopt ? 1 : 0; s < shards_.size(); ++s) {
      tasks.push_back({s, -1});
      for (int i = 0; i < kIndicatorCount; ++i) {
        if (has_cur[static_cast<size_t>(i)]) tasks.push_back({s, i});
        if (has_cum[static_cast<size_t>(i)]) tasks.push_back({s, kIndicatorCount + i});
      }
    }
    // Appending must follow shard order within a column: a column's tasks run on one thread.
    auto column_of = [](const Task& t) { return t.column; };
    std::stable_sort(tasks.begin(), tasks.end(), [&](const Task& a, const Task& b) { return column_of(a) < column_of(b); });
    std::vector<std::vector<Task>> by_column;
    for (const Task& t : tasks) {
      if (by_column.empty() || column_of(by_column.back().front()) != t.column) by_column.emplace_back();
      by_column.back().push_back(t);
    }
    Parallel(threads, by_column.size(), [&](size_t from, size_t to) {
      for (size_t c = from; c < to; ++c) {
        for (const Task& task : by_column[c]) {
          Shard& sh = shards_[task.shard];
          size_t at = offset[task.shard];
          size_t rows = sh.month.size();
          if (task.column < 0) {
            if (adopt) {
              d.row_firm_.insert(d.row_firm_.end(), sh.firm.begin(), sh.firm.end());
            } else {
              std::copy(sh.firm.begin(), sh.firm.end(), d.row_firm_.begin() + static_cast<std::ptrdiff_t>(at));
            }
            std::vector<uint32_t>().swap(sh.firm);
            continue;
          }
          bool cum = task.column >= kIndicatorCount;
          size_t i = static_cast<size_t>(cum ? task.column - kIndicatorCount : task.column);
          auto& dst = cum ? d.cumulative_[i] : d.current_[i];
          auto& src = cum ? sh.cumulative[i] : sh.current[i];
          bool has = cum ? sh.has_cumulative[i] : sh.has_current[i];
          if (adopt) {
            if (has) {
              dst.insert(dst.end(), src.begin(), src.end());
            } else {
              dst.insert(dst.end(), rows, kMissing);
            }
          } else {
            auto out = dst.begin() + static_cast<std::ptrdiff_t>(at);
            if (has) {
              std::copy(src.begin(), src.end(), out);
            } else {
              std::fill(out, out + static_cast<std::ptrdiff_t>(rows), kMissing);
            }
          }
          std::vector<int64_t>().swap(src);
        }
      }
    });
  } else {
    d.row_firm_.resize(total);
    for (size_t i = 0; i < static_cast<size_t>(kIndicatorCount); ++i) {
      if (has_cur[i]) d.current_[i].resize(total);
      if (has_cum[i]) d.cumulative_[i].resize(total);
    }
    // Counting sort by month, stable in arrival order, then ascending firm within a month.
    struct Ref {
      uint32_t shard;
      uint32_t pos;
    };
    std::vector<Ref> order(total);
    {
      std::vector<size_t> next(count.begin(), count.end() - 1);
      for (uint32_t s = 0; s < shards_.size(); ++s) {
        const auto& sh = shards_[s];
        for (uint32_t k = 0; k < sh.firm.size(); ++k) order[next[static_cast<size_t>(sh.month[k] - lo)]++] = {s, k};
      }
    }
    std::string duplicate;
    std::mutex duplicate_mu;
    Parallel(threads, months, [&](size_t from, size_t to) {
      for (size_t p = from; p < to; ++p) {
        auto first = order.begin() + static_cast<std::ptrdiff_t>(d.month_begin_[p]);
        auto last = order.begin() + static_cast<std::ptrdiff_t>(d.month_begin_[p + 1]);
        auto firm_of = [this](const Ref& r) { return shards_[r.shard].firm[r.pos]; };
        auto less = [&](const Ref& a, const Ref& b) { return firm_of(a) < firm_of(b); };
        if (!std::is_sorted(first, last, less)) std::stable_sort(first, last, less);
        for (auto it = first; it != last && it + 1 != last; ++it) {
          if (firm_of(*it) == firm_of(*(it + 1))) {
            std::lock_guard<std::mutex> lock(duplicate_mu);
            duplicate = "firm " + std::to_string(d.firms_[firm_of(*it)].enterprise_id) + " reports month " +
                        YearMonth::FromIndex(lo + static_cast<int>(p)).ToString() + " twice";
          }
        }
      }
    });
    if (!duplicate.empty()) return Status::InvalidArgument(duplicate);
    Parallel(threads, total, [&](size_t from, size_t to) {
      for (size_t r = from; r < to; ++r) {
        const Ref& ref = order[r];
        const auto& sh = shards_[ref.shard];
        d.row_firm_[r] = sh.firm[ref.pos];
        for (size_t i = 0; i < static_cast<size_t>(kIndicatorCount); ++i) {
          if (has_cur[i]) d.current_[i][r] = sh.has_current[i] ? sh.current[i][ref.pos] : kMissing;
          if (has_cum[i]) d.cumulative_[i][r] = sh.has_cumulative[i] ? sh.cumulative[i][ref.pos] : kMissing;
        }
      }
    });
  }
  shards_.clear();

  // Dense (month, firm) → row.
  d.row_index_.resize(months * firm_count);
  Parallel(threads, months, [&](size_t from, size_t to) {
    for (size_t p = from; p < to; ++p) {
      int32_t* index = d.row_index_.data() + p * firm_count;
      std::fill(index, index + firm_count, -1);
      for (size_t r = d.month_begin_[p]; r < d.month_begin_[p + 1]; ++r) {
        if (d.row_firm_[r] < firm_count) index[d.row_firm_[r]] = static_cast<int32_t>(r);
      }
    }
  });

  // Yearly revenue and 规上 sets: month by month over the columns, firms split over threads.
  d.first_year_ = d.first_month().year();
  d.year_count_ = d.last_month().year() - d.first_year_ + 1;
  size_t years = static_cast<size_t>(d.year_count_);
  d.year_revenue_.assign(firm_count * years, kMissing);
  d.above_scale_.assign(firm_count * years, 0);
  Parallel(threads, firm_count, [&](size_t from, size_t to) {
    size_t n = to - from;
    std::vector<int64_t> sum(n), last_cum(n);
    std::vector<uint8_t> any(n);
    for (size_t y = 0; y < years; ++y) {
      int year = d.first_year_ + static_cast<int>(y);
      // Prefer 主营业务收入 when the firm reports it at all that year.
      for (Indicator ind : {Indicator::kMainRevenue, Indicator::kRevenue}) {
        const auto& cur_col = d.current_[static_cast<size_t>(ind)];
        const auto& cum_col = d.cumulative_[static_cast<size_t>(ind)];
        if (cur_col.empty() && cum_col.empty()) continue;
        std::fill(sum.begin(), sum.end(), 0);
        std::fill(last_cum.begin(), last_cum.end(), kMissing);
        std::fill(any.begin(), any.end(), 0);
        for (int m = 1; m <= 12; ++m) {
          int p = d.MonthPos(*YearMonth::Of(year, m));
          if (p < 0) continue;
          auto [r0, r1] = RowsOfFirms(d.row_firm_, d.month_begin_[static_cast<size_t>(p)],
                                      d.month_begin_[static_cast<size_t>(p) + 1], static_cast<uint32_t>(from),
                                      static_cast<uint32_t>(to));
          for (size_t r = r0; r < r1; ++r) {
            size_t k = d.row_firm_[r] - from;
            int64_t cur = cur_col.empty() ? kMissing : cur_col[r];
            int64_t cum = cum_col.empty() ? kMissing : cum_col[r];
            if (cur != kMissing) {
              sum[k] += cur;
              any[k] = 1;
            }
            if (cum != kMissing) {
              last_cum[k] = cum;
              any[k] = 1;
            }
          }
        }
        for (size_t k = 0; k < n; ++k) {
          int64_t& slot = d.year_revenue_[(from + k) * years + y];
          if (!any[k] || slot != kMissing) continue;
          slot = last_cum[k] != kMissing ? std::max(last_cum[k], sum[k]) : sum[k];
        }
      }
    }
    for (size_t f = from; f < to; ++f) {
      for (size_t y = 0; y < years; ++y) {
        int64_t prior = y > 0 ? d.year_revenue_[f * years + y - 1] : kMissing;
        int64_t decider = prior != kMissing ? prior : d.year_revenue_[f * years + y];
        int64_t threshold = d.firms_[f].scale_threshold;
        d.above_scale_[f * years + y] = threshold != kMissing && decider != kMissing && decider >= threshold ? 1 : 0;
      }
    }
  });
  return d;
}

}  // namespace qq::analytics
