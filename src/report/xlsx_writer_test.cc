#include "report/xlsx_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>

#include "core/decimal.h"
#include "ingest/table_reader.h"

namespace qq::report {
namespace {

using Type = XlsxColumn::Type;
using ingest::Cell;

std::vector<XlsxSheet> SampleWorkbook() {
  XlsxSheet firms;
  firms.name = "企业名录";
  firms.columns = {
      {"统一社会信用代码", Type::kText, 0, 22},
      {"企业名称", Type::kText, 0, 0},
      {"从业人数", Type::kInteger},
      {"营业收入（万元）", Type::kMoney, 2, 16, MoneyUnit::kTenThousandYuan},
      {"税收（元）", Type::kMoney},
      {"增速", Type::kPercent, 1},
      {"亩均产值", Type::kDecimal, 3},
  };
  firms.rows = {
      {std::string("91330100MA2B3C4D5E"), std::string("杭州某某机械有限公司"), int64_t{1234},
       int64_t{123456789}, int64_t{-98765}, 12.5, 74.1},
      {std::string("91330100MA2B3C4D6F"), std::string("=HYPERLINK(\"x\")"), std::monostate{},
       std::string("未报"), int64_t{0}, std::nan(""), 0.1 + 0.2},
      {},
      {std::string("91330100MA2B3C4D7G"), std::string("第一行\n第二行 _x000D_ \x01 ok")},
  };
  XlsxSheet errors;
  errors.name = "导入错误[1]";
  errors.columns = {{"行号", Type::kInteger}, {"问题", Type::kText}};
  errors.rows = {{int64_t{4}, std::string("营业收入不是数字：“12万”")}};
  return {firms, errors};
}

TEST(XlsxWriter, RoundTripsThroughTheReader) {
  Result<std::string> bytes = WriteXlsxToBytes(SampleWorkbook());
  ASSERT_TRUE(bytes.ok()) << bytes.status().message();
  Result<ingest::Table> table = ingest::ReadTableFromBytes(*bytes, "export.xlsx");
  ASSERT_TRUE(table.ok()) << table.status().message();
  ASSERT_EQ(table->sheets.size(), 2u);
  const ingest::Sheet& firms = table->sheets[0];
  EXPECT_EQ(firms.name, "企业名录");
  EXPECT_EQ(table->sheets[1].name, "导入错误_1_");
  EXPECT_EQ(firms.row_numbers, (std::vector<int>{1, 2, 3, 5}));  // row 4 was empty

  auto text = [&](size_t r, size_t c) { return firms.rows.at(r).at(c).text; };
  auto kind = [&](size_t r, size_t c) { return firms.rows.at(r).at(c).kind; };
  EXPECT_EQ(text(0, 3), "营业收入（万元）");
  EXPECT_EQ(text(1, 1), "杭州某某机械有限公司");
  EXPECT_EQ(text(1, 2), "1234");
  EXPECT_EQ(text(1, 3), "12345.6789");  // 123456789 元 in 万元, exact
  EXPECT_EQ(text(1, 4), "-98765");
  EXPECT_EQ(text(1, 5), "0.125");  // 12.5 %
  // libxlsxwriter prints 16 significant digits: the double nearest 74.1 comes back as the text
  // spreadsheets store for it, which exact parsing (15 digits) reads as 74.1 again.
  EXPECT_EQ(text(1, 6), "74.09999999999999");
  EXPECT_EQ(*ParseDecimalScaled(text(1, 6), 3), 74100);
  EXPECT_EQ(kind(1, 6), Cell::Kind::kNumber);
  EXPECT_EQ(text(2, 1), "=HYPERLINK(\"x\")");  // text, never a formula
  EXPECT_EQ(kind(2, 1), Cell::Kind::kString);
  EXPECT_TRUE(firms.rows[2][2].empty());
  EXPECT_EQ(text(2, 3), "未报");
  EXPECT_EQ(text(2, 4), "0");
  EXPECT_TRUE(firms.rows[2][5].empty());  // NaN
  EXPECT_EQ(text(2, 6), "0.3");           // libxlsxwriter writes 16 significant digits
  EXPECT_EQ(text(3, 1), "第一行\n第二行 _x000D_ \x01 ok");
  EXPECT_EQ(table->sheets[1].rows.at(1).at(1).text, "营业收入不是数字：“12万”");
}

TEST(XlsxWriter, CutsOverlongTextWithANote) {
  std::string long_text;
  for (int i = 0; i < 40000; ++i) long_text += "经";
  XlsxSheet sheet{
      "长文本", {{"经营范围", Type::kText}}, {{long_text}, {std::string("😀") + long_text}}};
  Result<std::string> bytes = WriteXlsxToBytes({sheet});
  ASSERT_TRUE(bytes.ok()) << bytes.status().message();
  Result<ingest::Table> table = ingest::ReadTableFromBytes(*bytes, "long.xlsx");
  ASSERT_TRUE(table.ok()) << table.status().message();
  for (size_t r = 1; r <= 2; ++r) {
    const std::string& cell = table->sheets[0].rows.at(r).at(0).text;
    std::string note = "…（已截断，原文 " + std::to_string(40000 + r - 1) + " 字）";
    ASSERT_TRUE(cell.ends_with(note)) << cell.substr(cell.size() - 60);
    size_t units = 0;  // UTF-16 units as Excel counts them: 3-byte UTF-8 is one, 4-byte two
    for (size_t i = 0; i < cell.size(); ++i) {
      auto b = static_cast<unsigned char>(cell[i]);
      if ((b & 0xC0) != 0x80) units += b >= 0xF0 ? 2 : 1;
    }
    EXPECT_LE(units, kMaxCellChars);
    EXPECT_GE(units, kMaxCellChars - 1);
  }
}

TEST(XlsxWriter, ReplacesInvalidUtf8) {
  XlsxSheet sheet{"s", {{"名称", Type::kText}}, {{std::string("甲\xFF乙")}}};
  Result<std::string> bytes = WriteXlsxToBytes({sheet});
  ASSERT_TRUE(bytes.ok()) << bytes.status().message();
  Result<ingest::Table> table = ingest::ReadTableFromBytes(*bytes, "u.xlsx");
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_EQ(table->sheets[0].rows.at(1).at(0).text, "甲\xEF\xBF\xBD乙");
}

TEST(XlsxWriter, SanitizesSheetNames) {
  EXPECT_EQ(SanitizeSheetNames(
                {"2024年1月:规上[工业]", "a/b\\c*d?e", "'引号'", "", "History", "Data", "DATA",
                 "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三"}),
            (std::vector<std::string>{
                "2024年1月_规上_工业_", "a_b_c_d_e", "引号", "Sheet4", "History_", "Data",
                "DATA (2)", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"}));
  // Repeats of a 31-unit name are cut to make room for the suffix.
  std::string long_name(31, 'x');
  std::vector<std::string> names = SanitizeSheetNames({long_name, long_name, long_name});
  EXPECT_EQ(names[1], std::string(27, 'x') + " (2)");
  EXPECT_EQ(names[2], std::string(27, 'x') + " (3)");
  // A character outside the BMP counts two units, as in Excel.
  std::string emoji;
  for (int i = 0; i < 20; ++i) emoji += "😀";
  EXPECT_EQ(SanitizeSheetNames({emoji})[0].size(), 15u * 4);
}

TEST(XlsxWriter, RejectsWhatExcelCannotHold) {
  EXPECT_EQ(WriteXlsxToBytes({}).status().code(), StatusCode::kInvalidArgument);
  XlsxSheet wide{"宽", {{"a", Type::kText}}, {{std::string("1"), std::string("2")}}};
  Result<std::string> bytes = WriteXlsxToBytes({wide});
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.status().message(), "sheet '宽' row 1 has 2 values for 1 columns");
}

TEST(XlsxWriter, WritesFilesAtomically) {
  std::filesystem::path dir = std::filesystem::path(testing::TempDir()) / "qq_xlsx_writer_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::filesystem::path path = dir / "导出.xlsx";
  ASSERT_TRUE(WriteXlsx(path, SampleWorkbook()).ok());
  ASSERT_TRUE(WriteXlsx(path, SampleWorkbook()).ok());  // replaces
  int files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++files;
  EXPECT_EQ(files, 1);  // no temporary file left behind
  Result<ingest::Table> table = ingest::ReadTable(path);
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_EQ(table->sheets.size(), 2u);

  Status missing_dir = WriteXlsx(dir / "no/such/dir/x.xlsx", SampleWorkbook());
  EXPECT_EQ(missing_dir.code(), StatusCode::kIo);
  std::filesystem::remove_all(dir);
}

// An independent reader (openpyxl) sees the header style, frozen pane, filter and formats.
TEST(XlsxWriter, OpenpyxlSeesFormatsPaneAndFilter) {
  const char* python = "/usr/bin/python3";
  if (std::system("/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "python3-openpyxl is not installed";
  }
  std::filesystem::path dir = std::filesystem::path(testing::TempDir()) / "qq_xlsx_openpyxl";
  std::filesystem::create_directories(dir);
  std::filesystem::path xlsx = dir / "check.xlsx";
  ASSERT_TRUE(WriteXlsx(xlsx, SampleWorkbook()).ok());
  std::filesystem::path script = dir / "check.py";
  std::ofstream(script) << R"(import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["企业名录", "导入错误_1_"], wb.sheetnames
ws = wb["企业名录"]
assert ws.freeze_panes == "A2", ws.freeze_panes
assert ws.auto_filter.ref == "A1:G5", ws.auto_filter.ref
assert ws["A1"].value == "统一社会信用代码" and ws["A1"].font.b, "bold Chinese header"
assert ws["C2"].number_format == "#,##0", ws["C2"].number_format
assert ws["D2"].number_format == "#,##0.00" and abs(ws["D2"].value - 12345.6789) < 1e-9
assert ws["E2"].number_format == "#,##0" and ws["E2"].value == -98765
assert ws["F2"].number_format == "0.0%" and ws["F2"].value == 0.125
assert ws["G2"].number_format == "#,##0.000"
assert ws["B3"].value == '=HYPERLINK("x")' and ws["B3"].data_type == "s"
assert ws.column_dimensions["A"].width > 21
print("ok")
)";
  std::string command = std::string(python) + " " + script.string() + " " + xlsx.string();
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace qq::report
