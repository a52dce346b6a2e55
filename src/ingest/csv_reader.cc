#include "ingest/csv_reader.h"

#include <algorithm>

namespace qq::ingest {

CsvReader::CsvReader(std::string_view text, char separator) : text_(text), sep_(separator) {
  if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
}

bool CsvReader::Next(std::vector<std::string>& fields) {
  fields.clear();
  unterminated_ = false;
  if (pos_ >= text_.size()) return false;
  record_line_ = line_;
  const size_t size = text_.size();
  const char* data = text_.data();
  std::string field;
  while (true) {
    if (pos_ < size && data[pos_] == '"') {
      int open_line = line_;
      ++pos_;
      while (true) {
        size_t quote = text_.find('"', pos_);
        size_t end = quote == std::string_view::npos ? size : quote;
        field.append(data + pos_, end - pos_);
        line_ += static_cast<int>(std::count(data + pos_, data + end, '\n'));
        if (quote == std::string_view::npos) {
          pos_ = size;
          unterminated_ = true;
          quote_line_ = open_line;
          break;
        }
        pos_ = quote + 1;
        if (pos_ < size && data[pos_] == '"') {
          field.push_back('"');
          ++pos_;
        } else {
          break;
        }
      }
      // Anything between the closing quote and the separator is kept as written.
    }
    size_t end = pos_;
    while (end < size && data[end] != sep_ && data[end] != '\n' && data[end] != '\r') ++end;
    field.append(data + pos_, end - pos_);
    pos_ = end;
    fields.push_back(std::move(field));
    field.clear();
    if (pos_ >= size) return true;
    char c = data[pos_];
    if (c == sep_) {
      ++pos_;
      continue;
    }
    if (c == '\r') ++pos_;
    if (pos_ < size && data[pos_] == '\n') ++pos_;
    ++line_;
    return true;
  }
}

std::vector<std::string> SplitFields(std::string_view text, char separator) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t pos = text.find(separator, start);
    out.emplace_back(
        text.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

}  // namespace qq::ingest
