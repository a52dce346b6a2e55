#include "core/decimal.h"

#include <cstdint>
#include <string>

namespace qq {
namespace {

constexpr int kSignificantDigits = 15;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The parsed number as sign, significant digits (no leading zeros) and a power of ten:
// value = digits × 10^exponent.
struct DecimalParts {
  bool negative = false;
  std::string digits;
  int exponent = 0;
};

Result<DecimalParts> Split(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty()) return Status::InvalidArgument("empty number");
  DecimalParts p;
  size_t i = 0;
  if (text[i] == '+' || text[i] == '-') {
    p.negative = text[i] == '-';
    ++i;
  }
  bool seen_point = false, seen_digit = false;
  int frac_digits = 0;
  size_t group_len = 0;
  bool grouped = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (IsDigit(c)) {
      seen_digit = true;
      if (!(p.digits.empty() && c == '0')) p.digits.push_back(c);
      if (seen_point) ++frac_digits;
      ++group_len;
    } else if (c == '.' && !seen_point) {
      if (grouped && group_len != 3) return Status::InvalidArgument("misplaced thousands separator");
      seen_point = true;
    } else if (c == ',' && !seen_point && seen_digit) {
      if (grouped && group_len != 3) return Status::InvalidArgument("misplaced thousands separator");
      if (!grouped && group_len > 3) return Status::InvalidArgument("misplaced thousands separator");
      grouped = true;
      group_len = 0;
    } else {
      break;
    }
  }
  if (!seen_digit) return Status::InvalidArgument("no digits");
  if (grouped && !seen_point && group_len != 3) return Status::InvalidArgument("misplaced thousands separator");
  int exp10 = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) exp_negative = text[i++] == '-';
    if (i >= text.size() || !IsDigit(text[i])) return Status::InvalidArgument("bad exponent");
    for (; i < text.size() && IsDigit(text[i]); ++i) {
      exp10 = exp10 * 10 + (text[i] - '0');
      if (exp10 > 400) return Status::InvalidArgument("exponent out of range");
    }
    if (exp_negative) exp10 = -exp10;
  }
  if (i != text.size()) return Status::InvalidArgument("unexpected character");
  p.exponent = exp10 - frac_digits;
  return p;
}

// Rounds the digit string to at most `keep` digits, half away from zero (magnitude only).
void RoundDigits(DecimalParts& p, size_t keep) {
  if (p.digits.size() <= keep) return;
  bool round_up = p.digits[keep] >= '5';
  p.exponent += static_cast<int>(p.digits.size() - keep);
  p.digits.resize(keep);
  if (!round_up) return;
  int j = static_cast<int>(p.digits.size()) - 1;
  while (j >= 0 && p.digits[j] == '9') p.digits[j--] = '0';
  if (j < 0) {
    p.digits.insert(p.digits.begin(), '1');  // 999 -> 1000: one digit longer, same exponent
  } else {
    ++p.digits[j];
  }
}

}  // namespace

Result<int64_t> ParseDecimalScaled(std::string_view text, int scale_pow10) {
  auto parts = Split(text);
  if (!parts.ok()) return parts.status();
  DecimalParts p = std::move(parts).value();
  if (p.digits.empty()) return int64_t{0};
  RoundDigits(p, kSignificantDigits);
  p.exponent += scale_pow10;
  if (p.exponent < 0) {
    // Drop fraction digits, rounding half away from zero at the unit position.
    size_t drop = static_cast<size_t>(-p.exponent);
    if (drop > p.digits.size()) {
      p.digits.clear();
    } else {
      RoundDigits(p, p.digits.size() - drop);
    }
    if (p.exponent < 0) p.exponent = 0;  // all digits dropped
  }
  if (p.digits.size() + static_cast<size_t>(p.exponent) > 19) {
    return Status::InvalidArgument("number too large");
  }
  __int128 v = 0;
  for (char c : p.digits) v = v * 10 + (c - '0');
  for (int k = 0; k < p.exponent; ++k) v *= 10;
  if (v > static_cast<__int128>(INT64_MAX)) return Status::InvalidArgument("number too large");
  return static_cast<int64_t>(p.negative ? -v : v);
}

std::string FormatScaled(int64_t value, int decimals) {
  bool negative = value < 0;
  uint64_t mag = negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  std::string digits = std::to_string(mag);
  if (decimals > 0) {
    if (digits.size() <= static_cast<size_t>(decimals)) {
      digits.insert(0, static_cast<size_t>(decimals) + 1 - digits.size(), '0');
    }
    digits.insert(digits.size() - static_cast<size_t>(decimals), ".");
  }
  return negative ? "-" + digits : digits;
}

}  // namespace qq
