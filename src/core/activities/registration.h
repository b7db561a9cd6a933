// The seat rules of an activity (文体活动, 普惠服务; issue 22): a member registers once, gets a
// seat while seats are left and a place on the waitlist otherwise; a freed seat goes to exactly
// one member, the first on the waitlist, who holds it as an offer until a confirm-by deadline;
// an offer not confirmed in time lapses and the seat goes to the next. The peers' failures the
// issue lists (one person queued many times, a cancellation promoting the whole waitlist, more
// seats sold than exist) are each a boundary tested here.
//
// The store keeps the seat count exact under concurrency (docs/design/activities.md: a
// conditional UPDATE of seats_taken in the registration's transaction); these functions decide
// what the count and the rows mean. The confirm-by deadline is in HOURS, not working days:
// activities happen on weekends and evenings, and a working-day deadline would outlast a
// Saturday outing. It never runs past the activity's start. Pure functions; now is passed in.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace zj::activities {

//! A registration's state. kSeated and kOffered hold a seat (count in seats_taken).
enum class SeatState {
  kSeated,      //!< has a confirmed seat
  kWaitlisted,  //!< in the queue, by position
  kOffered,     //!< promoted from the waitlist, holds a seat until confirm_by
  kCancelled,   //!< by the worker (up to the cut-off) or by staff
  kLapsed,      //!< an offer not confirmed by its deadline
};
std::string_view SeatStateCode(SeatState state);  //!< "seated", "waitlisted", "offered", …
std::optional<SeatState> ParseSeatState(std::string_view code);
//! Seated or offered: the registration holds one of the seats.
bool HoldsSeat(SeatState state);
//! Seated, waitlisted or offered: the member is registered (one such row per member).
bool IsLive(SeatState state);

//! The registration settings of an activity, as the organiser set them. Times are Unix ms.
struct SeatRules {
  int capacity = 0;                 //!< seats, ≥ 1
  std::optional<int> waitlist_max;  //!< nullopt: no limit; 0: no waitlist
  std::int64_t opens_at_ms = 0;     //!< registration opens
  std::int64_t closes_at_ms = 0;    //!< registration closes (≤ starts_at_ms)
  std::int64_t starts_at_ms = 0;    //!< the activity starts
  int cancel_cutoff_hours = 24;     //!< a worker cancels until starts_at − this
  int confirm_hours = 24;           //!< a promoted member confirms within this; 0: seated
};

inline constexpr int kMaxCapacity = 100'000;
inline constexpr int kMaxHours = 24 * 30;

//! Field errors of the settings: capacity 1..kMaxCapacity ("capacity"), waitlist 0..100,000
//! ("waitlist_max"), opens < closes ≤ starts ("closes_at"), hours 0..kMaxHours
//! ("cancel_cutoff_hours", "confirm_hours"). Key "error.activity.<field>".
std::vector<FieldError> CheckSeatRules(const SeatRules& rules);

//! What a registration becomes.
enum class Placement { kSeat, kWaitlist };

//! The member's registration, if any, as the store read it in the deciding transaction.
struct Existing {
  SeatState state = SeatState::kCancelled;
};

//! Whether a member may register now, and where: a seat when `seats_taken` < capacity and
//! nobody is waiting (a newcomer never passes the queue), the waitlist otherwise. Refusals
//! (kConflict unless said): "error.activity.registration_not_open" before opens_at,
//! "error.activity.registration_closed" from closes_at on, "error.activity.registered_twice" when
//! the member already has a live registration (a cancelled or lapsed one may register again, at the
//! end of the queue), "error.activity.full" when no seat is left and the waitlist is full or
//! absent. `waitlisted` is the number of members on the waitlist now.
Result<Placement> Decide(const SeatRules& rules, std::optional<Existing> existing, int seats_taken,
                         int waitlisted, std::int64_t now_ms);

//! The last instant a worker may cancel: starts_at − cancel_cutoff_hours.
std::int64_t CancelCutoffMs(const SeatRules& rules);

//! Whether the worker may cancel now: a live registration ("error.activity.not_registered"
//! otherwise, kNotFound), before the cut-off for a held seat ("error.activity.cancel_closed",
//! arg cutoff_ms); a waitlist place may be given up until the activity starts. Staff cancel
//! regardless of the cut-off (the app decides who is staff). True: a seat frees.
Result<bool> MayCancel(const SeatRules& rules, SeatState state, std::int64_t now_ms);

//! The confirm-by deadline of an offer made at `now_ms`: now + confirm_hours, never past the
//! activity's start. nullopt when confirm_hours is 0 (a promoted member is seated outright) or
//! when fewer than an hour is left before the start (no time to confirm: seated outright).
std::optional<std::int64_t> ConfirmByMs(const SeatRules& rules, std::int64_t now_ms);

//! One registration of the activity as the rebalancing reads it.
struct Seat {
  std::int64_t registration_id = 0;
  SeatState state = SeatState::kWaitlisted;
  std::int64_t position = 0;               //!< the queue order: lower first (set at registering)
  std::optional<std::int64_t> confirm_by;  //!< kOffered
};

//! A change the store makes, in this order, in one transaction.
struct Transition {
  std::int64_t registration_id = 0;
  SeatState to = SeatState::kSeated;
  std::optional<std::int64_t> confirm_by;  //!< to kOffered
};

//! What is due at `now_ms`: every offer past its confirm-by lapses, then the free seats
//! (capacity − seats held after the lapses) go one each to the first waitlisted members in
//! position order, as offers (or seats, see ConfirmByMs). Exactly one promotion per free seat,
//! never more than the waitlist holds; nothing is promoted from the activity's start on (the
//! offers still lapse). Runs after a cancellation, a confirmation deadline or a capacity change;
//! idempotent: run twice at the same instant, the second run changes nothing.
std::vector<Transition> Rebalance(const SeatRules& rules, std::span<const Seat> seats,
                                  std::int64_t now_ms);

//! Confirming an offer: before its confirm_by (kConflict "error.activity.offer_lapsed" from
//! the deadline on, even if the sweep has not run yet), only an offer
//! ("error.activity.not_offered" otherwise).
Result<void> MayConfirm(const Seat& seat, std::int64_t now_ms);

}  // namespace zj::activities
