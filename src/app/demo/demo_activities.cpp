// The demo's activities (issue 22 slice 2): 东城's staff run the “东城职工足球杯” — opened ten days
// ago, registration until a week from today, kick-off in two weeks, 20 seats — for which 20 of the
// district's members took the seats and six more joined the waitlist (the demo worker, when bound
// to a member of the district, first among them); yesterday one seated member withdrew
// injured (a staff cancellation, audited), so the first on the waitlist holds an offer with its
// confirm-by and five wait. A past outing (“春季香山徒步”) ran five weeks ago: 12 went, and it was
// closed as done; ten of them checked in at the gate on the cadre's phone, which had no signal on
// the hill: the scans (each member's card QR, judged at its scan time) went up in one batch three
// hours later, so they count towards the district's reach. Registrations go through the store's
// registration transaction (the members have no portal accounts), the demo worker's and every move
// through the use cases, so counters, offers, inbox notes and the audit trail are the real ones.
#include <algorithm>
#include <memory>

#include "app/activities/activity_service.h"
#include "app/activities/check_ins.h"
#include "app/activities/my_activities.h"
#include "app/cards/card_token.h"
#include "app/demo/demo_history_parts.h"
#include "core/orgs/org_path.h"
#include "store/activities.h"

namespace zj::app::demo {

namespace {

class ActivityHistory {
 public:
  explicit ActivityHistory(World& w)
      : w_(w),
        activities_(w.app.db(), w.clock, random_, w.app.audit()),
        mine_(w.app.db(), w.clock, random_),
        check_ins_(w.app.db(), w.clock, w.app.vault(), w.app.audit()) {
    const OrgPath d = OrgPath::FromStored(w.dongcheng.path);
    for (const auto& m : w.members) {
      if (d.Contains(OrgPath::FromStored(m.org_path))) members_.push_back(m.id);
    }
  }

  bool Empty() const { return members_.size() < 50; }

  Result<std::int64_t> Create(const std::string& kind, const std::string& title,
                              const std::string& place, std::int64_t closes, std::int64_t starts,
                              int capacity) {
    NewActivity in;
    in.org_id = w_.dongcheng.id;
    in.fields.kind = kind;
    in.fields.title = title;
    in.fields.place = place;
    in.fields.opens_at = w_.clock.NowMs();
    in.fields.closes_at = closes;
    in.fields.starts_at = starts;
    in.fields.ends_at = starts + 5 * kHourMs;
    in.fields.capacity = capacity;
    in.fields.cancel_cutoff_hours = 48;
    in.fields.confirm_hours = 72;
    ZJ_ASSIGN_OR_RETURN(auto d, activities_.Create(w_.dongcheng_staff, in));
    ZJ_RETURN_IF_ERROR(activities_.Open(w_.dongcheng_staff, d.row.id));
    return d.row.id;
  }

  //! Member `i` of the district registers (the store's transaction; the members have no portal
  //! accounts).
  Result<void> Register(std::int64_t activity, std::size_t i) {
    if (i >= members_.size()) return {};
    return store::InTransaction(w_.app.db(), [&](store::Connection& c) -> Result<void> {
      // Ids from the step's instant and a count, so the people's draws stay as they were.
      const std::int64_t id = w_.clock.NowMs() * 1000 + static_cast<std::int64_t>(++made_);
      ZJ_RETURN_IF_ERROR(store::RegisterMember(c, activity, members_[i], id, w_.clock.NowMs()));
      return {};
    });
  }

  //! The demo worker registers on the portal, when bound to a member the cup is open to (else
  //! one more member of the district takes the place).
  Result<void> RegisterWorker(std::int64_t activity) {
    worker_in_ = w_.worker.member_id && mine_.Register(w_.worker, activity);
    return worker_in_ ? Result<void>{} : Register(activity, 45);
  }

  Result<void> Withdraw(std::int64_t activity, std::size_t i) {
    std::int64_t id = 0;
    {
      ZJ_ASSIGN_OR_RETURN(store::Lease lease, w_.app.db().Acquire());
      ZJ_ASSIGN_OR_RETURN(auto reg, store::FindRegistration(*lease, activity, members_[i]));
      if (!reg || reg->state != "seated") return {};
      id = reg->id;
    }
    ZJ_RETURN_IF_ERROR(activities_.CancelRegistration(w_.dongcheng_staff, activity, id,
                                                      "训练中脚踝扭伤，本人申请退赛"));
    return {};
  }

  //! Members `from` … `from + count - 1` scanned at the gate a minute apart from `scanned_at`
  //! while the phone was offline; the queue sent now, in one batch.
  Result<void> CheckIn(std::int64_t activity, std::size_t from, std::size_t count,
                       std::int64_t scanned_at) {
    std::vector<ScanIn> scans;
    for (std::size_t i = 0; i < count && from + i < members_.size(); ++i) {
      const std::int64_t at = scanned_at + static_cast<std::int64_t>(i) * kMinuteMs;
      ZJ_ASSIGN_OR_RETURN(std::string token,
                          IssueCardToken(w_.app.vault(), members_[from + i], at + 5 * kMinuteMs));
      scans.push_back({"demo-" + std::to_string(activity) + "-" + std::to_string(i), token, at});
    }
    ZJ_RETURN_IF_ERROR(check_ins_.Record(w_.dongcheng_staff, activity, scans));
    return {};
  }

  Result<void> Close(std::int64_t activity) {
    ZJ_RETURN_IF_ERROR(activities_.Close(w_.dongcheng_staff, activity));
    return {};
  }

  std::int64_t cup = 0, outing = 0;

 private:
  World& w_;
  SecureRandom random_;
  ActivityService activities_;
  MyActivityService mine_;
  CheckInService check_ins_;
  std::vector<std::int64_t> members_;
  int made_ = 0;
  bool worker_in_ = false;
};

}  // namespace

void ScheduleActivities(World& w, Timeline& timeline) {
  auto h = std::make_shared<ActivityHistory>(w);
  if (h->Empty() || w.now_ms - 60 * kDayMs <= w.start_ms) return;
  // The past outing: opened eight weeks ago, walked five weeks ago, closed as done after.
  const std::int64_t outing_open = World::At(w.WorkingDay(w.now_ms - 56 * kDayMs, 0), 10 * 60);
  const std::int64_t outing_starts = World::At(World::DayOf(w.now_ms - 35 * kDayMs), 8 * 60);
  timeline.At(outing_open, [h, outing_starts]() -> Result<void> {
    ZJ_ASSIGN_OR_RETURN(h->outing, h->Create("outing", "春季香山徒步", "香山公园东门",
                                             outing_starts - 2 * kDayMs, outing_starts, 12));
    return {};
  });
  for (std::size_t i = 0; i < 12; ++i) {
    timeline.At(outing_open + kDayMs + static_cast<std::int64_t>(i) * 2 * kHourMs,
                [h, i] { return h->Register(h->outing, 20 + i); });
  }
  // Ten of the twelve at the gate from a quarter to eight; the batch sent at eleven.
  timeline.At(outing_starts + 3 * kHourMs, [h, outing_starts] {
    return h->CheckIn(h->outing, 20, 10, outing_starts - 15 * kMinuteMs);
  });
  timeline.At(World::At(w.WorkingDay(outing_starts + kDayMs, 0), 11 * 60),
              [h] { return h->Close(h->outing); });

  // The football cup: opened ten days ago; 20 seats taken, then six on the waitlist.
  const std::int64_t cup_open = World::At(w.WorkingDay(w.now_ms - 10 * kDayMs, 0), 10 * 60);
  const std::int64_t kickoff = World::At(World::DayOf(w.now_ms + 14 * kDayMs), 9 * 60);
  timeline.At(cup_open, [h, kickoff, &w]() -> Result<void> {
    ZJ_ASSIGN_OR_RETURN(h->cup, h->Create("sport", "东城职工足球杯", "东城区体育中心足球场",
                                          w.now_ms + 7 * kDayMs, kickoff, 20));
    return {};
  });
  for (std::size_t i = 0; i < 20; ++i) {
    timeline.At(cup_open + 30 * kMinuteMs + static_cast<std::int64_t>(i) * 3 * kHourMs,
                [h, i] { return h->Register(h->cup, i); });
  }
  const std::int64_t full = cup_open + 3 * kDayMs;
  timeline.At(full, [h] { return h->RegisterWorker(h->cup); });
  for (std::size_t i = 0; i < 5; ++i) {
    timeline.At(full + static_cast<std::int64_t>(i + 1) * 4 * kHourMs,
                [h, i] { return h->Register(h->cup, 40 + i); });
  }
  // Yesterday afternoon the fifth seated member withdrew: the first waitlisted is offered the
  // seat (confirm within 72 h, so the offer is pending today) and five wait.
  timeline.At(World::At(World::DayOf(w.now_ms - kDayMs), 16 * 60),
              [h] { return h->Withdraw(h->cup, 4); });
}

}  // namespace zj::app::demo
