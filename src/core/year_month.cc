#include "core/year_month.h"

#include <algorithm>
#include <cstdio>

namespace qq {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max_len digits at text[pos]; returns -1 if there are none.
int ReadNumber(std::string_view text, size_t& pos, size_t max_len) {
  int v = 0;
  size_t n = 0;
  while (pos < text.size() && IsDigit(text[pos]) && n < max_len) {
    v = v * 10 + (text[pos] - '0');
    ++pos;
    ++n;
  }
  return n == 0 ? -1 : v;
}

bool ConsumeLiteral(std::string_view text, size_t& pos, std::string_view lit) {
  if (text.substr(pos, lit.size()) != lit) return false;
  pos += lit.size();
  return true;
}

}  // namespace

Result<YearMonth> YearMonth::Of(int year, int month) {
  if (year < kMinYear || year > kMaxYear) {
    return Status::InvalidArgument("year " + std::to_string(year) + " out of range");
  }
  if (month < 1 || month > 12) {
    return Status::InvalidArgument("month " + std::to_string(month) + " out of range");
  }
  return YearMonth(year, month);
}

Result<YearMonth> YearMonth::FromPacked(int yyyymm) { return Of(yyyymm / 100, yyyymm % 100); }

Result<YearMonth> YearMonth::Parse(std::string_view raw) {
  std::string_view text = raw;
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  auto bad = [&raw]() {
    return Status::InvalidArgument("'" + std::string(raw) +
                                   "' is not a month (expected 2024-03, 202403 or 2024年03月)");
  };
  if (text.size() == 6 && std::all_of(text.begin(), text.end(), IsDigit)) {
    auto ym = Of((text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0'),
                 (text[4] - '0') * 10 + (text[5] - '0'));
    if (!ym.ok()) return ym.status().WithContext("'" + std::string(raw) + "'");
    return ym;
  }
  size_t pos = 0;
  size_t year_start = pos;
  int year = ReadNumber(text, pos, 4);
  if (year < 0 || pos - year_start != 4) return bad();
  bool chinese = false;
  if (ConsumeLiteral(text, pos, "年")) {
    chinese = true;
  } else if (pos < text.size() && (text[pos] == '-' || text[pos] == '/' || text[pos] == '.')) {
    ++pos;
  } else {
    return bad();
  }
  int month = ReadNumber(text, pos, 2);
  if (month < 0) return bad();
  if (chinese) {
    if (!ConsumeLiteral(text, pos, "月")) return bad();
    ConsumeLiteral(text, pos, "份");
  }
  if (pos != text.size()) return bad();
  auto ym = Of(year, month);
  if (!ym.ok()) return ym.status().WithContext("'" + std::string(raw) + "'");
  return ym;
}

std::string YearMonth::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year_, month_);
  return buf;
}

}  // namespace qq
