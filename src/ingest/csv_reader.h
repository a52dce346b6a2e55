// CsvReader: RFC 4180 records from UTF-8 text (quoted fields with "" escapes and embedded
// line breaks, CRLF or LF, an optional BOM), with the line each record starts on. Tab-
// separated text uses the same reader with '\t'. Hand-written because it sits on the
// import hot path and must report exact line numbers; Debian's libcsv offers neither.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace qq::ingest {

class CsvReader {
 public:
  // `text` must outlive the reader.
  explicit CsvReader(std::string_view text, char separator = ',');
  // Reads the next record into `fields`; false at the end of the text.
  bool Next(std::vector<std::string>& fields);
  // The 1-based line on which the last record returned by Next() started.
  int line() const { return record_line_; }
  // True if the last record had an unterminated quote (it ran to the end of the text).
  bool unterminated_quote() const { return unterminated_; }
  // The 1-based line on which that unterminated quoted field opened.
  int quote_line() const { return quote_line_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  char sep_;
  int line_ = 1;
  int record_line_ = 0;
  bool unterminated_ = false;
  int quote_line_ = 0;
};

// Splits `text` by `separator` into trimmed-of-nothing parts (for simple list cells).
std::vector<std::string> SplitFields(std::string_view text, char separator);

}  // namespace qq::ingest
