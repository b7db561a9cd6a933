// The seat rules at their boundaries: the last seat and the first waitlist place, one live
// registration per member (again after cancelling), the registration window's edges, the
// cancellation cut-off to the millisecond, exactly one promotion per freed seat (never the whole
// waitlist), the confirm-by deadline in hours and clamped to the start, a lapsed offer passing
// the seat to the next, and Rebalance's idempotence.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/activities/registration.h"

namespace zj::activities {
namespace {

constexpr std::int64_t kHour = 3'600'000;
constexpr std::int64_t kStart = 1'000 * kHour;

SeatRules Rules(int capacity = 2, std::optional<int> waitlist = std::nullopt) {
  SeatRules r;
  r.capacity = capacity;
  r.waitlist_max = waitlist;
  r.opens_at_ms = kStart - 200 * kHour;
  r.closes_at_ms = kStart - 2 * kHour;
  r.starts_at_ms = kStart;
  r.cancel_cutoff_hours = 24;
  r.confirm_hours = 24;
  return r;
}

const std::int64_t kNow = kStart - 100 * kHour;

TEST(ActivitySeats, TheLastSeatIsASeatAndTheNextRegistrationIsWaitlisted) {
  EXPECT_EQ(Decide(Rules(50), std::nullopt, 49, 0, kNow), Placement::kSeat);
  EXPECT_EQ(Decide(Rules(50), std::nullopt, 50, 0, kNow), Placement::kWaitlist);
}

TEST(ActivitySeats, ANewcomerNeverPassesTheQueue) {
  // A seat just freed while someone waits is the first in line's, not the newcomer's.
  EXPECT_EQ(Decide(Rules(50), std::nullopt, 49, 1, kNow), Placement::kWaitlist);
}

TEST(ActivitySeats, AFullWaitlistOrNoneRefusesAsFull) {
  EXPECT_EQ(Decide(Rules(2, 3), std::nullopt, 2, 2, kNow), Placement::kWaitlist);
  auto full = Decide(Rules(2, 3), std::nullopt, 2, 3, kNow);
  ASSERT_FALSE(full);
  EXPECT_EQ(full.error().message_key, "error.activity.full");
  EXPECT_EQ(full.error().code, ErrorCode::kConflict);
  EXPECT_FALSE(Decide(Rules(2, 0), std::nullopt, 2, 0, kNow));
  EXPECT_EQ(Decide(Rules(2, 0), std::nullopt, 1, 0, kNow), Placement::kSeat);
}

TEST(ActivitySeats, OneLiveRegistrationPerMember) {
  for (SeatState live : {SeatState::kSeated, SeatState::kWaitlisted, SeatState::kOffered}) {
    auto twice = Decide(Rules(), Existing{live}, 0, 0, kNow);
    ASSERT_FALSE(twice) << SeatStateCode(live);
    EXPECT_EQ(twice.error().message_key, "error.activity.registered_twice");
  }
  // Cancelled or lapsed: may register again (at the end of the queue when full).
  EXPECT_EQ(Decide(Rules(), Existing{SeatState::kCancelled}, 0, 0, kNow), Placement::kSeat);
  EXPECT_EQ(Decide(Rules(), Existing{SeatState::kLapsed}, 2, 5, kNow), Placement::kWaitlist);
}

TEST(ActivitySeats, TheRegistrationWindowOpensOnItsInstantAndClosesOnItsInstant) {
  const SeatRules r = Rules();
  EXPECT_EQ(Decide(r, std::nullopt, 0, 0, r.opens_at_ms - 1).error().message_key,
            "error.activity.registration_not_open");
  EXPECT_TRUE(Decide(r, std::nullopt, 0, 0, r.opens_at_ms));
  EXPECT_TRUE(Decide(r, std::nullopt, 0, 0, r.closes_at_ms - 1));
  EXPECT_EQ(Decide(r, std::nullopt, 0, 0, r.closes_at_ms).error().message_key,
            "error.activity.registration_closed");
}

TEST(ActivitySeats, AWorkerCancelsAHeldSeatUntilTheCutOff) {
  const SeatRules r = Rules();
  const std::int64_t cutoff = CancelCutoffMs(r);
  EXPECT_EQ(cutoff, kStart - 24 * kHour);
  EXPECT_EQ(MayCancel(r, SeatState::kSeated, cutoff - 1), true);
  EXPECT_EQ(MayCancel(r, SeatState::kOffered, cutoff - 1), true);
  auto late = MayCancel(r, SeatState::kSeated, cutoff);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().message_key, "error.activity.cancel_closed");
  ASSERT_EQ(late.error().args.size(), 1U);
  EXPECT_EQ(late.error().args[0].second, std::to_string(cutoff));
}

TEST(ActivitySeats, AWaitlistPlaceIsGivenUpUntilTheStartAndFreesNoSeat) {
  const SeatRules r = Rules();
  EXPECT_EQ(MayCancel(r, SeatState::kWaitlisted, kStart - 1), false);
  EXPECT_FALSE(MayCancel(r, SeatState::kWaitlisted, kStart));
  auto gone = MayCancel(r, SeatState::kCancelled, kNow);
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
}

TEST(ActivitySeats, ConfirmByIsInHoursAndNeverPastTheStart) {
  SeatRules r = Rules();
  EXPECT_EQ(ConfirmByMs(r, kNow), kNow + 24 * kHour);
  EXPECT_EQ(ConfirmByMs(r, kStart - 10 * kHour), kStart);
  // Less than an hour left: seated outright; likewise with no confirmation asked.
  EXPECT_EQ(ConfirmByMs(r, kStart - kHour), kStart);
  EXPECT_EQ(ConfirmByMs(r, kStart - kHour + 1), std::nullopt);
  r.confirm_hours = 0;
  EXPECT_EQ(ConfirmByMs(r, kNow), std::nullopt);
}

std::vector<Seat> Full(int seated, int waitlisted) {
  std::vector<Seat> seats;
  std::int64_t id = 1;
  for (int i = 0; i < seated; ++i, ++id) seats.push_back({id, SeatState::kSeated, id, {}});
  // The waitlist in reverse id order, to prove the position decides.
  for (int i = waitlisted; i > 0; --i, ++id) {
    seats.push_back({id, SeatState::kWaitlisted, 100 + i, {}});
  }
  return seats;
}

TEST(ActivityRebalance, OneFreedSeatPromotesExactlyTheFirstInLine) {
  std::vector<Seat> seats = Full(2, 5);
  seats[0].state = SeatState::kCancelled;
  const auto t = Rebalance(Rules(2), seats, kNow);
  ASSERT_EQ(t.size(), 1U);
  // Positions 101..105 were given to ids 7..3: the first in line is id 7.
  EXPECT_EQ(t[0].registration_id, 7);
  EXPECT_EQ(t[0].to, SeatState::kOffered);
  EXPECT_EQ(t[0].confirm_by, kNow + 24 * kHour);
}

TEST(ActivityRebalance, AFullActivityPromotesNobody) {
  EXPECT_TRUE(Rebalance(Rules(2), Full(2, 5), kNow).empty());
  EXPECT_TRUE(Rebalance(Rules(2), Full(1, 0), kNow).empty());
}

TEST(ActivityRebalance, MoreSeatsPromoteOneEachButNoMoreThanTheWaitlist) {
  EXPECT_EQ(Rebalance(Rules(5), Full(2, 5), kNow).size(), 3U);
  EXPECT_EQ(Rebalance(Rules(50), Full(2, 5), kNow).size(), 5U);
}

TEST(ActivityRebalance, ALapsedOfferPassesTheSeatToTheNext) {
  std::vector<Seat> seats = Full(1, 2);
  seats.push_back({9, SeatState::kOffered, 50, kNow});  // due exactly now
  const auto t = Rebalance(Rules(2), seats, kNow);
  ASSERT_EQ(t.size(), 2U);
  EXPECT_EQ(t[0].registration_id, 9);
  EXPECT_EQ(t[0].to, SeatState::kLapsed);
  EXPECT_EQ(t[1].registration_id, 3);  // position 101
  EXPECT_EQ(t[1].to, SeatState::kOffered);
  // A millisecond before the deadline the offer still holds its seat.
  EXPECT_TRUE(Rebalance(Rules(2), seats, kNow - 1).empty());
}

TEST(ActivityRebalance, IsIdempotentOnceApplied) {
  std::vector<Seat> seats = Full(2, 3);
  seats[1].state = SeatState::kCancelled;
  for (const Transition& t : Rebalance(Rules(2), seats, kNow)) {
    auto it = std::find_if(seats.begin(), seats.end(),
                           [&](const Seat& s) { return s.registration_id == t.registration_id; });
    it->state = t.to;
    it->confirm_by = t.confirm_by;
  }
  EXPECT_TRUE(Rebalance(Rules(2), seats, kNow).empty());
}

TEST(ActivityRebalance, NothingIsPromotedFromTheStartOnButOffersStillLapse) {
  std::vector<Seat> seats = Full(0, 3);
  seats.push_back({9, SeatState::kOffered, 50, kStart});
  const auto t = Rebalance(Rules(2), seats, kStart);
  ASSERT_EQ(t.size(), 1U);
  EXPECT_EQ(t[0].to, SeatState::kLapsed);
}

TEST(ActivityRebalance, WithoutConfirmationThePromotedAreSeated) {
  SeatRules r = Rules(1);
  r.confirm_hours = 0;
  const auto t = Rebalance(r, Full(0, 2), kNow);
  ASSERT_EQ(t.size(), 1U);
  EXPECT_EQ(t[0].to, SeatState::kSeated);
  EXPECT_FALSE(t[0].confirm_by);
}

TEST(ActivityConfirm, AnOfferIsConfirmedBeforeItsDeadlineOnly) {
  const Seat offer{1, SeatState::kOffered, 1, kNow};
  EXPECT_TRUE(MayConfirm(offer, kNow - 1));
  EXPECT_EQ(MayConfirm(offer, kNow).error().message_key, "error.activity.offer_lapsed");
  EXPECT_EQ(MayConfirm({1, SeatState::kSeated, 1, {}}, kNow).error().message_key,
            "error.activity.not_offered");
}

TEST(ActivitySeatRules, RefusesImpossibleSettings) {
  EXPECT_TRUE(CheckSeatRules(Rules()).empty());
  SeatRules r = Rules(0, -1);
  r.closes_at_ms = r.starts_at_ms + 1;
  r.confirm_hours = kMaxHours + 1;
  r.cancel_cutoff_hours = -1;
  std::vector<std::string> fields;
  for (const FieldError& e : CheckSeatRules(r)) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"capacity", "waitlist_max", "closes_at",
                                              "cancel_cutoff_hours", "confirm_hours"}));
}

TEST(ActivitySeatState, CodesRoundTrip) {
  for (SeatState s : {SeatState::kSeated, SeatState::kWaitlisted, SeatState::kOffered,
                      SeatState::kCancelled, SeatState::kLapsed}) {
    EXPECT_EQ(ParseSeatState(SeatStateCode(s)), s);
  }
  EXPECT_FALSE(ParseSeatState("booked"));
}

}  // namespace
}  // namespace zj::activities
