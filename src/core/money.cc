#include "core/money.h"

#include <cmath>

#include "core/decimal.h"

namespace qq {
namespace {

struct UnitName {
  std::string_view label;
  MoneyUnit unit;
};
// Longest labels first so that a suffix match picks 亿元 before 元.
constexpr UnitName kUnitNames[] = {
    {"千元", MoneyUnit::kThousandYuan}, {"万元", MoneyUnit::kTenThousandYuan},
    {"亿元", MoneyUnit::kHundredMillionYuan}, {"元", MoneyUnit::kYuan},
    {"千", MoneyUnit::kThousandYuan}, {"万", MoneyUnit::kTenThousandYuan},
    {"亿", MoneyUnit::kHundredMillionYuan},
};

}  // namespace

int MoneyUnitPow10(MoneyUnit unit) {
  switch (unit) {
    case MoneyUnit::kYuan: return 0;
    case MoneyUnit::kThousandYuan: return 3;
    case MoneyUnit::kTenThousandYuan: return 4;
    case MoneyUnit::kHundredMillionYuan: return 8;
  }
  return 0;
}

const char* MoneyUnitLabel(MoneyUnit unit) {
  switch (unit) {
    case MoneyUnit::kYuan: return "元";
    case MoneyUnit::kThousandYuan: return "千元";
    case MoneyUnit::kTenThousandYuan: return "万元";
    case MoneyUnit::kHundredMillionYuan: return "亿元";
  }
  return "元";
}

Result<MoneyUnit> ParseMoneyUnit(std::string_view label) {
  for (const auto& u : kUnitNames) {
    if (label == u.label) return u.unit;
  }
  return Status::InvalidArgument("unknown money unit '" + std::string(label) + "'");
}

Result<Money> Money::Parse(std::string_view text, MoneyUnit default_unit) {
  MoneyUnit unit = default_unit;
  std::string_view number = text;
  while (!number.empty() && number.back() == ' ') number.remove_suffix(1);
  for (const auto& u : kUnitNames) {
    if (number.size() > u.label.size() && number.ends_with(u.label)) {
      unit = u.unit;
      number.remove_suffix(u.label.size());
      break;
    }
  }
  auto yuan = ParseDecimalScaled(number, MoneyUnitPow10(unit));
  if (!yuan.ok()) {
    return Status::InvalidArgument("'" + std::string(text) + "' is not an amount of money (" +
                                   yuan.status().message() + ")");
  }
  return Money(*yuan);
}

double Money::In(MoneyUnit unit) const {
  return static_cast<double>(yuan_) / std::pow(10.0, MoneyUnitPow10(unit));
}

std::string Money::Format(MoneyUnit unit, int decimals) const {
  // Integer rounding at the target precision, half away from zero, then grouping.
  int shift = MoneyUnitPow10(unit) - decimals;
  int64_t v = yuan_;
  if (shift > 0) {
    int64_t div = 1;
    for (int i = 0; i < shift; ++i) div *= 10;
    int64_t q = v / div, r = v % div;
    if (2 * (r < 0 ? -r : r) >= div) q += (v < 0 ? -1 : 1);
    v = q;
  } else {
    for (int i = 0; i < -shift; ++i) v *= 10;
  }
  std::string s = FormatScaled(v, decimals);
  size_t start = s[0] == '-' ? 1 : 0;
  size_t point = s.find('.');
  if (point == std::string::npos) point = s.size();
  for (int pos = static_cast<int>(point) - 3; pos > static_cast<int>(start); pos -= 3) {
    s.insert(static_cast<size_t>(pos), ",");
  }
  return s + MoneyUnitLabel(unit);
}

}  // namespace qq
