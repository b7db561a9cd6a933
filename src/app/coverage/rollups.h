// Keeping the coverage rollups current, on the caller's connection and so in the caller's
// transaction: where an enterprise belongs in the tree (its union, else the street federation of
// its region, else the district federation), and adding or removing its contribution along
// that org's path. Every use case that changes an enterprise or an org's place goes through here.
#pragma once

#include <optional>
#include <string>

#include "core/result.h"
#include "store/database.h"
#include "store/enterprises.h"
#include "store/orgs.h"

namespace zj::app {

//! The org responsible for an enterprise in `region_code` with union `union_org_id`: the union
//! itself, else the active street federation of the region, else the active district
//! federation of its district (should two hold one region, as only data from before the region
//! rules can, the lowest code). kFailedPrecondition on field region_code when none exists.
Result<store::OrgRow> ResponsibleOrg(store::Connection& conn, const std::string& region_code,
                                     const std::optional<std::int64_t>& union_org_id);

//! Adds (sign +1) or removes (sign -1) the enterprise's contribution to the rollups of every
//! org on its org_path.
Result<void> ApplyContribution(store::Connection& conn, const store::EnterpriseRow& enterprise,
                               int sign);

//! Re-derives the responsible org of every enterprise in the region that no union covers (after
//! a street federation appeared, moved region, or stopped being active) and moves figures
//! accordingly, in enterprise id order. Only enterprises whose org lies in `scope` (the actor's
//! ScopeRange; nullopt: nowhere) move, and only into `scope` or up to an org above their own:
//! a change in one subtree never takes another subtree's enterprises or hands them sideways.
Result<void> RehomeRegion(store::Connection& conn, const std::string& region_code,
                          std::int64_t now_ms,
                          const std::optional<std::pair<std::string, std::string>>& scope);

}  // namespace zj::app
