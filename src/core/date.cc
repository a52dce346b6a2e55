#include "core/date.h"

#include <cstdio>

namespace qq {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Howard Hinnant's days-from-civil algorithm.
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace

Result<Date> Date::Of(int year, int month, int day) {
  if (year < 1900 || year > 2100) return Status::InvalidArgument("year " + std::to_string(year) + " out of range");
  if (month < 1 || month > 12) return Status::InvalidArgument("month " + std::to_string(month) + " out of range");
  if (day < 1 || day > DaysInMonth(year, month)) {
    return Status::InvalidArgument("day " + std::to_string(day) + " does not exist in " +
                                   std::to_string(year) + "-" + std::to_string(month));
  }
  return Date(year, month, day);
}

Result<Date> Date::Parse(std::string_view raw) {
  std::string_view t = raw;
  while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  auto bad = [&raw]() {
    return Status::InvalidArgument("'" + std::string(raw) + "' is not a date (expected 2019-05-12)");
  };
  int parts[3] = {0, 0, 0};
  int digits[3] = {0, 0, 0};
  size_t pos = 0;
  if (t.size() == 8 && t.find_first_not_of("0123456789") == std::string_view::npos) {
    return Of(std::stoi(std::string(t.substr(0, 4))), std::stoi(std::string(t.substr(4, 2))),
              std::stoi(std::string(t.substr(6, 2))));
  }
  for (int k = 0; k < 3; ++k) {
    while (pos < t.size() && t[pos] >= '0' && t[pos] <= '9' && digits[k] < 4) {
      parts[k] = parts[k] * 10 + (t[pos] - '0');
      ++digits[k];
      ++pos;
    }
    if (digits[k] == 0) return bad();
    if (k == 2) break;
    std::string_view rest = t.substr(pos);
    std::string_view sep = k == 0 ? "年" : "月";
    if (rest.starts_with(sep)) {
      pos += sep.size();
    } else if (!rest.empty() && (rest[0] == '-' || rest[0] == '/' || rest[0] == '.')) {
      ++pos;
    } else {
      return bad();
    }
  }
  if (t.substr(pos).starts_with("日")) pos += std::string_view("日").size();
  if (pos != t.size() || digits[0] != 4 || digits[1] > 2 || digits[2] > 2) return bad();
  auto d = Of(parts[0], parts[1], parts[2]);
  if (!d.ok()) return d.status().WithContext("'" + std::string(raw) + "'");
  return d;
}

Result<Date> Date::FromExcelSerial(long serial) {
  // Excel counts 1900-02-29 that never existed; serial 60 is that phantom day.
  if (serial < 1 || serial > 73050) return Status::InvalidArgument("Excel date serial out of range");
  if (serial == 60) return Status::InvalidArgument("Excel date serial 60 (1900-02-29) does not exist");
  long days = serial - (serial > 60 ? 25569 : 25568);
  return FromDays(days);
}

Date Date::FromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = yoe + era * 400;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp + (mp < 10 ? 3 : -9);
  return Date(static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d));
}

long Date::Days() const { return DaysFromCivil(year_, month_, day_); }

std::string Date::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year_, month_, day_);
  return buf;
}

}  // namespace qq
