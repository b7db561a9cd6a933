// The coverage rollups: per org, the sums of its subtree's enterprise contributions
// (`coverage_rollups`) and the same per industry section (`coverage_industries`). Only deltas
// are written, on the caller's connection, so they commit or roll back with the change itself.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/coverage/coverage_figures.h"
#include "store/database.h"

namespace zj::store {

struct RollupRow {
  std::int64_t org_id = 0;
  coverage::Figures figures;
  std::int64_t served_12m = 0;
  std::int64_t members_online = 0;  //!< active members with a worker account bound to them
};

struct IndustryRollupRow {
  std::int64_t org_id = 0;
  std::string industry;
  coverage::Figures figures;
};

//! Adds `delta` to the rollup of each org in `org_ids` (and of their industry row).
Result<void> AddToRollups(Connection& conn, const std::vector<std::int64_t>& org_ids,
                          const std::string& industry, std::int64_t federation_id,
                          const coverage::Figures& delta);
//! Adds `delta` to the totals only (no industry row), e.g. a whole subtree's figures on a move.
Result<void> AddToTotals(Connection& conn, const std::vector<std::int64_t>& org_ids,
                         const coverage::Figures& delta);
//! Adds `delta` to one industry row of each org.
Result<void> AddToIndustry(Connection& conn, const std::vector<std::int64_t>& org_ids,
                           const std::string& industry, std::int64_t federation_id,
                           const coverage::Figures& delta);

//! Adds `delta` to members_online of each org (members reached online, app/coverage/online.h).
Result<void> AddOnline(Connection& conn, const std::vector<std::int64_t>& org_ids,
                       std::int64_t delta);

Result<RollupRow> RollupOf(Connection& conn, std::int64_t org_id);
//! The industry rows of an org with any enterprise, by section.
Result<std::vector<IndustryRollupRow>> IndustryRollupsOf(Connection& conn, std::int64_t org_id);
Result<std::vector<RollupRow>> AllRollups(Connection& conn);
Result<std::vector<IndustryRollupRow>> AllIndustryRollups(Connection& conn);

}  // namespace zj::store
