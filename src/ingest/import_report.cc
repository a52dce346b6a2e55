#include "ingest/import_report.h"

namespace qq::ingest {

std::string CellName(size_t column, int row) {
  std::string letters;
  size_t c = column + 1;
  while (c > 0) {
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    c = (c - 1) / 26;
  }
  return letters + std::to_string(row);
}

}  // namespace qq::ingest
