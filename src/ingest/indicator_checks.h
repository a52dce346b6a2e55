// Checks of monthly records against each other and against what the database already holds:
// 1-N月累计 against the running sum of 当月 (cumulative_mismatch), and values 100× off the
// firm's own history (unit_jump, a warning); and the reconciliation that derives 当月 from
// 1-N月累计 or the other way round where a sheet gives only one.
#pragma once

#include <functional>
#include <vector>

#include "ingest/indicator_sheet.h"

namespace qq::ingest {

// A month the database already holds for a firm.
struct KnownMonth {
  YearMonth month;
  std::array<std::optional<int64_t>, kIndicatorCount> current{}, cumulative{};
};

// The database months of a firm (any order), or nullptr when it has none.
using HistoryLookup = std::function<const std::vector<KnownMonth>*(const std::string& uscc)>;

// For each firm, indicator and year, walks the months in order — those of the file, and of
// the database where the file has none — starting from 当月 in January or from the 累计 of the
// first known month, restarting at the next known 累计 after a missing month, and using the
// values as written. A 累计 that differs from the previous 累计 plus this 当月 is reported on
// its own cell, and the walk continues from the value written (so the months after are not
// reported too). Then fills in the missing one of 当月/累计 where it can be derived.
void CheckCumulative(const Table& table, IndicatorSheets& sheets, const HistoryLookup& history);

// Warns about a 当月 value at least 100 times larger or smaller than the median of the firm's
// other months (at least three, from the file and the database).
void CheckUnitJumps(const Table& table, IndicatorSheets& sheets, const HistoryLookup& history);

}  // namespace qq::ingest
