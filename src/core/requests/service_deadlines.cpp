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

std::optional<std::int64_t> NextDeadline(const Deadlines& deadlines, const Progress& progress) {
  if (progress.resolved) return std::nullopt;
  if (!progress.accepted) return deadlines.accept_by;
  if (!progress.contacted) return deadlines.contact_by;
  return deadlines.resolve_by;
}

}  // namespace zj::requests
