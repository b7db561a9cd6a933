// Training on both stores (issue 22; docs/design/activities.md "Rules in app/" Training): a
// class's seats follow the activities' seat rules (seats, then the waitlist, then full; one
// enrolment per member); attendance is the check-ins of its sessions by the card's QR; a result
// is refused below the attendance share as a field error; a pass issues a training certificate
// with its expiry, which the public verify page shows; the reminder job tells the holder once,
// from the course's days before the expiry; another district's staff get 404 for everything of
// the class, and a worker outside its org's subtree cannot enrol.
#include <gtest/gtest.h>

#include <set>

#include "app/beijing_day.h"
#include "app/cards/card_token.h"
#include "app/certificates/certificate_service.h"
#include "app/training/my_training.h"
#include "app/training/session_check_ins.h"
#include "app/training/training_service.h"
#include "app/worker_accounts/inbox.h"
#include "bound_members_fixture.h"
#include "store/talent.h"

namespace zj::test {
namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;

class TrainingTest : public BoundMembersTest {
 protected:
  app::TrainingService Staff() { return {*db_, clock_, random_, app_->audit()}; }
  app::MyTrainingService Mine() { return {*db_, clock_, random_}; }
  app::SessionCheckInService CheckIns() { return {*db_, clock_, app_->vault(), app_->audit()}; }

  //! District A's course: certificates valid `months`, reminded `remind` days before, 60 %
  //! attendance needed.
  store::CourseRow Course(int months = 12, int remind = 30) {
    app::NewCourse in;
    in.org_id = district_a_.id;
    in.kind = "skills";
    in.title = "电工技能提升班";
    in.trade = "电工";
    in.level_awarded = 3;
    in.certificate_valid_months = months;
    in.remind_days_before = remind;
    in.min_attendance_percent = 60;
    auto made = Staff().CreateCourse(staff_a_, in);
    EXPECT_TRUE(made.has_value()) << (made ? "" : Describe(made.error()));
    return made ? *made : store::CourseRow{};
  }

  //! A class of the course starting in half an hour for three days, enrolment open now.
  store::ClassRow Class(const store::CourseRow& course, int capacity,
                        std::optional<int> waitlist = std::nullopt) {
    app::NewClass in;
    in.title = "2026 年第一期";
    in.place = "职工服务中心";
    in.opens_at = clock_.NowMs() - kHour;
    in.closes_at = clock_.NowMs() + 10 * kMinute;
    in.starts_at = clock_.NowMs() + 30 * kMinute;
    in.ends_at = in.starts_at + 3 * kDay;
    in.capacity = capacity;
    in.waitlist_max = waitlist;
    auto made = Staff().CreateClass(staff_a_, course.id, in);
    EXPECT_TRUE(made.has_value()) << (made ? "" : Describe(made.error()));
    return made ? *made : store::ClassRow{};
  }

  //! Three sessions, one a day from the class's start, two hours each.
  std::vector<store::ClassSessionRow> Sessions(const store::ClassRow& k) {
    std::vector<store::ClassSessionRow> out;
    for (int i = 0; i < 3; ++i) {
      const app::NewSession in{k.starts_at + i * kDay, k.starts_at + i * kDay + 2 * kHour,
                               "301 教室"};
      auto made = Staff().AddSession(staff_a_, k.id, in);
      EXPECT_TRUE(made.has_value()) << (made ? "" : Describe(made.error()));
      if (made) out.push_back(*made);
    }
    return out;
  }

  std::string CheckIn(const store::ClassSessionRow& s, const app::Actor& worker,
                      const std::string& scan_id) {
    auto token =
        app::IssueCardToken(app_->vault(), *worker.member_id, clock_.NowMs() + 5 * kMinute);
    EXPECT_TRUE(token.has_value());
    auto answers =
        CheckIns().Record(staff_a_, s.id, {{scan_id, token ? *token : "", clock_.NowMs()}});
    EXPECT_TRUE(answers.has_value()) << (answers ? "" : Describe(answers.error()));
    if (!answers || answers->empty()) return "";
    const auto& a = answers->front();
    return a.outcome + (a.reason.empty() ? "" : ":" + a.reason);
  }
};

TEST_P(TrainingTest, ClassSeatsFollowTheSeatRulesSeatsThenTheWaitlistThenFull) {
  const auto course = Course();
  const auto k = Class(course, 2, 1);
  const auto w1 = Worker(union_a_, "孙一", 41), w2 = Worker(union_a_, "孙二", 42);
  const auto w3 = Worker(union_a_, "孙三", 43), w4 = Worker(union_a_, "孙四", 44);
  auto e1 = Mine().Enrol(w1, k.id);
  ASSERT_OK(e1);
  EXPECT_EQ(e1->mine->state, "seated");
  ASSERT_OK(Mine().Enrol(w2, k.id));
  auto e3 = Mine().Enrol(w3, k.id);
  ASSERT_OK(e3);
  EXPECT_EQ(e3->mine->state, "waitlisted");
  EXPECT_EQ(e3->row.seats_taken, 2);
  EXPECT_EQ(e3->row.waitlisted, 1);
  auto full = Mine().Enrol(w4, k.id);
  ASSERT_FALSE(full.has_value());
  EXPECT_EQ(full.error().message_key, "error.activity.full");
  auto twice = Mine().Enrol(w1, k.id);
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().message_key, "error.activity.registered_twice");

  auto listed = Mine().List(w4);
  ASSERT_OK(listed);
  ASSERT_EQ(listed->classes.size(), 1U);
  EXPECT_FALSE(listed->classes[0].mine.has_value());
  EXPECT_EQ(listed->classes[0].row.id, k.id);

  auto detail = Staff().GetClass(staff_a_, k.id);
  ASSERT_OK(detail);
  ASSERT_EQ(detail->enrolments.size(), 3U);
  EXPECT_EQ(detail->enrolments[0].member_name_masked, "孙*");
  EXPECT_EQ(detail->enrolments[2].row.state, "waitlisted");
}

TEST_P(TrainingTest, AttendanceFromCheckInsGatesTheAssessmentAndAPassIssuesACertificate) {
  const auto course = Course(12, 30);
  const auto k = Class(course, 5);
  const auto w = Worker(union_a_, "周明", 51), idle = Worker(union_a_, "周闲", 52);
  ASSERT_OK(Mine().Enrol(w, k.id));
  ASSERT_OK(Mine().Enrol(idle, k.id));
  const auto sessions = Sessions(k);
  ASSERT_EQ(sessions.size(), 3U);

  // Half an hour before the first session: check-in is open (an hour before the start).
  EXPECT_EQ(CheckIn(sessions[0], w, "scan-t-0001"), "recorded");
  EXPECT_EQ(CheckIn(sessions[0], w, "scan-t-0002"), "already_in");
  // The second session is tomorrow: too early now.
  EXPECT_EQ(CheckIn(sessions[1], w, "scan-t-0003"), "refused:too_early");

  // 60 % of 3 sessions is 2: one attended is short, as a field error naming both counts.
  auto shortfall = Staff().Assess(staff_a_, k.id, {*w.member_id, "pass", 90});
  ASSERT_FALSE(shortfall.has_value());
  EXPECT_EQ(shortfall.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(shortfall.error().fields.size(), 1U);
  EXPECT_EQ(shortfall.error().fields[0].field, "result");
  EXPECT_EQ(shortfall.error().fields[0].message_key, "error.training.attendance_short");
  // Absent needs no attendance.
  ASSERT_OK(Staff().Assess(staff_a_, k.id, {*idle.member_id, "absent", std::nullopt}));

  clock_.Advance(kDay);
  EXPECT_EQ(CheckIn(sessions[1], w, "scan-t-0004"), "recorded");
  auto detail = Staff().GetClass(staff_a_, k.id);
  ASSERT_OK(detail);
  EXPECT_EQ(detail->sessions_needed, 2);
  EXPECT_EQ(detail->enrolments[0].attended, 2);
  EXPECT_TRUE(detail->enrolments[0].may_be_assessed);
  EXPECT_FALSE(detail->enrolments[1].may_be_assessed);

  auto passed = Staff().Assess(staff_a_, k.id, {*w.member_id, "pass", 92});
  ASSERT_OK(passed);
  EXPECT_EQ(passed->row.attended, 2);
  ASSERT_TRUE(passed->row.certificate_id.has_value());
  ASSERT_TRUE(passed->certificate_code.has_value());
  const std::string issued_on = app::BeijingDay(clock_.NowMs());
  ASSERT_TRUE(passed->expires_on.has_value());
  // Twelve months after the issue day.
  EXPECT_EQ(passed->expires_on->substr(5), issued_on.substr(5));
  EXPECT_EQ(std::stoi(passed->expires_on->substr(0, 4)), std::stoi(issued_on.substr(0, 4)) + 1);

  // The course awards level 3 (中级工) in 电工: the pass puts the holder in the talent pool.
  {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    auto entry = store::FindTalentEntry(**lease, *w.member_id);
    ASSERT_OK(entry);
    ASSERT_TRUE(entry->has_value());
    EXPECT_EQ((*entry)->skill_level, 3);
    EXPECT_EQ((*entry)->trade, "电工");
    EXPECT_EQ((*entry)->level_source, "certificate");
    EXPECT_EQ((*entry)->source_id, passed->row.certificate_id);
  }

  // The public verify page shows it, with the expiry.
  auto verified = app_->certificates().Verify(*passed->certificate_code, "203.0.113.9");
  ASSERT_OK(verified);
  EXPECT_EQ(verified->kind, "training");
  EXPECT_EQ(verified->title, "电工技能提升班");
  EXPECT_EQ(verified->holder, "周*");
  auto expiry = app::CertificateExpiresOn(*db_, *passed->certificate_code);
  ASSERT_OK(expiry);
  EXPECT_EQ(*expiry, passed->expires_on);

  // The holder sees it in My training; the result cannot change once certified.
  auto mine = Mine().List(w);
  ASSERT_OK(mine);
  ASSERT_EQ(mine->certificates.size(), 1U);
  EXPECT_EQ(mine->certificates[0].expires_on, passed->expires_on);
  EXPECT_FALSE(mine->certificates[0].expires_soon);
  auto again = Staff().Assess(staff_a_, k.id, {*w.member_id, "fail", 10});
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().message_key, "error.training.assessed");

  // Someone not seated in the class cannot be assessed.
  const auto stranger = Worker(union_a_, "周外", 53);
  auto outsider = Staff().Assess(staff_a_, k.id, {*stranger.member_id, "absent", std::nullopt});
  ASSERT_FALSE(outsider.has_value());
  ASSERT_FALSE(outsider.error().fields.empty());
  EXPECT_EQ(outsider.error().fields[0].field, "member_id");
}

TEST_P(TrainingTest, TheReminderJobTellsTheHolderOnceFromTheDaysBeforeTheExpiry) {
  const auto course = Course(1, 7);  // a month's validity, reminded a week before
  const auto k = Class(course, 5);
  const auto w = Worker(union_a_, "吴一", 61);
  ASSERT_OK(Mine().Enrol(w, k.id));
  const auto sessions = Sessions(k);
  ASSERT_EQ(CheckIn(sessions[0], w, "scan-r-0001"), "recorded");
  clock_.Advance(kDay);
  ASSERT_EQ(CheckIn(sessions[1], w, "scan-r-0002"), "recorded");
  auto passed = Staff().Assess(staff_a_, k.id, {*w.member_id, "pass", 80});
  ASSERT_OK(passed);
  ASSERT_TRUE(passed->expires_on.has_value());

  auto none = app::RemindExpiringCertificates(*db_, clock_, random_);
  ASSERT_OK(none);
  EXPECT_EQ(*none, 0);  // a month away: not yet

  clock_.Advance(26 * kDay);  // about four days before the expiry
  auto mine = Mine().List(w);
  ASSERT_OK(mine);
  EXPECT_TRUE(mine->certificates[0].expires_soon);
  auto sent = app::RemindExpiringCertificates(*db_, clock_, random_);
  ASSERT_OK(sent);
  EXPECT_EQ(*sent, 1);
  auto twice = app::RemindExpiringCertificates(*db_, clock_, random_);
  ASSERT_OK(twice);
  EXPECT_EQ(*twice, 0);

  app::InboxService inbox(*db_, clock_);
  auto page = inbox.Page(w, 0, 20);
  ASSERT_OK(page);
  int reminders = 0;
  for (const auto& e : page->items) reminders += e.kind == app::kInboxCertificateExpiring ? 1 : 0;
  EXPECT_EQ(reminders, 1);
}

TEST_P(TrainingTest, AnotherDistrictGets404AndAWorkerOutsideTheOrgCannotEnrol) {
  const auto course = Course();
  const auto k = Class(course, 5);
  const auto w = Worker(union_a_, "郑一", 71);
  ASSERT_OK(Mine().Enrol(w, k.id));
  const auto sessions = Sessions(k);
  ASSERT_EQ(sessions.size(), 3U);

  EXPECT_EQ(Staff().GetClass(staff_b_, k.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Staff().ClassesOf(staff_b_, course.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(
      Staff().AddSession(staff_b_, k.id, {k.starts_at, k.starts_at + kHour, "B"}).error().code,
      ErrorCode::kNotFound);
  EXPECT_EQ(Staff().Assess(staff_b_, k.id, {*w.member_id, "absent", std::nullopt}).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(CheckIns().Record(staff_b_, sessions[0].id, {}).error().code, ErrorCode::kNotFound);
  app::NewClass in;
  EXPECT_EQ(Staff().CreateClass(staff_b_, course.id, in).error().code, ErrorCode::kNotFound);
  auto listed = Staff().ListCourses(staff_b_, 0, 50);
  ASSERT_OK(listed);
  for (const auto& c : listed->items) EXPECT_NE(c.id, course.id);

  const auto outside = Worker(union_b_, "郑外", 72);
  EXPECT_EQ(Mine().Enrol(outside, k.id).error().code, ErrorCode::kNotFound);
  auto theirs = Mine().List(outside);
  ASSERT_OK(theirs);
  EXPECT_TRUE(theirs->classes.empty());
}

TEST_P(TrainingTest, CourseAndClassInputsAreFieldErrors) {
  app::NewCourse bad;
  bad.org_id = district_a_.id;
  bad.kind = "party";
  bad.title = "";
  bad.level_awarded = 9;
  bad.certificate_valid_months = 500;
  bad.min_attendance_percent = 101;
  auto refused = Staff().CreateCourse(staff_a_, bad);
  ASSERT_FALSE(refused.has_value());
  std::set<std::string> fields;
  for (const auto& f : refused.error().fields) fields.insert(f.field);
  EXPECT_EQ(fields, (std::set<std::string>{"kind", "title", "level_awarded",
                                           "certificate_valid_months", "min_attendance_percent"}));
  const auto course = Course();
  app::NewClass k;
  k.title = "一期";
  k.place = "教室";
  k.starts_at = clock_.NowMs() + kDay;
  k.ends_at = k.starts_at + kDay;
  k.opens_at = clock_.NowMs();
  k.closes_at = k.starts_at;
  k.capacity = 0;
  auto no_seats = Staff().CreateClass(staff_a_, course.id, k);
  ASSERT_FALSE(no_seats.has_value());
  EXPECT_EQ(no_seats.error().fields.at(0).field, "capacity");
  app::Actor worker;
  worker.role = "worker";
  EXPECT_EQ(Staff().CreateCourse(worker, bad).error().code, ErrorCode::kPermissionDenied);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(TrainingTest);

}  // namespace
}  // namespace zj::test
