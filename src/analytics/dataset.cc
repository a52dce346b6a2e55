#include "analytics/dataset.h"

#include <algorithm>
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

void DatasetBuilder::AddRow(uint32_t f, YearMonth m, const MonthValues& v) { direct_.Add(f, m, v); }

Result<Dataset> DatasetBuilder::Finish(int threads) {
  if (!direct_.firm.empty()) shards_.push_back(std::move(direct_));
  Dataset d;
  d.firms_ = std::move(firms_);
  d.counties_ = std::move(counties_);
  d.towns_ = std::move(towns_);
  d.county_firms_.resize(d.counties_.size());
  for (uint32_t f = 0; f < d.firms_.size(); ++f) {
    if (d.firms_[f].county < d.county_firms_.size()) d.county_firms_[d.firms_[f].county].push_back(f);
  }
  std::vector<uint32_t> distinct;
  for (uint32_t f = 0; f < links_.size(); ++f) {
    d.link_ids_.insert(d.link_ids_.end(), links_[f].begin(), links_[f].end());
    distinct.insert(distinct.end(), links_[f].begin(), links_[f].end());
    d.link_offsets_.push_back(static_cast<uint32_t>(d.link_ids_.size()));
  }
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  d.distinct_links_ = std::move(distinct);

  // Locate every row: (shard, position).
  size_t total = 0;
  int lo = std::numeric_limits<int>::max(), hi = std::numeric_limits<int>::min();
  for (const auto& s : shards_) {
    total += s.firm.size();
    for (int m : s.month) {
      lo = std::min(lo, m);
      hi = std::max(hi, m);
    }
  }
  if (total == 0) {
    d.link_offsets_.resize(d.firms_.size() + 1, static_cast<uint32_t>(d.link_ids_.size()));
    return d;
  }
  d.first_month_index_ = lo;
  d.month_count_ = hi - lo + 1;
  // Counting sort by month, stable in arrival order.
  std::vector<size_t> count(static_cast<size_t>(d.month_count_) + 1, 0);
  for (const auto& s : shards_) {
    for (int m : s.month) ++count[static_cast<size_t>(m - lo) + 1];
  }
  for (size_t p = 1; p < count.size(); ++p) count[p] += count[p - 1];
  d.month_begin_ = count;
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
  // Within each month, ascending firm.
  std::string duplicate;
  Parallel(threads, static_cast<size_t>(d.month_count_), [&](size_t from, size_t to) {
    for (size_t p = from; p < to; ++p) {
      auto first = order.begin() + static_cast<std::ptrdiff_t>(d.month_begin_[p]);
      auto last = order.begin() + static_cast<std::ptrdiff_t>(d.month_begin_[p + 1]);
      auto firm_of = [this](const Ref& r) { return shards_[r.shard].firm[r.pos]; };
      if (!std::is_sorted(first, last, [&](const Ref& a, const Ref& b) { return firm_of(a) < firm_of(b); })) {
        std::stable_sort(first, last, [&](const Ref& a, const Ref& b) { return firm_of(a) < firm_of(b); });
      }
      for (auto it = first; it != last && it + 1 != last; ++it) {
        if (firm_of(*it) == firm_of(*(it + 1))) {
          duplicate = "firm " + std::to_string(d.firms_[firm_of(*it)].enterprise_id) + " reports month " +
                      YearMonth::FromIndex(lo + static_cast<int>(p)).ToString() + " twice";
        }
      }
    }
  });
  if (!duplicate.empty()) return Status::InvalidArgument(duplicate);

  // Gather the columns that have values.
  d.row_firm_.resize(total);
  std::array<bool, kIndicatorCount> has_cur{}, has_cum{};
  for (const auto& s : shards_) {
    for (const auto& v : s.values) {
      for (int i = 0; i < kIndicatorCount; ++i) {
        has_cur[static_cast<size_t>(i)] |= v.current[static_cast<size_t>(i)] != kMissing;
        has_cum[static_cast<size_t>(i)] |= v.cumulative[static_cast<size_t>(i)] != kMissing;
      }
    }
  }
  for (int i = 0; i < kIndicatorCount; ++i) {
    if (has_cur[static_cast<size_t>(i)]) d.current_[static_cast<size_t>(i)].resize(total);
    if (has_cum[static_cast<size_t>(i)]) d.cumulative_[static_cast<size_t>(i)].resize(total);
  }
  d.row_index_.assign(static_cast<size_t>(d.month_count_) * d.firms_.size(), -1);
  Parallel(threads, total, [&](size_t from, size_t to) {
    for (size_t r = from; r < to; ++r) {
      const Ref& ref = order[r];
      const auto& sh = shards_[ref.shard];
      uint32_t f = sh.firm[ref.pos];
      d.row_firm_[r] = f;
      const MonthValues& v = sh.values[ref.pos];
      for (size_t i = 0; i < static_cast<size_t>(kIndicatorCount); ++i) {
        if (!d.current_[i].empty()) d.current_[i][r] = v.current[i];
        if (!d.cumulative_[i].empty()) d.cumulative_[i][r] = v.cumulative[i];
      }
      size_t p = static_cast<size_t>(sh.month[ref.pos] - lo);
      d.row_index_[p * d.firms_.size() + f] = static_cast<int32_t>(r);
    }
  });
  shards_.clear();
  order.clear();
  order.shrink_to_fit();

  // Yearly revenue and 规上 sets.
  d.first_year_ = d.first_month().year();
  d.year_count_ = d.last_month().year() - d.first_year_ + 1;
  size_t years = static_cast<size_t>(d.year_count_);
  d.year_revenue_.assign(d.firms_.size() * years, kMissing);
  d.above_scale_.assign(d.firms_.size() * years, 0);
  Parallel(threads, d.firms_.size(), [&](size_t from, size_t to) {
    for (size_t f = from; f < to; ++f) {
      for (size_t y = 0; y < years; ++y) {
        int year = d.first_year_ + static_cast<int>(y);
        // Prefer 主营业务收入 when the firm reports it at all that year.
        for (Indicator ind : {Indicator::kMainRevenue, Indicator::kRevenue}) {
          int64_t sum = 0, last_cum = kMissing;
          bool any = false;
          for (int m = 1; m <= 12; ++m) {
            int p = d.MonthPos(*YearMonth::Of(year, m));
            if (p < 0) continue;
            int64_t row = d.RowOf(static_cast<uint32_t>(f), p);
            if (row < 0) continue;
            int64_t cur = d.Current(static_cast<size_t>(row), ind);
            int64_t cum = d.Cumulative(static_cast<size_t>(row), ind);
            if (cur != kMissing) {
              sum += cur;
              any = true;
            }
            if (cum != kMissing) {
              last_cum = cum;
              any = true;
            }
          }
          if (any) {
            d.year_revenue_[f * years + y] = last_cum != kMissing ? std::max(last_cum, sum) : sum;
            break;
          }
        }
      }
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
