// The seat rules driven the way the store will drive them — registrations, cancellations,
// confirmations and the confirm-by sweep in a long random but repeatable order — with the
// invariants checked after every step: never more seats held than the capacity, never a free
// seat while someone waits, each promotion the first in line, one live registration a member.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>

#include "core/activities/registration.h"

namespace zj::activities {
namespace {

constexpr std::int64_t kHour = 3'600'000;

class Simulation {
 public:
  explicit Simulation(SeatRules rules) : rules_(rules) {}

  void Register(std::int64_t member, std::int64_t now) {
    const auto it = seats_.find(member);
    std::optional<Existing> existing;
    if (it != seats_.end()) existing = Existing{it->second.state};
    const auto placement = Decide(rules_, existing, Held(), Waiting(), now);
    if (!placement) {
      if (existing && IsLive(existing->state)) ++refused_twice_;
      return;
    }
    Seat& s = seats_[member];
    s.registration_id = member;
    s.confirm_by.reset();
    if (*placement == Placement::kSeat) {
      s.state = SeatState::kSeated;
    } else {
      s.state = SeatState::kWaitlisted;
      s.position = ++queue_next_;
    }
  }

  void Cancel(std::int64_t member, std::int64_t now) {
    const auto it = seats_.find(member);
    if (it == seats_.end() || !MayCancel(rules_, it->second.state, now)) return;
    it->second.state = SeatState::kCancelled;
    Sweep(now);
  }

  void Confirm(std::int64_t member, std::int64_t now) {
    const auto it = seats_.find(member);
    if (it != seats_.end() && MayConfirm(it->second, now)) it->second.state = SeatState::kSeated;
  }

  void Sweep(std::int64_t now) {
    std::vector<Seat> all;
    for (const auto& [member, seat] : seats_) all.push_back(seat);
    for (const Transition& t : Rebalance(rules_, all, now)) {
      Seat& s = seats_[t.registration_id];
      if (t.to != SeatState::kLapsed) {
        // The first in line among those still waiting.
        for (const auto& [member, other] : seats_) {
          if (other.state == SeatState::kWaitlisted) {
            ASSERT_LE(s.position, other.position);
          }
        }
        ++promotions_;
      }
      s.state = t.to;
      s.confirm_by = t.confirm_by;
    }
  }

  int Held() const {
    return static_cast<int>(std::count_if(
        seats_.begin(), seats_.end(), [](const auto& kv) { return HoldsSeat(kv.second.state); }));
  }
  int Waiting() const {
    return static_cast<int>(std::count_if(seats_.begin(), seats_.end(), [](const auto& kv) {
      return kv.second.state == SeatState::kWaitlisted;
    }));
  }
  int promotions() const { return promotions_; }
  int refused_twice() const { return refused_twice_; }

 private:
  SeatRules rules_;
  std::map<std::int64_t, Seat> seats_;
  std::int64_t queue_next_ = 0;
  int promotions_ = 0;
  int refused_twice_ = 0;
};

TEST(ActivitySeatSimulation, TenThousandStepsNeverBreakTheSeatInvariants) {
  SeatRules rules;
  rules.capacity = 50;
  rules.opens_at_ms = 0;
  rules.closes_at_ms = 10'000 * kHour;
  rules.starts_at_ms = 10'100 * kHour;
  rules.cancel_cutoff_hours = 24;
  rules.confirm_hours = 6;
  Simulation sim(rules);
  std::uint64_t seed = 2026;
  const auto next = [&](std::uint64_t bound) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (seed >> 33) % bound;
  };
  std::int64_t now = 0;
  for (int step = 0; step < 10'000; ++step) {
    now += static_cast<std::int64_t>(next(kHour));  // up to ~10,000 hours in all
    const auto member = static_cast<std::int64_t>(1 + next(200));
    switch (next(10)) {
      case 0:
      case 1:
      case 2:
      case 3:
        sim.Register(member, now);
        break;
      case 4:
      case 5:
        sim.Cancel(member, now);
        break;
      case 6:
      case 7:
        sim.Confirm(member, now);
        break;
      default:
        sim.Sweep(now);
        break;
    }
    ASSERT_LE(sim.Held(), rules.capacity) << "step " << step;
    // A seat is free while someone waits only between a lapse's deadline and its sweep:
    // after a sweep, never.
    sim.Sweep(now);
    if (sim.Waiting() > 0) {
      ASSERT_EQ(sim.Held(), rules.capacity) << "step " << step;
    }
  }
  EXPECT_GT(sim.promotions(), 100);
  EXPECT_GT(sim.refused_twice(), 100);
}

}  // namespace
}  // namespace zj::activities
