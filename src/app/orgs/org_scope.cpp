#include "app/orgs/org_scope.h"

#include "core/accounts/roles.h"
#include "core/orgs/org_path.h"

namespace zj::app {

namespace {

accounts::Role RoleOf(const Actor& actor) {
  return accounts::ParseRole(actor.role).value_or(accounts::Role::kWorker);
}

}  // namespace

bool SeesEverything(const Actor& actor) { return RoleOf(actor) == accounts::Role::kAdmin; }

bool PathInScope(const Actor& actor, const std::string& path) {
  if (SeesEverything(actor)) return true;
  if (actor.org_path.empty() || RoleOf(actor) == accounts::Role::kWorker) return false;
  return OrgPath::FromStored(actor.org_path).Contains(OrgPath::FromStored(path));
}

std::optional<std::pair<std::string, std::string>> ScopeRange(const Actor& actor) {
  // '/' < every digit < '0' + 1, so ["/", "0") holds every stored path.
  if (SeesEverything(actor)) return std::pair<std::string, std::string>{"/", "0"};
  if (actor.org_path.empty() || RoleOf(actor) == accounts::Role::kWorker) return std::nullopt;
  const OrgPath scope = OrgPath::FromStored(actor.org_path);
  return std::pair{scope.SubtreeLow(), scope.SubtreeHigh()};
}

Error OrgNotFound(const std::string& field, const std::string& what) {
  Error e{ErrorCode::kNotFound, "error.org.not_found", what + " not in scope", {}, {}};
  e.fields.push_back({field, "error.org.not_found", {}});
  return e;
}

Result<store::OrgRow> LoadOrgInScope(store::Connection& conn, const Actor& actor, std::int64_t id,
                                     const std::string& field) {
  ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(conn, id));
  if (!org || !PathInScope(actor, org->path)) {
    return Fail(OrgNotFound(field, "org " + std::to_string(id)));
  }
  return *org;
}

Result<void> MustManageOrgs(const Actor& actor) {
  if (!accounts::ManagesOrgs(RoleOf(actor))) {
    return Fail(ErrorCode::kPermissionDenied, "error.auth.forbidden",
                actor.role + " does not manage orgs");
  }
  return {};
}

Result<void> MustManageEnterprises(const Actor& actor) {
  if (!accounts::ManagesEnterprises(RoleOf(actor))) {
    return Fail(ErrorCode::kPermissionDenied, "error.auth.forbidden",
                actor.role + " does not manage enterprises");
  }
  return {};
}

}  // namespace zj::app
