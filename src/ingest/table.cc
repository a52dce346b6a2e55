#include "ingest/table.h"

#include <algorithm>

namespace qq::ingest {

std::string ColumnName(int column) {
  std::string out;
  for (int n = column + 1; n > 0; n = (n - 1) / 26) {
    out.push_back(static_cast<char>('A' + (n - 1) % 26));
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::string CellReference(int column, int row) { return ColumnName(column) + std::to_string(row); }

}  // namespace qq::ingest
