// The worker's side of competitions (issue 21, My account): the competitions whose org is the
// worker's union or above and still enrol, the worker's entries (their own and their teams'),
// and an entry's published result. Ids first, rows through store/competitions.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/competitions.h"
#include "store/database.h"

namespace zj::store {

//! Competitions in enrolment whose org_path is a prefix of `member_path` (the member's union
//! or an org above it), newest first, at most 50.
Result<std::vector<CompetitionRow>> OpenCompetitionsAbove(Connection& conn,
                                                          const std::string& member_path);
//! The member's entries (individual, and teams they are in), not withdrawn, newest first
//! (at most 200).
Result<std::vector<CompEntryRow>> EntriesOfMember(Connection& conn, std::int64_t member_id);
Result<std::optional<CompResultRow>> FindCompResult(Connection& conn, std::int64_t entry_id);

}  // namespace zj::store
