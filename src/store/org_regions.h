// The queries behind the region rules of the union tree (app/orgs/org_regions.h): which active
// federations (municipal, district, street) hold a region, and which orgs of a subtree have one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct RegionHolder {
  std::int64_t id = 0;
  std::string path;
  std::string code;
  std::string kind;
  std::string status;
  std::string region_code;
};

//! Active municipal, district and street federations whose region is one of `codes` (1 to 4
//! codes), by path.
Result<std::vector<RegionHolder>> ActiveTerritoriesHolding(Connection& conn,
                                                           const std::vector<std::string>& codes);
//! Active municipal, district and street federations whose region lies in [low, high) (high ""
//! for no upper bound), by path.
Result<std::vector<RegionHolder>> ActiveTerritoriesWithin(Connection& conn, const std::string& low,
                                                          const std::string& high);
//! The orgs of the subtree [path_low, path_high) that have a region, by path.
Result<std::vector<RegionHolder>> OrgsWithRegionIn(Connection& conn, const std::string& path_low,
                                                   const std::string& path_high);

}  // namespace zj::store
