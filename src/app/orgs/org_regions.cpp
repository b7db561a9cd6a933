#include "app/orgs/org_regions.h"

#include <algorithm>

#include "app/orgs/org_errors.h"
#include "core/orgs/org_kind.h"
#include "core/orgs/org_path.h"
#include "core/regions/region_containment.h"
#include "store/org_regions.h"

namespace zj::app {

namespace {

//! What an org claims: its region and kind, where it will sit, and the subtree (its own, or
//! the one moving with it) whose orgs are no rivals because they move or stay with it.
struct RegionClaim {
  std::string region;
  std::string kind;
  bool active = true;
  std::vector<std::int64_t> above;  //!< the orgs it will sit under, root first
  std::optional<OrgPath> own;       //!< nullopt for a new org
};

//! The region of `org` or, failing that, of the nearest org above it that has one.
Result<std::optional<std::string>> RegionAtOrAbove(store::Connection& conn,
                                                   const store::OrgRow& org) {
  if (org.region_code) return org.region_code;
  std::vector<std::int64_t> ids = OrgPath::FromStored(org.path).Ids();
  ids.pop_back();
  for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
    ZJ_ASSIGN_OR_RETURN(auto above, store::FindOrgById(conn, *it));
    if (above && above->region_code) return above->region_code;
  }
  return std::optional<std::string>();
}

bool IsRival(const store::RegionHolder& h, const RegionClaim& claim) {
  if (std::find(claim.above.begin(), claim.above.end(), h.id) != claim.above.end()) return false;
  return !(claim.own && claim.own->Contains(OrgPath::FromStored(h.path)));
}

Result<void> CheckClaim(store::Connection& conn, const RegionClaim& claim,
                        const std::optional<std::string>& enclosing, const std::string& field) {
  if (enclosing && !RegionContains(*enclosing, claim.region)) {
    return Fail(OrgFieldError(ErrorCode::kInvalidArgument, "error.org.region_outside_parent", field,
                              {{"region", claim.region}, {"parent_region", *enclosing}}));
  }
  if (!claim.active) return {};
  const Error taken = OrgFieldError(ErrorCode::kAlreadyExists, "error.org.region_taken", field,
                                    {{"region", claim.region}});
  // The same region or one around it, held by a federation off this org's line.
  ZJ_ASSIGN_OR_RETURN(auto around,
                      store::ActiveTerritoriesHolding(conn, RegionAndEnclosing(claim.region)));
  for (const auto& h : around) {
    if (IsRival(h, claim)) return Fail(taken);
  }
  // A federation's ground must not take in another's (a district claiming 1101 would hold every
  // district of the city); a union's region may well contain a street's.
  const auto kind = ParseOrgKind(claim.kind);
  if (!kind || !HoldsTerritory(*kind)) return {};
  const auto [low, high] = RegionRange(claim.region);
  ZJ_ASSIGN_OR_RETURN(auto inside, store::ActiveTerritoriesWithin(conn, low, high));
  for (const auto& h : inside) {
    if (IsRival(h, claim)) return Fail(taken);
  }
  return {};
}

std::vector<std::int64_t> IdsAbove(const store::OrgRow& org) {
  std::vector<std::int64_t> ids = OrgPath::FromStored(org.path).Ids();
  ids.pop_back();
  return ids;
}

}  // namespace

Result<void> CheckNewOrgRegion(store::Connection& conn, const std::string& kind,
                               const std::string& region,
                               const std::optional<store::OrgRow>& parent) {
  RegionClaim claim{region, kind, true, {}, std::nullopt};
  std::optional<std::string> enclosing;
  if (parent) {
    claim.above = OrgPath::FromStored(parent->path).Ids();
    ZJ_ASSIGN_OR_RETURN(enclosing, RegionAtOrAbove(conn, *parent));
  }
  return CheckClaim(conn, claim, enclosing, "region_code");
}

Result<void> CheckUpdatedOrgRegion(store::Connection& conn, const store::OrgRow& before,
                                   const store::OrgRow& after) {
  if (!after.region_code) return {};
  const bool moved_region = after.region_code != before.region_code;
  const bool reactivated = before.status != "active" && after.status == "active";
  if (!moved_region && !reactivated) return {};
  const OrgPath own = OrgPath::FromStored(after.path);
  RegionClaim claim{*after.region_code, after.kind, after.status == "active", IdsAbove(after), own};
  std::optional<std::string> enclosing;
  if (after.parent_id) {
    ZJ_ASSIGN_OR_RETURN(auto parent, store::FindOrgById(conn, *after.parent_id));
    if (parent) {
      ZJ_ASSIGN_OR_RETURN(enclosing, RegionAtOrAbove(conn, *parent));
    }
  }
  ZJ_RETURN_IF_ERROR(CheckClaim(conn, claim, enclosing, "region_code"));
  if (!moved_region) return {};
  ZJ_ASSIGN_OR_RETURN(auto below,
                      store::OrgsWithRegionIn(conn, own.SubtreeLow(), own.SubtreeHigh()));
  for (const auto& b : below) {
    if (b.id == after.id || RegionContains(*after.region_code, b.region_code)) continue;
    return Fail(OrgFieldError(
        ErrorCode::kInvalidArgument, "error.org.region_excludes_child", "region_code",
        {{"region", *after.region_code}, {"child", b.code}, {"child_region", b.region_code}}));
  }
  return {};
}

Result<void> CheckMovedOrgRegions(store::Connection& conn, const store::OrgRow& org,
                                  const store::OrgRow& new_parent) {
  const OrgPath subtree = OrgPath::FromStored(org.path);
  ZJ_ASSIGN_OR_RETURN(auto with_region,
                      store::OrgsWithRegionIn(conn, subtree.SubtreeLow(), subtree.SubtreeHigh()));
  ZJ_ASSIGN_OR_RETURN(auto enclosing, RegionAtOrAbove(conn, new_parent));
  const std::vector<std::int64_t> above = OrgPath::FromStored(new_parent.path).Ids();
  // In path order an org comes after the orgs above it: one whose region lies under another
  // region of the subtree keeps that one as its boundary, which moves along with it.
  std::vector<OrgPath> bounded;
  for (const auto& o : with_region) {
    const OrgPath path = OrgPath::FromStored(o.path);
    if (std::any_of(bounded.begin(), bounded.end(),
                    [&](const OrgPath& b) { return b.Contains(path); })) {
      continue;
    }
    bounded.push_back(path);
    RegionClaim claim{o.region_code, o.kind, o.status == "active", above, subtree};
    ZJ_RETURN_IF_ERROR(CheckClaim(conn, claim, enclosing, "parent_id"));
  }
  return {};
}

}  // namespace zj::app
