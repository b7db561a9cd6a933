// What the parts of the demo's history share (demo_history.h): the world it is made of (demo
// accounts, places, enterprises, members, read once before it starts), the timeline its steps
// run on, the working-time arithmetic its plans use, and the planned requests.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "app/application.h"
#include "app/clock.h"
#include "app/demo/demo_history.h"
#include "app/demo/demo_people.h"
#include "core/calendar/work_calendar.h"
#include "store/enterprises.h"
#include "store/members.h"
#include "store/orgs.h"

namespace zj::app::demo {

inline constexpr std::int64_t kMinuteMs = 60'000;
inline constexpr std::int64_t kHourMs = 60 * kMinuteMs;
inline constexpr std::int64_t kDayMs = 24 * kHourMs;

struct PlannedRequest;

//! The demo accounts, places and people, and the counters of what the history did.
struct World {
  World(Application& a, FixedClock& c, std::uint64_t seed) : app(a), clock(c), people(seed) {}

  Application& app;
  FixedClock& clock;
  std::int64_t start_ms = 0;  //!< the day the system went live
  std::int64_t now_ms = 0;    //!< where the history ends
  std::shared_ptr<const calendar::WorkCalendar> calendar;
  std::string roster_dir;

  Actor admin, operator_actor, cadre, dongcheng_staff, xicheng_staff, worker;
  store::OrgRow dongcheng, xicheng, donghuamen;
  std::vector<store::OrgRow> orgs;
  std::map<std::int64_t, std::size_t> org_index;  //!< id → position in orgs
  std::vector<store::EnterpriseRow> enterprises;  //!< by USCC (the same from run to run)
  std::vector<store::MemberRow> members;          //!< active at the start, by id
  std::vector<std::string> categories;            //!< active leaves with topics
  DemoPeople people;

  DemoHistoryReport report;
  PlannedRequest* worker_to_rate = nullptr;  //!< set by PlanAccountTodos
  //! Members recorded by hand during the history (id, union path), as they are recorded.
  std::vector<std::pair<std::int64_t, std::string>> recorded;

  const store::OrgRow* Org(std::int64_t id) const;
  //! The demo account that handles work of the org at `path`: the cadre in 东华门, the district
  //! staff in 东城 and 西城, the administrator elsewhere.
  const Actor& HandlerFor(const std::string& path) const;
  //! The local account for a place when it has one (not the administrator).
  const Actor* LocalAccountFor(const std::string& path) const;
  //! Active grassroots unions under `org` (its subtree), by code.
  std::vector<const store::OrgRow*> UnionsUnder(const store::OrgRow& org) const;

  // Working time on the calendar, China local time (UTC+8).
  //! The local day of an instant.
  static std::chrono::sys_days DayOf(std::int64_t ms);
  //! `minute` (of the day) on `day`, as Unix ms.
  static std::int64_t At(std::chrono::sys_days day, int minute);
  static int MinuteOf(std::int64_t ms);
  //! The `n`-th working day after `ms`'s day (n = 0: that day when it is a working day, else
  //! the next working day).
  std::chrono::sys_days WorkingDay(std::int64_t ms, int n) const;
  //! The working day `n` working days before the end's day (n ≥ 1).
  std::chrono::sys_days WorkingDaysBeforeNow(int n) const;
  //! A minute between `from` and `to` (minutes of the day), drawn.
  int Minute(int from, int to) { return from + static_cast<int>(people.Pick(to - from + 1)); }
};

//! Steps at instants, run in time order with the clock set to each; steps at the same instant
//! run in the order they were added.
class Timeline {
 public:
  using Step = std::function<Result<void>()>;
  void At(std::int64_t ms, Step step);
  //! Runs every step before `until`; stops at the first error.
  Result<void> Run(FixedClock& clock, std::int64_t until,
                   const std::function<void(std::int64_t)>& progress);

 private:
  struct Entry {
    std::int64_t at;
    std::size_t order;
    Step step;
  };
  std::vector<Entry> entries_;
};

enum class MoveKind {
  kAccept,
  kContact,
  kResolve,
  kReject,
  kWithdraw,
  kRate,
  kReopen,
  kHandOver,
  kFollowUp
};

struct PlannedMove {
  std::int64_t at = 0;
  MoveKind kind = MoveKind::kAccept;
  int rating = 0;           //!< kRate
  std::string text;         //!< resolution, reason, comment, note
  std::int64_t to_org = 0;  //!< kHandOver
};

//! How one request goes: drawn per request, then turned into moves.
struct Fate {
  bool withdraw = false;
  bool reject = false;
  bool hand_over = false;  //!< 转办 to another street of the district
  int late_accept = 0;     //!< 0, 1 (escalated once before it is accepted) or 2 (twice)
  bool late_contact = false;
  bool late_resolve = false;
  int resolve_days = 3;  //!< working days from first contact
  bool reopen = false;
  std::optional<int> rating;  //!< nothing: never rated (the sweep closes it after 7 days)
  std::int64_t rate_after_ms = kDayMs;
  bool follow_up_done = true;
};

struct PlannedRequest {
  std::int64_t at = 0;
  NewRequest in;
  const Actor* by = nullptr;  //!< who registers it; nullptr: the worker on the portal
  std::string remote_addr;    //!< portal submissions
  std::string district;       //!< GB/T 2260 code of its district
  std::string street_path;    //!< the path of the org its employer (or street) belongs to
  //! When set, the caller is a member recorded by hand under this org by then (drawn when the
  //! request is submitted); the planned caller stands in when there is none.
  const store::OrgRow* recorded_under = nullptr;
  Fate fate;
  std::vector<PlannedMove> moves;
  // Known once submitted.
  std::int64_t id = 0;
  std::string tracking_number;
  std::string last4;
};

//! Unions founded in the first days, where the demo accounts work (demo_founding.cpp); the
//! caller reads the world again afterwards.
Result<void> FoundUnions(World& w);
//! Requests spread over the weeks (demo_request_plan.cpp).
std::deque<PlannedRequest> PlanRequests(World& w, std::int64_t count);
//! Turns `r.fate` into `r.moves` from `r.at` (demo_request_fates.cpp).
void PlanMoves(World& w, PlannedRequest& r);
//! Draws a request's fate (demo_request_fates.cpp).
Fate DrawFate(World& w, const PlannedRequest& r);
//! Makes every district escalate some requests in the dashboard's default 12 weeks.
void EnsureEscalationsPerDistrict(World& w, std::deque<PlannedRequest>& planned);
//! The work each demo account finds waiting today (demo_todos.cpp).
void PlanAccountTodos(World& w, std::deque<PlannedRequest>& planned);
//! Puts the requests' submissions and moves on the timeline (demo_request_replay.cpp).
void ScheduleRequests(World& w, std::deque<PlannedRequest>& planned, Timeline& timeline);
//! Members recorded, updated and transferred (demo_member_history.cpp).
Result<void> ScheduleMemberHistory(World& w, Timeline& timeline);
//! Region standards and hardship files over the year (demo_hardship.cpp).
void ScheduleHardship(World& w, Timeline& timeline);
//! Aid rules, limits and budgets, and grants to active files over the year (demo_aid.cpp).
void ScheduleAid(World& w, Timeline& timeline);
//! The lawyers' directory and legal cases at every stage (demo_legal.cpp).
void ScheduleLegal(World& w, Timeline& timeline);
//! The “东城杯” labour competition, mid-scoring, with one veto (demo_competitions.cpp).
void ScheduleCompetition(World& w, Timeline& timeline);
//! The year's 五一劳动奖章 round of 东城, one street's list breaking a rule (demo_honours.cpp).
void ScheduleHonours(World& w, Timeline& timeline);
//! Roster imports, with their files kept in w.roster_dir (demo_roster_imports.cpp).
void ScheduleRosterImports(World& w, Timeline& timeline);

}  // namespace zj::app::demo
