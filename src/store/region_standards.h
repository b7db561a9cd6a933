// The region-year standards a hardship file is measured against (migration 0026): the local
// 低保 line per region and year, and the shares of 意外致困, loaded by an administrator.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct RegionStandardRow {
  std::string region_code;
  int year = 0;
  std::int64_t dibao_monthly_fen = 0;
  int sudden_cost_pct = 80;
  int sudden_medical_pct = 50;
  std::string source;
  std::optional<std::int64_t> loaded_by;
  std::int64_t loaded_at = 0;
};

//! Inserts the standard, or replaces the one of the same region and year.
Result<void> UpsertRegionStandard(Connection& conn, const RegionStandardRow& row);
Result<std::optional<RegionStandardRow>> FindRegionStandard(Connection& conn,
                                                            const std::string& region_code,
                                                            int year);
//! Every standard, by region then year (a few hundred rows: districts × years).
Result<std::vector<RegionStandardRow>> AllRegionStandards(Connection& conn);

}  // namespace zj::store
