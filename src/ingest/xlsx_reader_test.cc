#include "ingest/xlsx_reader.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <string>
#include <utility>
#include <vector>

#include "ingest/file_util.h"
#include "ingest/table_reader.h"

namespace qq::ingest {
namespace {

TEST(XlsxReader, DecodesOoxmlEscapes) {
  std::string text = "a_x000D_b_x0009_c";
  DecodeOoxmlEscapes(text);
  EXPECT_EQ(text, "a\rb\tc");
  text = "_x005F_x000D_";  // an escaped underscore keeps the rest literal
  DecodeOoxmlEscapes(text);
  EXPECT_EQ(text, "_x000D_");
  text = "_xD83D__xDE00_ _x4E2D_ _x12_ _xZZZZ_";
  DecodeOoxmlEscapes(text);
  EXPECT_EQ(text, "😀 中 _x12_ _xZZZZ_");
  text = "_xD83D_!";  // a lone surrogate
  DecodeOoxmlEscapes(text);
  EXPECT_EQ(text, "\xEF\xBF\xBD!");
}

TEST(XlsxReader, ResolvesRelationshipTargets) {
  EXPECT_EQ(ResolvePartTarget("xl/workbook.xml", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml");
  EXPECT_EQ(ResolvePartTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml");
  EXPECT_EQ(ResolvePartTarget("xl/worksheets/sheet1.xml", "../drawings/d1.xml"),
            "xl/drawings/d1.xml");
  EXPECT_EQ(ResolvePartTarget("", "xl/workbook.xml"), "xl/workbook.xml");
  EXPECT_EQ(ResolvePartTarget("xl/workbook.xml", "./a/../b.xml"), "xl/b.xml");
}

// Writes an xlsx with one worksheet whose sheetData is `rows` (via libzip, into a temp file);
// `encrypt_sheet` protects the sheet's zip entry with a password, as some zip tools do.
std::string MakeXlsx(const std::string& rows, bool encrypt_sheet = false) {
  const std::string ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  std::vector<std::pair<std::string, std::string>> parts = {
      {"xl/workbook.xml",
       "<workbook " + ns + " xmlns:r=\"" + rel +
           "\"><sheets><sheet name=\"大表\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
       "Id=\"rId1\" "
       "Type=\"" +
           rel + "/worksheet\" Target=\"worksheets/big.xml\"/></Relationships>"},
      {"xl/worksheets/big.xml",
       "<worksheet " + ns + "><sheetData>" + rows + "</sheetData></worksheet>"},
  };
  std::string path = testing::TempDir() + "/qq_big_sheet.xlsx";
  std::remove(path.c_str());
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, xml] : parts) {
    zip_source_t* src = zip_source_buffer(z, xml.data(), xml.size(), 0);
    zip_int64_t index = zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8);
    EXPECT_GE(index, 0);
    if (encrypt_sheet && name.find("worksheets") != std::string::npos) {
      EXPECT_EQ(zip_file_set_encryption(z, static_cast<zip_uint64_t>(index), ZIP_EM_AES_256, "pw"),
                0);
    }
  }
  EXPECT_EQ(zip_close(z), 0);  // the buffers are read here, while `parts` lives
  return *ReadWholeFile(path);
}

// Rows span many 256 KiB batches, and every row holds "</row>" inside CDATA, so some batch
// cuts land inside a string and the reader must fall back to parsing the rest in one piece.
TEST(XlsxReader, ReadsSheetsLargerThanABatch) {
  constexpr int kRows = 40000;
  std::string rows;
  for (int r = 1; r <= kRows; ++r) {
    std::string n = std::to_string(r);
    rows.append("<row r=\"").append(n).append("\"><c r=\"A").append(n);
    rows.append("\" t=\"inlineStr\"><is><t><![CDATA[x</row>").append(n).append("]]></t></is></c>");
    rows.append("<c r=\"C").append(n).append("\"><v>").append(n).append(".5</v></c>");
    rows.append(static_cast<size_t>(r % 7) * 3, ' ').append("</row>");
  }
  std::string bytes = MakeXlsx(rows);
  Result<Table> table = ReadTableFromBytes(bytes, "big.xlsx");
  ASSERT_TRUE(table.ok()) << table.status().message();
  const Sheet& sheet = table->sheets.at(0);
  EXPECT_EQ(sheet.name, "大表");
  ASSERT_EQ(sheet.rows.size(), static_cast<size_t>(kRows));
  for (int r = 1; r <= kRows; r += 997) {
    const auto& row = sheet.rows[static_cast<size_t>(r - 1)];
    EXPECT_EQ(sheet.row_numbers[static_cast<size_t>(r - 1)], r);
    ASSERT_EQ(row.size(), 3u);
    EXPECT_EQ(row[0].text, "x</row>" + std::to_string(r));
    EXPECT_TRUE(row[1].empty());
    EXPECT_EQ(row[2].text, std::to_string(r) + ".5");
  }
}

TEST(XlsxReader, ReportsMalformedSheets) {
  Result<Table> bad_ref = ReadTableFromBytes(
      MakeXlsx("<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"1B\"/></row>"), "r.xlsx");
  ASSERT_FALSE(bad_ref.ok());
  EXPECT_EQ(bad_ref.status().message(), "r.xlsx: sheet '大表' row 2: bad cell reference '1B'");

  Result<Table> bad_sst =
      ReadTableFromBytes(MakeXlsx("<row r=\"3\"><c r=\"D3\" t=\"s\"><v>7</v></c></row>"), "s.xlsx");
  ASSERT_FALSE(bad_sst.ok());
  EXPECT_EQ(bad_sst.status().message(),
            "s.xlsx: sheet '大表' cell D3: shared string 7 does not exist (the workbook has 0)");

  Result<Table> not_xml = ReadTableFromBytes(MakeXlsx("<row r=\"1\"><c><v>1</c></row>"), "x.xlsx");
  ASSERT_FALSE(not_xml.ok());
  EXPECT_NE(not_xml.status().message().find(
                "x.xlsx: the part xl/worksheets/big.xml is not well-formed XML"),
            std::string::npos)
      << not_xml.status().message();
}

TEST(XlsxReader, EncryptedEntryIsNamed) {
  Result<Table> table =
      ReadTableFromBytes(MakeXlsx("<row r=\"1\"><c><v>1</v></c></row>", true), "locked.xlsx");
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(
      table.status().message(),
      "locked.xlsx: the part xl/worksheets/big.xml cannot be read: it is encrypted (remove the "
      "password in Excel/WPS and save again)");
}

TEST(XlsxReader, EmptySheetData) {
  Result<Table> table = ReadTableFromBytes(MakeXlsx(""), "e.xlsx");
  ASSERT_TRUE(table.ok()) << table.status().message();
  ASSERT_EQ(table->sheets.size(), 1u);
  EXPECT_TRUE(table->sheets[0].rows.empty());
}

}  // namespace
}  // namespace qq::ingest
