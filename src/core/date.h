// Date: a calendar day (成立日期, approval dates, milestones).
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "core/status.h"
#include "core/year_month.h"

namespace qq {

class Date {
 public:
  constexpr Date() = default;
  // Returns InvalidArgument unless the day exists (leap years included).
  static Result<Date> Of(int year, int month, int day);
  // Parses "2019-05-12", "2019/5/12", "2019.05.12", "20190512", "2019年5月12日".
  static Result<Date> Parse(std::string_view text);
  // From an Excel serial day number (1900 date system; 45292 = 2024-01-01).
  static Result<Date> FromExcelSerial(long serial);
  // From days since 1970-01-01 and back.
  static Date FromDays(long days);
  long Days() const;

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }
  YearMonth Month() const { return YearMonth::FromIndex(year_ * 12 + month_ - 1); }
  std::string ToString() const;  // "2019-05-12"
  auto operator<=>(const Date&) const = default;

 private:
  constexpr Date(int y, int m, int d) : year_(y), month_(m), day_(d) {}
  int year_ = 1970;
  int month_ = 1;
  int day_ = 1;
};

}  // namespace qq
