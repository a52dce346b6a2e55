// Rollups: series pre-aggregated on import for the groups dashboards ask about — county,
// chain link and industry division, each for all firms and for 规上 firms — so a dashboard
// query reads a few hundred numbers instead of scanning the columns. Larger regions are
// sums of their counties.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "analytics/dataset.h"
#include "analytics/series.h"

namespace qq::analytics {

class Rollups {
 public:
  // Aggregates every row once, months split over `threads`.
  static Rollups Build(const Dataset& d, int threads = 2);

  // The series of one county, link (by id) or 大类 division (01–97); empty if unknown.
  const Series& County(uint32_t county, Scope scope) const;
  const Series& Link(uint32_t link_id, Scope scope) const;
  const Series& Division(int division, Scope scope) const;
  // Sum over the counties whose codes lie inside `region_code` (6 digits; 100000 = all).
  Series Region(const Dataset& d, const std::string& region_code, Scope scope) const;
  // Indices of the counties inside a region.
  static std::vector<uint32_t> CountiesIn(const Dataset& d, const std::string& region_code);
  // Firms whose trailing-12-month revenue reached their 规上 threshold in month position p
  // (under it at p−1), computed once on load.
  const std::vector<uint32_t>& CrossingsIn(int p) const;
  // The trailing-12-month revenue at month p of each firm of CrossingsIn(p), in the same order.
  const std::vector<int64_t>& CrossingTrailingIn(int p) const;

 private:
  int months_ = 0;
  std::vector<Series> county_[2];
  std::unordered_map<uint32_t, size_t> link_index_;
  std::vector<Series> link_[2];
  std::vector<Series> division_[2];  // index = division number (0–97)
  std::vector<std::vector<uint32_t>> crossings_;  // per month position
  std::vector<std::vector<int64_t>> crossing_trailing_;
  std::vector<int64_t> no_values_;
  Series empty_;
  std::vector<uint32_t> none_;
};

}  // namespace qq::analytics
