// Members served in the last 12 months (`member_served_marks`, migration 0007) and the
// served_12m figure of coverage_rollups they keep.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct ServedMarkRow {
  std::int64_t member_id = 0;
  std::int64_t federation_id = 0;
  std::string counted_path;
  std::int64_t served_until = 0;
};

//! The member's union path and federation, if the member exists.
Result<std::optional<std::pair<std::string, std::int64_t>>> MemberPlace(Connection& conn,
                                                                        std::int64_t member_id);
Result<std::optional<ServedMarkRow>> FindServedMark(Connection& conn, std::int64_t member_id);
//! Inserts or replaces the member's mark.
Result<void> SaveServedMark(Connection& conn, const ServedMarkRow& mark);
Result<void> DeleteServedMark(Connection& conn, std::int64_t member_id);
//! Marks whose served_until lies before `now_ms`, oldest first.
Result<std::vector<ServedMarkRow>> ExpiredServedMarks(Connection& conn, std::int64_t now_ms,
                                                      int limit);
//! How many marks are counted along each path (for the recount).
Result<std::vector<std::pair<std::string, std::int64_t>>> ServedMarksPerPath(Connection& conn);
//! Adds `delta` to served_12m of each org.
Result<void> AddServed(Connection& conn, const std::vector<std::int64_t>& org_ids,
                       std::int64_t delta);

}  // namespace zj::store
