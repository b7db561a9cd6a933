// The kinds of org in the union tree and which kind may sit under which: municipal federation
// (root) → district → street/township → grassroots union → union group; industry unions under a
// municipal or district federation, with grassroots unions under them.
#pragma once

#include <optional>
#include <string_view>

namespace zj {

enum class OrgKind { kMunicipal, kDistrict, kStreet, kIndustry, kGrassroots, kGroup };

std::optional<OrgKind> ParseOrgKind(std::string_view text);
std::string_view OrgKindName(OrgKind kind);

//! True when an org of kind `child` may have a parent of kind `parent`.
bool MayHaveParent(OrgKind child, OrgKind parent);
//! True when an org of this kind may be a root (has no parent): only a municipal federation.
bool MayBeRoot(OrgKind kind);

//! True for the federations of an administrative region (municipal, district, street): each
//! holds its region alone. Unions are not: many grassroots or industry unions share a region.
bool HoldsTerritory(OrgKind kind);

//! Org status: active, merged or dissolved. Merged and dissolved orgs are kept for history.
bool IsOrgStatus(std::string_view text);

}  // namespace zj
