// The org scope of an actor, shared by the org, enterprise and coverage use cases: an
// administrator sees the whole tree, everyone else with an org the subtree of that org, and a
// worker nothing. Records outside the scope are kNotFound, exactly as if they did not exist.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/accounts/account_service.h"
#include "core/result.h"
#include "store/database.h"
#include "store/orgs.h"

namespace zj::app {

//! True for an administrator, whose scope is every org.
bool SeesEverything(const Actor& actor);
//! True when the stored path lies in the actor's scope.
bool PathInScope(const Actor& actor, const std::string& path);
//! The range [low, high) of org paths in the actor's scope; nullopt when it holds nothing.
//! An administrator's range covers every path.
std::optional<std::pair<std::string, std::string>> ScopeRange(const Actor& actor);

//! kNotFound ("error.org.not_found") naming `field`, for an org the actor cannot see.
Error OrgNotFound(const std::string& field, const std::string& what);
//! The org when it exists and lies in the actor's scope; else OrgNotFound(field).
Result<store::OrgRow> LoadOrgInScope(store::Connection& conn, const Actor& actor, std::int64_t id,
                                     const std::string& field = "id");

//! kPermissionDenied unless the actor may change orgs / enterprises.
Result<void> MustManageOrgs(const Actor& actor);
Result<void> MustManageEnterprises(const Actor& actor);

}  // namespace zj::app
