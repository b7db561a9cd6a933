// Where an org's GB/T 2260 region may lie (issue 16), checked by every use case that gives an
// org a region or a place in the tree (create, update, move, and so the org import):
//  - inside the region of the nearest org above it that has one (core/regions/
//    region_containment.h: a municipal federation's 11 contains its districts' 1101xx, a
//    district's 110101 its streets' 110101xxx), else "error.org.region_outside_parent";
//  - not the same as, inside, or (for a federation) around the region of an active municipal,
//    district or street federation that is neither above nor below it, else
//    "error.org.region_taken": two active federations never hold one region, and no org claims
//    ground of another district's. Unions may share a region (many sit in one street);
//  - when a region changes, the regions below it still lie inside it, else
//    "error.org.region_excludes_child".
// The errors are field errors (region_code; parent_id for a move). They never name an org
// outside the actor's scope: a taken region only says that it is taken.
#pragma once

#include <optional>
#include <string>

#include "core/result.h"
#include "store/database.h"
#include "store/orgs.h"

namespace zj::app {

//! For Create: the region of a new org of `kind` under `parent` (nullopt for a root).
Result<void> CheckNewOrgRegion(store::Connection& conn, const std::string& kind,
                               const std::string& region,
                               const std::optional<store::OrgRow>& parent);

//! For Update: `after` is the org as it will be; checked when its region changes, or when it
//! becomes active again holding one (someone may have taken the region meanwhile).
Result<void> CheckUpdatedOrgRegion(store::Connection& conn, const store::OrgRow& before,
                                   const store::OrgRow& after);

//! For Move: every org of the subtree of `org` whose region was enclosed by one above the
//! subtree must lie where it goes, under `new_parent`. Field errors on parent_id.
Result<void> CheckMovedOrgRegions(store::Connection& conn, const store::OrgRow& org,
                                  const store::OrgRow& new_parent);

}  // namespace zj::app
