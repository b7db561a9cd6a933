#include "app/training/training_service.h"

#include <chrono>

#include "app/certificates/certificate_service.h"
#include "app/competitions/competition_rules.h"
#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "app/talent/talent_service.h"
#include "core/activities/registration.h"
#include "core/calendar/work_calendar.h"
#include "core/certificates/code.h"
#include "core/personal_data/masking.h"
#include "core/talent/skill_level.h"
#include "core/training/training_rules.h"
#include "store/members.h"
#include "store/orgs.h"

namespace zj::app {

namespace {

namespace act = zj::activities;

constexpr int kMaxLimit = 200;
constexpr int kMaxEnrolments = 20'000;
constexpr int kMaxSessions = 200;
constexpr std::int64_t kBeijingOffsetMs = 8 * 3'600'000LL;

Error NotFound(const std::string& what, std::int64_t id) {
  return Error{ErrorCode::kNotFound, "error.not_found", what + " " + std::to_string(id), {}, {}};
}

bool HoldsSeat(const std::string& state) { return state == "seated" || state == "offered"; }

}  // namespace

Result<void> MustOrganiseTraining(const Actor& actor) {
  if (actor.role == "admin" || actor.role == "staff" || actor.role == "cadre") return {};
  return Fail(ErrorCode::kPermissionDenied, "error.training.forbidden",
              actor.role + " does not organise training");
}

std::optional<std::int64_t> ExpiryInstant(std::int64_t issued_at_ms, int valid_months) {
  const training::Date issued{calendar::LocalDay(issued_at_ms, 480)};
  const auto on = training::ExpiresOn(issued, valid_months);
  if (!on) return std::nullopt;
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::sys_days{*on}.time_since_epoch())
                      .count();
  return ms - kBeijingOffsetMs;
}

std::string ExpiryDay(std::int64_t expires_at_ms) {
  const training::Date day{calendar::LocalDay(expires_at_ms, 480)};
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return out;
}

Result<void> TrainingService::Audit(store::Connection& conn, const Actor& actor,
                                    const std::string& action, const std::string& type,
                                    std::int64_t id,
                                    std::vector<std::pair<std::string, std::string>> detail) {
  const AuditEvent event{action,           type, std::to_string(id), "ok", actor.remote_addr,
                         std::move(detail)};
  return audit_.Record(conn, AuditActor::From(actor), event);
}

Result<store::CourseRow> TrainingService::LoadCourse(store::Connection& conn, const Actor& actor,
                                                     std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindCourse(conn, id));
  if (!row || !PathInScope(actor, row->org_path)) return Fail(NotFound("course", id));
  return std::move(*row);
}

Result<store::ClassRow> TrainingService::LoadClass(store::Connection& conn, const Actor& actor,
                                                   std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindClass(conn, id));
  if (!row || !PathInScope(actor, row->org_path)) return Fail(NotFound("class", id));
  return std::move(*row);
}

Result<store::CourseRow> TrainingService::CreateCourse(const Actor& actor, const NewCourse& in) {
  ZJ_RETURN_IF_ERROR(MustOrganiseTraining(actor));
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "course", {}, {}};
  if (in.kind != "cadre" && in.kind != "skills" && in.kind != "craftsman") {
    invalid.fields.push_back({"kind", "error.training.kind", {}});
  }
  CheckName("title", in.title, 200, invalid);
  if (in.trade && in.trade->size() > 100) {
    invalid.fields.push_back({"trade", "error.field.too_long", {{"max", "100"}}});
  }
  if (in.level_awarded && (*in.level_awarded < 1 || *in.level_awarded > 5)) {
    invalid.fields.push_back({"level_awarded", "error.training.level_awarded", {}});
  }
  if (in.certificate_valid_months < 0 || in.certificate_valid_months > 120) {
    invalid.fields.push_back({"certificate_valid_months", "error.training.valid_months", {}});
  }
  if (in.remind_days_before < 0 || in.remind_days_before > 365) {
    invalid.fields.push_back({"remind_days_before", "error.training.remind_days_before", {}});
  }
  if (in.min_attendance_percent < 0 || in.min_attendance_percent > 100) {
    invalid.fields.push_back(
        {"min_attendance_percent", "error.training.min_attendance_percent", {}});
  }
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<store::CourseRow> {
    const std::int64_t org_id = in.org_id.value_or(actor.org_id.value_or(0));
    if (org_id == 0) return Fail(FieldProblem("org_id", "error.field.required"));
    ZJ_ASSIGN_OR_RETURN(store::OrgRow org, LoadOrgInScope(c, actor, org_id, "org_id"));
    if (!invalid.fields.empty()) return Fail(invalid);
    store::CourseRow row;
    row.id = NewId(clock_, random_);
    row.federation_id = org.federation_id;
    row.org_id = org.id;
    row.org_path = org.path;
    row.kind = in.kind;
    row.title = in.title;
    row.trade = in.trade;
    row.level_awarded = in.level_awarded;
    row.certificate_valid_months = in.certificate_valid_months;
    row.remind_days_before = in.remind_days_before;
    row.min_attendance_percent = in.min_attendance_percent;
    if (actor.user_id != 0) row.created_by = actor.user_id;
    row.created_at = clock_.NowMs();
    ZJ_RETURN_IF_ERROR(store::InsertCourse(c, row));
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "training.course_create", "course", row.id));
    return row;
  });
}

Result<CoursePage> TrainingService::ListCourses(const Actor& actor, std::int64_t before_id,
                                                int limit) {
  ZJ_RETURN_IF_ERROR(MustOrganiseTraining(actor));
  if (limit < 1 || limit > kMaxLimit) {
    return Fail(FieldProblem("limit", "error.field.limit", {{"max", std::to_string(kMaxLimit)}}));
  }
  CoursePage page;
  const auto range = ScopeRange(actor);
  if (!range) return page;
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(
      page.items, store::ListCourses(*lease, range->first, range->second, before_id, limit + 1));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = page.items.back().id;
  }
  return page;
}

Result<store::ClassRow> TrainingService::CreateClass(const Actor& actor, std::int64_t course_id,
                                                     const NewClass& in) {
  ZJ_RETURN_IF_ERROR(MustOrganiseTraining(actor));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<store::ClassRow> {
    ZJ_ASSIGN_OR_RETURN(store::CourseRow course, LoadCourse(c, actor, course_id));
    store::ClassRow row;
    row.id = NewId(clock_, random_);
    row.course_id = course.id;
    row.federation_id = course.federation_id;
    row.org_id = course.org_id;
    row.org_path = course.org_path;
    row.title = in.title;
    row.place = in.place;
    row.starts_at = in.starts_at;
    row.ends_at = in.ends_at;
    row.opens_at = in.opens_at;
    row.closes_at = in.closes_at;
    row.capacity = in.capacity;
    row.waitlist_max = in.waitlist_max;
    row.cancel_cutoff_hours = in.cancel_cutoff_hours;
    row.confirm_hours = in.confirm_hours;
    row.created_at = clock_.NowMs();
    Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "class", {}, {}};
    CheckName("title", row.title, 200, invalid);
    CheckName("place", row.place, 200, invalid);
    if (row.ends_at <= row.starts_at) {
      invalid.fields.push_back({"ends_at", "error.activity.ends_at", {}});
    }
    for (auto& f : act::CheckSeatRules(store::SeatRulesOf(row))) invalid.fields.push_back(f);
    if (!invalid.fields.empty()) return Fail(std::move(invalid));
    ZJ_RETURN_IF_ERROR(store::InsertClass(c, row));
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "training.class_create", "class", row.id,
                             {{"capacity", std::to_string(row.capacity)}}));
    return row;
  });
}

Result<std::vector<store::ClassRow>> TrainingService::ClassesOf(const Actor& actor,
                                                                std::int64_t course_id) {
  ZJ_RETURN_IF_ERROR(MustOrganiseTraining(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto course, LoadCourse(*lease, actor, course_id));
  return store::ClassesOfCourse(*lease, course.id);
}

Result<ClassDetail> TrainingService::GetClass(const Actor& actor, std::int64_t class_id) {
  ZJ_RETURN_IF_ERROR(MustOrganiseTraining(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::ReadSnapshot snapshot(*lease);
  ClassDetail d;
  ZJ_ASSIGN_OR_RETURN(d.row, LoadClass(*lease, actor, class_id));
  ZJ_ASSIGN_OR_RETURN(auto course, store::FindCourse(*lease, d.row.course_id));
  if (!course) return Fail(NotFound("course", d.row.course_id));
  d.course = std::move(*course);
  d.sessions_needed = training::SessionsNeeded(d.row.sessions, d.course.min_attendance_percent);
  ZJ_ASSIGN_OR_RETURN(d.sessions, store::SessionsOf(*lease, class_id));
  ZJ_ASSIGN_OR_RETURN(auto named, store::NamedEnrolmentsOf(*lease, class_id, kMaxEnrolments));
  for (auto& n : named) {
    const bool may =
        HoldsSeat(n.row.state) &&
        training::MayBeAssessed(n.attended, d.row.sessions, d.course.min_attendance_percent);
    d.enrolments.push_back({std::move(n.row), personal_data::MaskPersonName(n.member_name),
                            std::move(n.union_name), n.attended, may});
  }
  ZJ_ASSIGN_OR_RETURN(d.assessments, store::AssessmentsOf(*lease, class_id));
  return d;
}

Result<store::ClassSessionRow> TrainingService::AddSession(const Actor& actor,
                                                           std::int64_t class_id,
                                                           const NewSession& in) {
  ZJ_RETURN_IF_ERROR(MustOrganiseTraining(actor));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<store::ClassSessionRow> {
    ZJ_ASSIGN_OR_RETURN(store::ClassRow k, LoadClass(c, actor, class_id));
    ZJ_ASSIGN_OR_RETURN(auto locked, store::LockClass(c, class_id));
    if (locked) k = std::move(*locked);
    Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "session", {}, {}};
    CheckName("place", in.place, 200, invalid);
    if (in.ends_at <= in.starts_at || in.starts_at < k.starts_at || in.ends_at > k.ends_at) {
      invalid.fields.push_back({"starts_at", "error.training.session_time", {}});
    }
    if (k.sessions >= kMaxSessions) {
      invalid.fields.push_back({"starts_at",
                                "error.training.too_many_sessions",
                                {{"max", std::to_string(kMaxSessions)}}});
    }
    if (!invalid.fields.empty()) return Fail(std::move(invalid));
    store::ClassSessionRow row{
        NewId(clock_, random_), k.id, k.federation_id, in.starts_at, in.ends_at, in.place, 0};
    ZJ_RETURN_IF_ERROR(store::InsertSession(c, row));
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "training.session_add", "class", k.id,
                             {{"session", std::to_string(row.id)}}));
    return row;
  });
}

Result<std::vector<store::ClassSessionRow>> TrainingService::Sessions(const Actor& actor,
                                                                      std::int64_t class_id) {
  ZJ_RETURN_IF_ERROR(MustOrganiseTraining(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto k, LoadClass(*lease, actor, class_id));
  return store::SessionsOf(*lease, k.id);
}

Result<AssessmentView> TrainingService::Assess(const Actor& actor, std::int64_t class_id,
                                               const AssessmentIn& in) {
  ZJ_RETURN_IF_ERROR(MustOrganiseTraining(actor));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<AssessmentView> {
    ZJ_ASSIGN_OR_RETURN(store::ClassRow k, LoadClass(c, actor, class_id));
    ZJ_ASSIGN_OR_RETURN(auto course, store::FindCourse(c, k.course_id));
    if (!course) return Fail(NotFound("course", k.course_id));
    Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "assessment", {}, {}};
    const bool pass = in.result == "pass";
    if (!pass && in.result != "fail" && in.result != "absent") {
      invalid.fields.push_back({"result", "error.training.result", {}});
    }
    if (in.score && (*in.score < 0 || *in.score > 100)) {
      invalid.fields.push_back({"score", "error.training.score", {}});
    }
    ZJ_ASSIGN_OR_RETURN(auto enrolment, store::FindEnrolment(c, class_id, in.member_id));
    if (!enrolment || !HoldsSeat(enrolment->state)) {
      invalid.fields.push_back({"member_id", "error.training.not_enrolled", {}});
      return Fail(std::move(invalid));
    }
    ZJ_ASSIGN_OR_RETURN(const int attended, store::AttendanceOf(c, class_id, in.member_id));
    if ((pass || in.result == "fail") &&
        !training::MayBeAssessed(attended, k.sessions, course->min_attendance_percent)) {
      const int needed = training::SessionsNeeded(k.sessions, course->min_attendance_percent);
      invalid.fields.push_back(
          {"result",
           "error.training.attendance_short",
           {{"attended", std::to_string(attended)}, {"needed", std::to_string(needed)}}});
    }
    if (!invalid.fields.empty()) return Fail(std::move(invalid));
    ZJ_ASSIGN_OR_RETURN(auto before, store::FindAssessment(c, class_id, in.member_id));
    if (before && before->certificate_id) {
      return Fail(ErrorCode::kConflict, "error.training.assessed", "passed already");
    }
    const std::int64_t now = clock_.NowMs();
    AssessmentView out;
    store::AssessmentRow& row = out.row;
    row.id = before ? before->id : NewId(clock_, random_);
    row.class_id = class_id;
    row.member_id = in.member_id;
    row.federation_id = k.federation_id;
    row.result = in.result;
    row.score = in.score;
    row.attended = attended;
    if (actor.user_id != 0) row.assessed_by = actor.user_id;
    row.assessed_at = now;
    if (pass) {
      ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(c, in.member_id));
      NewCertificate cert;
      cert.federation_id = k.federation_id;
      cert.org_id = k.org_id;
      cert.org_path = k.org_path;
      cert.kind = "training";
      cert.source_id = row.id;
      cert.member_id = in.member_id;
      cert.holder_kind = "member";
      cert.holder_name = member ? member->name : std::string();
      cert.title = course->title;
      cert.award = k.title;
      ZJ_ASSIGN_OR_RETURN(auto issued, IssueCertificate(c, clock_, random_, cert));
      row.certificate_id = issued.id;
      out.certificate_code = certificates::DisplayCode(issued.code);
      if (const auto expires = ExpiryInstant(issued.issued_at, course->certificate_valid_months)) {
        ZJ_RETURN_IF_ERROR(store::SetCertificateExpiry(c, issued.id, *expires));
        out.expires_on = ExpiryDay(*expires);
      }
      // The talent pool (docs/design/activities.md "Rules in app/"): a course that awards a
      // level raises the holder's skill level to it (never lowers it), in this transaction.
      if (const auto level =
              course->level_awarded ? talent::LevelOf(*course->level_awarded) : std::nullopt) {
        TalentService talent(db_, clock_, random_, audit_);
        ZJ_RETURN_IF_ERROR(talent.RaiseFromCertificate(c, actor, in.member_id, issued.id, *level,
                                                       course->trade.value_or(""), ""));
      }
    }
    ZJ_RETURN_IF_ERROR(store::SaveAssessment(c, row, before.has_value()));
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "training.assess", "class", class_id,
                             {{"result", row.result}, {"attended", std::to_string(attended)}}));
    return out;
  });
}

Result<std::vector<AssessmentView>> TrainingService::Assessments(const Actor& actor,
                                                                 std::int64_t class_id) {
  ZJ_RETURN_IF_ERROR(MustOrganiseTraining(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto k, LoadClass(*lease, actor, class_id));
  ZJ_ASSIGN_OR_RETURN(auto rows, store::AssessmentsOf(*lease, k.id));
  std::vector<AssessmentView> out;
  out.reserve(rows.size());
  for (auto& r : rows) out.push_back({std::move(r), std::nullopt, std::nullopt});
  return out;
}

}  // namespace zj::app
