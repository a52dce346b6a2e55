// Money: an exact amount in integer 元 (yuan). Sheets in 千元/万元/亿元 are converted on
// parse; shares and growth rates become doubles only at the edge.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace qq {

enum class MoneyUnit { kYuan, kThousandYuan, kTenThousandYuan, kHundredMillionYuan };

// Returns the power of ten of one unit in 元 (万元 → 4).
int MoneyUnitPow10(MoneyUnit unit);
// Returns the Chinese label: 元, 千元, 万元, 亿元.
const char* MoneyUnitLabel(MoneyUnit unit);
// Parses 元/千元/万元/亿元 and the short forms 千/万/亿; NotFound-as-InvalidArgument otherwise.
Result<MoneyUnit> ParseMoneyUnit(std::string_view label);

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money FromYuan(int64_t yuan) { return Money(yuan); }

  // Parses "4.60亿", "74.57亿元", "0.1万", "1,234.5" (in `default_unit` when the text carries
  // no unit suffix). The number is rounded to 15 significant digits, scaled, then rounded
  // half away from zero to 元. Returns InvalidArgument naming the problem for anything else.
  static Result<Money> Parse(std::string_view text, MoneyUnit default_unit = MoneyUnit::kYuan);

  constexpr int64_t yuan() const { return yuan_; }
  // Value in the unit as a double, for display and ratios only.
  double In(MoneyUnit unit) const;
  // "12345" (元) — the exact form used in JSON and storage.
  std::string ToString() const { return std::to_string(yuan_); }
  // "4.60亿元" / "1,234.56万元" style, with `decimals` digits, rounded half away from zero.
  std::string Format(MoneyUnit unit, int decimals) const;

  constexpr Money operator+(Money o) const { return Money(yuan_ + o.yuan_); }
  constexpr Money operator-(Money o) const { return Money(yuan_ - o.yuan_); }
  constexpr Money& operator+=(Money o) { yuan_ += o.yuan_; return *this; }
  constexpr Money& operator-=(Money o) { yuan_ -= o.yuan_; return *this; }
  constexpr auto operator<=>(const Money&) const = default;

 private:
  constexpr explicit Money(int64_t yuan) : yuan_(yuan) {}
  int64_t yuan_ = 0;
};

}  // namespace qq
