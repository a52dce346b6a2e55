#include "ingest/excel_dates.h"

#include <gtest/gtest.h>

namespace qq::ingest {
namespace {

TEST(ExcelDates, DateFormatCodes) {
  for (const char* code :
       {"yyyy-mm-dd", "m/d/yy h:mm", "yyyy\"年\"m\"月\"d\"日\"", "[$-F800]dddd, mmmm dd, yyyy",
        "[h]:mm:ss", "[hh]", "mm:ss.0", "[$-804]yyyy\"年\"m\"月\"", "上午/下午h\"时\"mm\"分\""}) {
    EXPECT_TRUE(IsDateFormatCode(code)) << code;
  }
  for (const char* code : {"General", "0.00", "#,##0.00_);[Red]\\(#,##0.00\\)", "0.00\"ms\"",
                           "[Red]0.0", "@", "0.0%", "\"¥\"#,##0.00", "#,##0\" 吨\"", "0.00E+00",
                           "_-* #,##0_-;-* #,##0_-", "[DBNum2]General", "\\d0", "0.00*s"}) {
    EXPECT_FALSE(IsDateFormatCode(code)) << code;
  }
}

TEST(ExcelDates, BuiltinFormats) {
  for (int id : {14, 17, 22, 27, 31, 36, 45, 47, 50, 58}) {
    EXPECT_TRUE(IsBuiltinDateFormat(id)) << id;
  }
  for (int id : {0, 1, 9, 10, 13, 23, 26, 37, 44, 48, 49, 59}) {
    EXPECT_FALSE(IsBuiltinDateFormat(id)) << id;
  }
}

TEST(ExcelDates, SerialToDate1900) {
  EXPECT_EQ(ExcelSerialToDate("1", false), "1900-01-01");
  EXPECT_EQ(ExcelSerialToDate("59", false), "1900-02-28");
  EXPECT_EQ(ExcelSerialToDate("60", false), std::nullopt);  // Excel's 1900-02-29
  EXPECT_EQ(ExcelSerialToDate("61", false), "1900-03-01");
  EXPECT_EQ(ExcelSerialToDate("45292", false), "2024-01-01");
  EXPECT_EQ(ExcelSerialToDate("45352.99", false), "2024-03-01");
  EXPECT_EQ(ExcelSerialToDate("45351.99999999999", false), "2024-03-01");  // float noise
  EXPECT_EQ(ExcelSerialToDate("4.5352E4", false), "2024-03-01");
  EXPECT_EQ(ExcelSerialToDate("0.5", false), "");  // a time of day
  EXPECT_EQ(ExcelSerialToDate("2958465", false), "9999-12-31");
  EXPECT_EQ(ExcelSerialToDate("2958466", false), std::nullopt);
  EXPECT_EQ(ExcelSerialToDate("-1", false), std::nullopt);
  EXPECT_EQ(ExcelSerialToDate("abc", false), std::nullopt);
}

TEST(ExcelDates, SerialToDate1904) {
  EXPECT_EQ(ExcelSerialToDate("1", true), "1904-01-02");
  EXPECT_EQ(ExcelSerialToDate("43890", true), "2024-03-01");
}

TEST(ExcelDates, IsoToSerial) {
  EXPECT_EQ(IsoDateToExcelSerial("2024-03-01", false), "45352");
  EXPECT_EQ(IsoDateToExcelSerial("2024-03-01T00:00:00", false), "45352");
  EXPECT_EQ(IsoDateToExcelSerial("2024-03-01T12:00:00Z", false), "45352.5");
  EXPECT_EQ(IsoDateToExcelSerial("1900-02-28", false), "59");
  EXPECT_EQ(IsoDateToExcelSerial("1900-03-01", false), "61");
  EXPECT_EQ(IsoDateToExcelSerial("2024-03-01", true), "43890");
  EXPECT_EQ(IsoDateToExcelSerial("2024-02-30", false), std::nullopt);
  EXPECT_EQ(IsoDateToExcelSerial("2024/03/01", false), std::nullopt);
}

}  // namespace
}  // namespace qq::ingest
