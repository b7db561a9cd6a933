// Members an activity reached in the last 12 months (`member_reached_marks`, migration 0043) and
// the reached_12m figure of coverage_rollups they keep (docs/design/activities.md "Reach"), as
// store/served_marks.h keeps 有效覆盖's served_12m; and the reach read: an org's figures and the
// street federations of its subtree, one read of rollups each.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct ReachedMarkRow {
  std::int64_t member_id = 0;
  std::int64_t federation_id = 0;
  std::string counted_path;
  std::int64_t reached_until = 0;
};

Result<std::optional<ReachedMarkRow>> FindReachedMark(Connection& conn, std::int64_t member_id);
//! Inserts or replaces the member's mark.
Result<void> SaveReachedMark(Connection& conn, const ReachedMarkRow& mark);
Result<void> DeleteReachedMark(Connection& conn, std::int64_t member_id);
//! Marks whose reached_until lies before `now_ms`, oldest first.
Result<std::vector<ReachedMarkRow>> ExpiredReachedMarks(Connection& conn, std::int64_t now_ms,
                                                        int limit);
//! How many marks are counted along each path (for the recount).
Result<std::vector<std::pair<std::string, std::int64_t>>> ReachedMarksPerPath(Connection& conn);
//! Every org's reached_12m (for the recount).
Result<std::vector<std::pair<std::int64_t, std::int64_t>>> AllReached(Connection& conn);
//! Adds `delta` to reached_12m of each org.
Result<void> AddReached(Connection& conn, const std::vector<std::int64_t>& org_ids,
                        std::int64_t delta);

//! An org's members and members reached, from its rollup.
struct ReachRow {
  std::int64_t org_id = 0;
  std::string name;
  std::string kind;
  std::int64_t members = 0;
  std::int64_t reached_12m = 0;
};
//! The org's own row; nullopt when it has no rollup.
Result<std::optional<ReachRow>> ReachOf(Connection& conn, std::int64_t org_id);
//! The active street federations whose path lies in [low, high), by path, at most `limit`.
Result<std::vector<ReachRow>> StreetReach(Connection& conn, const std::string& low,
                                          const std::string& high, int limit);

}  // namespace zj::store
