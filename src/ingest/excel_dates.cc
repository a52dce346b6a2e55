#include "ingest/excel_dates.h"

#include <charconv>
#include <cmath>
#include <cstdint>

#include "core/date.h"

namespace qq::ingest {
namespace {

constexpr long kSerialOf1970 = 25569;        // 1900 system serial of 1970-01-01
constexpr long kSerialOf1970In1904 = 24107;  // 1904 system serial of 1970-01-01
constexpr long kLastSerial = 2958465;        // 9999-12-31
constexpr int64_t kMsPerDay = 86400000;

bool IsDateLetter(char c) {
  switch (c) {
    case 'y':
    case 'Y':
    case 'm':
    case 'M':
    case 'd':
    case 'D':
    case 'h':
    case 'H':
    case 's':
    case 'S':
      return true;
    default:
      return false;
  }
}

bool ParseInt(std::string_view text, int& out) {
  if (text.empty()) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

}  // namespace

bool IsBuiltinDateFormat(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

bool IsDateFormatCode(std::string_view code) {
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {
      size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) return false;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '[') {
      size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) return false;
      std::string_view inside = code.substr(i + 1, close - i - 1);
      bool elapsed = !inside.empty();
      for (char e : inside) {
        elapsed = elapsed && (e == 'h' || e == 'H' || e == 'm' || e == 'M' || e == 's' || e == 'S');
      }
      if (elapsed) return true;
      i = close;
    } else if (IsDateLetter(c)) {
      return true;
    }
  }
  return false;
}

std::optional<std::string> ExcelSerialToDate(std::string_view serial_text, bool date1904) {
  double serial = 0;
  auto [ptr, ec] =
      std::from_chars(serial_text.data(), serial_text.data() + serial_text.size(), serial);
  if (ec != std::errc() || ptr != serial_text.data() + serial_text.size() ||
      !std::isfinite(serial)) {
    return std::nullopt;
  }
  if (serial < 0 || serial >= static_cast<double>(kLastSerial + 1)) return std::nullopt;
  int64_t ms = std::llround(serial * static_cast<double>(kMsPerDay));
  long day = static_cast<long>(ms / kMsPerDay);
  if (day == 0) return std::string();
  long days_since_1970;
  if (date1904) {
    days_since_1970 = day - kSerialOf1970In1904;
  } else {
    if (day == 60) return std::nullopt;  // the 1900-02-29 Excel invented
    days_since_1970 = day - (day > 60 ? kSerialOf1970 : kSerialOf1970 - 1);
  }
  return Date::FromDays(days_since_1970).ToString();
}

std::optional<std::string> IsoDateToExcelSerial(std::string_view iso, bool date1904) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  int year = 0, month = 0, day = 0;
  if (!ParseInt(iso.substr(0, 4), year) || !ParseInt(iso.substr(5, 2), month) ||
      !ParseInt(iso.substr(8, 2), day)) {
    return std::nullopt;
  }
  Result<Date> date = Date::Of(year, month, day);
  if (!date.ok()) return std::nullopt;
  double seconds = 0;
  std::string_view rest = iso.substr(10);
  if (!rest.empty()) {
    if ((rest[0] != 'T' && rest[0] != ' ') || rest.size() < 6 || rest[3] != ':') {
      return std::nullopt;
    }
    int hour = 0, minute = 0;
    if (!ParseInt(rest.substr(1, 2), hour) || !ParseInt(rest.substr(4, 2), minute) || hour > 23 ||
        minute > 59) {
      return std::nullopt;
    }
    seconds = hour * 3600.0 + minute * 60.0;
    rest = rest.substr(6);
    if (rest.starts_with(":")) {
      size_t end = 1;
      while (end < rest.size() &&
             (std::isdigit(static_cast<unsigned char>(rest[end])) || rest[end] == '.')) {
        ++end;
      }
      double s = 0;
      auto [ptr, ec] = std::from_chars(rest.data() + 1, rest.data() + end, s);
      if (ec != std::errc() || ptr != rest.data() + end || s >= 61) return std::nullopt;
      seconds += s;
      rest = rest.substr(end);
    }
    if (rest == "Z") rest = {};
    if (!rest.empty()) return std::nullopt;
  }
  long days = date->Days();
  long serial = date1904 ? days + kSerialOf1970In1904
                         : days + (days + kSerialOf1970 > 60 ? kSerialOf1970 : kSerialOf1970 - 1);
  if (serial < 0) return std::nullopt;
  if (seconds == 0) return std::to_string(serial);
  double value = static_cast<double>(serial) + seconds / 86400.0;
  char buf[40];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  if (ec != std::errc()) return std::nullopt;
  return std::string(buf, end);
}

}  // namespace qq::ingest
