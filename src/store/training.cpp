#include "store/training.h"

namespace zj::store {

namespace {

#define ZJ_COURSE_COLUMNS                                                              \
  "id, federation_id, org_id, org_path, kind, title, trade, level_awarded,"            \
  " certificate_valid_months, remind_days_before, min_attendance_percent, created_by," \
  " created_at"
#define ZJ_CLASS_COLUMNS                                                                      \
  "id, course_id, federation_id, org_id, org_path, title, place, starts_at, ends_at,"         \
  " opens_at, closes_at, capacity, waitlist_max, cancel_cutoff_hours, confirm_hours, status," \
  " seats_taken, waitlisted, queue_next, sessions, created_at"
#define ZJ_SESSION_COLUMNS "id, class_id, federation_id, starts_at, ends_at, place, checked_in"
#define ZJ_ASSESSMENT_COLUMNS                                                        \
  "id, class_id, member_id, federation_id, result, score, attended, certificate_id," \
  " assessed_by, assessed_at"

constexpr Sql kInsertCourse{"courses.insert",
                            "INSERT INTO courses (" ZJ_COURSE_COLUMNS
                            ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"};
constexpr Sql kFindCourse{"courses.find",
                          "SELECT " ZJ_COURSE_COLUMNS " FROM courses WHERE id = $1"};
constexpr Sql kListCourses{"courses.list",
                           "SELECT " ZJ_COURSE_COLUMNS
                           " FROM courses WHERE org_path >= $1 AND org_path < $2"
                           " AND (CAST($3 AS BIGINT) = 0 OR id < $3) ORDER BY id DESC LIMIT $4"};
constexpr Sql kInsertClass{"classes.insert",
                           "INSERT INTO classes (" ZJ_CLASS_COLUMNS
                           ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,"
                           " $14, $15, $16, $17, $18, $19, $20, $21)"};
constexpr Sql kFindClass{"classes.find", "SELECT " ZJ_CLASS_COLUMNS " FROM classes WHERE id = $1"};
constexpr Sql kLockClass{"classes.lock",
                         "SELECT " ZJ_CLASS_COLUMNS " FROM classes WHERE id = $1 FOR UPDATE"};
constexpr Sql kClassesOf{"classes.of_course",
                         "SELECT " ZJ_CLASS_COLUMNS
                         " FROM classes WHERE course_id = $1 ORDER BY starts_at, id LIMIT 500"};
constexpr Sql kOpenAbove{"classes.open_above", "SELECT " ZJ_CLASS_COLUMNS
                                               " FROM classes WHERE status = 'open'"
                                               " AND substr($1, 1, length(org_path)) = org_path"
                                               " ORDER BY starts_at, id LIMIT 100"};
constexpr Sql kInsertSession{"class_sessions.insert",
                             "INSERT INTO class_sessions (" ZJ_SESSION_COLUMNS
                             ") VALUES ($1, $2, $3, $4, $5, $6, 0)"};
constexpr Sql kCountSession{"classes.count_session",
                            "UPDATE classes SET sessions = sessions + 1 WHERE id = $1"};
constexpr Sql kFindSession{"class_sessions.find",
                           "SELECT " ZJ_SESSION_COLUMNS " FROM class_sessions WHERE id = $1"};
constexpr Sql kSessionsOf{"class_sessions.of", "SELECT " ZJ_SESSION_COLUMNS
                                               " FROM class_sessions WHERE class_id = $1"
                                               " ORDER BY starts_at, id LIMIT 500"};
constexpr Sql kFindAssessment{"assessments.find",
                              "SELECT " ZJ_ASSESSMENT_COLUMNS
                              " FROM assessments WHERE class_id = $1 AND member_id = $2"};
constexpr Sql kInsertAssessment{"assessments.insert",
                                "INSERT INTO assessments (" ZJ_ASSESSMENT_COLUMNS
                                ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"};
constexpr Sql kUpdateAssessment{"assessments.update",
                                "UPDATE assessments SET result = $2, score = $3, attended = $4,"
                                " certificate_id = $5, assessed_by = $6, assessed_at = $7"
                                " WHERE id = $1"};
constexpr Sql kAssessmentsOf{"assessments.of",
                             "SELECT " ZJ_ASSESSMENT_COLUMNS
                             " FROM assessments WHERE class_id = $1 ORDER BY assessed_at, id"
                             " LIMIT 20000"};
constexpr Sql kSetExpiry{"certificates.set_expiry",
                         "UPDATE certificates SET expires_at = $2 WHERE id = $1"};
constexpr Sql kExpiryByCode{"certificates.expiry_by_code",
                            "SELECT expires_at FROM certificates WHERE code = $1"};
constexpr Sql kTrainingOf{"certificates.training_of",
                          "SELECT id, code, title, award, issued_at, expires_at, revoked_at"
                          " FROM certificates WHERE member_id = $1 AND kind = 'training'"
                          " ORDER BY issued_at DESC, id DESC LIMIT 200"};
constexpr Sql kRemindersDue{
    "certificates.reminders_due",
    "SELECT c.id, c.member_id, c.title, c.expires_at, co.remind_days_before"
    " FROM certificates c JOIN assessments a ON a.id = c.source_id"
    " JOIN classes k ON k.id = a.class_id JOIN courses co ON co.id = k.course_id"
    " WHERE c.expires_at > $1 AND c.expires_at <= $2 AND c.kind = 'training'"
    " AND c.reminded_at IS NULL AND c.revoked_at IS NULL AND c.member_id IS NOT NULL"
    " ORDER BY c.expires_at, c.id LIMIT $3"};
constexpr Sql kMarkReminded{"certificates.mark_reminded",
                            "UPDATE certificates SET reminded_at = $2"
                            " WHERE id = $1 AND reminded_at IS NULL"};

#undef ZJ_COURSE_COLUMNS
#undef ZJ_CLASS_COLUMNS
#undef ZJ_SESSION_COLUMNS
#undef ZJ_ASSESSMENT_COLUMNS

Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }
Value OptInt(const std::optional<int>& v) {
  return v ? Value(static_cast<std::int64_t>(*v)) : Value();
}
Value OptText(const std::optional<std::string>& v) { return v ? Value(*v) : Value(); }
std::optional<int> ReadOptInt(const RowView& r, int i) {
  if (r.IsNull(i)) return std::nullopt;
  return static_cast<int>(r.Int(i));
}

CourseRow CourseFromRow(const RowView& r) {
  CourseRow c;
  c.id = r.Int(0);
  c.federation_id = r.Int(1);
  c.org_id = r.Int(2);
  c.org_path = r.Text(3);
  c.kind = r.Text(4);
  c.title = r.Text(5);
  c.trade = r.OptText(6);
  c.level_awarded = ReadOptInt(r, 7);
  c.certificate_valid_months = static_cast<int>(r.Int(8));
  c.remind_days_before = static_cast<int>(r.Int(9));
  c.min_attendance_percent = static_cast<int>(r.Int(10));
  c.created_by = r.OptInt(11);
  c.created_at = r.Int(12);
  return c;
}

ClassRow ClassFromRow(const RowView& r) {
  ClassRow c;
  c.id = r.Int(0);
  c.course_id = r.Int(1);
  c.federation_id = r.Int(2);
  c.org_id = r.Int(3);
  c.org_path = r.Text(4);
  c.title = r.Text(5);
  c.place = r.Text(6);
  c.starts_at = r.Int(7);
  c.ends_at = r.Int(8);
  c.opens_at = r.Int(9);
  c.closes_at = r.Int(10);
  c.capacity = static_cast<int>(r.Int(11));
  c.waitlist_max = ReadOptInt(r, 12);
  c.cancel_cutoff_hours = static_cast<int>(r.Int(13));
  c.confirm_hours = static_cast<int>(r.Int(14));
  c.status = r.Text(15);
  c.seats_taken = static_cast<int>(r.Int(16));
  c.waitlisted = static_cast<int>(r.Int(17));
  c.queue_next = r.Int(18);
  c.sessions = static_cast<int>(r.Int(19));
  c.created_at = r.Int(20);
  return c;
}

ClassSessionRow ClassSessionFromRow(const RowView& r) {
  return ClassSessionRow{
      r.Int(0), r.Int(1), r.Int(2), r.Int(3), r.Int(4), r.Text(5), static_cast<int>(r.Int(6))};
}

AssessmentRow AssessmentFromRow(const RowView& r) {
  AssessmentRow a;
  a.id = r.Int(0);
  a.class_id = r.Int(1);
  a.member_id = r.Int(2);
  a.federation_id = r.Int(3);
  a.result = r.Text(4);
  a.score = ReadOptInt(r, 5);
  a.attended = static_cast<int>(r.Int(6));
  a.certificate_id = r.OptInt(7);
  a.assessed_by = r.OptInt(8);
  a.assessed_at = r.Int(9);
  return a;
}

template <typename T, typename F>
Result<std::optional<T>> First(Connection& conn, const Sql& sql, std::span<const Value> p, F from) {
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<T>(conn, sql, p, from));
  if (rows.empty()) return std::optional<T>{};
  return std::optional<T>(std::move(rows.front()));
}

}  // namespace

activities::SeatRules SeatRulesOf(const ClassRow& row) {
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

Result<void> InsertCourse(Connection& conn, const CourseRow& c) {
  const std::vector<Value> p{c.id,
                             c.federation_id,
                             c.org_id,
                             c.org_path,
                             c.kind,
                             c.title,
                             OptText(c.trade),
                             OptInt(c.level_awarded),
                             std::int64_t{c.certificate_valid_months},
                             std::int64_t{c.remind_days_before},
                             std::int64_t{c.min_attendance_percent},
                             Opt(c.created_by),
                             c.created_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertCourse, p));
  return {};
}

Result<std::optional<CourseRow>> FindCourse(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  return First<CourseRow>(conn, kFindCourse, p, CourseFromRow);
}

Result<std::vector<CourseRow>> ListCourses(Connection& conn, const std::string& low,
                                           const std::string& high, std::int64_t before_id,
                                           int limit) {
  const std::vector<Value> p{low, high, before_id, std::int64_t{limit}};
  return Collect<CourseRow>(conn, kListCourses, p, CourseFromRow);
}

Result<void> InsertClass(Connection& conn, const ClassRow& c) {
  const std::vector<Value> p{c.id,
                             c.course_id,
                             c.federation_id,
                             c.org_id,
                             c.org_path,
                             c.title,
                             c.place,
                             c.starts_at,
                             c.ends_at,
                             c.opens_at,
                             c.closes_at,
                             std::int64_t{c.capacity},
                             OptInt(c.waitlist_max),
                             std::int64_t{c.cancel_cutoff_hours},
                             std::int64_t{c.confirm_hours},
                             c.status,
                             std::int64_t{c.seats_taken},
                             std::int64_t{c.waitlisted},
                             c.queue_next,
                             std::int64_t{c.sessions},
                             c.created_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertClass, p));
  return {};
}

Result<std::optional<ClassRow>> FindClass(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  return First<ClassRow>(conn, kFindClass, p, ClassFromRow);
}

Result<std::optional<ClassRow>> LockClass(Connection& conn, std::int64_t id) {
  if (conn.backend() != Backend::kPostgres) return FindClass(conn, id);
  const std::vector<Value> p{id};
  return First<ClassRow>(conn, kLockClass, p, ClassFromRow);
}

Result<std::vector<ClassRow>> ClassesOfCourse(Connection& conn, std::int64_t course_id) {
  const std::vector<Value> p{course_id};
  return Collect<ClassRow>(conn, kClassesOf, p, ClassFromRow);
}

Result<std::vector<ClassRow>> OpenClassesAbove(Connection& conn, const std::string& member_path) {
  const std::vector<Value> p{member_path};
  return Collect<ClassRow>(conn, kOpenAbove, p, ClassFromRow);
}

Result<void> InsertSession(Connection& conn, const ClassSessionRow& s) {
  const std::vector<Value> p{s.id, s.class_id, s.federation_id, s.starts_at, s.ends_at, s.place};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertSession, p));
  const std::vector<Value> id{s.class_id};
  ZJ_RETURN_IF_ERROR(conn.Execute(kCountSession, id));
  return {};
}

Result<std::optional<ClassSessionRow>> FindSession(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  return First<ClassSessionRow>(conn, kFindSession, p, ClassSessionFromRow);
}

Result<std::vector<ClassSessionRow>> SessionsOf(Connection& conn, std::int64_t class_id) {
  const std::vector<Value> p{class_id};
  return Collect<ClassSessionRow>(conn, kSessionsOf, p, ClassSessionFromRow);
}

Result<std::optional<AssessmentRow>> FindAssessment(Connection& conn, std::int64_t class_id,
                                                    std::int64_t member_id) {
  const std::vector<Value> p{class_id, member_id};
  return First<AssessmentRow>(conn, kFindAssessment, p, AssessmentFromRow);
}

Result<void> SaveAssessment(Connection& conn, const AssessmentRow& a, bool exists) {
  if (exists) {
    const std::vector<Value> p{a.id,
                               a.result,
                               OptInt(a.score),
                               std::int64_t{a.attended},
                               Opt(a.certificate_id),
                               Opt(a.assessed_by),
                               a.assessed_at};
    ZJ_RETURN_IF_ERROR(conn.Execute(kUpdateAssessment, p));
    return {};
  }
  const std::vector<Value> p{a.id,
                             a.class_id,
                             a.member_id,
                             a.federation_id,
                             a.result,
                             OptInt(a.score),
                             std::int64_t{a.attended},
                             Opt(a.certificate_id),
                             Opt(a.assessed_by),
                             a.assessed_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertAssessment, p));
  return {};
}

Result<std::vector<AssessmentRow>> AssessmentsOf(Connection& conn, std::int64_t class_id) {
  const std::vector<Value> p{class_id};
  return Collect<AssessmentRow>(conn, kAssessmentsOf, p, AssessmentFromRow);
}

Result<void> SetCertificateExpiry(Connection& conn, std::int64_t certificate_id,
                                  std::int64_t expires_at) {
  const std::vector<Value> p{certificate_id, expires_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kSetExpiry, p));
  return {};
}

Result<std::optional<std::int64_t>> CertificateExpiryByCode(Connection& conn,
                                                            const std::string& code) {
  const std::vector<Value> p{code};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kExpiryByCode, p));
  if (rows.empty()) return std::optional<std::int64_t>{};
  return rows.front().OptInt(0);
}

Result<std::vector<TrainingCertificate>> TrainingCertificatesOf(Connection& conn,
                                                                std::int64_t member_id) {
  const std::vector<Value> p{member_id};
  std::vector<TrainingCertificate> out;
  ZJ_RETURN_IF_ERROR(conn.QueryEach(kTrainingOf, p, [&](const RowView& r) {
    out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.OptInt(5), r.OptInt(6)});
  }));
  return out;
}

Result<std::vector<ExpiryReminder>> RemindersDue(Connection& conn, std::int64_t now_ms,
                                                 std::int64_t until_ms, int limit) {
  const std::vector<Value> p{now_ms, until_ms, std::int64_t{limit}};
  std::vector<ExpiryReminder> out;
  ZJ_RETURN_IF_ERROR(conn.QueryEach(kRemindersDue, p, [&](const RowView& r) {
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Int(3), static_cast<int>(r.Int(4))});
  }));
  return out;
}

Result<bool> MarkReminded(Connection& conn, std::int64_t certificate_id, std::int64_t now_ms) {
  const std::vector<Value> p{certificate_id, now_ms};
  ZJ_ASSIGN_OR_RETURN(auto changed, conn.Execute(kMarkReminded, p));
  return changed == 1;
}

}  // namespace zj::store
