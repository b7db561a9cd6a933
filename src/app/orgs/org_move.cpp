// OrgService::Move: a subtree changes parent in one transaction. Every path and federation that
// names an org of the subtree is rewritten from the store's one list (store/org_paths.h), the
// subtree's figures (coverage, 有效覆盖, the service dashboard's and the case modules' counters)
// leave the old ancestors and join the new ones, and requests an old ancestor was handling are
// handed over.
#include "app/orgs/org_errors.h"
#include "app/orgs/org_regions.h"
#include "app/orgs/org_scope.h"
#include "app/orgs/org_service.h"
#include "app/requests/request_moves.h"
#include "core/orgs/org_kind.h"
#include "core/orgs/org_path.h"
#include "store/coverage.h"
#include "store/org_counters.h"
#include "store/reached_marks.h"
#include "store/request_stats.h"
#include "store/served_marks.h"

namespace zj::app {

namespace {

//! The subtree's figures, kept per org for the whole subtree, leave `from` and join `to`.
Result<void> MoveFigures(store::Connection& c, const store::OrgRow& org,
                         const std::vector<std::int64_t>& from, const store::OrgRow& parent,
                         const std::vector<std::int64_t>& to) {
  ZJ_ASSIGN_OR_RETURN(store::RollupRow totals, store::RollupOf(c, org.id));
  ZJ_ASSIGN_OR_RETURN(auto industries, store::IndustryRollupsOf(c, org.id));
  ZJ_RETURN_IF_ERROR(store::AddToTotals(c, from, -totals.figures));
  ZJ_RETURN_IF_ERROR(store::AddToTotals(c, to, totals.figures));
  for (const auto& i : industries) {
    ZJ_RETURN_IF_ERROR(store::AddToIndustry(c, from, i.industry, org.federation_id, -i.figures));
    ZJ_RETURN_IF_ERROR(store::AddToIndustry(c, to, i.industry, parent.federation_id, i.figures));
  }
  if (totals.served_12m != 0) {
    ZJ_RETURN_IF_ERROR(store::AddServed(c, from, -totals.served_12m));
    ZJ_RETURN_IF_ERROR(store::AddServed(c, to, totals.served_12m));
  }
  // Reach (issue 22): the subtree's reached members, as its served ones.
  ZJ_ASSIGN_OR_RETURN(auto reach, store::ReachOf(c, org.id));
  if (reach && reach->reached_12m != 0) {
    ZJ_RETURN_IF_ERROR(store::AddReached(c, from, -reach->reached_12m));
    ZJ_RETURN_IF_ERROR(store::AddReached(c, to, reach->reached_12m));
  }
  ZJ_RETURN_IF_ERROR(store::AddOnline(c, from, -totals.members_online));
  ZJ_RETURN_IF_ERROR(store::AddOnline(c, to, totals.members_online));
  ZJ_RETURN_IF_ERROR(store::AddRequestStatsOf(c, org.id, from, -1, org.federation_id));
  ZJ_RETURN_IF_ERROR(store::AddRequestStatsOf(c, org.id, to, +1, parent.federation_id));
  // The case modules' counters (hardship, aid, …): one table for all of them.
  ZJ_RETURN_IF_ERROR(store::AddCountersOf(c, org.id, from, -1, org.federation_id));
  return store::AddCountersOf(c, org.id, to, +1, parent.federation_id);
}

}  // namespace

Result<OrgView> OrgService::Move(const Actor& actor, std::int64_t id, std::int64_t new_parent_id) {
  ZJ_RETURN_IF_ERROR(MustManageOrgs(actor));
  auto done = store::InTransaction(db_, [&](store::Connection& c) -> Result<OrgView> {
    ZJ_ASSIGN_OR_RETURN(store::OrgRow org, LoadOrgInScope(c, actor, id));
    ZJ_ASSIGN_OR_RETURN(store::OrgRow parent, LoadOrgInScope(c, actor, new_parent_id, "parent_id"));
    if (org.parent_id == parent.id) return ViewOf(c, actor, org);
    const OrgPath old_path = OrgPath::FromStored(org.path);
    if (old_path.Contains(OrgPath::FromStored(parent.path))) {
      return Fail(OrgFieldError(ErrorCode::kInvalidArgument, "error.org.cycle", "parent_id"));
    }
    const auto kind = ParseOrgKind(org.kind);
    const auto parent_kind = ParseOrgKind(parent.kind);
    if (!kind || !parent_kind || !MayHaveParent(*kind, *parent_kind)) {
      return Fail(OrgFieldError(ErrorCode::kInvalidArgument, "error.org.parent_kind", "parent_id",
                                {{"kind", org.kind}, {"parent_kind", parent.kind}}));
    }
    if (parent.status != "active") {
      return Fail(
          OrgFieldError(ErrorCode::kFailedPrecondition, "error.org.parent_inactive", "parent_id"));
    }
    ZJ_RETURN_IF_ERROR(CheckMovedOrgRegions(c, org, parent));
    // The subtree's own rollups stay as they are; its figures leave the old ancestors and
    // join the new ones.
    std::vector<std::int64_t> old_ancestors = old_path.Ids();
    old_ancestors.pop_back();
    const std::vector<std::int64_t> new_ancestors = OrgPath::FromStored(parent.path).Ids();
    ZJ_RETURN_IF_ERROR(MoveFigures(c, org, old_ancestors, parent, new_ancestors));
    const std::string new_path = OrgPath::FromStored(parent.path).Child(id).str();
    ZJ_RETURN_IF_ERROR(store::MoveOrgSubtree(c, id, parent.id, org.path, new_path,
                                             org.federation_id, parent.federation_id));
    ZJ_ASSIGN_OR_RETURN(auto moved, store::FindOrgById(c, id));
    ZJ_RETURN_IF_ERROR(HandOverRequestsAfterMove(c, clock_, random_, *moved, parent));
    std::string old_parent_code;
    if (org.parent_id) {
      ZJ_ASSIGN_OR_RETURN(auto old_parent, store::FindOrgById(c, *org.parent_id));
      if (old_parent) old_parent_code = old_parent->code;
    }
    ZJ_RETURN_IF_ERROR(
        Record(c, actor, *moved, "move", {{"parent", old_parent_code + " → " + parent.code}}));
    return ViewOf(c, actor, *moved);
  });
  // Signed-in users of the org or below see their new name or subtree at once.
  if (done) sessions_.Clear();
  return done;
}

}  // namespace zj::app
