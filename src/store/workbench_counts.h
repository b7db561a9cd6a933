// The counts behind the workbench's to-do cards (app/workbench/): each one an indexed COUNT
// that reads only the open rows it counts (pending, lapsed, unfinished), never a subtree's
// history, so the workbench costs the same whatever the years of data behind it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

//! Requests handled by `org_id` and still waiting to be accepted (status submitted), homed in
//! [home_low, home_high): the index service_requests_org (org_id, status, id).
Result<std::int64_t> CountWaitingForAcceptance(Connection& conn, std::int64_t org_id,
                                               const std::string& home_low,
                                               const std::string& home_high);

//! Open requests (submitted, accepted, in_progress) handled by `org_id` after at least one
//! escalation, homed in [home_low, home_high): the same index, three status ranges.
Result<std::int64_t> CountOpenEscalatedTo(Connection& conn, std::int64_t org_id,
                                          const std::string& home_low,
                                          const std::string& home_high);

//! Open requests homed in [home_low, home_high) whose next deadline lies before `now_ms`: the
//! partial deadline index service_requests_due, as the dashboard's "overdue now".
Result<std::int64_t> CountOverdue(Connection& conn, const std::string& home_low,
                                  const std::string& home_high, std::int64_t now_ms);

//! A request whose next deadline falls in a window, as the workbench lists it.
struct DeadlineItem {
  std::int64_t id = 0;
  std::string tracking_number;
  std::string title;
  std::string status;
  std::int64_t next_due = 0;
  std::string org_name;  //!< the handling org
};

//! Open requests homed in [home_low, home_high) whose next deadline lies in [from_ms, to_ms),
//! soonest first, at most `limit`; and how many there are in all.
Result<std::vector<DeadlineItem>> DeadlinesBetween(Connection& conn, const std::string& home_low,
                                                   const std::string& home_high,
                                                   std::int64_t from_ms, std::int64_t to_ms,
                                                   int limit);
Result<std::int64_t> CountDeadlinesBetween(Connection& conn, const std::string& home_low,
                                           const std::string& home_high, std::int64_t from_ms,
                                           std::int64_t to_ms);

//! Follow-up visits still owed by orgs in [path_low, path_high): the partial index
//! request_follow_ups_open.
Result<std::int64_t> CountOpenFollowUps(Connection& conn, const std::string& path_low,
                                        const std::string& path_high);

//! Roster imports still running for unions in [path_low, path_high): the partial index
//! member_imports_running.
Result<std::int64_t> CountRunningImports(Connection& conn, const std::string& path_low,
                                         const std::string& path_high);
//! The statement CountRunningImports runs ($1, $2: the path range), for the query-plan test.
const Sql& RunningImportsStatement();

//! The statement of CountAidToDecide (store/aid_grants.h) for one level ($1, $2: the path range;
//! $3: the level), for the query-plan test; defined beside it in aid_grants.cpp.
const Sql& AidToDecideStatement();

}  // namespace zj::store
