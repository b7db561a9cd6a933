// Bulk rows of a competition for the generated park competition (issue 21's benchmark and demo,
// app/demo/demo_park_competition.h): the members and enterprises of a subtree as the generator
// draws them, and many entries, team members, assignments and scores written with multi-row
// statements (store/multi_row_insert.h) in the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/competitions.h"
#include "store/database.h"

namespace zj::store {

//! A member as the generator picks it for a team or an individual entry.
struct PoolMember {
  std::int64_t id = 0;
  std::optional<std::int64_t> employer_id;
  std::string org_path;
};

//! An enterprise as the generator enters it.
struct PoolEnterprise {
  std::int64_t id = 0;
  std::string org_path;
};

//! Active members whose org_path lies in [low, high), by card number (the same order on every
//! run of the same seed), at most `limit`.
Result<std::vector<PoolMember>> ActiveMembersUnder(Connection& conn, const std::string& low,
                                                   const std::string& high, std::int64_t limit);
//! Enterprises whose org_path lies in [low, high), largest first (then by USCC), at most `limit`.
Result<std::vector<PoolEnterprise>> LargestEnterprisesUnder(Connection& conn,
                                                            const std::string& low,
                                                            const std::string& high,
                                                            std::int64_t limit);

Result<void> InsertCompEntries(Connection& conn, const std::vector<CompEntryRow>& rows);
//! (entry id, member id) pairs.
Result<void> InsertCompTeamMembers(Connection& conn,
                                   const std::vector<std::pair<std::int64_t, std::int64_t>>& rows);
Result<void> InsertCompScores(Connection& conn, const std::vector<CompScoreRow>& rows);

}  // namespace zj::store
