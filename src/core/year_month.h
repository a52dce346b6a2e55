// YearMonth: a calendar month (统计月份), the time key of every monthly figure.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "core/status.h"

namespace qq {

class YearMonth {
 public:
  static constexpr int kMinYear = 1949;
  static constexpr int kMaxYear = 2100;

  constexpr YearMonth() = default;
  // Returns InvalidArgument unless kMinYear <= year <= kMaxYear and 1 <= month <= 12.
  static Result<YearMonth> Of(int year, int month);
  // Parses "2024-03", "2024-3", "2024/03", "2024.03", "202403", "2024年03月", "2024年3月",
  // "2024年3月份". Returns InvalidArgument naming the text otherwise.
  static Result<YearMonth> Parse(std::string_view text);
  // From the packed integer 202403 used in storage.
  static Result<YearMonth> FromPacked(int yyyymm);
  // From a month index (year × 12 + month − 1).
  static constexpr YearMonth FromIndex(int index) { return YearMonth(index / 12, index % 12 + 1); }

  constexpr int year() const { return year_; }
  constexpr int month() const { return month_; }
  constexpr int Packed() const { return year_ * 100 + month_; }
  constexpr int Index() const { return year_ * 12 + month_ - 1; }
  constexpr YearMonth AddMonths(int n) const { return FromIndex(Index() + n); }
  // The same month a year earlier (the 同比 base).
  constexpr YearMonth YearAgo() const { return YearMonth(year_ - 1, month_); }
  std::string ToString() const;  // "2024-03"

  constexpr auto operator<=>(const YearMonth&) const = default;

 private:
  constexpr YearMonth(int y, int m) : year_(y), month_(m) {}
  int year_ = 1970;
  int month_ = 1;
};

}  // namespace qq
