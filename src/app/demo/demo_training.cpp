// The demo's training (issue 22): 东城's staff run the skills course “电工技能提升班” (certificates
// valid 12 months, reminded 30 days before, 80 % attendance needed, level 3 awarded). Its first
// class ran about eleven months ago: eight of the district's members enrolled (the demo worker
// first, when bound to a member of the district), three sessions on three days with each member's
// card scanned at the door; six attended all three, one only the first (short: absent), one never
// came. At the end the first member passed (the certificate expires next month, so the reminder
// job has told them in their inbox: it runs at the end of the history), another failed; a second
// member passed the make-up exam three months later (the certificate expires in nine months). A
// second class, next month, is open for enrolment, so My training has a class to enrol in.
// Everything goes through the use cases (enrolment through the store's seat transaction, as the
// members have no portal accounts), so counters, certificates and the audit trail are real.
#include <memory>

#include "app/cards/card_token.h"
#include "app/demo/demo_history_parts.h"
#include "app/training/my_training.h"
#include "app/training/session_check_ins.h"
#include "app/training/training_service.h"
#include "core/orgs/org_path.h"
#include "store/training.h"

namespace zj::app::demo {

namespace {

class TrainingHistory {
 public:
  explicit TrainingHistory(World& w)
      : w_(w),
        training_(w.app.db(), w.clock, random_, w.app.audit()),
        check_ins_(w.app.db(), w.clock, w.app.vault(), w.app.audit()) {
    const OrgPath d = OrgPath::FromStored(w.dongcheng.path);
    if (w.worker.member_id) {
      for (const auto& m : w.members) {
        if (m.id == *w.worker.member_id && d.Contains(OrgPath::FromStored(m.org_path))) {
          members_.push_back(m.id);
        }
      }
    }
    for (const auto& m : w.members) {
      if (members_.size() >= 8) break;
      if (!members_.empty() && m.id == members_.front()) continue;
      // Members 50.. of the district: others than the activities' (0..45).
      if (d.Contains(OrgPath::FromStored(m.org_path)) && ++seen_ > 50) members_.push_back(m.id);
    }
  }

  bool Empty() const { return members_.size() < 8; }

  Result<void> Course() {
    NewCourse in;
    in.org_id = w_.dongcheng.id;
    in.kind = "skills";
    in.title = "电工技能提升班";
    in.trade = "电工";
    in.level_awarded = 3;
    in.certificate_valid_months = 12;
    in.remind_days_before = 30;
    in.min_attendance_percent = 80;
    ZJ_ASSIGN_OR_RETURN(auto c, training_.CreateCourse(w_.dongcheng_staff, in));
    course_ = c.id;
    return {};
  }

  //! A class starting at `starts` with three two-hour sessions on three days at 9:00.
  Result<std::int64_t> Class(const std::string& title, std::int64_t starts) {
    NewClass in;
    in.title = title;
    in.place = "东城区职工服务中心";
    in.opens_at = w_.clock.NowMs();
    in.closes_at = starts - kDayMs;
    in.starts_at = starts;
    in.ends_at = starts + 2 * kDayMs + 3 * kHourMs;
    in.capacity = 30;
    in.waitlist_max = 10;
    ZJ_ASSIGN_OR_RETURN(auto k, training_.CreateClass(w_.dongcheng_staff, course_, in));
    for (int i = 0; i < 3; ++i) {
      const std::int64_t at = starts + i * kDayMs;
      ZJ_ASSIGN_OR_RETURN(auto s, training_.AddSession(w_.dongcheng_staff, k.id,
                                                       {at, at + 2 * kHourMs, "302 实训教室"}));
      if (title == kFirst) sessions_.push_back(s.id);
    }
    return k.id;
  }

  Result<void> Enrol(std::int64_t class_id, std::size_t i) {
    return store::InTransaction(w_.app.db(), [&](store::Connection& c) -> Result<void> {
      const std::int64_t id = w_.clock.NowMs() * 1000 + static_cast<std::int64_t>(++made_);
      ZJ_RETURN_IF_ERROR(store::EnrolMember(c, class_id, members_[i], id, w_.clock.NowMs()));
      return {};
    });
  }

  //! Members [0, count) scanned at the door of session `s`, a minute apart, sent together.
  Result<void> CheckIn(std::size_t s, std::size_t count) {
    std::vector<ScanIn> scans;
    const std::int64_t now = w_.clock.NowMs();
    for (std::size_t i = 0; i < count; ++i) {
      // A minute apart, the last a minute ago: the batch goes up as the door closes.
      const std::int64_t at = now - static_cast<std::int64_t>(count - i) * kMinuteMs;
      ZJ_ASSIGN_OR_RETURN(std::string token,
                          IssueCardToken(w_.app.vault(), members_[i], at + 5 * kMinuteMs));
      scans.push_back({"demo-train-" + std::to_string(s) + "-" + std::to_string(i), token, at});
    }
    ZJ_RETURN_IF_ERROR(check_ins_.Record(w_.dongcheng_staff, sessions_[s], scans));
    return {};
  }

  Result<void> Assess(std::size_t i, const std::string& result, std::optional<int> score) {
    ZJ_RETURN_IF_ERROR(training_.Assess(w_.dongcheng_staff, first_, {members_[i], result, score}));
    return {};
  }

  Result<void> Remind() {
    ZJ_RETURN_IF_ERROR(RemindExpiringCertificates(w_.app.db(), w_.clock, random_));
    return {};
  }

  static constexpr const char* kFirst = "第一期";
  std::int64_t course_ = 0, first_ = 0, next_ = 0;

 private:
  World& w_;
  SecureRandom random_;
  TrainingService training_;
  SessionCheckInService check_ins_;
  std::vector<std::int64_t> members_;
  std::vector<std::int64_t> sessions_;
  int seen_ = 0;
  int made_ = 0;
};

}  // namespace

void ScheduleTraining(World& w, Timeline& timeline) {
  auto h = std::make_shared<TrainingHistory>(w);
  // The certificate expiring next month was issued eleven months ago: the history must reach.
  if (h->Empty() || w.now_ms - 345 * kDayMs <= w.start_ms) return;
  const std::int64_t opened = World::At(w.WorkingDay(w.now_ms - 360 * kDayMs, 0), 10 * 60);
  const std::int64_t starts = World::At(World::DayOf(w.now_ms - 345 * kDayMs), 9 * 60);
  timeline.At(opened, [h, starts]() -> Result<void> {
    ZJ_RETURN_IF_ERROR(h->Course());
    ZJ_ASSIGN_OR_RETURN(h->first_, h->Class(TrainingHistory::kFirst, starts));
    return {};
  });
  for (std::size_t i = 0; i < 8; ++i) {
    timeline.At(opened + kDayMs + static_cast<std::int64_t>(i) * 3 * kHourMs,
                [h, i] { return h->Enrol(h->first_, i); });
  }
  // Session 1: seven at the door; sessions 2 and 3: six (the seventh stopped coming).
  for (std::size_t s = 0; s < 3; ++s) {
    const std::int64_t door = starts + static_cast<std::int64_t>(s) * kDayMs - 10 * kMinuteMs;
    timeline.At(door, [h, s] { return h->CheckIn(s, s == 0 ? 7 : 6); });
  }
  const std::int64_t exam = starts + 2 * kDayMs + 3 * kHourMs;
  timeline.At(exam, [h]() -> Result<void> {
    ZJ_RETURN_IF_ERROR(h->Assess(0, "pass", 92));
    ZJ_RETURN_IF_ERROR(h->Assess(2, "fail", 55));
    ZJ_RETURN_IF_ERROR(h->Assess(6, "absent", std::nullopt));
    return {};
  });
  // The make-up exam three months later: member 1 passes.
  timeline.At(exam + 91 * kDayMs, [h] { return h->Assess(1, "pass", 85); });

  // The next class, a month from now, open for enrolment since a week ago.
  const std::int64_t next_starts = World::At(World::DayOf(w.now_ms + 30 * kDayMs), 9 * 60);
  timeline.At(World::At(w.WorkingDay(w.now_ms - 7 * kDayMs, 0), 10 * 60),
              [h, next_starts]() -> Result<void> {
                ZJ_ASSIGN_OR_RETURN(h->next_, h->Class("第二期", next_starts));
                return {};
              });
  // The reminder job (hourly on a server): the first certificate expires within 30 days.
  timeline.At(w.now_ms - kHourMs, [h] { return h->Remind(); });
}

}  // namespace zj::app::demo
