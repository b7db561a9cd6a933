// Rows of training (migration 0044, issue 22): courses, their classes (one class = one intake,
// with the seat rules and counters of activities: the class's row is the lock of its seats),
// sessions, enrolments (decided by the activities core, core/activities/registration.h),
// check-ins per session, assessments, and the expiry and reminder of the certificates a pass
// issued. Plain reads and writes in the caller's transaction; who may call them is
// app/training's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/activities/check_in.h"
#include "core/activities/registration.h"
#include "store/database.h"

namespace zj::store {

struct CourseRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::int64_t org_id = 0;
  std::string org_path;
  std::string kind = "skills";  //!< cadre, skills, craftsman
  std::string title;
  std::optional<std::string> trade;
  std::optional<int> level_awarded;  //!< 1..5: the talent pool's hook
  int certificate_valid_months = 0;  //!< 0: never expires
  int remind_days_before = 30;
  int min_attendance_percent = 80;
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;
};

struct ClassRow {
  std::int64_t id = 0;
  std::int64_t course_id = 0;
  std::int64_t federation_id = 0;
  std::int64_t org_id = 0;
  std::string org_path;
  std::string title;
  std::string place;
  std::int64_t starts_at = 0;
  std::int64_t ends_at = 0;
  std::int64_t opens_at = 0;
  std::int64_t closes_at = 0;
  int capacity = 0;
  std::optional<int> waitlist_max;
  int cancel_cutoff_hours = 24;
  int confirm_hours = 24;
  std::string status = "open";  //!< open, closed
  int seats_taken = 0;
  int waitlisted = 0;
  std::int64_t queue_next = 0;
  int sessions = 0;
  std::int64_t created_at = 0;
};

//! The seat rules the core decides by.
activities::SeatRules SeatRulesOf(const ClassRow& row);

struct ClassSessionRow {
  std::int64_t id = 0;
  std::int64_t class_id = 0;
  std::int64_t federation_id = 0;
  std::int64_t starts_at = 0;
  std::int64_t ends_at = 0;
  std::string place;
  int checked_in = 0;
};

struct EnrolmentRow {
  std::int64_t id = 0;
  std::int64_t class_id = 0;
  std::int64_t member_id = 0;
  std::int64_t federation_id = 0;
  std::string state;  //!< seated, waitlisted, offered, cancelled, lapsed
  std::optional<std::int64_t> position;
  std::optional<std::int64_t> confirm_by;
  std::int64_t registered_at = 0;
  std::int64_t changed_at = 0;
};

struct AssessmentRow {
  std::int64_t id = 0;
  std::int64_t class_id = 0;
  std::int64_t member_id = 0;
  std::int64_t federation_id = 0;
  std::string result;  //!< pass, fail, absent
  std::optional<int> score;
  int attended = 0;
  std::optional<std::int64_t> certificate_id;
  std::optional<std::int64_t> assessed_by;
  std::int64_t assessed_at = 0;
};

Result<void> InsertCourse(Connection& conn, const CourseRow& row);
Result<std::optional<CourseRow>> FindCourse(Connection& conn, std::int64_t id);
//! Courses whose org_path lies in [low, high), newest first, after the cursor.
Result<std::vector<CourseRow>> ListCourses(Connection& conn, const std::string& low,
                                           const std::string& high, std::int64_t before_id,
                                           int limit);

Result<void> InsertClass(Connection& conn, const ClassRow& row);
Result<std::optional<ClassRow>> FindClass(Connection& conn, std::int64_t id);
//! FindClass that also locks the row (PostgreSQL FOR UPDATE; SQLite holds the write lock).
Result<std::optional<ClassRow>> LockClass(Connection& conn, std::int64_t id);
//! The course's classes, by start, at most 500.
Result<std::vector<ClassRow>> ClassesOfCourse(Connection& conn, std::int64_t course_id);
//! Open classes whose org_path is a prefix of `member_path`, soonest first, at most 100.
Result<std::vector<ClassRow>> OpenClassesAbove(Connection& conn, const std::string& member_path);

//! Inserts the session and counts it on its class.
Result<void> InsertSession(Connection& conn, const ClassSessionRow& row);
Result<std::optional<ClassSessionRow>> FindSession(Connection& conn, std::int64_t id);
//! The class's sessions by start (at most 500).
Result<std::vector<ClassSessionRow>> SessionsOf(Connection& conn, std::int64_t class_id);

Result<std::optional<EnrolmentRow>> FindEnrolment(Connection& conn, std::int64_t class_id,
                                                  std::int64_t member_id);
//! Enrols the member in the caller's transaction (training_seats.cpp): locks the class, core
//! Decide on the counters read under the lock, then the conditional counter update and the
//! insert (or the update of a cancelled or lapsed row). Refusals are Decide's; kNotFound for no
//! class; kAlreadyExists from the unique key; kUnavailable "error.db.busy" when the seat's guard
//! changed no row (retry).
Result<EnrolmentRow> EnrolMember(Connection& conn, std::int64_t class_id, std::int64_t member_id,
                                 std::int64_t new_id, std::int64_t now_ms);

//! An enrolment with the member's name, union and sessions attended (for the organiser).
struct NamedEnrolment {
  EnrolmentRow row;
  std::string member_name;
  std::string union_name;
  int attended = 0;
};
//! Seated, offered, the waitlist in order, then the others; at most `limit`.
Result<std::vector<NamedEnrolment>> NamedEnrolmentsOf(Connection& conn, std::int64_t class_id,
                                                      int limit);
//! The member's enrolments, newest first, at most 200.
Result<std::vector<EnrolmentRow>> EnrolmentsOfMember(Connection& conn, std::int64_t member_id);

//! The book of a session for a batch of scans (as store::CheckInBookFor): the rows of their scan
//! ids, their members checked in already, and whether they hold a seat in the class.
Result<activities::CheckInBook> SessionBookFor(Connection& conn, const ClassSessionRow& session,
                                               const std::vector<activities::Scan>& scans);
//! One check-in; kAlreadyExists when the scan id or the member is there already. The session's
//! checked_in +1.
Result<void> InsertSessionCheckIn(Connection& conn, const ClassSessionRow& session,
                                  const activities::Scan& scan, std::int64_t member_id,
                                  std::optional<std::int64_t> recorded_by, std::int64_t now_ms);
//! The sessions of the class the member checked in at.
Result<int> AttendanceOf(Connection& conn, std::int64_t class_id, std::int64_t member_id);

Result<std::optional<AssessmentRow>> FindAssessment(Connection& conn, std::int64_t class_id,
                                                    std::int64_t member_id);
//! Inserts the row, or replaces the result of the member's row (same id).
Result<void> SaveAssessment(Connection& conn, const AssessmentRow& row, bool exists);
//! The class's assessments, at most 20,000.
Result<std::vector<AssessmentRow>> AssessmentsOf(Connection& conn, std::int64_t class_id);

//! certificates.expires_at of a certificate just issued.
Result<void> SetCertificateExpiry(Connection& conn, std::int64_t certificate_id,
                                  std::int64_t expires_at);
//! The expiry of the certificate of `code` (nullopt: none, or no such code).
Result<std::optional<std::int64_t>> CertificateExpiryByCode(Connection& conn,
                                                            const std::string& code);

//! A training certificate of a member with its expiry, as My training lists it.
struct TrainingCertificate {
  std::int64_t id = 0;
  std::string code;
  std::string title;
  std::string award;
  std::int64_t issued_at = 0;
  std::optional<std::int64_t> expires_at;
  std::optional<std::int64_t> revoked_at;
};
Result<std::vector<TrainingCertificate>> TrainingCertificatesOf(Connection& conn,
                                                                std::int64_t member_id);

//! A certificate whose reminder may be due: not reminded, not revoked, expiring in (now,
//! until]; with its course's days before.
struct ExpiryReminder {
  std::int64_t certificate_id = 0;
  std::int64_t member_id = 0;
  std::string title;
  std::int64_t expires_at = 0;
  int remind_days_before = 0;
};
Result<std::vector<ExpiryReminder>> RemindersDue(Connection& conn, std::int64_t now_ms,
                                                 std::int64_t until_ms, int limit);
//! reminded_at = now; false when it was set already (another run got there first).
Result<bool> MarkReminded(Connection& conn, std::int64_t certificate_id, std::int64_t now_ms);

}  // namespace zj::store
