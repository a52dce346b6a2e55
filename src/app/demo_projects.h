// The demo's project workflow and land: each demo region's year library, monthly scheduling
// rounds with filings made through the same FileRecord path users take (the last round left
// open with a few projects not yet filed), parks, parcels and revitalised idle land.
#pragma once

#include <cstdint>

#include "ingest/demo_spec.h"
#include "store/database.h"

namespace qq::app {

// Needs the region's projects already in the store (DemoBuilder::AddProjects).
Status AddDemoSchedule(store::Database& db, const ingest::DemoRegion& r, uint64_t seed);
// Needs the region's firms already in the store.
Status AddDemoLand(store::Database& db, const ingest::DemoRegion& r, uint64_t seed);

}  // namespace qq::app
