// Deadlines of an assignment on the shipped 2026 calendar, the milestone that lapses first,
// and escalation catch-up: after a long outage the check names one lapsed milestone, and the
// parent's fresh deadlines (counted from the escalation) have not lapsed yet.
#include <gtest/gtest.h>

#include "app/calendar/builtin_calendars.h"
#include "core/requests/service_deadlines.h"

namespace zj::requests {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year;

std::int64_t BeijingMs(int y, unsigned m, unsigned d, int hour, int minute = 0) {
  const sys_days date{year{y} / month{m} / day{d}};
  return (static_cast<std::int64_t>(date.time_since_epoch().count()) * 86'400 + (hour - 8) * 3600 +
          minute * 60) *
         1000;
}

class Deadlines2026 : public ::testing::Test {
 protected:
  calendar::WorkCalendar cal_ = app::BuiltinWorkCalendar();
  Sla sla_;
};

TEST_F(Deadlines2026, CountedInWorkingDaysAcrossNationalDay) {
  // Submitted on Wednesday 2026-09-30 at 16:00; 10-01 … 10-07 are off, 10-08 and 10-09 worked.
  const Deadlines d = DeadlinesFrom(cal_, sla_, BeijingMs(2026, 9, 30, 16));
  EXPECT_EQ(d.accept_by, BeijingMs(2026, 10, 9, 0));    // end of Thursday 10-08
  EXPECT_EQ(d.contact_by, BeijingMs(2026, 10, 10, 0));  // end of Friday 10-09
  // 15 working days: 10-08, 09, 10 (Sat, worked), 12–16, 19–23, 26, 27 → end of 10-27.
  EXPECT_EQ(d.resolve_by, BeijingMs(2026, 10, 28, 0));

  Sla slow{.accept_days = 2, .contact_days = 3, .resolve_days = 20};
  EXPECT_EQ(DeadlinesFrom(cal_, slow, BeijingMs(2026, 9, 30, 16)).accept_by,
            BeijingMs(2026, 10, 10, 0));
}

TEST_F(Deadlines2026, TheFirstPendingMilestoneLapses) {
  const Deadlines d = DeadlinesFrom(cal_, sla_, BeijingMs(2026, 11, 20, 15));  // a Friday
  EXPECT_EQ(d.accept_by, BeijingMs(2026, 11, 24, 0));
  EXPECT_FALSE(LapsedMilestone(d, {}, BeijingMs(2026, 11, 23, 23, 59)));
  EXPECT_EQ(LapsedMilestone(d, {}, BeijingMs(2026, 11, 24, 0, 1)), Milestone::kAccept);
  // Accepted in time: contact is next, due at the end of Tuesday 11-24.
  EXPECT_FALSE(LapsedMilestone(d, {.accepted = true}, BeijingMs(2026, 11, 24, 12)));
  EXPECT_EQ(LapsedMilestone(d, {.accepted = true}, BeijingMs(2026, 11, 25, 9)),
            Milestone::kContact);
  EXPECT_EQ(LapsedMilestone(d, {.accepted = true, .contacted = true}, d.resolve_by + 1),
            Milestone::kResolve);
  EXPECT_FALSE(LapsedMilestone(d, {.accepted = true, .contacted = true, .resolved = true},
                               d.resolve_by + 1));
  EXPECT_EQ(NextDeadline(d, {.accepted = true}), d.contact_by);
  EXPECT_FALSE(NextDeadline(d, {.resolved = true}));
}

TEST_F(Deadlines2026, AfterAnOutageOneEscalationAndFreshDeadlinesForTheParent) {
  // Submitted Friday 2026-11-20 15:00; the server is down until Tuesday 11-24 10:00.
  const Deadlines street = DeadlinesFrom(cal_, sla_, BeijingMs(2026, 11, 20, 15));
  const std::int64_t back = BeijingMs(2026, 11, 24, 10);
  ASSERT_EQ(LapsedMilestone(street, {}, back), Milestone::kAccept);
  // The district gets its deadlines from the escalation, so nothing lapses again at once.
  const Deadlines district = DeadlinesFrom(cal_, sla_, back);
  EXPECT_FALSE(LapsedMilestone(district, {}, back));
  EXPECT_EQ(district.accept_by, BeijingMs(2026, 11, 26, 0));
}

TEST(MilestoneStates, EachMilestoneIsMetMissedPendingOverdueOrNone) {
  const std::int64_t due = 1'800'000'000'000;
  EXPECT_EQ(StateOfMilestone(due - 1, std::nullopt, due, true, due + 5), MilestoneState::kMet);
  EXPECT_EQ(StateOfMilestone(due + 1, std::nullopt, due, true, due + 5), MilestoneState::kMissed);
  // What was recorded when it was reached wins over a deadline a later escalation replaced.
  EXPECT_EQ(StateOfMilestone(due - 1, false, due, true, due + 5), MilestoneState::kMissed);
  EXPECT_EQ(StateOfMilestone(due + 1, true, due, true, due + 5), MilestoneState::kMet);
  EXPECT_EQ(StateOfMilestone(std::nullopt, std::nullopt, due, true, due), MilestoneState::kPending);
  EXPECT_EQ(StateOfMilestone(std::nullopt, std::nullopt, due, true, due + 1),
            MilestoneState::kOverdue);
  EXPECT_EQ(StateOfMilestone(std::nullopt, std::nullopt, due, false, due + 1),
            MilestoneState::kNone)
      << "a rejected request never reaches its contact";
  EXPECT_EQ(MilestoneStateName(MilestoneState::kOverdue), "overdue");
}

TEST(MilestoneStates, TheCountdownCountsToTheFirstPendingMilestone) {
  EXPECT_EQ(NextMilestone({}), Milestone::kAccept);
  EXPECT_EQ(NextMilestone({.accepted = true}), Milestone::kContact);
  EXPECT_EQ(NextMilestone({.accepted = true, .contacted = true}), Milestone::kResolve);
  EXPECT_FALSE(NextMilestone({.accepted = true, .contacted = true, .resolved = true}));
}

}  // namespace
}  // namespace zj::requests
