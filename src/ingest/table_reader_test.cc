#include "ingest/table_reader.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/decimal.h"
#include "ingest/file_util.h"

namespace qq::ingest {
namespace {

const std::filesystem::path kFixtures =
    std::filesystem::path(QQ_SOURCE_DIR) / "tests/fixtures/sheets";

const char* KindName(Cell::Kind kind) {
  switch (kind) {
    case Cell::Kind::kEmpty:
      return "empty";
    case Cell::Kind::kString:
      return "string";
    case Cell::Kind::kNumber:
      return "number";
    case Cell::Kind::kBoolean:
      return "boolean";
    case Cell::Kind::kDate:
      return "date";
    case Cell::Kind::kError:
      return "error";
  }
  return "?";
}

std::string Quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

// One line per non-empty cell, as the .expected files hold it.
std::string Render(const Result<Table>& table) {
  if (!table.ok()) return "error: " + table.status().message() + "\n";
  std::ostringstream out;
  out << "format " << table->format << " encoding " << Quote(table->encoding) << " delimiter "
      << Quote(table->delimiter ? std::string(1, table->delimiter) : "") << "\n";
  for (const Sheet& sheet : table->sheets) {
    out << "sheet " << Quote(sheet.name) << (sheet.hidden ? " hidden" : "") << "\n";
    for (size_t r = 0; r < sheet.rows.size(); ++r) {
      for (size_t c = 0; c < sheet.rows[r].size(); ++c) {
        const Cell& cell = sheet.rows[r][c];
        if (cell.empty()) continue;
        out << CellReference(static_cast<int>(c), sheet.row_numbers[r]) << " "
            << KindName(cell.kind) << " " << Quote(cell.text);
        if (cell.kind == Cell::Kind::kDate) out << " " << Quote(cell.date);
        out << "\n";
      }
    }
  }
  return out.str();
}

// Every fixture is read and compared with <fixture>.expected; QQ_UPDATE_GOLDEN=1 rewrites them.
TEST(TableReader, FixturesMatchExpected) {
  bool update = std::getenv("QQ_UPDATE_GOLDEN") != nullptr;
  int compared = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kFixtures)) {
    std::string ext = entry.path().extension().string();
    if (ext == ".py" || ext == ".expected" || ext == ".md") continue;
    SCOPED_TRACE(entry.path().filename().string());
    std::string actual = Render(ReadTable(entry.path()));
    std::filesystem::path golden = entry.path();
    golden += ".expected";
    if (update) {
      std::ofstream(golden, std::ios::binary) << actual;
      continue;
    }
    Result<std::string> expected = ReadWholeFile(golden);
    ASSERT_TRUE(expected.ok()) << expected.status().message()
                               << " (run with QQ_UPDATE_GOLDEN=1 to create it)";
    EXPECT_EQ(actual, *expected);
    ++compared;
  }
  if (!update) {
    EXPECT_GE(compared, 19);
  }
}

TEST(TableReader, RowNumbersAreExcelsAfterTitleAndBlankRows) {
  Result<Table> table = ReadTable(kFixtures / "openpyxl_workbook.xlsx");
  ASSERT_TRUE(table.ok()) << table.status().message();
  const Sheet& sheet = table->sheets.at(0);
  EXPECT_EQ(sheet.name, "企业名录");
  // Title on row 1 (merged across A:G; only A1 holds text), row 2 blank, header on row 3,
  // data on 4, 6 and 7 (row 5 blank).
  EXPECT_EQ(sheet.row_numbers, (std::vector<int>{1, 3, 4, 6, 7}));
  ASSERT_EQ(sheet.rows[0].size(), 1u);
  EXPECT_EQ(sheet.rows[1].at(6).text, "备注");  // G3 after the empty F3 keeps its column
  EXPECT_TRUE(sheet.rows[1].at(5).empty());

  Result<Table> csv = ReadTable(kFixtures / "crlf.csv");
  ASSERT_TRUE(csv.ok()) << csv.status().message();
  // The quoted field of record 4 spans two lines: Excel shows record 6 on row 6, not line 7.
  EXPECT_EQ(csv->sheets.at(0).row_numbers, (std::vector<int>{1, 3, 4, 6}));
}

TEST(TableReader, StoredNumberTextParsesExactly) {
  Result<Table> table = ReadTable(kFixtures / "excel_like.xlsx");
  ASSERT_TRUE(table.ok()) << table.status().message();
  const std::vector<Cell>& row = table->sheets.at(0).rows.at(2);  // row 4
  ASSERT_EQ(row.at(1).text, "74.09999999999999");
  EXPECT_EQ(*ParseDecimalScaled(row.at(1).text, 2), 7410);
  ASSERT_EQ(row.at(2).text, "0.30000000000000004");
  EXPECT_EQ(*ParseDecimalScaled(row.at(2).text, 4), 3000);
}

TEST(TableReader, FormatComesFromContentNotName) {
  Result<std::string> xlsx = ReadWholeFile(kFixtures / "excel_like.xlsx");
  ASSERT_TRUE(xlsx.ok());
  Result<Table> as_csv = ReadTableFromBytes(*xlsx, "月报.csv");
  ASSERT_TRUE(as_csv.ok()) << as_csv.status().message();
  EXPECT_EQ(as_csv->format, "xlsx");

  Result<Table> as_xlsx = ReadTableFromBytes("a\tb\n1\t2\n", "月报.xlsx");
  ASSERT_TRUE(as_xlsx.ok()) << as_xlsx.status().message();
  EXPECT_EQ(as_xlsx->format, "tsv");
}

TEST(TableReader, DamagedZipEntryNamesThePart) {
  Result<std::string> xlsx = ReadWholeFile(kFixtures / "excel_like.xlsx");
  ASSERT_TRUE(xlsx.ok());
  std::string bytes = *xlsx;
  // Overwrite the compressed data of sheet2.xml (just after its local file header's name).
  size_t name = bytes.find("xl/worksheets/sheet2.xml");
  ASSERT_NE(name, std::string::npos);
  for (size_t i = name + 40; i < name + 90; ++i) bytes[i] = static_cast<char>(0xA5 ^ i);
  Result<Table> table = ReadTableFromBytes(bytes, "damaged.xlsx");
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.status().message().find("damaged.xlsx: the part xl/worksheets/sheet2.xml"),
            std::string::npos)
      << table.status().message();
}

TEST(TableReader, MissingEmptyAndBinaryFiles) {
  EXPECT_EQ(ReadTable(kFixtures / "no_such_file.xlsx").status().code(), StatusCode::kNotFound);
  Result<Table> empty = ReadTableFromBytes("", "空.csv");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().message(), "空.csv: the file is empty");
  Result<Table> binary = ReadTableFromBytes(std::string("\x01\x02\x00\x03", 4), "x.bin");
  ASSERT_FALSE(binary.ok());
  EXPECT_NE(binary.status().message().find("binary file"), std::string::npos);
}

TEST(TableReader, RowsOfEmptyFieldsAndTrailingEmptiesAreDropped) {
  Result<Table> table = ReadTableFromBytes("a,b,c\r\n,,\r\n1,,\r\n\r\n , ,\r\n", "t.csv");
  ASSERT_TRUE(table.ok()) << table.status().message();
  const Sheet& sheet = table->sheets.at(0);
  EXPECT_EQ(sheet.row_numbers, (std::vector<int>{1, 3, 5}));
  EXPECT_EQ(sheet.rows[1].size(), 1u);  // "1,," ends at its last non-empty cell
  EXPECT_EQ(sheet.rows[2].size(), 2u);  // spaces are content
}

TEST(TableReader, HonoursExcelsSepLine) {
  Result<Table> table = ReadTableFromBytes("sep=;\r\n名称;金额\r\n甲;1,5\r\n", "sep.csv");
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_EQ(table->delimiter, ';');
  EXPECT_EQ(table->sheets[0].row_numbers, (std::vector<int>{1, 2}));
  EXPECT_EQ(table->sheets[0].rows[1][1].text, "1,5");
}

TEST(TableReader, RecognisesWebArchives) {
  Result<Table> mhtml =
      ReadTableFromBytes("MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n", "x.xls");
  ASSERT_FALSE(mhtml.ok());
  EXPECT_NE(mhtml.status().message().find("web archive (MHTML)"), std::string::npos);
}

TEST(TableReader, DetectsDelimiterFromConsistentLines) {
  EXPECT_EQ(DetectDelimiter("a,b,c\n1,2,3\n"), ',');
  EXPECT_EQ(DetectDelimiter("a\tb\tc\n1\t2,5\t3\n"), '\t');
  EXPECT_EQ(DetectDelimiter("名称;金额\n甲;1,5\n乙;2,75\n"), ';');
  EXPECT_EQ(DetectDelimiter("标题,含逗号\n代码\t名称\n1\t甲\n2\t乙\n"), '\t');
  EXPECT_EQ(DetectDelimiter("\"a,b\"\tc\n\"d,e\"\tf\n"), '\t');
  EXPECT_EQ(DetectDelimiter("single column\nvalue\n"), ',');
}

}  // namespace
}  // namespace qq::ingest
