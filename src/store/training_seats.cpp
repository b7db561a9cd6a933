// The seats and attendance of training classes: enrolment as an activity's registration (the
// class's row locked first, core Decide on its counters, the conditional seat update as the
// guard; docs/design/activities.md "Capacity never exceeded"), and the check-ins of a session
// (as activity_check_ins: the book read for the batch's scans only).
#include <algorithm>

#include "store/training.h"

namespace zj::store {

namespace {

namespace act = zj::activities;

#define ZJ_ENROLMENT_COLUMNS \
  "id, class_id, member_id, federation_id, state, position, confirm_by, registered_at, changed_at"

constexpr Sql kFind{"class_enrolments.find", "SELECT " ZJ_ENROLMENT_COLUMNS
                                             " FROM class_enrolments"
                                             " WHERE class_id = $1 AND member_id = $2"};
constexpr Sql kSeat{"classes.take_seat",
                    "UPDATE classes SET seats_taken = seats_taken + 1"
                    " WHERE id = $1 AND seats_taken < capacity"};
constexpr Sql kQueue{"classes.queue",
                     "UPDATE classes SET waitlisted = waitlisted + 1,"
                     " queue_next = queue_next + 1 WHERE id = $1 RETURNING queue_next"};
constexpr Sql kInsert{"class_enrolments.insert",
                      "INSERT INTO class_enrolments (" ZJ_ENROLMENT_COLUMNS
                      ") VALUES ($1, $2, $3, $4, $5, $6, NULL, $7, $7)"};
constexpr Sql kReenrol{"class_enrolments.reenrol",
                       "UPDATE class_enrolments SET state = $2, position = $3,"
                       " confirm_by = NULL, registered_at = $4, changed_at = $4,"
                       " cancelled_by = NULL WHERE id = $1"};
constexpr Sql kNamed{"class_enrolments.named",
                     "SELECT e.id, e.class_id, e.member_id, e.federation_id, e.state,"
                     " e.position, e.confirm_by, e.registered_at, e.changed_at, m.name, o.name,"
                     " (SELECT COUNT(*) FROM session_check_ins s"
                     " WHERE s.class_id = e.class_id AND s.member_id = e.member_id)"
                     " FROM class_enrolments e JOIN members m ON m.id = e.member_id"
                     " JOIN orgs o ON o.id = m.union_org_id WHERE e.class_id = $1"
                     " ORDER BY CASE e.state WHEN 'seated' THEN 0 WHEN 'offered' THEN 1"
                     " WHEN 'waitlisted' THEN 2 ELSE 3 END, COALESCE(e.position, 0),"
                     " e.registered_at, e.id LIMIT $2"};
constexpr Sql kOfMember{"class_enrolments.of_member",
                        "SELECT " ZJ_ENROLMENT_COLUMNS
                        " FROM class_enrolments WHERE member_id = $1 ORDER BY id DESC LIMIT 200"};
constexpr Sql kByScan{"session_check_ins.by_scan",
                      "SELECT member_id FROM session_check_ins"
                      " WHERE session_id = $1 AND scan_id = $2"};
constexpr Sql kByMember{"session_check_ins.by_member",
                        "SELECT scan_id FROM session_check_ins"
                        " WHERE session_id = $1 AND member_id = $2"};
constexpr Sql kSeated{"class_enrolments.seated",
                      "SELECT state FROM class_enrolments WHERE class_id = $1"
                      " AND member_id = $2 AND state IN ('seated', 'offered')"};
constexpr Sql kInsertCheckIn{"session_check_ins.insert",
                             "INSERT INTO session_check_ins (session_id, scan_id, class_id,"
                             " member_id, federation_id, scanned_at, recorded_at, recorded_by)"
                             " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"};
constexpr Sql kCountCheckIn{"class_sessions.count_check_in",
                            "UPDATE class_sessions SET checked_in = checked_in + 1 WHERE id = $1"};
constexpr Sql kAttendance{"session_check_ins.attendance",
                          "SELECT COUNT(*) FROM session_check_ins"
                          " WHERE class_id = $1 AND member_id = $2"};

#undef ZJ_ENROLMENT_COLUMNS

EnrolmentRow EnrolmentFromRow(const RowView& r) {
  EnrolmentRow e;
  e.id = r.Int(0);
  e.class_id = r.Int(1);
  e.member_id = r.Int(2);
  e.federation_id = r.Int(3);
  e.state = r.Text(4);
  e.position = r.OptInt(5);
  e.confirm_by = r.OptInt(6);
  e.registered_at = r.Int(7);
  e.changed_at = r.Int(8);
  return e;
}

}  // namespace

Result<std::optional<EnrolmentRow>> FindEnrolment(Connection& conn, std::int64_t class_id,
                                                  std::int64_t member_id) {
  const std::vector<Value> p{class_id, member_id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<EnrolmentRow>(conn, kFind, p, EnrolmentFromRow));
  if (rows.empty()) return std::optional<EnrolmentRow>{};
  return std::optional<EnrolmentRow>(std::move(rows.front()));
}

Result<EnrolmentRow> EnrolMember(Connection& conn, std::int64_t class_id, std::int64_t member_id,
                                 std::int64_t new_id, std::int64_t now_ms) {
  ZJ_ASSIGN_OR_RETURN(auto locked, LockClass(conn, class_id));
  if (!locked) {
    return Fail(ErrorCode::kNotFound, "error.not_found", "class " + std::to_string(class_id));
  }
  const ClassRow& k = *locked;
  ZJ_ASSIGN_OR_RETURN(auto existing, FindEnrolment(conn, class_id, member_id));
  std::optional<act::Existing> before;
  if (existing) {
    before =
        act::Existing{act::ParseSeatState(existing->state).value_or(act::SeatState::kCancelled)};
  }
  ZJ_ASSIGN_OR_RETURN(const act::Placement placement,
                      act::Decide(SeatRulesOf(k), before, k.seats_taken, k.waitlisted, now_ms));
  EnrolmentRow row;
  row.id = existing ? existing->id : new_id;
  row.class_id = class_id;
  row.member_id = member_id;
  row.federation_id = k.federation_id;
  row.registered_at = row.changed_at = now_ms;
  const std::vector<Value> id{class_id};
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
  const Value position = row.position ? Value(*row.position) : Value();
  if (existing) {
    const std::vector<Value> p{row.id, row.state, position, now_ms};
    ZJ_RETURN_IF_ERROR(conn.Execute(kReenrol, p));
  } else {
    const std::vector<Value> p{row.id,    row.class_id, row.member_id, row.federation_id,
                               row.state, position,     now_ms};
    ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, p));
  }
  return row;
}

Result<std::vector<NamedEnrolment>> NamedEnrolmentsOf(Connection& conn, std::int64_t class_id,
                                                      int limit) {
  const std::vector<Value> p{class_id, std::int64_t{limit}};
  std::vector<NamedEnrolment> out;
  ZJ_RETURN_IF_ERROR(conn.QueryEach(kNamed, p, [&](const RowView& r) {
    out.push_back({EnrolmentFromRow(r), r.Text(9), r.Text(10), static_cast<int>(r.Int(11))});
  }));
  return out;
}

Result<std::vector<EnrolmentRow>> EnrolmentsOfMember(Connection& conn, std::int64_t member_id) {
  const std::vector<Value> p{member_id};
  return Collect<EnrolmentRow>(conn, kOfMember, p, EnrolmentFromRow);
}

Result<activities::CheckInBook> SessionBookFor(Connection& conn, const ClassSessionRow& session,
                                               const std::vector<activities::Scan>& scans) {
  activities::CheckInBook book;
  std::vector<std::int64_t> members_seen;
  for (const auto& s : scans) {
    if (act::IsScanId(s.scan_id) && !book.scans.contains(s.scan_id)) {
      const std::vector<Value> p{session.id, s.scan_id};
      ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kByScan, p));
      if (!rows.empty()) book.scans.emplace(s.scan_id, rows[0].Int(0));
    }
    if (s.member_id == 0 ||
        std::find(members_seen.begin(), members_seen.end(), s.member_id) != members_seen.end()) {
      continue;
    }
    members_seen.push_back(s.member_id);
    const std::vector<Value> p{session.id, s.member_id};
    ZJ_ASSIGN_OR_RETURN(Rows in, conn.Query(kByMember, p));
    if (!in.empty()) book.checked_in.insert(s.member_id);
    const std::vector<Value> q{session.class_id, s.member_id};
    ZJ_ASSIGN_OR_RETURN(Rows seat, conn.Query(kSeated, q));
    if (!seat.empty()) book.seated.insert(s.member_id);
  }
  return book;
}

Result<void> InsertSessionCheckIn(Connection& conn, const ClassSessionRow& session,
                                  const activities::Scan& scan, std::int64_t member_id,
                                  std::optional<std::int64_t> recorded_by, std::int64_t now_ms) {
  const std::vector<Value> p{session.id,
                             scan.scan_id,
                             session.class_id,
                             member_id,
                             session.federation_id,
                             scan.scanned_at_ms,
                             now_ms,
                             recorded_by ? Value(*recorded_by) : Value()};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertCheckIn, p));
  const std::vector<Value> id{session.id};
  ZJ_RETURN_IF_ERROR(conn.Execute(kCountCheckIn, id));
  return {};
}

Result<int> AttendanceOf(Connection& conn, std::int64_t class_id, std::int64_t member_id) {
  const std::vector<Value> p{class_id, member_id};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kAttendance, p));
  return rows.empty() ? 0 : static_cast<int>(rows.front().Int(0));
}

}  // namespace zj::store
