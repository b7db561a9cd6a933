// The seat transactions of activities (docs/design/activities.md "Capacity never exceeded"):
// registering, cancelling, confirming an offer and rebalancing, each on the activity's row locked
// first, in the caller's transaction; the core (core/activities/registration.h) decides.
#include <algorithm>

#include "store/activities.h"

namespace zj::store {

namespace {

namespace act = zj::activities;

#define ZJ_REG_COLUMNS                                                                     \
  "id, activity_id, member_id, federation_id, state, position, confirm_by, registered_at," \
  " changed_at, cancelled_by"

constexpr Sql kSeat{"activities.take_seat",
                    "UPDATE activities SET seats_taken = seats_taken + 1"
                    " WHERE id = $1 AND seats_taken < capacity"};
constexpr Sql kQueue{"activities.queue",
                     "UPDATE activities SET waitlisted = waitlisted + 1,"
                     " queue_next = queue_next + 1 WHERE id = $1 RETURNING queue_next"};
constexpr Sql kCounters{"activities.counters",
                        "UPDATE activities SET seats_taken = seats_taken + $2,"
                        " waitlisted = waitlisted + $3 WHERE id = $1"};
constexpr Sql kZeroCounters{"activities.zero_counters",
                            "UPDATE activities SET seats_taken = 0, waitlisted = 0 WHERE id = $1"};

constexpr Sql kInsertReg{"activity_registrations.insert",
                         "INSERT INTO activity_registrations (" ZJ_REG_COLUMNS
                         ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"};
constexpr Sql kReregister{"activity_registrations.reregister",
                          "UPDATE activity_registrations SET state = $2, position = $3,"
                          " confirm_by = NULL, registered_at = $4, changed_at = $4,"
                          " cancelled_by = NULL WHERE id = $1"};
constexpr Sql kSetState{"activity_registrations.set_state",
                        "UPDATE activity_registrations SET state = $2, confirm_by = $3,"
                        " changed_at = $4, cancelled_by = $5 WHERE id = $1"};
// The offers (all: each may lapse) and the head of the waitlist (as many as could be promoted).
constexpr Sql kOffers{"activity_registrations.offers",
                      "SELECT " ZJ_REG_COLUMNS
                      " FROM activity_registrations WHERE activity_id = $1 AND state = 'offered'"
                      " ORDER BY id LIMIT 100000"};
constexpr Sql kQueueHead{"activity_registrations.queue_head",
                         "SELECT " ZJ_REG_COLUMNS
                         " FROM activity_registrations WHERE activity_id = $1"
                         " AND state = 'waitlisted' ORDER BY position LIMIT $2"};
constexpr Sql kCancelAll{"activity_registrations.cancel_all",
                         "SELECT " ZJ_REG_COLUMNS
                         " FROM activity_registrations WHERE activity_id = $1"
                         " AND state IN ('seated', 'waitlisted', 'offered') ORDER BY id"};
constexpr Sql kLapsedOffers{"activity_registrations.lapsed",
                            "SELECT DISTINCT activity_id FROM activity_registrations"
                            " WHERE state = 'offered' AND confirm_by <= $1 LIMIT 500"};

#undef ZJ_REG_COLUMNS

Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }

Result<ActivityRow> MustLock(Connection& conn, std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(auto row, LockActivity(conn, id));
  if (!row) {
    return Fail(ErrorCode::kNotFound, "error.not_found", "activity " + std::to_string(id));
  }
  return std::move(*row);
}

act::SeatState StateOf(const std::string& code) {
  return act::ParseSeatState(code).value_or(act::SeatState::kCancelled);
}

Result<void> SetState(Connection& conn, RegistrationRow& row, act::SeatState to,
                      std::optional<std::int64_t> confirm_by, std::int64_t now_ms,
                      std::optional<std::int64_t> cancelled_by) {
  row.state = std::string(act::SeatStateCode(to));
  row.confirm_by = confirm_by;
  row.changed_at = now_ms;
  row.cancelled_by = cancelled_by;
  const std::vector<Value> p{row.id, row.state, Opt(confirm_by), now_ms, Opt(cancelled_by)};
  ZJ_ASSIGN_OR_RETURN(auto changed, conn.Execute(kSetState, p));
  if (changed != 1) return Fail(ErrorCode::kInternal, "error.internal", "registration vanished");
  return {};
}

Result<void> MoveCounters(Connection& conn, std::int64_t id, std::int64_t seats,
                          std::int64_t waiting) {
  if (seats == 0 && waiting == 0) return {};
  const std::vector<Value> p{id, seats, waiting};
  ZJ_RETURN_IF_ERROR(conn.Execute(kCounters, p));
  return {};
}

//! Rebalance on an activity locked by the caller.
Result<std::vector<SeatChange>> Rebalance(Connection& conn, const ActivityRow& a,
                                          std::int64_t now_ms) {
  std::vector<SeatChange> changes;
  const std::vector<Value> id{a.id};
  ZJ_ASSIGN_OR_RETURN(auto offers,
                      Collect<RegistrationRow>(conn, kOffers, id, RegistrationFromRow));
  const std::int64_t free = std::max<std::int64_t>(0, a.capacity - a.seats_taken);
  const std::int64_t head = free + static_cast<std::int64_t>(offers.size());
  std::vector<RegistrationRow> queue;
  if (head > 0 && a.waitlisted > 0) {
    const std::vector<Value> p{a.id, head};
    ZJ_ASSIGN_OR_RETURN(queue, Collect<RegistrationRow>(conn, kQueueHead, p, RegistrationFromRow));
  }
  std::vector<act::Seat> seats;
  std::vector<RegistrationRow*> by_index;
  for (auto* list : {&offers, &queue}) {
    for (auto& r : *list) {
      seats.push_back({r.id, StateOf(r.state), r.position.value_or(0), r.confirm_by});
      by_index.push_back(&r);
    }
  }
  // The core reads the free seats as capacity − the seats held among the rows it is given:
  // the seated rows are not read, so the capacity handed over is what they leave.
  act::SeatRules rules = SeatRulesOf(a);
  rules.capacity = a.capacity - (a.seats_taken - static_cast<int>(offers.size()));
  const auto transitions = act::Rebalance(rules, seats, now_ms);
  std::int64_t seat_delta = 0, wait_delta = 0;
  for (const auto& t : transitions) {
    RegistrationRow* row = nullptr;
    for (auto* r : by_index) row = r->id == t.registration_id ? r : row;
    if (row == nullptr) continue;
    const std::string from = row->state;
    const act::SeatState was = StateOf(from);
    ZJ_RETURN_IF_ERROR(SetState(conn, *row, t.to, t.confirm_by, now_ms, std::nullopt));
    seat_delta += (act::HoldsSeat(t.to) ? 1 : 0) - (act::HoldsSeat(was) ? 1 : 0);
    wait_delta += (t.to == act::SeatState::kWaitlisted ? 1 : 0) -
                  (was == act::SeatState::kWaitlisted ? 1 : 0);
    changes.push_back({*row, from});
  }
  ZJ_RETURN_IF_ERROR(MoveCounters(conn, a.id, seat_delta, wait_delta));
  return changes;
}

}  // namespace

Result<RegistrationRow> RegisterMember(Connection& conn, std::int64_t activity_id,
                                       std::int64_t member_id, std::int64_t new_id,
                                       std::int64_t now_ms) {
  ZJ_ASSIGN_OR_RETURN(ActivityRow a, MustLock(conn, activity_id));
  ZJ_ASSIGN_OR_RETURN(auto existing, FindRegistration(conn, activity_id, member_id));
  std::optional<act::Existing> before;
  if (existing) before = act::Existing{StateOf(existing->state)};
  ZJ_ASSIGN_OR_RETURN(const act::Placement placement,
                      act::Decide(SeatRulesOf(a), before, a.seats_taken, a.waitlisted, now_ms));
  RegistrationRow row;
  row.id = existing ? existing->id : new_id;
  row.activity_id = activity_id;
  row.member_id = member_id;
  row.federation_id = a.federation_id;
  row.registered_at = row.changed_at = now_ms;
  const std::vector<Value> id{activity_id};
  if (placement == act::Placement::kSeat) {
    ZJ_ASSIGN_OR_RETURN(auto changed, conn.Execute(kSeat, id));
    if (changed != 1) {
      return Fail(ErrorCode::kUnavailable, "error.db.busy", "the seat was taken meanwhile");
    }
    row.state = "seated";
  } else {
    ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kQueue, id));
    if (rows.empty()) return Fail(ErrorCode::kInternal, "error.internal", "no queue position");
    row.position = rows.front().Int(0);
    row.state = "waitlisted";
  }
  if (existing) {
    const std::vector<Value> p{row.id, row.state, Opt(row.position), now_ms};
    ZJ_RETURN_IF_ERROR(conn.Execute(kReregister, p));
  } else {
    const std::vector<Value> p{row.id,         row.activity_id,
                               row.member_id,  row.federation_id,
                               row.state,      Opt(row.position),
                               Value(),        row.registered_at,
                               row.changed_at, Value()};
    ZJ_RETURN_IF_ERROR(conn.Execute(kInsertReg, p));
  }
  return row;
}

Result<RegistrationRow> CancelRegistration(Connection& conn, std::int64_t activity_id,
                                           std::int64_t member_id, bool by_staff,
                                           std::optional<std::int64_t> cancelled_by,
                                           std::int64_t now_ms, std::vector<SeatChange>& changes) {
  ZJ_ASSIGN_OR_RETURN(ActivityRow a, MustLock(conn, activity_id));
  ZJ_ASSIGN_OR_RETURN(auto reg, FindRegistration(conn, activity_id, member_id));
  const act::SeatState state = reg ? StateOf(reg->state) : act::SeatState::kCancelled;
  if (by_staff) {
    if (!act::IsLive(state)) {
      return Fail(ErrorCode::kNotFound, "error.activity.not_registered", "not registered");
    }
  } else {
    ZJ_RETURN_IF_ERROR(act::MayCancel(SeatRulesOf(a), state, now_ms));
  }
  RegistrationRow row = *reg;
  ZJ_RETURN_IF_ERROR(
      SetState(conn, row, act::SeatState::kCancelled, std::nullopt, now_ms, cancelled_by));
  ZJ_RETURN_IF_ERROR(MoveCounters(conn, a.id, act::HoldsSeat(state) ? -1 : 0,
                                  state == act::SeatState::kWaitlisted ? -1 : 0));
  if (act::HoldsSeat(state)) --a.seats_taken;
  if (state == act::SeatState::kWaitlisted) --a.waitlisted;
  if (a.status == "open" || a.status == "closed") {
    ZJ_ASSIGN_OR_RETURN(changes, Rebalance(conn, a, now_ms));
  }
  return row;
}

Result<RegistrationRow> ConfirmOffer(Connection& conn, std::int64_t activity_id,
                                     std::int64_t member_id, std::int64_t now_ms) {
  ZJ_ASSIGN_OR_RETURN(ActivityRow a, MustLock(conn, activity_id));
  ZJ_ASSIGN_OR_RETURN(auto reg, FindRegistration(conn, activity_id, member_id));
  if (!reg) return Fail(ErrorCode::kConflict, "error.activity.not_offered", "no offer");
  const act::Seat seat{reg->id, StateOf(reg->state), reg->position.value_or(0), reg->confirm_by};
  ZJ_RETURN_IF_ERROR(act::MayConfirm(seat, now_ms));
  RegistrationRow row = *reg;
  ZJ_RETURN_IF_ERROR(
      SetState(conn, row, act::SeatState::kSeated, std::nullopt, now_ms, std::nullopt));
  (void)a;
  return row;
}

Result<std::vector<SeatChange>> RebalanceActivity(Connection& conn, std::int64_t activity_id,
                                                  std::int64_t now_ms) {
  ZJ_ASSIGN_OR_RETURN(ActivityRow a, MustLock(conn, activity_id));
  if (a.status == "draft" || a.status == "cancelled") return std::vector<SeatChange>{};
  return Rebalance(conn, a, now_ms);
}

Result<std::vector<RegistrationRow>> CancelEveryRegistration(Connection& conn,
                                                             std::int64_t activity_id,
                                                             std::int64_t cancelled_by,
                                                             std::int64_t now_ms) {
  ZJ_ASSIGN_OR_RETURN(ActivityRow a, MustLock(conn, activity_id));
  const std::vector<Value> id{a.id};
  ZJ_ASSIGN_OR_RETURN(auto live,
                      Collect<RegistrationRow>(conn, kCancelAll, id, RegistrationFromRow));
  for (auto& r : live) {
    ZJ_RETURN_IF_ERROR(
        SetState(conn, r, act::SeatState::kCancelled, std::nullopt, now_ms, cancelled_by));
  }
  ZJ_RETURN_IF_ERROR(conn.Execute(kZeroCounters, id));
  return live;
}

Result<std::vector<std::int64_t>> ActivitiesWithLapsedOffers(Connection& conn,
                                                             std::int64_t now_ms) {
  const std::vector<Value> p{now_ms};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kLapsedOffers, p));
  std::vector<std::int64_t> ids;
  ids.reserve(rows.size());
  for (const auto& r : rows) ids.push_back(r.Int(0));
  return ids;
}

}  // namespace zj::store
