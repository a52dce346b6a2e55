// Loaders for the reference data in data/: regions (民政部 and NBS lists merged, down to
// towns), the historical-code crosswalk, and the GB/T 4754-2017 classification. Every
// error names the file and line.
#pragma once

#include <filesystem>
#include <vector>

#include "core/region.h"

namespace qq::ingest {

// Reads data/regions-mca/regions.csv and data/regions-nbs/{provinces,cities,areas,streets}.csv
// and merges them: a code in both lists is `both`, otherwise `mca` or `nbs`; names follow
// the 民政部 list where both have the code. Adds the root 100000 全国. Parents precede
// children in the result. A county whose city is not listed hangs under its province.
Result<std::vector<Region>> LoadRegions(const std::filesystem::path& data_dir);

// Reads data/region-crosswalk/crosswalk.csv; every new code must be among `regions`.
Result<std::vector<RegionAlias>> LoadCrosswalk(const std::filesystem::path& data_dir,
                                               const std::vector<Region>& regions);

// Reads data/gbt4754-2017/industry_classes.csv; checks codes, levels and that every parent
// is listed before its children.
Result<std::vector<IndustryClass>> LoadIndustryClasses(const std::filesystem::path& data_dir);

}  // namespace qq::ingest

#include "core/scale_thresholds.h"

namespace qq::ingest {
// Reads data/statistics/scale_thresholds.csv.
Result<ScaleThresholds> LoadScaleThresholds(const std::filesystem::path& data_dir);
}  // namespace qq::ingest
