// Region-scope filters for SQL: "this column lies inside one of these regions", as
// index-friendly code ranges (370100 → '3701' <= code < '3702').
#pragma once

#include <string>
#include <vector>

#include "core/region_code.h"
#include "store/database.h"

namespace qq::store {

class ScopeFilter {
 public:
  // An empty list means "no restriction".
  ScopeFilter(std::string column, std::vector<RegionCode> regions);
  // The SQL condition with ? placeholders, e.g. "((region >= ? AND region < ?) OR region = ?)";
  // "1" when unrestricted.
  std::string Sql() const;
  // Binds the placeholders starting at `first`; returns the next free index.
  int Bind(Statement& st, int first) const;

 private:
  struct Range {
    std::string low, high;  // high empty: equality on low
  };
  std::string column_;
  std::vector<Range> ranges_;
  bool unrestricted_ = false;
};

}  // namespace qq::store
