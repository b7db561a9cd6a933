// The additions-and-removals list (增减名单) a union sends before a mutual-aid period ends
// (shared/context/service-rules.md: headcount changes 15 days before the period ends — retired,
// died, left the city), produced from the registry's changes rather than typed: given who is
// enrolled and what happened to members between two dates, who is to be added (joined or came
// into the plan's area, not enrolled) and who removed (enrolled, and retired, died, left or
// moved out), with the reason and the day. Pure; the store reads the enrolments and the
// members' status changes in the plan's subtree and writes the list.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace zj::mutual_aid {

using Date = std::chrono::year_month_day;

//! What the registry says happened to a member, as far as the plan's area goes. A transfer
//! between two unions both in the plan's subtree is no change for the plan: the caller reports
//! kMovedIn/kMovedOut only for transfers across its boundary.
enum class RegistryChange {
  kJoined,      //!< a new member (a roster import or a form)
  kMovedIn,     //!< transferred in from outside the plan's subtree
  kMovedOut,    //!< transferred_out to outside it
  kRetired,     //!< retired
  kDied,        //!< deceased
  kLeft,        //!< left (the union, the city)
  kReinstated,  //!< a status set back to active (a correction)
};
std::string_view RegistryChangeCode(RegistryChange change);  //!< "joined", "moved_in", …
std::optional<RegistryChange> ParseRegistryChange(std::string_view code);
//! Whether after the change the member belongs on the plan (joined, moved in, reinstated).
bool Joins(RegistryChange change);

struct MemberChange {
  std::int64_t member_id = 0;
  Date on;
  RegistryChange change = RegistryChange::kJoined;
};

struct Addition {
  std::int64_t member_id = 0;
  Date since;             //!< the day of the change that brought the member in
  RegistryChange reason;  //!< joined, moved_in or reinstated
};

struct Removal {
  std::int64_t member_id = 0;
  Date since;             //!< the day of the change that took the member out
  RegistryChange reason;  //!< moved_out, retired, died, left
};

struct RosterChanges {
  std::vector<Addition> additions;  //!< by member id
  std::vector<Removal> removals;    //!< by member id
};

//! The list between `from` and `to` (both inclusive) for a plan whose enrolled members are
//! `enrolled` (sorted ascending, each once). Each member's changes in the range are taken in
//! date order (the input's order among one member's changes on one day); the last decides:
//! in and not enrolled → an addition, out and enrolled → a removal; anything else (joined and
//! left within the range, left and reinstated) → nothing. Changes outside the range are
//! ignored. O(c log c + c log e) for c changes and e enrolled.
RosterChanges Diff(std::span<const std::int64_t> enrolled, std::span<const MemberChange> changes,
                   Date from, Date to);

}  // namespace zj::mutual_aid
