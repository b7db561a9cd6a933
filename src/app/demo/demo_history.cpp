// The demo's year of history: reads the world, plans, and replays it (see demo_history.h).
#include "app/demo/demo_history.h"

#include <algorithm>

#include "app/coverage/served.h"
#include "app/demo/demo_history_parts.h"
#include "app/demo/demo_mutual_aid.h"
#include "app/demo/demo_requests.h"
#include "app/demo/demo_talent.h"
#include "app/demo/demo_topics.h"
#include "app/notify/outbox.h"
#include "app/orgs/org_scope.h"
#include "core/orgs/org_path.h"

namespace zj::app {

namespace demo {
//! 东城's football cup (open, full, an offer pending, five waiting) and a past outing, done
//! (demo_activities.cpp; declared here rather than in demo_history_parts.h, which every demo
//! file includes).
void ScheduleActivities(World& w, Timeline& timeline);
//! 东城's skills course: a class eleven months ago (three sessions, check-ins, two certificates,
//! one expiring next month and reminded) and the next class open (demo_training.cpp).
void ScheduleTraining(World& w, Timeline& timeline);
//! The park competition at the seed's scale, mid-scoring, at the end of the history
//! (demo_competitions.cpp; declared here for the same reason).
Result<void> LoadPark(World& w, const DemoOptions& options);
}  // namespace demo

namespace demo {

namespace {

constexpr std::int64_t kChinaOffsetMs = 8 * kHourMs;
constexpr std::int64_t kWeekMs = 7 * kDayMs;
//! The sweep and the outbox run every minute on a server; deadlines all fall at midnight and
//! the rating window is 7 days, so twice a day does the same within the demo's resolution.
constexpr int kSweepMinutes[] = {1, 12 * 60 + 1};

//! Past notifications: they were delivered when they were queued (the demo has no mail
//! server to send a year of them to, and a server starting on the demo should not log them).
class PastNotifier final : public Notifier {
 public:
  Result<void> Send(const Message&) override { return {}; }
};

}  // namespace

const store::OrgRow* World::Org(std::int64_t id) const {
  const auto it = org_index.find(id);
  return it == org_index.end() ? nullptr : &orgs[it->second];
}

const Actor* World::LocalAccountFor(const std::string& path) const {
  for (const Actor* a : {&cadre, &dongcheng_staff, &xicheng_staff}) {
    if (PathInScope(*a, path)) return a;
  }
  return nullptr;
}

const Actor& World::HandlerFor(const std::string& path) const {
  const Actor* local = LocalAccountFor(path);
  return local != nullptr ? *local : admin;
}

std::vector<const store::OrgRow*> World::UnionsUnder(const store::OrgRow& org) const {
  const OrgPath under = OrgPath::FromStored(org.path);
  std::vector<const store::OrgRow*> out;
  for (const auto& o : orgs) {
    if (o.kind == "grassroots" && o.status == "active" &&
        under.Contains(OrgPath::FromStored(o.path))) {
      out.push_back(&o);
    }
  }
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->code < b->code; });
  return out;
}

std::chrono::sys_days World::DayOf(std::int64_t ms) { return calendar::LocalDay(ms); }

std::int64_t World::At(std::chrono::sys_days day, int minute) {
  return static_cast<std::int64_t>(day.time_since_epoch().count()) * kDayMs - kChinaOffsetMs +
         minute * kMinuteMs;
}

int World::MinuteOf(std::int64_t ms) {
  return static_cast<int>(((ms + kChinaOffsetMs) % kDayMs) / kMinuteMs);
}

std::chrono::sys_days World::WorkingDay(std::int64_t ms, int n) const {
  const auto day = DayOf(ms);
  if (n > 0) return calendar->AddWorkingDays(day, n);
  return calendar->IsWorkingDay(day) ? day : calendar->AddWorkingDays(day, 1);
}

std::chrono::sys_days World::WorkingDaysBeforeNow(int n) const {
  auto day = DayOf(now_ms);
  for (int k = 0; k < n;) {
    day -= std::chrono::days(1);
    if (calendar->IsWorkingDay(day)) ++k;
  }
  return day;
}

void Timeline::At(std::int64_t ms, Step step) {
  entries_.push_back(Entry{ms, entries_.size(), std::move(step)});
}

Result<void> Timeline::Run(FixedClock& clock, std::int64_t until,
                           const std::function<void(std::int64_t)>& progress) {
  std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
    return a.at != b.at ? a.at < b.at : a.order < b.order;
  });
  std::int64_t told = 0;
  for (Entry& e : entries_) {
    if (e.at >= until) break;
    clock.Set(e.at);
    ZJ_RETURN_IF_ERROR(e.step());
    if (progress && e.at - told >= kWeekMs) {
      progress(e.at);
      told = e.at;
    }
  }
  return {};
}

namespace {

//! The demo accounts, orgs, enterprises, members and categories, read once.
Result<void> ReadWorld(World& w) {
  w.orgs.clear();
  w.org_index.clear();
  w.members.clear();
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, w.app.db().Acquire());
  store::Connection& c = *lease;
  ZJ_ASSIGN_OR_RETURN(w.admin, DemoActor(c, "admin"));
  ZJ_ASSIGN_OR_RETURN(w.operator_actor, DemoActor(c, "operator"));
  ZJ_ASSIGN_OR_RETURN(w.cadre, DemoActor(c, "cadre.donghuamen"));
  ZJ_ASSIGN_OR_RETURN(w.dongcheng_staff, DemoActor(c, "staff.dongcheng"));
  ZJ_ASSIGN_OR_RETURN(w.xicheng_staff, DemoActor(c, "staff.xicheng"));
  ZJ_ASSIGN_OR_RETURN(w.worker, DemoWorkerActor(c, w.app.vault()));
  ZJ_ASSIGN_OR_RETURN(w.orgs, store::AllOrgs(c));
  for (std::size_t i = 0; i < w.orgs.size(); ++i) w.org_index.emplace(w.orgs[i].id, i);
  for (const auto& [code, into] :
       {std::pair{"110101", &w.dongcheng}, {"110102", &w.xicheng}, {"110101001", &w.donghuamen}}) {
    ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgByCode(c, code));
    if (!org) return Fail(ErrorCode::kFailedPrecondition, "error.demo.no_unions", code);
    *into = *org;
  }
  ZJ_ASSIGN_OR_RETURN(w.enterprises, store::AllEnterprises(c));
  std::sort(w.enterprises.begin(), w.enterprises.end(),
            [](const auto& a, const auto& b) { return a.uscc < b.uscc; });
  if (w.enterprises.empty()) {
    return Fail(ErrorCode::kFailedPrecondition, "error.demo.no_unions", "no demo enterprises");
  }
  store::MemberQuery q;
  q.subtree_low = "/";
  q.subtree_high = "0";
  q.status = "active";
  q.limit = 1000;
  for (;;) {
    ZJ_ASSIGN_OR_RETURN(auto page, store::ListMembers(c, q));
    if (page.empty()) break;
    q.after_id = page.back().id;
    for (auto& m : page) w.members.push_back(std::move(m));
  }
  w.calendar = w.app.calendar_book().Current();
  return {};
}

Result<void> ReadCategories(World& w) {
  ZJ_ASSIGN_OR_RETURN(auto categories, w.app.requests().Categories());
  std::vector<std::string> parents;
  for (const auto& c : categories) {
    if (c.parent_code) parents.push_back(*c.parent_code);
  }
  for (const auto& c : categories) {
    if (c.active && std::find(parents.begin(), parents.end(), c.code) == parents.end() &&
        !TopicsOf(c.code).empty()) {
      w.categories.push_back(c.code);
    }
  }
  if (w.categories.empty()) {
    return Fail(ErrorCode::kFailedPrecondition, "error.demo.no_unions", "no demo categories");
  }
  return {};
}

//! The server's periodic jobs at the clock's instant: the sweep, the outbox, the served marks,
//! the hardship workflow's job.
Result<void> RunJobs(World& w, Notifier& notifier) {
  ZJ_ASSIGN_OR_RETURN(SweepReport swept, w.app.requests().Sweep());
  w.report.escalations += swept.escalated;
  w.report.follow_ups += swept.follow_ups;
  for (;;) {
    ZJ_ASSIGN_OR_RETURN(DeliveryReport sent, DeliverOutbox(w.app.db(), w.clock, notifier, 500));
    if (sent.sent + sent.failed < 500) break;
  }
  ZJ_RETURN_IF_ERROR(ExpireServed(w.app.db(), w.clock.NowMs()));
  ZJ_RETURN_IF_ERROR(w.app.hardship_sweep().Run());  // the year's spot checks drawn
  return {};
}

//! The jobs twice a day from the start, and once more now (as a server runs them at start).
void ScheduleJobs(World& w, Timeline& timeline, const std::shared_ptr<PastNotifier>& notifier) {
  for (auto day = World::DayOf(w.start_ms); World::At(day, 0) < w.now_ms;
       day += std::chrono::days(1)) {
    for (const int minute : kSweepMinutes) {
      const std::int64_t at = World::At(day, minute);
      if (at < w.now_ms) timeline.At(at, [&w, notifier] { return RunJobs(w, *notifier); });
    }
  }
  timeline.At(w.now_ms, [&w, notifier] { return RunJobs(w, *notifier); });
}

Result<bool> HasRequests(Application& app, const Actor& admin) {
  RequestFilter any;
  any.limit = 1;
  ZJ_ASSIGN_OR_RETURN(RequestPage page, app.requests().List(admin, any));
  return !page.items.empty();
}

}  // namespace

}  // namespace demo

Result<DemoHistoryReport> LoadDemoHistory(Application& app, FixedClock& clock,
                                          const DemoOptions& options,
                                          const DemoHistoryOptions& history) {
  const std::int64_t now = clock.NowMs();
  demo::World w(app, clock, options.seed + 18);
  w.now_ms = now;
  w.roster_dir = history.roster_dir;
  // Live since 08:00 on the same weekday `weeks` weeks ago.
  w.start_ms = demo::World::At(demo::World::DayOf(now - demo::kDayMs * 7 * history.weeks), 8 * 60);
  clock.Set(w.start_ms);
  auto loaded = app.demo().Load(options);
  if (!loaded) {
    clock.Set(now);
    return Fail(std::move(loaded).error());
  }
  w.report.demo = std::move(*loaded);
  const auto result = [&]() -> Result<void> {
    ZJ_RETURN_IF_ERROR(demo::ReadWorld(w));
    ZJ_ASSIGN_OR_RETURN(bool before, demo::HasRequests(app, w.admin));
    if (before) return {};  // loaded before: a rerun adds nothing
    ZJ_RETURN_IF_ERROR(demo::FoundUnions(w));
    ZJ_RETURN_IF_ERROR(demo::ReadWorld(w));
    ZJ_RETURN_IF_ERROR(demo::ReadCategories(w));
    demo::Timeline timeline;
    auto notifier = std::make_shared<demo::PastNotifier>();
    demo::ScheduleJobs(w, timeline, notifier);
    std::deque<demo::PlannedRequest> planned = demo::PlanRequests(w, history.requests);
    demo::EnsureEscalationsPerDistrict(w, planned);
    demo::PlanAccountTodos(w, planned);
    demo::ScheduleRequests(w, planned, timeline);
    ZJ_RETURN_IF_ERROR(demo::ScheduleMemberHistory(w, timeline));
    demo::ScheduleHardship(w, timeline);
    demo::ScheduleAid(w, timeline);
    demo::ScheduleLegal(w, timeline);
    demo::ScheduleCompetition(w, timeline);
    demo::ScheduleActivities(w, timeline);
    demo::ScheduleTraining(w, timeline);
    demo::ScheduleHonours(w, timeline);
    demo::ScheduleMutualAid(w, timeline);
    demo::ScheduleTalent(w, timeline);
    ZJ_RETURN_IF_ERROR(timeline.Run(clock, now + 1, history.progress));
    if (history.park_competition) ZJ_RETURN_IF_ERROR(demo::LoadPark(w, options));
    if (w.worker_to_rate != nullptr) {
      w.report.worker_tracking_number = w.worker_to_rate->tracking_number;
      w.report.worker_phone_last4 = w.worker_to_rate->last4;
    }
    return {};
  }();
  clock.Set(now);
  if (!result) return Fail(result.error());
  return std::move(w.report);
}

}  // namespace zj::app
