// The deadlines a handling org is held to, on the working-day calendar: accept within 1
// working day, first contact with the worker within 2, resolve within 15 (per-category
// settings). Each org a request is assigned to (first by routing, then by escalation) gets
// its own deadlines counted from the assignment, for the milestones still pending.
//
// Escalation: when the first pending milestone's deadline has passed, the request goes up to
// the parent org, up to the municipal federation at most. The escalation check compares the
// deadlines with the clock rather than counting ticks, so a server that was down over a
// weekend escalates each lapsed assignment exactly once when it comes back: the parent's new
// deadlines start at the moment of escalation.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/calendar/work_calendar.h"

namespace zj::requests {

struct Sla {
  int accept_days = 1;
  int contact_days = 2;
  int resolve_days = 15;
};

enum class Milestone { kAccept, kContact, kResolve };
std::string_view MilestoneName(Milestone milestone);  //!< accept, contact, resolve

struct Deadlines {
  std::int64_t accept_by = 0;  //!< Unix ms
  std::int64_t contact_by = 0;
  std::int64_t resolve_by = 0;
};

//! The deadlines of an assignment made at `assigned_at_ms` (China local days, UTC+8).
Deadlines DeadlinesFrom(const calendar::WorkCalendar& calendar, const Sla& sla,
                        std::int64_t assigned_at_ms);

//! Which milestones are already reached.
struct Progress {
  bool accepted = false;
  bool contacted = false;
  bool resolved = false;
};

//! The first pending milestone whose deadline lies before `now_ms`, if any.
std::optional<Milestone> LapsedMilestone(const Deadlines& deadlines, const Progress& progress,
                                         std::int64_t now_ms);

//! The first pending milestone (the one the countdown counts to); nothing when all are reached.
std::optional<Milestone> NextMilestone(const Progress& progress);

//! Where one milestone stands: reached in time (met) or late (missed); not reached and its
//! deadline still ahead (pending) or passed (overdue); or never to be reached, the request
//! having ended without it (rejected, withdrawn) — none.
enum class MilestoneState { kPending, kMet, kMissed, kOverdue, kNone };
std::string_view MilestoneStateName(MilestoneState state);  //!< pending, met, missed, …

//! The state of a milestone due at `due_ms`. `met` is what was recorded when it was reached
//! (the deadline in force then, which a later escalation or transfer replaces); without it a
//! reached milestone is judged against `due_ms`. `open`: the request still waits for the org.
MilestoneState StateOfMilestone(std::optional<std::int64_t> reached_at_ms, std::optional<bool> met,
                                std::int64_t due_ms, bool open, std::int64_t now_ms);

//! The deadline of the first pending milestone (for the SLA countdown); nothing when all are
//! reached.
std::optional<std::int64_t> NextDeadline(const Deadlines& deadlines, const Progress& progress);

}  // namespace zj::requests
