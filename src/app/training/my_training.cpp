#include "app/training/my_training.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/activities/activity_service.h"
#include "app/beijing_day.h"
#include "app/training/training_service.h"
#include "app/worker_accounts/inbox.h"
#include "app/worker_accounts/worker_errors.h"
#include "core/activities/registration.h"
#include "core/calendar/work_calendar.h"
#include "core/certificates/code.h"
#include "core/training/training_rules.h"
#include "store/members.h"
#include "store/orgs.h"
#include "store/worker_accounts.h"

namespace zj::app {

namespace {

namespace act = zj::activities;

constexpr std::int64_t kDayMs = 86'400'000;
constexpr int kSoonDays = 30;

Result<store::MemberRow> BoundMember(store::Connection& conn, const Actor& worker) {
  if (!IsWorker(worker)) return Fail(NotAWorker());
  ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccount(conn, *worker.worker_id));
  if (!account || !account->member_id) return Fail(NotBound());
  ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(conn, *account->member_id));
  if (!member) return Fail(NotBound());
  return std::move(*member);
}

//! A class is open to the members of its org's subtree.
bool Reaches(const store::ClassRow& k, const std::string& member_path) {
  return member_path.compare(0, k.org_path.size(), k.org_path) == 0;
}

bool Live(const std::string& state) {
  return act::IsLive(act::ParseSeatState(state).value_or(act::SeatState::kCancelled));
}

}  // namespace

Result<MyClass> MyTrainingService::View(store::Connection& conn, store::ClassRow row,
                                        std::int64_t member_id) {
  MyClass v;
  ZJ_ASSIGN_OR_RETURN(auto course, store::FindCourse(conn, row.course_id));
  if (course) v.course_title = course->title;
  ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(conn, row.org_id));
  if (org) v.org_name = org->name;
  ZJ_ASSIGN_OR_RETURN(v.mine, store::FindEnrolment(conn, row.id, member_id));
  ZJ_ASSIGN_OR_RETURN(v.attended, store::AttendanceOf(conn, row.id, member_id));
  const std::int64_t now = clock_.NowMs();
  v.can_enrol = row.status == "open" && !(v.mine && Live(v.mine->state)) && now >= row.opens_at &&
                now < row.closes_at;
  v.row = std::move(row);
  return v;
}

Result<MyTraining> MyTrainingService::List(const Actor& worker) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::ReadSnapshot snapshot(*lease);
  ZJ_ASSIGN_OR_RETURN(store::MemberRow member, BoundMember(*lease, worker));
  MyTraining out;
  std::vector<std::int64_t> listed;
  ZJ_ASSIGN_OR_RETURN(auto open, store::OpenClassesAbove(*lease, member.org_path));
  for (auto& k : open) {
    listed.push_back(k.id);
    ZJ_ASSIGN_OR_RETURN(auto v, View(*lease, std::move(k), member.id));
    out.classes.push_back(std::move(v));
  }
  ZJ_ASSIGN_OR_RETURN(auto mine, store::EnrolmentsOfMember(*lease, member.id));
  for (const auto& e : mine) {
    if (std::find(listed.begin(), listed.end(), e.class_id) != listed.end()) continue;
    ZJ_ASSIGN_OR_RETURN(auto k, store::FindClass(*lease, e.class_id));
    if (!k) continue;
    listed.push_back(k->id);
    ZJ_ASSIGN_OR_RETURN(auto v, View(*lease, std::move(*k), member.id));
    out.classes.push_back(std::move(v));
  }
  const std::int64_t now = clock_.NowMs();
  ZJ_ASSIGN_OR_RETURN(auto certs, store::TrainingCertificatesOf(*lease, member.id));
  for (auto& c : certs) {
    MyCertificate m;
    m.display_code = certificates::DisplayCode(c.code);
    m.issued_on = BeijingDay(c.issued_at);
    if (c.expires_at) {
      m.expires_on = ExpiryDay(*c.expires_at);
      m.expired = now >= *c.expires_at;
      m.expires_soon = !m.expired && *c.expires_at - now <= kSoonDays * kDayMs;
    }
    m.row = std::move(c);
    out.certificates.push_back(std::move(m));
  }
  return out;
}

Result<MyClass> MyTrainingService::Enrol(const Actor& worker, std::int64_t class_id) {
  auto result = WithRetry(db_, [&](store::Connection& c) -> Result<MyClass> {
    ZJ_ASSIGN_OR_RETURN(store::MemberRow member, BoundMember(c, worker));
    ZJ_ASSIGN_OR_RETURN(auto k, store::FindClass(c, class_id));
    if (!k || !Reaches(*k, member.org_path)) {
      return Fail(ErrorCode::kNotFound, "error.not_found", "class " + std::to_string(class_id));
    }
    if (k->status != "open") {
      return Fail(ErrorCode::kConflict, "error.training.class_status", k->status);
    }
    ZJ_RETURN_IF_ERROR(
        store::EnrolMember(c, class_id, member.id, NewId(clock_, random_), clock_.NowMs()));
    ZJ_ASSIGN_OR_RETURN(auto fresh, store::FindClass(c, class_id));
    return View(c, fresh ? std::move(*fresh) : std::move(*k), member.id);
  });
  if (!result && result.error().code == ErrorCode::kAlreadyExists) {
    return Fail(ErrorCode::kConflict, "error.activity.registered_twice", "unique key");
  }
  return result;
}

Result<int> RemindExpiringCertificates(store::Database& db, const Clock& clock, Random& random,
                                       int limit) {
  const std::int64_t now = clock.NowMs();
  const training::Date today{calendar::LocalDay(now, 480)};
  // A course reminds at most 365 days before (TrainingService's bound), so nothing later is due.
  return store::InTransaction(db, [&](store::Connection& c) -> Result<int> {
    ZJ_ASSIGN_OR_RETURN(auto due, store::RemindersDue(c, now, now + 366 * kDayMs, limit));
    int sent = 0;
    for (const auto& d : due) {
      const training::Date expires{calendar::LocalDay(d.expires_at, 480)};
      if (!training::ReminderDue(expires, d.remind_days_before, today, false)) continue;
      ZJ_ASSIGN_OR_RETURN(const bool marked, store::MarkReminded(c, d.certificate_id, now));
      if (!marked) continue;
      ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccountByMember(c, d.member_id));
      ++sent;
      if (!account) continue;  // no account: nobody to tell in an inbox (SMS later)
      const nlohmann::json p{{"title", d.title},
                             {"expires_on", ExpiryDay(d.expires_at)},
                             {"certificate_id", std::to_string(d.certificate_id)}};
      ZJ_RETURN_IF_ERROR(NotifyWorker(c, clock, random, account->id, kInboxCertificateExpiring,
                                      p.dump(), d.certificate_id));
    }
    return sent;
  });
}

Result<std::optional<std::string>> CertificateExpiresOn(store::Database& db,
                                                        const std::string& code) {
  const auto normal = certificates::NormaliseCode(code);
  if (!normal) return std::optional<std::string>{};
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto at, store::CertificateExpiryByCode(*lease, *normal));
  if (!at) return std::optional<std::string>{};
  return std::optional<std::string>(ExpiryDay(*at));
}

}  // namespace zj::app
