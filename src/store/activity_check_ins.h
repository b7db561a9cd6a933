// Check-ins at activities (migration 0043, issue 22; docs/design/activities.md "Offline check-in
// replay"): the book a batch of scans is judged against (core/activities/check_in.h), read for
// the batch's scan ids and members only, and the writes of what was recorded, in the caller's
// transaction (the activity's row locked first: store::LockActivity).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/activities/check_in.h"
#include "store/database.h"

namespace zj::store {

struct CheckInRow {
  std::int64_t activity_id = 0;
  std::string scan_id;
  std::int64_t member_id = 0;
  std::int64_t federation_id = 0;
  std::int64_t scanned_at = 0;
  std::int64_t recorded_at = 0;
  std::optional<std::int64_t> recorded_by;
};

//! The part of the activity's book the scans need: the rows of their scan ids, whether their
//! members are checked in already, and whether they hold a seat (seated or offered).
Result<activities::CheckInBook> CheckInBookFor(Connection& conn, std::int64_t activity_id,
                                               const std::vector<activities::Scan>& scans);
//! kAlreadyExists when the scan id or the member is there already (a concurrent batch).
Result<void> InsertCheckIn(Connection& conn, const CheckInRow& row);
//! activities.checked_in += n.
Result<void> AddCheckedIn(Connection& conn, std::int64_t activity_id, std::int64_t n);

struct NamedCheckIn {
  CheckInRow row;
  std::string member_name;
  std::string union_name;
};
//! The activity's check-ins, latest first, at most `limit`.
Result<std::vector<NamedCheckIn>> NamedCheckInsOf(Connection& conn, std::int64_t activity_id,
                                                  int limit);

}  // namespace zj::store
