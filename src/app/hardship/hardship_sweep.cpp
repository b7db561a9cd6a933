#include "app/hardship/hardship_sweep.h"

#include <chrono>
#include <string>

#include "app/hardship/hardship_rules.h"
#include "app/members/member_access.h"
#include "core/calendar/work_calendar.h"
#include "core/hardship/hardship_workflow.h"
#include "store/hardship_erase.h"
#include "store/hardship_flow.h"

namespace zj::app {

using std::chrono::sys_days;

Result<HardshipSweepReport> HardshipSweep::Run() {
  HardshipSweepReport report;
  const std::chrono::year_month_day today{sys_days(TodayInChina(clock_))};
  const int year = static_cast<int>(today.year());
  std::vector<std::int64_t> drawing, erasing;
  {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
    ZJ_ASSIGN_OR_RETURN(drawing, store::FederationsWithFilesIn(*lease, "active"));
    ZJ_ASSIGN_OR_RETURN(erasing, store::FederationsWithFilesIn(*lease, "closed"));
  }
  for (const std::int64_t federation : drawing) {
    ZJ_ASSIGN_OR_RETURN(std::int64_t drawn, Draw(federation, year));
    report.drawn += drawn;
  }
  for (const std::int64_t federation : erasing) {
    ZJ_ASSIGN_OR_RETURN(std::int64_t erased, Erase(federation));
    report.erased += erased;
  }
  return report;
}

Result<std::int64_t> HardshipSweep::Draw(std::int64_t federation_id, int year) {
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<std::int64_t> {
    ZJ_ASSIGN_OR_RETURN(store::HardshipRulesRow rules, WorkflowRulesOf(c, federation_id));
    ZJ_ASSIGN_OR_RETURN(std::vector<std::int64_t> active, store::ActiveFileIds(c, federation_id));
    const auto drawn =
        hardship::DrawSpotChecks(active, rules.spot_check_pct, static_cast<std::uint64_t>(year));
    const std::int64_t now = clock_.NowMs();
    ZJ_ASSIGN_OR_RETURN(
        bool first,
        store::InsertSpotDraw(c, federation_id, year, static_cast<std::int64_t>(drawn.size()),
                              static_cast<std::int64_t>(active.size()), now));
    if (!first) return std::int64_t{0};  // drawn this year already
    for (const std::int64_t id : drawn) ZJ_RETURN_IF_ERROR(store::MarkSpotCheck(c, id, now));
    const AuditEvent event{"hardship.spot_draw",
                           "federation",
                           std::to_string(federation_id),
                           "ok",
                           "",
                           {{"year", std::to_string(year)},
                            {"drawn", std::to_string(drawn.size())},
                            {"active", std::to_string(active.size())},
                            {"pct", std::to_string(rules.spot_check_pct)}}};
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::System(), event));
    return static_cast<std::int64_t>(drawn.size());
  });
}

Result<std::int64_t> HardshipSweep::Erase(std::int64_t federation_id) {
  const sys_days today(TodayInChina(clock_));
  std::vector<std::pair<std::int64_t, std::int64_t>> closed;
  int years = 0;
  {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
    ZJ_ASSIGN_OR_RETURN(store::HardshipRulesRow rules, WorkflowRulesOf(*lease, federation_id));
    years = rules.retention_years;
    ZJ_ASSIGN_OR_RETURN(closed, store::ClosedFilesOldestFirst(*lease, federation_id, kEraseBatch));
  }
  std::int64_t erased = 0;
  for (const auto& [file_id, closed_at] : closed) {
    const sys_days closed_on = calendar::LocalDay(closed_at);
    // Oldest first: the first file still within its years ends the run's work here.
    if (hardship::EraseFrom(closed_on, years) > today) break;
    ZJ_ASSIGN_OR_RETURN(
        bool done, store::InTransaction(db_, [&](store::Connection& c) -> Result<bool> {
          const AuditEvent event{"hardship.erase",
                                 "hardship_file",
                                 std::to_string(file_id),
                                 "ok",
                                 "",
                                 {{"retention_years", std::to_string(years)}}};
          ZJ_ASSIGN_OR_RETURN(bool moved, store::EraseHardshipFile(c, file_id, clock_.NowMs()));
          if (moved) {
            ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::System(), event));
          }
          return moved;
        }));
    if (done) ++erased;
  }
  return erased;
}

}  // namespace zj::app
