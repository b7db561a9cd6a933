#include "store/activities.h"

#include <algorithm>

namespace zj::store {

namespace {

namespace act = zj::activities;

#define ZJ_ACTIVITY_COLUMNS                                                                    \
  "id, federation_id, org_id, org_path, kind, title, place, starts_at, ends_at, opens_at,"     \
  " closes_at, capacity, waitlist_max, cancel_cutoff_hours, confirm_hours, walk_ins, fee_fen," \
  " audience, spend_planned_fen, prizes_planned, status, seats_taken, waitlisted, queue_next," \
  " checked_in, created_by, created_at, updated_at"
#define ZJ_REG_COLUMNS                                                                     \
  "id, activity_id, member_id, federation_id, state, position, confirm_by, registered_at," \
  " changed_at, cancelled_by"

constexpr Sql kInsert{"activities.insert",
                      "INSERT INTO activities (" ZJ_ACTIVITY_COLUMNS
                      ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,"
                      " $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28)"};
constexpr Sql kUpdate{"activities.update",
                      "UPDATE activities SET kind = $2, title = $3, place = $4, starts_at = $5,"
                      " ends_at = $6, opens_at = $7, closes_at = $8, capacity = $9,"
                      " waitlist_max = $10, cancel_cutoff_hours = $11, confirm_hours = $12,"
                      " walk_ins = $13, fee_fen = $14, audience = $15, spend_planned_fen = $16,"
                      " prizes_planned = $17, updated_at = $18"
                      " WHERE id = $1 AND status IN ('draft', 'open')"};
constexpr Sql kFind{"activities.find",
                    "SELECT " ZJ_ACTIVITY_COLUMNS " FROM activities WHERE id = $1"};
constexpr Sql kLockPg{"activities.lock",
                      "SELECT " ZJ_ACTIVITY_COLUMNS " FROM activities WHERE id = $1 FOR UPDATE"};
constexpr Sql kList{"activities.list",
                    "SELECT " ZJ_ACTIVITY_COLUMNS
                    " FROM activities WHERE org_path >= $1 AND org_path < $2"
                    " AND ($3 = '' OR status = $3)"
                    " AND (CAST($4 AS BIGINT) = 0 OR id < $4) ORDER BY id DESC LIMIT $5"};
constexpr Sql kMove{"activities.move",
                    "UPDATE activities SET status = $3, updated_at = $4"
                    " WHERE id = $1 AND status = $2"};
constexpr Sql kOpenAbove{"activities.open_above", "SELECT " ZJ_ACTIVITY_COLUMNS
                                                  " FROM activities WHERE status = 'open'"
                                                  " AND substr($1, 1, length(org_path)) = org_path"
                                                  " ORDER BY starts_at, id LIMIT 100"};
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

constexpr Sql kDeleteAudience{"activity_audience.delete",
                              "DELETE FROM activity_audience WHERE activity_id = $1"};
constexpr Sql kInsertAudience{
    "activity_audience.insert",
    "INSERT INTO activity_audience (activity_id, org_id) VALUES ($1, $2)"};
constexpr Sql kAudience{"activity_audience.of",
                        "SELECT o.id, o.path, o.name FROM activity_audience a"
                        " JOIN orgs o ON o.id = a.org_id WHERE a.activity_id = $1 ORDER BY o.path"};

constexpr Sql kFindReg{"activity_registrations.find",
                       "SELECT " ZJ_REG_COLUMNS
                       " FROM activity_registrations WHERE activity_id = $1 AND member_id = $2"};
constexpr Sql kFindRegById{"activity_registrations.find_id",
                           "SELECT " ZJ_REG_COLUMNS " FROM activity_registrations WHERE id = $1"};
constexpr Sql kRegsOf{
    "activity_registrations.of",
    "SELECT " ZJ_REG_COLUMNS
    " FROM activity_registrations WHERE activity_id = $1 ORDER BY"
    " CASE state WHEN 'seated' THEN 0 WHEN 'offered' THEN 1"
    " WHEN 'waitlisted' THEN 2 ELSE 3 END, COALESCE(position, 0), registered_at, id LIMIT $2"};
constexpr Sql kNamedRegsOf{"activity_registrations.named",
                           "SELECT r.id, r.activity_id, r.member_id, r.federation_id, r.state,"
                           " r.position, r.confirm_by, r.registered_at, r.changed_at,"
                           " r.cancelled_by, m.name, o.name FROM activity_registrations r"
                           " JOIN members m ON m.id = r.member_id"
                           " JOIN orgs o ON o.id = m.union_org_id WHERE r.activity_id = $1"
                           " ORDER BY CASE r.state WHEN 'seated' THEN 0 WHEN 'offered' THEN 1"
                           " WHEN 'waitlisted' THEN 2 ELSE 3 END, COALESCE(r.position, 0),"
                           " r.registered_at, r.id LIMIT $2"};
constexpr Sql kLiveOfMember{"activity_registrations.of_member",
                            "SELECT " ZJ_REG_COLUMNS
                            " FROM activity_registrations WHERE member_id = $1"
                            " AND state IN ('seated', 'waitlisted', 'offered')"
                            " ORDER BY id DESC LIMIT 200"};
constexpr Sql kPlace{"activity_registrations.place",
                     "SELECT COUNT(*) FROM activity_registrations WHERE activity_id = $1"
                     " AND state = 'waitlisted' AND position <= $2"};
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

#undef ZJ_ACTIVITY_COLUMNS
#undef ZJ_REG_COLUMNS

Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }
Value OptInt(const std::optional<int>& v) {
  return v ? Value(static_cast<std::int64_t>(*v)) : Value();
}

ActivityRow ActivityFromRow(const RowView& r) {
  ActivityRow a;
  a.id = r.Int(0);
  a.federation_id = r.Int(1);
  a.org_id = r.Int(2);
  a.org_path = r.Text(3);
  a.kind = r.Text(4);
  a.title = r.Text(5);
  a.place = r.Text(6);
  a.starts_at = r.Int(7);
  a.ends_at = r.Int(8);
  a.opens_at = r.Int(9);
  a.closes_at = r.Int(10);
  a.capacity = static_cast<int>(r.Int(11));
  if (!r.IsNull(12)) a.waitlist_max = static_cast<int>(r.Int(12));
  a.cancel_cutoff_hours = static_cast<int>(r.Int(13));
  a.confirm_hours = static_cast<int>(r.Int(14));
  a.walk_ins = r.Int(15) != 0;
  a.fee_fen = r.Int(16);
  a.audience = r.Text(17);
  a.spend_planned_fen = r.Int(18);
  a.prizes_planned = static_cast<int>(r.Int(19));
  a.status = r.Text(20);
  a.seats_taken = static_cast<int>(r.Int(21));
  a.waitlisted = static_cast<int>(r.Int(22));
  a.queue_next = r.Int(23);
  a.checked_in = static_cast<int>(r.Int(24));
  a.created_by = r.OptInt(25);
  a.created_at = r.Int(26);
  a.updated_at = r.Int(27);
  return a;
}

RegistrationRow RegFromRow(const RowView& r) {
  return RegistrationRow{r.Int(0),    r.Int(1),    r.Int(2), r.Int(3), r.Text(4),
                         r.OptInt(5), r.OptInt(6), r.Int(7), r.Int(8), r.OptInt(9)};
}

template <typename T>
std::optional<T> First(std::vector<T> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

Result<std::optional<RegistrationRow>> OneReg(Connection& conn, const Sql& sql,
                                              std::span<const Value> p) {
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<RegistrationRow>(conn, sql, p, RegFromRow));
  return First(std::move(rows));
}

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
  ZJ_ASSIGN_OR_RETURN(auto offers, Collect<RegistrationRow>(conn, kOffers, id, RegFromRow));
  const std::int64_t free = std::max<std::int64_t>(0, a.capacity - a.seats_taken);
  const std::int64_t head = free + static_cast<std::int64_t>(offers.size());
  std::vector<RegistrationRow> queue;
  if (head > 0 && a.waitlisted > 0) {
    const std::vector<Value> p{a.id, head};
    ZJ_ASSIGN_OR_RETURN(queue, Collect<RegistrationRow>(conn, kQueueHead, p, RegFromRow));
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

activities::SeatRules SeatRulesOf(const ActivityRow& row) {
  activities::SeatRules r;
  r.capacity = row.capacity;
  r.waitlist_max = row.waitlist_max;
  r.opens_at_ms = row.opens_at;
  r.closes_at_ms = row.closes_at;
  r.starts_at_ms = row.starts_at;
  r.cancel_cutoff_hours = row.cancel_cutoff_hours;
  r.confirm_hours = row.confirm_hours;
  return r;
}

Result<void> InsertActivity(Connection& conn, const ActivityRow& a) {
  const std::vector<Value> p{a.id,
                             a.federation_id,
                             a.org_id,
                             a.org_path,
                             a.kind,
                             a.title,
                             a.place,
                             a.starts_at,
                             a.ends_at,
                             a.opens_at,
                             a.closes_at,
                             static_cast<std::int64_t>(a.capacity),
                             OptInt(a.waitlist_max),
                             static_cast<std::int64_t>(a.cancel_cutoff_hours),
                             static_cast<std::int64_t>(a.confirm_hours),
                             static_cast<std::int64_t>(a.walk_ins ? 1 : 0),
                             a.fee_fen,
                             a.audience,
                             a.spend_planned_fen,
                             static_cast<std::int64_t>(a.prizes_planned),
                             a.status,
                             static_cast<std::int64_t>(a.seats_taken),
                             static_cast<std::int64_t>(a.waitlisted),
                             a.queue_next,
                             static_cast<std::int64_t>(a.checked_in),
                             Opt(a.created_by),
                             a.created_at,
                             a.updated_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, p));
  return {};
}

Result<bool> UpdateActivity(Connection& conn, const ActivityRow& a) {
  const std::vector<Value> p{a.id,
                             a.kind,
                             a.title,
                             a.place,
                             a.starts_at,
                             a.ends_at,
                             a.opens_at,
                             a.closes_at,
                             static_cast<std::int64_t>(a.capacity),
                             OptInt(a.waitlist_max),
                             static_cast<std::int64_t>(a.cancel_cutoff_hours),
                             static_cast<std::int64_t>(a.confirm_hours),
                             static_cast<std::int64_t>(a.walk_ins ? 1 : 0),
                             a.fee_fen,
                             a.audience,
                             a.spend_planned_fen,
                             static_cast<std::int64_t>(a.prizes_planned),
                             a.updated_at};
  ZJ_ASSIGN_OR_RETURN(auto changed, conn.Execute(kUpdate, p));
  return changed == 1;
}

Result<std::optional<ActivityRow>> FindActivity(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<ActivityRow>(conn, kFind, p, ActivityFromRow));
  return First(std::move(rows));
}

Result<std::optional<ActivityRow>> LockActivity(Connection& conn, std::int64_t id) {
  if (conn.backend() != Backend::kPostgres) return FindActivity(conn, id);
  const std::vector<Value> p{id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<ActivityRow>(conn, kLockPg, p, ActivityFromRow));
  return First(std::move(rows));
}

Result<std::vector<ActivityRow>> ListActivities(Connection& conn, const std::string& low,
                                                const std::string& high, const std::string& status,
                                                std::int64_t before_id, int limit) {
  const std::vector<Value> p{low, high, status, before_id, static_cast<std::int64_t>(limit)};
  return Collect<ActivityRow>(conn, kList, p, ActivityFromRow);
}

Result<bool> MoveActivityStatus(Connection& conn, std::int64_t id, const std::string& from,
                                const std::string& to, std::int64_t now_ms) {
  const std::vector<Value> p{id, from, to, now_ms};
  ZJ_ASSIGN_OR_RETURN(auto changed, conn.Execute(kMove, p));
  return changed == 1;
}

Result<std::vector<ActivityRow>> OpenActivitiesAbove(Connection& conn,
                                                     const std::string& member_path) {
  const std::vector<Value> p{member_path};
  return Collect<ActivityRow>(conn, kOpenAbove, p, ActivityFromRow);
}

Result<void> SetActivityAudience(Connection& conn, std::int64_t activity_id,
                                 const std::vector<std::int64_t>& org_ids) {
  const std::vector<Value> id{activity_id};
  ZJ_RETURN_IF_ERROR(conn.Execute(kDeleteAudience, id));
  std::vector<std::int64_t> unique = org_ids;
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  for (const std::int64_t org : unique) {
    const std::vector<Value> p{activity_id, org};
    ZJ_RETURN_IF_ERROR(conn.Execute(kInsertAudience, p));
  }
  return {};
}

Result<std::vector<AudienceOrg>> AudienceOf(Connection& conn, std::int64_t activity_id) {
  const std::vector<Value> p{activity_id};
  return Collect<AudienceOrg>(conn, kAudience, p, [](const RowView& r) {
    return AudienceOrg{r.Int(0), r.Text(1), r.Text(2)};
  });
}

Result<std::optional<RegistrationRow>> FindRegistration(Connection& conn, std::int64_t activity_id,
                                                        std::int64_t member_id) {
  const std::vector<Value> p{activity_id, member_id};
  return OneReg(conn, kFindReg, p);
}

Result<std::optional<RegistrationRow>> FindRegistrationById(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  return OneReg(conn, kFindRegById, p);
}

Result<std::vector<RegistrationRow>> RegistrationsOf(Connection& conn, std::int64_t activity_id,
                                                     int limit) {
  const std::vector<Value> p{activity_id, static_cast<std::int64_t>(limit)};
  return Collect<RegistrationRow>(conn, kRegsOf, p, RegFromRow);
}

Result<std::vector<NamedRegistration>> NamedRegistrationsOf(Connection& conn,
                                                            std::int64_t activity_id, int limit) {
  const std::vector<Value> p{activity_id, static_cast<std::int64_t>(limit)};
  return Collect<NamedRegistration>(conn, kNamedRegsOf, p, [](const RowView& r) {
    return NamedRegistration{RegFromRow(r), r.Text(10), r.Text(11)};
  });
}

Result<std::vector<RegistrationRow>> LiveRegistrationsOfMember(Connection& conn,
                                                               std::int64_t member_id) {
  const std::vector<Value> p{member_id};
  return Collect<RegistrationRow>(conn, kLiveOfMember, p, RegFromRow);
}

Result<std::int64_t> WaitlistPlace(Connection& conn, std::int64_t activity_id,
                                   std::int64_t position) {
  const std::vector<Value> p{activity_id, position};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kPlace, p));
  return rows.empty() ? 0 : rows.front().Int(0);
}

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
  ZJ_ASSIGN_OR_RETURN(auto live, Collect<RegistrationRow>(conn, kCancelAll, id, RegFromRow));
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
