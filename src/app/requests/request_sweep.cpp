// The sweep: escalates lapsed deadlines up the tree and opens follow-up visits for requests
// left unrated.
#include "app/requests/request_internal.h"
#include "app/requests/request_service.h"
#include "core/requests/service_stats.h"

namespace zj::app {

using namespace requests_internal;  // NOLINT(google-build-using-namespace): this module's own

Result<SweepReport> RequestService::Sweep() {
  SweepReport report;
  const std::int64_t now = clock_.NowMs();
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::Connection& conn = *lease;
  for (;;) {
    ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(conn));
    ZJ_ASSIGN_OR_RETURN(auto due, store::DueRequests(conn, now, kSweepBatch));
    int moved = 0;
    for (auto& row : due) {
      const auto lapsed = requests::LapsedMilestone({row.accept_by, row.contact_by, row.resolve_by},
                                                    ProgressOf(row), now);
      if (!lapsed) {  // next_due was stale; put it right
        RefreshNextDue(row);
        ZJ_RETURN_IF_ERROR(store::UpdateRequest(conn, row));
        ++moved;
        continue;
      }
      ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(conn, row.org_id));
      if (!org || !org->parent_id) {
        // At the top: nobody to escalate to. It stays overdue in the top's queue, but the
        // sweep stops looking at it until something changes.
        row.next_due.reset();
        ZJ_RETURN_IF_ERROR(store::UpdateRequest(conn, row));
        ++moved;
        continue;
      }
      ZJ_ASSIGN_OR_RETURN(const requests::Sla sla, SlaFor(conn, row.category_code));
      row.org_id = *org->parent_id;
      row.escalations += 1;
      row.updated_at = now;
      Assign(row, *calendars_.Current(), sla, now);
      ZJ_RETURN_IF_ERROR(store::UpdateRequest(conn, row));
      ZJ_RETURN_IF_ERROR(AddEvent(conn, row, std::nullopt,
                                  Escalated(row.org_id, requests::MilestoneName(*lapsed))));
      requests::StatsDelta counted;
      counted.escalated = 1;
      ZJ_RETURN_IF_ERROR(Count(conn, row, counted));
      ZJ_ASSIGN_OR_RETURN(auto parent, store::FindOrgById(conn, row.org_id));
      if (parent) ZJ_RETURN_IF_ERROR(Notify(conn, *parent, "notify.request.escalated", row));
      ++report.escalated;
      ++moved;
    }
    ZJ_RETURN_IF_ERROR(tx.Commit());
    if (moved < kSweepBatch) break;
  }
  for (;;) {
    ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(conn));
    ZJ_ASSIGN_OR_RETURN(auto unrated, store::UnratedResolvedBefore(
                                          conn, now - requests::kRatingWindowMs, kSweepBatch));
    for (auto& row : unrated) {
      ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(conn, row.org_id));
      ZJ_ASSIGN_OR_RETURN(bool added,
                          store::InsertFollowUp(conn, FollowUp(row, org->path, "no_rating",
                                                               NewId(clock_, random_), now)));
      if (added) ++report.follow_ups;
      ZJ_RETURN_IF_ERROR(
          Move(conn, row, requests::Action::kClose, requests::Party::kSystem, std::nullopt, ""));
      ZJ_RETURN_IF_ERROR(store::UpdateRequest(conn, row));
    }
    ZJ_RETURN_IF_ERROR(tx.Commit());
    if (unrated.size() < static_cast<std::size_t>(kSweepBatch)) break;
  }
  return report;
}

}  // namespace zj::app
