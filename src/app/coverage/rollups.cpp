#include "app/coverage/rollups.h"

#include "core/coverage/coverage_figures.h"
#include "core/orgs/org_path.h"
#include "store/coverage.h"

namespace zj::app {

Result<store::OrgRow> ResponsibleOrg(store::Connection& conn, const std::string& region_code,
                                     const std::optional<std::int64_t>& union_org_id) {
  if (union_org_id) {
    ZJ_ASSIGN_OR_RETURN(auto union_org, store::FindOrgById(conn, *union_org_id));
    if (union_org) return *union_org;
  }
  ZJ_ASSIGN_OR_RETURN(auto street, store::FindActiveOrgForRegion(conn, region_code, "street"));
  if (street) return *street;
  ZJ_ASSIGN_OR_RETURN(auto district,
                      store::FindActiveOrgForRegion(conn, region_code.substr(0, 6), "district"));
  if (district) return *district;
  Error e{ErrorCode::kFailedPrecondition,
          "error.enterprise.no_federation",
          "no federation for region " + region_code,
          {},
          {}};
  e.fields.push_back({"region_code", "error.enterprise.no_federation", {}});
  return Fail(std::move(e));
}

Result<void> ApplyContribution(store::Connection& conn, const store::EnterpriseRow& e, int sign) {
  coverage::Figures figures = coverage::Contribution(e.employees, e.union_org_id.has_value());
  if (sign < 0) figures = -figures;
  return store::AddToRollups(conn, OrgPath::FromStored(e.org_path).Ids(), e.industry,
                             e.federation_id, figures);
}

Result<void> RehomeRegion(store::Connection& conn, const std::string& region_code,
                          std::int64_t now_ms,
                          const std::optional<std::pair<std::string, std::string>>& scope) {
  if (!scope) return {};
  const auto in_scope = [&scope](const std::string& path) {
    return path >= scope->first && path < scope->second;
  };
  ZJ_ASSIGN_OR_RETURN(auto enterprises, store::EnterprisesInRegion(conn, region_code));
  for (store::EnterpriseRow e : enterprises) {
    if (e.union_org_id) continue;  // a unionised enterprise stays with its union
    if (!in_scope(e.org_path)) continue;
    ZJ_ASSIGN_OR_RETURN(store::OrgRow home, ResponsibleOrg(conn, e.region_code, std::nullopt));
    if (home.id == e.org_id && home.path == e.org_path) continue;
    const bool upward = OrgPath::FromStored(home.path).Contains(OrgPath::FromStored(e.org_path));
    if (!in_scope(home.path) && !upward) continue;
    ZJ_RETURN_IF_ERROR(ApplyContribution(conn, e, -1));
    e.org_id = home.id;
    e.org_path = home.path;
    e.federation_id = home.federation_id;
    e.updated_at = now_ms;
    ZJ_RETURN_IF_ERROR(store::UpdateEnterprise(conn, e));
    ZJ_RETURN_IF_ERROR(ApplyContribution(conn, e, +1));
  }
  return {};
}

}  // namespace zj::app
