// Excel dates: which number formats make a number a date, and serial numbers ↔ calendar days
// in the 1900 (with its phantom 1900-02-29) and 1904 date systems.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace qq::ingest {

// True for the built-in number formats that show a date or time: 14–22 and 45–47, and the
// East Asian locale formats 27–36 and 50–58 (in zh-CN e.g. 31 = yyyy"年"m"月"d"日",
// 32 = h"时"mm"分"), which Chinese Excel stores without a formatCode.
bool IsBuiltinDateFormat(int num_fmt_id);

// True if the format code shows a date or time: it has y, m, d, h or s outside quoted
// literals, backslash escapes, _x / *x fillers and [..] sections (except elapsed-time
// sections such as [h]). "yyyy\"年\"m\"月\"" is a date; "0.00\"ms\"" and "[Red]0.0" are not.
bool IsDateFormatCode(std::string_view code);

// Returns the calendar day "YYYY-MM-DD" of the Excel serial in `serial_text`; "" for a time
// of day without a date (0 ≤ serial < 1); nullopt when the text is not a number or the serial
// is not a day Excel can show (negative, 1900-02-29, after 9999-12-31). Serials are rounded
// to the millisecond first, as Excel does, so 45351.99999999999 is 2024-03-01.
std::optional<std::string> ExcelSerialToDate(std::string_view serial_text, bool date1904);

// Returns the Excel serial as text for an ISO 8601 date or date-time ("2024-03-01",
// "2024-03-01T08:30:00", "2024-03-01T08:30:00.5Z"): "45352", "45352.354166666664"; nullopt
// if the text is not such a date.
std::optional<std::string> IsoDateToExcelSerial(std::string_view iso, bool date1904);

}  // namespace qq::ingest
