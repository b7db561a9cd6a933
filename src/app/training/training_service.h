// Training (issue 22; docs/design/activities.md "Rules in app/" Training) for its organisers:
// cadres, staff and administrators of the course's org or above create courses, a course's
// classes (one class = one intake, with the seat rules of activities, checked by core
// CheckSeatRules) and a class's sessions; read a class with its enrolments and each member's
// attendance (the check-ins of its sessions); and record an assessment: pass, fail or absent
// with a score. A pass or fail needs the attendance share (core MayBeAssessed: a field error
// otherwise); a pass issues a 'training' certificate (code, PDF, the public verify page) whose
// expiry is core ExpiresOn of the course's months. Anything outside the actor's subtree is
// kNotFound; every change is audited.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/actor.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "core/result.h"
#include "store/database.h"
#include "store/training.h"

namespace zj::app {

//! The inbox kind of a certificate's expiry reminder (parameters: title, expires_on, code).
inline constexpr std::string_view kInboxCertificateExpiring = "certificate.expiring";

struct NewCourse {
  std::optional<std::int64_t> org_id;  //!< default: the actor's org
  std::string kind = "skills";         //!< cadre, skills, craftsman
  std::string title;                   //!< 1..200
  std::optional<std::string> trade;    //!< ≤ 100
  std::optional<int> level_awarded;    //!< 1..5
  int certificate_valid_months = 24;   //!< 0..120; 0: never expires
  int remind_days_before = 30;         //!< 0..365
  int min_attendance_percent = 80;     //!< 0..100
};

struct NewClass {
  std::string title;  //!< 1..200
  std::string place;  //!< 1..200
  std::int64_t starts_at = 0;
  std::int64_t ends_at = 0;
  std::int64_t opens_at = 0;
  std::int64_t closes_at = 0;
  int capacity = 0;
  std::optional<int> waitlist_max;
  int cancel_cutoff_hours = 24;
  int confirm_hours = 24;
};

struct NewSession {
  std::int64_t starts_at = 0;
  std::int64_t ends_at = 0;
  std::string place;  //!< 1..200
};

struct AssessmentIn {
  std::int64_t member_id = 0;
  std::string result;  //!< pass, fail, absent
  std::optional<int> score;
};

//! An enrolment as the organiser sees it: the member's masked name, never more.
struct EnrolmentView {
  store::EnrolmentRow row;
  std::string member_name_masked;
  std::string union_name;
  int attended = 0;
  bool may_be_assessed = false;
};

struct ClassDetail {
  store::ClassRow row;
  store::CourseRow course;
  int sessions_needed = 0;  //!< core SessionsNeeded of the sessions so far
  std::vector<store::ClassSessionRow> sessions;
  std::vector<EnrolmentView> enrolments;
  std::vector<store::AssessmentRow> assessments;
};

//! A recorded result and, for a pass, the certificate it issued.
struct AssessmentView {
  store::AssessmentRow row;
  std::optional<std::string> certificate_code;  //!< as printed: ABCD-EFGH-JKMN
  std::optional<std::string> expires_on;        //!< YYYY-MM-DD; none for no expiry
};

struct CoursePage {
  std::vector<store::CourseRow> items;
  std::optional<std::int64_t> next_cursor;
};

class TrainingService {
 public:
  TrainingService(store::Database& db, const Clock& clock, Random& random, AuditService& audit)
      : db_(db), clock_(clock), random_(random), audit_(audit) {}

  Result<store::CourseRow> CreateCourse(const Actor& actor, const NewCourse& in);
  //! Newest first.
  Result<CoursePage> ListCourses(const Actor& actor, std::int64_t before_id, int limit);
  //! Open at once (the enrolment window is the class's).
  Result<store::ClassRow> CreateClass(const Actor& actor, std::int64_t course_id,
                                      const NewClass& in);
  Result<std::vector<store::ClassRow>> ClassesOf(const Actor& actor, std::int64_t course_id);
  Result<ClassDetail> GetClass(const Actor& actor, std::int64_t class_id);
  //! Within the class's days (from its start's day to its end); at most 200 per class.
  Result<store::ClassSessionRow> AddSession(const Actor& actor, std::int64_t class_id,
                                            const NewSession& in);
  Result<std::vector<store::ClassSessionRow>> Sessions(const Actor& actor, std::int64_t class_id);
  //! Field errors: member_id (error.training.not_enrolled), result, score, and result
  //! "error.training.attendance_short" {attended, needed} below the share. kConflict
  //! "error.training.assessed" once a pass issued the certificate.
  Result<AssessmentView> Assess(const Actor& actor, std::int64_t class_id, const AssessmentIn& in);
  Result<std::vector<AssessmentView>> Assessments(const Actor& actor, std::int64_t class_id);

 private:
  Result<store::CourseRow> LoadCourse(store::Connection& conn, const Actor& actor, std::int64_t id);
  Result<store::ClassRow> LoadClass(store::Connection& conn, const Actor& actor, std::int64_t id);
  Result<void> Audit(store::Connection& conn, const Actor& actor, const std::string& action,
                     const std::string& type, std::int64_t id,
                     std::vector<std::pair<std::string, std::string>> detail = {});

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;
};

//! Cadres, staff and administrators; kPermissionDenied "error.training.forbidden" else.
Result<void> MustOrganiseTraining(const Actor& actor);
//! The instant a certificate issued at `issued_at_ms` lapses: the start (Beijing) of core
//! ExpiresOn's day; nullopt for `valid_months` 0.
std::optional<std::int64_t> ExpiryInstant(std::int64_t issued_at_ms, int valid_months);
//! The Beijing day YYYY-MM-DD of an expiry instant.
std::string ExpiryDay(std::int64_t expires_at_ms);

}  // namespace zj::app
