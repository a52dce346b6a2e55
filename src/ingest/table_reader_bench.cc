// Prints how long ReadTable takes on each file given, with the table's shape.
#include <chrono>
#include <cstdio>
#include <exception>

#include "ingest/table_reader.h"

int main(int argc, char** argv) try {
  if (argc < 2) {
    std::fprintf(stderr, "usage: table_reader_bench FILE...\n");
    return 2;
  }
  int failures = 0;
  for (int i = 1; i < argc; ++i) {
    auto start = std::chrono::steady_clock::now();
    qq::Result<qq::ingest::Table> table = qq::ingest::ReadTable(argv[i]);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!table.ok()) {
      std::fprintf(stderr, "%s\n", table.status().ToString().c_str());
      ++failures;
      continue;
    }
    size_t rows = 0, cells = 0;
    for (const auto& sheet : table->sheets) {
      rows += sheet.rows.size();
      for (const auto& row : sheet.rows) cells += row.size();
    }
    std::printf("%s: %s %s, %zu sheet(s), %zu rows, %zu cells: %.3f s\n", argv[i],
                table->format.c_str(), table->encoding.c_str(), table->sheets.size(), rows, cells,
                seconds);
  }
  return failures == 0 ? 0 : 1;
} catch (const std::exception& e) {
  std::fprintf(stderr, "table_reader_bench: %s\n", e.what());
  return 1;
}
