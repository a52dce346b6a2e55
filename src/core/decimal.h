// Exact decimal parsing: numbers from spreadsheets and reports become integers at a given
// scale without ever passing through a binary float.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/status.h"

namespace qq {

// Parses a decimal number ("-1234.5", "1,234.50", "7.4E+3", "74.09999999999999") and
// returns round(value × 10^scale_pow10) as an integer, rounding half away from zero.
// The text is first rounded to 15 significant digits, as a spreadsheet stores numbers
// (so 74.09999999999999 reads as 74.1). Thousands separators "," are accepted between
// digit groups. Returns InvalidArgument for anything else (empty text, letters, two
// points) and OutOfRange-as-InvalidArgument when the result does not fit in int64.
Result<int64_t> ParseDecimalScaled(std::string_view text, int scale_pow10);

// Formats value / 10^decimals with exactly `decimals` fraction digits ("-12.50").
std::string FormatScaled(int64_t value, int decimals);

}  // namespace qq
