// Reading published rates (the statistics office's growth rates, e.g. real 增加值 growth):
// 行政区划代码 | 指标 | 统计期 | 数值(%) | 来源. Each becomes its own series; nothing is
// recomputed from totals.
#pragma once

#include <string>
#include <vector>

#include "core/region_code.h"
#include "ingest/import_report.h"
#include "ingest/table_reader.h"

namespace qq::ingest {

struct PublishedDraft {
  RegionCode region;
  std::string metric, period, source;
  double value = 0;
  int row = 0;
};

struct PublishedSheets {
  std::vector<PublishedDraft> drafts;
  std::vector<ImportIssue> errors, warnings;
};

// Periods are "2024" (a year), "2024-03" (a month) or "2024-01/2024-03" (1-3月); "2024年1-3月"
// and "2024年3月" are accepted and normalised.
PublishedSheets ParsePublishedTable(const Table& table);

}  // namespace qq::ingest
