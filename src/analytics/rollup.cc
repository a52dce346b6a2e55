#include "analytics/rollup.h"

#include <algorithm>
#include <string>
#include <thread>
#include <unordered_map>

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
  r.crossings_.assign(static_cast<size_t>(r.months_), {});
  r.crossing_trailing_.assign(static_cast<size_t>(r.months_), {});
  if (d.empty()) return r;
  threads = std::max(1, threads);
  const size_t firm_count = d.firm_count();
  const size_t counties = d.counties().size();

  // Firms with the same division and links add to the same division and link series: give
  // each such profile a number, so that a row adds to two cells (its county's and its
  // profile's, each split by 规上 membership) and the profiles are spread to divisions and
  // links once per month.
  struct FirmKey {
    uint32_t county;
    uint32_t profile;
  };
  std::vector<FirmKey> key(firm_count);
  std::vector<int> profile_division;
  std::vector<std::vector<size_t>> profile_links;  // indices into link_[s]
  {
    std::unordered_map<std::string, uint32_t> profiles;
    std::string k;
    for (uint32_t f = 0; f < firm_count; ++f) {
      int div = DivisionOf(d.firm(f));
      auto [lb, le] = d.LinksOf(f);
      k.assign(reinterpret_cast<const char*>(&div), sizeof div);
      k.append(reinterpret_cast<const char*>(lb), static_cast<size_t>(le - lb) * sizeof(uint32_t));
      auto [it, inserted] = profiles.try_emplace(k, static_cast<uint32_t>(profiles.size()));
      if (inserted) {
        profile_division.push_back(div);
        std::vector<size_t> ls;
        for (const uint32_t* l = lb; l != le; ++l) ls.push_back(r.link_index_.at(*l));
        profile_links.push_back(std::move(ls));
      }
      key[f] = {d.firm(f).county < counties ? d.firm(f).county : UINT32_MAX, it->second};
    }
  }
  const size_t profiles = profile_division.size();

  // The indicators that have any value, with their columns.
  struct Columns {
    Indicator ind;
    const int64_t* cur;  // nullptr: all missing
    const int64_t* cum;
  };
  std::vector<Columns> cols;
  for (Indicator ind : kAllIndicators) {
    const auto& cur = d.CurrentColumn(ind);
    const auto& cum = d.CumulativeColumn(ind);
    if (cur.empty() && cum.empty()) continue;
    cols.push_back({ind, cur.empty() ? nullptr : cur.data(), cum.empty() ? nullptr : cum.data()});
  }
  const size_t nc = cols.size();
  const int first_year = d.first_month().year();
  const int first_month = d.first_month().month();

  auto work = [&](int from, int to) {
    // Cells of one month: [规上 0/1][county or profile][indicator column].
    std::vector<MonthSums> county_cells(2 * counties * nc), profile_cells(2 * profiles * nc);
    for (int p = from; p < to; ++p) {
      std::fill(county_cells.begin(), county_cells.end(), MonthSums{});
      std::fill(profile_cells.begin(), profile_cells.end(), MonthSums{});
      int year = first_year + (first_month - 1 + p) / 12;
      for (size_t row = d.MonthBegin(p); row < d.MonthBegin(p + 1); ++row) {
        uint32_t f = d.RowFirm(row);
        if (f >= firm_count) continue;
        int64_t base_row = p >= 12 ? d.RowOf(f, p - 12) : -1;
        size_t above = d.AboveScale(f, year) ? 1 : 0;
        const FirmKey& fk = key[f];
        MonthSums* cc = fk.county == UINT32_MAX ? nullptr : &county_cells[(above * counties + fk.county) * nc];
        MonthSums* pc = &profile_cells[(above * profiles + fk.profile) * nc];
        for (size_t c = 0; c < nc; ++c) {
          int64_t cur = cols[c].cur ? cols[c].cur[row] : kMissing;
          int64_t cum = cols[c].cum ? cols[c].cum[row] : kMissing;
          if (cur == kMissing && cum == kMissing) continue;
          MonthSums cell;
          cell.any = true;
          cell.firms = 1;
          if (cur != kMissing) cell.current = cur;
          if (cum != kMissing) cell.cumulative = cum;
          if (base_row >= 0) {
            size_t b = static_cast<size_t>(base_row);
            int64_t bcur = cols[c].cur ? cols[c].cur[b] : kMissing;
            int64_t bcum = cols[c].cum ? cols[c].cum[b] : kMissing;
            if (cur != kMissing && bcur != kMissing) {
              cell.yoy_current = cur;
              cell.yoy_current_base = bcur;
            }
            if (cum != kMissing && bcum != kMissing) {
              cell.yoy_cumulative = cum;
              cell.yoy_cumulative_base = bcum;
            }
          }
          if (cc) cc[c].Add(cell);
          pc[c].Add(cell);
        }
      }
      // Spread the month's cells: all firms = both halves, 规上 = the second.
      for (size_t above = 0; above < 2; ++above) {
        for (size_t k = 0; k < counties; ++k) {
          const MonthSums* cell = &county_cells[(above * counties + k) * nc];
          for (size_t c = 0; c < nc; ++c) {
            if (!cell[c].any) continue;
            r.county_[0][k].at(p, cols[c].ind).Add(cell[c]);
            if (above) r.county_[1][k].at(p, cols[c].ind).Add(cell[c]);
          }
        }
        for (size_t k = 0; k < profiles; ++k) {
          const MonthSums* cell = &profile_cells[(above * profiles + k) * nc];
          for (size_t c = 0; c < nc; ++c) {
            if (!cell[c].any) continue;
            for (size_t s = 0; s <= above; ++s) {
              if (profile_division[k] >= 0) r.division_[s][static_cast<size_t>(profile_division[k])].at(p, cols[c].ind).Add(cell[c]);
              for (size_t l : profile_links[k]) r.link_[s][l].at(p, cols[c].ind).Add(cell[c]);
            }
          }
        }
      }
    }
  };
  {
    int t_months = std::max(1, std::min(threads, r.months_));
    std::vector<std::thread> pool;
    for (int t = 0; t < t_months; ++t) {
      int from = r.months_ * t / t_months, to = r.months_ * (t + 1) / t_months;
      pool.emplace_back(work, from, to);
    }
    for (auto& th : pool) th.join();
  }

  // Threshold crossings: trailing-12-month revenue per firm, kept as a rolling sum while the
  // months go by (add month p, drop month p−12); only firms with a row in either month can
  // change, so only they are compared. Firms split over threads.
  const auto& main_cur = d.CurrentColumn(Indicator::kMainRevenue);
  const auto& rev_cur = d.CurrentColumn(Indicator::kRevenue);
  auto revenue_of = [&](size_t row) {
    int64_t v = main_cur.empty() ? kMissing : main_cur[row];
    if (v == kMissing) v = rev_cur.empty() ? kMissing : rev_cur[row];
    return v;
  };
  const auto& row_firm = d.RowFirmColumn();
  struct Found {
    int p;
    uint32_t firm;
    int64_t trailing;
  };
  std::vector<std::vector<Found>> found(static_cast<size_t>(threads));
  auto scan = [&](int t, uint32_t from, uint32_t to) {
    size_t n = to - from;
    std::vector<int64_t> sum(n, 0), before(n, kMissing);
    std::vector<int32_t> count(n, 0), stamp(n, -1);
    std::vector<uint32_t> touched;
    auto rows_of = [&](int p) {
      const uint32_t* base = row_firm.data();
      const uint32_t* b = base + d.MonthBegin(p);
      const uint32_t* e = base + d.MonthBegin(p + 1);
      const uint32_t* lo = std::lower_bound(b, e, from);
      const uint32_t* hi = std::lower_bound(lo, e, to);
      return std::pair<size_t, size_t>(static_cast<size_t>(lo - base), static_cast<size_t>(hi - base));
    };
    for (int p = 0; p < r.months_; ++p) {
      touched.clear();
      auto apply = [&](int q, int sign) {
        auto [r0, r1] = rows_of(q);
        for (size_t row = r0; row < r1; ++row) {
          size_t k = row_firm[row] - from;
          int64_t threshold = d.firm(row_firm[row]).scale_threshold;
          if (threshold == kMissing || threshold <= 0) continue;
          int64_t v = revenue_of(row);
          if (v == kMissing) continue;
          if (stamp[k] != p) {
            stamp[k] = p;
            before[k] = count[k] > 0 ? sum[k] : kMissing;
            touched.push_back(static_cast<uint32_t>(k));
          }
          sum[k] += sign * v;
          count[k] += sign;
        }
      };
      apply(p, 1);
      if (p >= 12) apply(p - 12, -1);
      for (uint32_t k : touched) {
        int64_t threshold = d.firm(from + k).scale_threshold;
        int64_t now = count[k] > 0 ? sum[k] : kMissing;
        if (now != kMissing && now >= threshold && before[k] != kMissing && before[k] < threshold) {
          found[static_cast<size_t>(t)].push_back({p, from + k, now});
        }
      }
    }
  };
  {
    std::vector<std::thread> scanners;
    for (int t = 0; t < threads; ++t) {
      uint32_t from = static_cast<uint32_t>(firm_count * static_cast<size_t>(t) / static_cast<size_t>(threads));
      uint32_t to = static_cast<uint32_t>(firm_count * static_cast<size_t>(t + 1) / static_cast<size_t>(threads));
      scanners.emplace_back(scan, t, from, to);
    }
    for (auto& th : scanners) th.join();
  }
  std::vector<std::vector<std::pair<uint32_t, int64_t>>> by_month(static_cast<size_t>(r.months_));
  for (const auto& list : found) {
    for (const Found& x : list) by_month[static_cast<size_t>(x.p)].emplace_back(x.firm, x.trailing);
  }
  for (size_t p = 0; p < by_month.size(); ++p) {
    std::sort(by_month[p].begin(), by_month[p].end());
    for (const auto& [f, trailing] : by_month[p]) {
      r.crossings_[p].push_back(f);
      r.crossing_trailing_[p].push_back(trailing);
    }
  }
  return r;
}

const std::vector<uint32_t>& Rollups::CrossingsIn(int p) const {
  return p >= 0 && static_cast<size_t>(p) < crossings_.size() ? crossings_[static_cast<size_t>(p)] : none_;
}

const std::vector<int64_t>& Rollups::CrossingTrailingIn(int p) const {
  return p >= 0 && static_cast<size_t>(p) < crossing_trailing_.size() ? crossing_trailing_[static_cast<size_t>(p)] : no_values_;
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
