// The hotline's look-ups in a queue and the counts on its tabs (migration 0016): a request found
// by its tracking number, the blind index of its contact phone or its contact's exact name, and a
// member's requests, each inside a subtree; counts that read an index and stop at a cap, so a tab
// costs the same in a street and in a city.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/service_requests.h"

namespace zj::store {

//! One of the three keys, within the requests homed in [home_low, home_high), newest first,
//! before the cursor id (0: first page).
struct RequestSearch {
  std::string home_low;
  std::string home_high;
  std::string tracking_number;             //!< exact, or ""
  std::vector<std::string> phone_indexes;  //!< the blind indexes of one number, or empty
  std::string contact_name;                //!< exact, or ""
  std::optional<std::int64_t> member_id;   //!< the member's requests
  std::int64_t before_id = 0;
  std::int64_t limit = 50;
};

//! The requests matching the one key set in `q` (tracking number, phone indexes, name, member).
Result<std::vector<RequestRow>> SearchRequests(Connection& conn, const RequestSearch& q);

//! The figures on a queue's tabs, each counted up to `cap` (the tab then shows "cap−1+").
struct QueueCounts {
  std::int64_t fresh = 0;       //!< submitted, homed in the subtree
  std::int64_t mine = 0;        //!< open and handled by the org
  std::int64_t overdue = 0;     //!< next deadline passed, homed in the subtree
  std::int64_t escalated = 0;   //!< open, handled by the org and escalated to it
  std::int64_t follow_ups = 0;  //!< visits still owed by orgs of the subtree
};

//! Counts for the subtree [home_low, home_high) and, for mine and escalated, the org `org_id`
//! (0: none, those are 0).
Result<QueueCounts> CountQueues(Connection& conn, const std::string& home_low,
                                const std::string& home_high, std::int64_t org_id,
                                std::int64_t now_ms, std::int64_t cap);

}  // namespace zj::store
