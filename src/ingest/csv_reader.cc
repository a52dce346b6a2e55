#include "ingest/csv_reader.h"

namespace qq::ingest {

CsvReader::CsvReader(std::string_view text, char separator) : text_(text), sep_(separator) {
  if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
}

bool CsvReader::Next(std::vector<std::string>& fields) {
  fields.clear();
  unterminated_ = false;
  if (pos_ >= text_.size()) return false;
  record_line_ = line_;
  std::string field;
  while (true) {
    if (pos_ < text_.size() && text_[pos_] == '"') {
      ++pos_;
      while (true) {
        if (pos_ >= text_.size()) {
          unterminated_ = true;
          break;
        }
        char c = text_[pos_++];
        if (c == '"') {
          if (pos_ < text_.size() && text_[pos_] == '"') {
            field.push_back('"');
            ++pos_;
          } else {
            break;
          }
        } else {
          if (c == '\n') ++line_;
          field.push_back(c);
        }
      }
      // Anything between the closing quote and the separator is kept as written.
    }
    while (pos_ < text_.size() && text_[pos_] != sep_ && text_[pos_] != '\n' && text_[pos_] != '\r') {
      field.push_back(text_[pos_++]);
    }
    fields.push_back(std::move(field));
    field.clear();
    if (pos_ >= text_.size()) return true;
    char c = text_[pos_];
    if (c == sep_) {
      ++pos_;
      continue;
    }
    if (c == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++line_;
    return true;
  }
}

std::vector<std::string> SplitFields(std::string_view text, char separator) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t pos = text.find(separator, start);
    out.emplace_back(text.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

}  // namespace qq::ingest
