#include "analytics/rollup.h"

#include <algorithm>
#include <thread>

#include "core/region_code.h"

namespace qq::analytics {
namespace {

int DivisionOf(const FirmInfo& f) {
  if (f.industry < 0 || f.industry_digits < 2) return -1;
  int div = f.industry;
  for (int k = f.industry_digits; k > 2; --k) div /= 10;
  return div;
}

}  // namespace

Rollups Rollups::Build(const Dataset& d, int threads) {
  Rollups r;
  r.months_ = d.month_count();
  for (int s = 0; s < 2; ++s) {
    r.county_[s].assign(d.counties().size(), Series(r.months_));
    r.division_[s].assign(98, Series(r.months_));
  }
  for (uint32_t id : d.all_link_ids()) {
    size_t k = r.link_index_.size();
    r.link_index_[id] = k;
  }
  for (int s = 0; s < 2; ++s) r.link_[s].assign(r.link_index_.size(), Series(r.months_));
  if (d.empty()) return r;

  std::vector<int> division(d.firm_count());
  for (uint32_t f = 0; f < d.firm_count(); ++f) division[f] = DivisionOf(d.firm(f));
  int first_year = d.first_month().year();
  int first_month = d.first_month().month();
  auto work = [&](int from, int to) {
    // A one-firm series per row would be wasteful: accumulate the row once into a scratch
    // series, then add that cell to each of the firm's groups.
    Series scratch(r.months_);
    for (int p = from; p < to; ++p) {
      int year = first_year + (first_month - 1 + p) / 12;
      for (size_t row = d.MonthBegin(p); row < d.MonthBegin(p + 1); ++row) {
        uint32_t f = d.RowFirm(row);
        for (Indicator ind : kAllIndicators) scratch.at(p, ind) = MonthSums{};
        AccumulateFirmMonth(d, f, p, scratch);
        int scopes = d.AboveScale(f, year) ? 2 : 1;
        auto add_to = [&](Series& target) {
          for (Indicator ind : kAllIndicators) {
            const MonthSums& cell = scratch.at(p, ind);
            if (cell.any) target.at(p, ind).Add(cell);
          }
        };
        const FirmInfo& info = d.firm(f);
        auto [lb, le] = d.LinksOf(f);
        for (int s = 0; s < scopes; ++s) {
          add_to(r.county_[s][info.county]);
          if (division[f] >= 0) add_to(r.division_[s][static_cast<size_t>(division[f])]);
          for (const uint32_t* l = lb; l != le; ++l) add_to(r.link_[s][r.link_index_.at(*l)]);
        }
      }
    }
  };
  threads = std::max(1, std::min(threads, r.months_));
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    int from = r.months_ * t / threads, to = r.months_ * (t + 1) / threads;
    pool.emplace_back(work, from, to);
  }
  for (auto& th : pool) th.join();

  // Threshold crossings: a rolling trailing-12-month sum per firm, firms split over threads.
  std::vector<std::vector<std::pair<int, uint32_t>>> found(static_cast<size_t>(threads));
  auto scan = [&](int t, size_t from, size_t to) {
    for (size_t f = from; f < to; ++f) {
      int64_t threshold = d.firm(static_cast<uint32_t>(f)).scale_threshold;
      if (threshold == kMissing || threshold <= 0) continue;
      std::vector<int64_t> month_rev(static_cast<size_t>(r.months_), kMissing);
      for (int p = 0; p < r.months_; ++p) {
        int64_t v = d.CurrentAt(static_cast<uint32_t>(f), p, Indicator::kMainRevenue);
        if (v == kMissing) v = d.CurrentAt(static_cast<uint32_t>(f), p, Indicator::kRevenue);
        month_rev[static_cast<size_t>(p)] = v;
      }
      int64_t sum = 0, prev = kMissing;
      int count = 0;
      for (int p = 0; p < r.months_; ++p) {
        int64_t add = month_rev[static_cast<size_t>(p)];
        if (add != kMissing) { sum += add; ++count; }
        if (p >= 12) {
          int64_t out = month_rev[static_cast<size_t>(p - 12)];
          if (out != kMissing) { sum -= out; --count; }
        }
        int64_t now = count > 0 ? sum : kMissing;
        if (now != kMissing && now >= threshold && prev != kMissing && prev < threshold) {
          found[static_cast<size_t>(t)].emplace_back(p, static_cast<uint32_t>(f));
        }
        prev = now;
      }
    }
  };
  std::vector<std::thread> scanners;
  for (int t = 0; t < threads; ++t) {
    size_t from = d.firm_count() * static_cast<size_t>(t) / static_cast<size_t>(threads);
    size_t to = d.firm_count() * static_cast<size_t>(t + 1) / static_cast<size_t>(threads);
    scanners.emplace_back(scan, t, from, to);
  }
  for (auto& th : scanners) th.join();
  r.crossings_.assign(static_cast<size_t>(r.months_), {});
  for (const auto& list : found) {
    for (auto [p, f] : list) r.crossings_[static_cast<size_t>(p)].push_back(f);
  }
  for (auto& list : r.crossings_) std::sort(list.begin(), list.end());
  return r;
}

const std::vector<uint32_t>& Rollups::CrossingsIn(int p) const {
  return p >= 0 && static_cast<size_t>(p) < crossings_.size() ? crossings_[static_cast<size_t>(p)] : none_;
}

const Series& Rollups::County(uint32_t county, Scope scope) const {
  const auto& v = county_[scope == Scope::kAboveScale ? 1 : 0];
  return county < v.size() ? v[county] : empty_;
}

const Series& Rollups::Link(uint32_t link_id, Scope scope) const {
  auto it = link_index_.find(link_id);
  if (it == link_index_.end()) return empty_;
  return link_[scope == Scope::kAboveScale ? 1 : 0][it->second];
}

const Series& Rollups::Division(int division, Scope scope) const {
  if (division < 0 || division > 97) return empty_;
  return division_[scope == Scope::kAboveScale ? 1 : 0][static_cast<size_t>(division)];
}

std::vector<uint32_t> Rollups::CountiesIn(const Dataset& d, const std::string& region_code) {
  std::vector<uint32_t> out;
  auto region = RegionCode::Parse(region_code);
  if (!region.ok()) return out;
  for (uint32_t c = 0; c < d.counties().size(); ++c) {
    auto county = RegionCode::Parse(d.counties()[c]);
    if (county.ok() && region->Contains(*county)) out.push_back(c);
  }
  return out;
}

Series Rollups::Region(const Dataset& d, const std::string& region_code, Scope scope) const {
  Series out(months_);
  for (uint32_t c : CountiesIn(d, region_code)) out.Add(County(c, scope));
  return out;
}

}  // namespace qq::analytics
