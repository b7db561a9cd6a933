#include "core/activities/registration.h"

#include <algorithm>
#include <array>
#include <string>

namespace zj::activities {

namespace {

constexpr std::array<std::string_view, 5> kStateCodes{"seated", "waitlisted", "offered",
                                                      "cancelled", "lapsed"};
constexpr std::int64_t kHourMs = 3'600'000;
constexpr int kMaxWaitlist = 100'000;

FieldError Field(const std::string& field) { return {field, "error.activity." + field, {}}; }

std::unexpected<Error> CancelClosed(std::int64_t cutoff_ms) {
  return Fail(Error{ErrorCode::kConflict,
                    "error.activity.cancel_closed",
                    {},
                    {},
                    {{"cutoff_ms", std::to_string(cutoff_ms)}}});
}

}  // namespace

std::string_view SeatStateCode(SeatState state) {
  return kStateCodes[static_cast<std::size_t>(state)];
}

std::optional<SeatState> ParseSeatState(std::string_view code) {
  for (std::size_t i = 0; i < kStateCodes.size(); ++i) {
    if (kStateCodes[i] == code) return static_cast<SeatState>(i);
  }
  return std::nullopt;
}

bool HoldsSeat(SeatState state) {
  return state == SeatState::kSeated || state == SeatState::kOffered;
}

bool IsLive(SeatState state) { return HoldsSeat(state) || state == SeatState::kWaitlisted; }

std::vector<FieldError> CheckSeatRules(const SeatRules& r) {
  std::vector<FieldError> errors;
  if (r.capacity < 1 || r.capacity > kMaxCapacity) errors.push_back(Field("capacity"));
  if (r.waitlist_max && (*r.waitlist_max < 0 || *r.waitlist_max > kMaxWaitlist)) {
    errors.push_back(Field("waitlist_max"));
  }
  if (r.opens_at_ms >= r.closes_at_ms || r.closes_at_ms > r.starts_at_ms) {
    errors.push_back(Field("closes_at"));
  }
  if (r.cancel_cutoff_hours < 0 || r.cancel_cutoff_hours > kMaxHours) {
    errors.push_back(Field("cancel_cutoff_hours"));
  }
  if (r.confirm_hours < 0 || r.confirm_hours > kMaxHours) errors.push_back(Field("confirm_hours"));
  return errors;
}

Result<Placement> Decide(const SeatRules& rules, std::optional<Existing> existing, int seats_taken,
                         int waitlisted, std::int64_t now_ms) {
  if (now_ms < rules.opens_at_ms) {
    return Fail(ErrorCode::kConflict, "error.activity.registration_not_open");
  }
  if (now_ms >= rules.closes_at_ms) {
    return Fail(ErrorCode::kConflict, "error.activity.registration_closed");
  }
  if (existing && IsLive(existing->state)) {
    return Fail(ErrorCode::kConflict, "error.activity.registered_twice");
  }
  // A newcomer never passes the queue: with anyone waiting, a free seat is the first one's
  // (Rebalance gives it in the same transaction).
  if (seats_taken < rules.capacity && waitlisted == 0) return Placement::kSeat;
  if (!rules.waitlist_max || waitlisted < *rules.waitlist_max) return Placement::kWaitlist;
  return Fail(ErrorCode::kConflict, "error.activity.full");
}

std::int64_t CancelCutoffMs(const SeatRules& rules) {
  return rules.starts_at_ms - rules.cancel_cutoff_hours * kHourMs;
}

Result<bool> MayCancel(const SeatRules& rules, SeatState state, std::int64_t now_ms) {
  if (!IsLive(state)) return Fail(ErrorCode::kNotFound, "error.activity.not_registered");
  if (!HoldsSeat(state)) {
    if (now_ms >= rules.starts_at_ms) {
      return CancelClosed(rules.starts_at_ms);
    }
    return false;
  }
  const std::int64_t cutoff = CancelCutoffMs(rules);
  if (now_ms >= cutoff) {
    return CancelClosed(cutoff);
  }
  return true;
}

std::optional<std::int64_t> ConfirmByMs(const SeatRules& rules, std::int64_t now_ms) {
  if (rules.confirm_hours == 0 || rules.starts_at_ms - now_ms < kHourMs) return std::nullopt;
  return std::min(now_ms + rules.confirm_hours * kHourMs, rules.starts_at_ms);
}

std::vector<Transition> Rebalance(const SeatRules& rules, std::span<const Seat> seats,
                                  std::int64_t now_ms) {
  std::vector<Transition> out;
  int held = 0;
  std::vector<const Seat*> queue;
  for (const Seat& s : seats) {
    if (s.state == SeatState::kOffered && s.confirm_by && now_ms >= *s.confirm_by) {
      out.push_back({s.registration_id, SeatState::kLapsed, std::nullopt});
    } else if (HoldsSeat(s.state)) {
      ++held;
    } else if (s.state == SeatState::kWaitlisted) {
      queue.push_back(&s);
    }
  }
  if (now_ms >= rules.starts_at_ms) return out;
  const int free = std::max(0, rules.capacity - held);
  const std::size_t promote = std::min(queue.size(), static_cast<std::size_t>(free));
  std::partial_sort(queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>(promote),
                    queue.end(), [](const Seat* a, const Seat* b) {
                      return a->position != b->position ? a->position < b->position
                                                        : a->registration_id < b->registration_id;
                    });
  const std::optional<std::int64_t> confirm_by = ConfirmByMs(rules, now_ms);
  for (std::size_t i = 0; i < promote; ++i) {
    out.push_back({queue[i]->registration_id, confirm_by ? SeatState::kOffered : SeatState::kSeated,
                   confirm_by});
  }
  return out;
}

Result<void> MayConfirm(const Seat& seat, std::int64_t now_ms) {
  if (seat.state != SeatState::kOffered) {
    return Fail(ErrorCode::kConflict, "error.activity.not_offered");
  }
  if (seat.confirm_by && now_ms >= *seat.confirm_by) {
    return Fail(ErrorCode::kConflict, "error.activity.offer_lapsed");
  }
  return {};
}

}  // namespace zj::activities
