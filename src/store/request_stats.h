// Rows of `request_stats` (migration 0007): the service dashboard's counters per org, week of
// submission and category, changed only by deltas on the caller's connection.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/requests/service_stats.h"
#include "store/database.h"

namespace zj::store {

struct RequestStatsRow {
  std::int64_t org_id = 0;
  std::string week;
  std::string category_code;
  requests::StatsDelta figures;
};

//! Adds `delta` to the row of (org, week, category) of each org in `org_ids`, creating it.
Result<void> AddRequestStats(Connection& conn, const std::vector<std::int64_t>& org_ids,
                             const std::string& week, const std::string& category_code,
                             std::int64_t federation_id, const requests::StatsDelta& delta);

//! Adds `sign` (+1 or -1) times every row of `from_org_id` to the same (week, category) row of
//! each org in `org_ids`: a moved subtree's figures leave its old ancestors and join the new.
Result<void> AddRequestStatsOf(Connection& conn, std::int64_t from_org_id,
                               const std::vector<std::int64_t>& org_ids, int sign,
                               std::int64_t federation_id);

//! The rows of one org from `from_week` (inclusive) on, by week and category.
Result<std::vector<RequestStatsRow>> RequestStatsOf(Connection& conn, std::int64_t org_id,
                                                    const std::string& from_week);

}  // namespace zj::store
