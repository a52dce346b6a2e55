#include "ingest/table_reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "ingest/csv_reader.h"
#include "ingest/file_util.h"
#include "ingest/text_encoding.h"
#include "ingest/xlsx_reader.h"
#include "ingest/zip_archive.h"

namespace qq::ingest {
namespace {

constexpr std::string_view kOle2Magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr std::string_view kSaveAsXlsx =
    "open it in Excel or WPS and save it as .xlsx (Excel 工作簿)";

bool StartsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

bool ContainsIgnoringCase(std::string_view text, std::string_view needle) {
  auto it = std::search(text.begin(), text.end(), needle.begin(), needle.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == b;
  });
  return it != text.end();
}

Status NotASpreadsheet(const std::string& file_name, const std::string& what) {
  return Status::InvalidArgument(file_name + ": " + what);
}

// Files that are not text and not xlsx, recognised by their first bytes.
Status RecogniseBinary(std::string_view bytes, const std::string& file_name) {
  if (bytes.starts_with(kOle2Magic)) {
    // Password-protected .xlsx files are OLE2 containers with an EncryptedPackage stream.
    static const std::string kEncrypted = [] {
      std::string s;
      for (char c : std::string_view("EncryptedPackage")) {
        s += c;
        s += '\0';
      }
      return s;
    }();
    if (bytes.find(kEncrypted) != std::string_view::npos) {
      return NotASpreadsheet(file_name,
                             "the workbook is password-protected; remove the password in Excel or "
                             "WPS (文件 → 信息 → 保护工作簿) and save it again");
    }
    return NotASpreadsheet(
        file_name, "this is an Excel 97–2003 .xls (or WPS .et) file, which cannot be read; " +
                       std::string(kSaveAsXlsx));
  }
  if (bytes.starts_with("%PDF-")) {
    return NotASpreadsheet(file_name, "this is a PDF document, not a spreadsheet");
  }
  if (bytes.starts_with("Rar!") || bytes.starts_with("7z\xBC\xAF") ||
      bytes.starts_with("\x1F\x8B")) {
    return NotASpreadsheet(
        file_name,
        "this is a compressed archive (rar/7z/gzip), not a spreadsheet; unpack it first");
  }
  if (bytes.starts_with("\x89PNG") || bytes.starts_with("\xFF\xD8\xFF") ||
      bytes.starts_with("GIF8")) {
    return NotASpreadsheet(file_name, "this is an image, not a spreadsheet");
  }
  if (!bytes.starts_with("\xFF\xFE") && !bytes.starts_with("\xFE\xFF") &&
      bytes.substr(0, 65536).find('\0') != std::string_view::npos) {
    return NotASpreadsheet(file_name,
                           "this is a binary file, not an .xlsx workbook or delimited text");
  }
  return Status::Ok();
}

// Web pages and XML that systems export with an .xls name.
Status RecogniseMarkup(std::string_view text, const std::string& file_name) {
  std::string_view head = text.substr(0, 4096);
  if (StartsWithIgnoringCase(head, "mime-version:")) {
    return NotASpreadsheet(
        file_name,
        "this is a web archive (MHTML) saved with a spreadsheet name; " + std::string(kSaveAsXlsx));
  }
  size_t start = head.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || head[start] != '<') return Status::Ok();
  head = head.substr(start);
  if (ContainsIgnoringCase(head, "urn:schemas-microsoft-com:office:spreadsheet")) {
    return NotASpreadsheet(file_name,
                           "this is an XML Spreadsheet 2003 file; " + std::string(kSaveAsXlsx));
  }
  if (StartsWithIgnoringCase(head, "<!doctype html") || ContainsIgnoringCase(head, "<html") ||
      ContainsIgnoringCase(head, "<table")) {
    return NotASpreadsheet(file_name, "this is a web page (HTML) saved with a spreadsheet name; " +
                                          std::string(kSaveAsXlsx));
  }
  if (StartsWithIgnoringCase(head, "<?xml")) {
    return NotASpreadsheet(file_name, "this is an XML file, not a spreadsheet");
  }
  return Status::Ok();
}

bool IsZip(std::string_view bytes) {
  return bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06");
}

Result<Table> ReadZip(std::string_view bytes, const std::string& file_name) {
  QQ_ASSIGN_OR_RETURN(ZipArchive archive, ZipArchive::Open(bytes, file_name));
  Result<std::string> workbook = FindWorkbookPart(archive);
  if (!workbook.ok()) {
    if (workbook.status().code() != StatusCode::kNotFound) return workbook.status();
    if (archive.Contains("mimetype") && archive.Contains("content.xml")) {
      return NotASpreadsheet(
          file_name, "this is an OpenDocument (.ods/.odt) file; " + std::string(kSaveAsXlsx));
    }
    if (archive.Contains("word/document.xml")) {
      return NotASpreadsheet(file_name, "this is a Word document, not a spreadsheet");
    }
    if (archive.Contains("ppt/presentation.xml")) {
      return NotASpreadsheet(file_name, "this is a PowerPoint file, not a spreadsheet");
    }
    return NotASpreadsheet(
        file_name, "this is a zip archive but not an .xlsx workbook (it has no xl/workbook.xml)");
  }
  Table table;
  table.file_name = file_name;
  table.format = "xlsx";
  QQ_ASSIGN_OR_RETURN(table.sheets, ReadXlsxSheets(archive));
  return table;
}

Result<Table> ReadDecodedText(const DecodedText& decoded, const std::string& file_name) {
  std::string_view text = decoded.text;
  if (text.find('\0') != std::string_view::npos) {
    return NotASpreadsheet(file_name,
                           "this is a binary file, not an .xlsx workbook or delimited text");
  }
  QQ_RETURN_IF_ERROR(RecogniseMarkup(text, file_name));

  Table table;
  table.file_name = file_name;
  table.encoding = decoded.encoding;
  // Excel writes and honours a first line "sep=;" naming the delimiter; it is not a row.
  if (text.size() >= 5 && StartsWithIgnoringCase(text, "sep=") &&
      (text.size() == 5 || text[5] == '\r' || text[5] == '\n')) {
    table.delimiter = text[4];
    text.remove_prefix(text.size() > 5 && text[5] == '\r' ? 6 : 5);
    if (text.starts_with("\n")) text.remove_prefix(1);
  } else {
    table.delimiter = DetectDelimiter(text);
  }
  table.format = table.delimiter == '\t' ? "tsv" : "csv";
  Sheet& sheet = table.sheets.emplace_back();
  CsvReader reader(text, table.delimiter);
  std::vector<std::string> fields;
  int record = 0;
  size_t cells = 0;
  while (reader.Next(fields)) {
    ++record;
    if (reader.unterminated_quote()) {
      return Status::InvalidArgument(
          file_name + ":" + std::to_string(reader.quote_line()) +
          ": a quoted field opened on this line is never closed (a stray \")");
    }
    size_t width = fields.size();
    while (width > 0 && fields[width - 1].empty()) --width;
    if (width == 0) continue;
    cells += width;
    if (cells > kMaxTableCells) {
      return Status::InvalidArgument(
          file_name + ":" + std::to_string(reader.line()) + ": the file holds more than " +
          std::to_string(kMaxTableCells / 1000000) + " million cells; split it into smaller files");
    }
    std::vector<Cell> row(width);
    for (size_t i = 0; i < width; ++i) {
      if (fields[i].empty()) continue;
      row[i].text = std::move(fields[i]);
      row[i].kind = Cell::Kind::kString;
    }
    sheet.rows.push_back(std::move(row));
    sheet.row_numbers.push_back(record);
  }
  return table;
}

}  // namespace

char DetectDelimiter(std::string_view text) {
  constexpr std::array<char, 3> kCandidates = {'\t', ',', ';'};
  constexpr int kRecords = 20;
  constexpr size_t kScanBytes = 65536;
  std::vector<std::array<int, 3>> counts;
  std::array<int, 3> current{};
  bool in_quote = false;
  bool blank = true;
  size_t limit = std::min(text.size(), kScanBytes);
  for (size_t i = 0; i < limit && static_cast<int>(counts.size()) < kRecords; ++i) {
    char c = text[i];
    if (c == '"') {
      in_quote = !in_quote;
    } else if (!in_quote && c == '\n') {
      if (!blank) counts.push_back(current);
      current = {};
      blank = true;
      continue;
    } else if (!in_quote) {
      for (size_t k = 0; k < kCandidates.size(); ++k) current[k] += c == kCandidates[k];
    }
    if (c != '\r' && c != ' ') blank = false;
  }
  if (!blank && static_cast<int>(counts.size()) < kRecords) counts.push_back(current);

  // Score each candidate by how many records share its most common non-zero count.
  char best = ',';
  std::pair<int, int> best_score{0, 0};
  for (size_t k = 0; k < kCandidates.size(); ++k) {
    std::map<int, int> frequency;
    for (const auto& record : counts) {
      if (record[k] > 0) ++frequency[record[k]];
    }
    std::pair<int, int> score{0, 0};  // (records with the modal count, that count)
    for (const auto& [count, records] : frequency) {
      score = std::max(score, std::pair<int, int>{records, count});
    }
    if (score > best_score) {
      best_score = score;
      best = kCandidates[k];
    }
  }
  return best;
}

Result<Table> ReadTableFromBytes(std::string_view bytes, const std::string& file_name) {
  if (bytes.empty()) return Status::InvalidArgument(file_name + ": the file is empty");
  if (IsZip(bytes)) return ReadZip(bytes, file_name);
  QQ_RETURN_IF_ERROR(RecogniseBinary(bytes, file_name));
  QQ_ASSIGN_OR_RETURN(DecodedText decoded, DecodeToUtf8(bytes, file_name));
  return ReadDecodedText(decoded, file_name);
}

Result<Table> ReadTable(const std::filesystem::path& path) {
  QQ_ASSIGN_OR_RETURN(std::string bytes, ReadWholeFile(path));
  std::string file_name = path.filename().string();
  if (bytes.empty() || IsZip(bytes)) return ReadTableFromBytes(bytes, file_name);
  QQ_RETURN_IF_ERROR(RecogniseBinary(bytes, file_name));
  // The file's bytes go into decoding, so that only the UTF-8 text stays in memory.
  QQ_ASSIGN_OR_RETURN(DecodedText decoded, MoveToUtf8(std::move(bytes), file_name));
  return ReadDecodedText(decoded, file_name);
}

}  // namespace qq::ingest
