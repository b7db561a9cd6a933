#include "core/requests/service_deadlines.h"

namespace zj::requests {

std::string_view MilestoneName(Milestone milestone) {
  switch (milestone) {
    case Milestone::kAccept:
      return "accept";
    case Milestone::kContact:
      return "contact";
    case Milestone::kResolve:
      return "resolve";
  }
  return "";
}

Deadlines DeadlinesFrom(const calendar::WorkCalendar& calendar, const Sla& sla,
                        std::int64_t assigned_at_ms) {
  return Deadlines{
      .accept_by = calendar.DeadlineMs(assigned_at_ms, sla.accept_days),
      .contact_by = calendar.DeadlineMs(assigned_at_ms, sla.contact_days),
      .resolve_by = calendar.DeadlineMs(assigned_at_ms, sla.resolve_days),
  };
}

std::optional<Milestone> LapsedMilestone(const Deadlines& deadlines, const Progress& progress,
                                         std::int64_t now_ms) {
  if (progress.resolved) return std::nullopt;
  if (!progress.accepted && now_ms > deadlines.accept_by) return Milestone::kAccept;
  if (!progress.contacted && now_ms > deadlines.contact_by) return Milestone::kContact;
  if (now_ms > deadlines.resolve_by) return Milestone::kResolve;
  return std::nullopt;
}

std::optional<Milestone> NextMilestone(const Progress& progress) {
  if (progress.resolved) return std::nullopt;
  if (!progress.accepted) return Milestone::kAccept;
  if (!progress.contacted) return Milestone::kContact;
  return Milestone::kResolve;
}

std::string_view MilestoneStateName(MilestoneState state) {
  switch (state) {
    case MilestoneState::kPending:
      return "pending";
    case MilestoneState::kMet:
      return "met";
    case MilestoneState::kMissed:
      return "missed";
    case MilestoneState::kOverdue:
      return "overdue";
    case MilestoneState::kNone:
      return "none";
  }
  return "";
}

MilestoneState StateOfMilestone(std::optional<std::int64_t> reached_at_ms, std::optional<bool> met,
                                std::int64_t due_ms, bool open, std::int64_t now_ms) {
  if (reached_at_ms) {
    const bool in_time = met.value_or(*reached_at_ms <= due_ms);
    return in_time ? MilestoneState::kMet : MilestoneState::kMissed;
  }
  if (!open) return MilestoneState::kNone;
  return now_ms > due_ms ? MilestoneState::kOverdue : MilestoneState::kPending;
}

std::optional<std::int64_t> NextDeadline(const Deadlines& deadlines, const Progress& progress) {
  if (progress.resolved) return std::nullopt;
  if (!progress.accepted) return deadlines.accept_by;
  if (!progress.contacted) return deadlines.contact_by;
  return deadlines.resolve_by;
}

}  // namespace zj::requests
