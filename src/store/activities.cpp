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

}  // namespace

RegistrationRow RegistrationFromRow(const RowView& r) {
  return RegistrationRow{r.Int(0),    r.Int(1),    r.Int(2), r.Int(3), r.Text(4),
                         r.OptInt(5), r.OptInt(6), r.Int(7), r.Int(8), r.OptInt(9)};
}

namespace {

template <typename T>
std::optional<T> First(std::vector<T> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

Result<std::optional<RegistrationRow>> OneReg(Connection& conn, const Sql& sql,
                                              std::span<const Value> p) {
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<RegistrationRow>(conn, sql, p, RegistrationFromRow));
  return First(std::move(rows));
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
  return Collect<RegistrationRow>(conn, kRegsOf, p, RegistrationFromRow);
}

Result<std::vector<NamedRegistration>> NamedRegistrationsOf(Connection& conn,
                                                            std::int64_t activity_id, int limit) {
  const std::vector<Value> p{activity_id, static_cast<std::int64_t>(limit)};
  return Collect<NamedRegistration>(conn, kNamedRegsOf, p, [](const RowView& r) {
    return NamedRegistration{RegistrationFromRow(r), r.Text(10), r.Text(11)};
  });
}

Result<std::vector<RegistrationRow>> LiveRegistrationsOfMember(Connection& conn,
                                                               std::int64_t member_id) {
  const std::vector<Value> p{member_id};
  return Collect<RegistrationRow>(conn, kLiveOfMember, p, RegistrationFromRow);
}

Result<std::int64_t> WaitlistPlace(Connection& conn, std::int64_t activity_id,
                                   std::int64_t position) {
  const std::vector<Value> p{activity_id, position};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kPlace, p));
  return rows.empty() ? 0 : rows.front().Int(0);
}

}  // namespace zj::store
