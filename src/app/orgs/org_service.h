// The union tree as use cases: reading an org with its ancestors, listing children for a lazily
// loaded tree, creating orgs, changing their details and status (merged and dissolved orgs are
// kept, never deleted), and moving a subtree under another parent as one operation that keeps
// paths and coverage rollups right. Reads are allowed within the actor's org subtree, writes to
// staff and administrators (kPermissionDenied otherwise); an org outside the subtree is
// kNotFound. Every write is audited and recorded in the org's history in its own transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/account_service.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "core/regions/region_table.h"
#include "core/result.h"
#include "store/database.h"
#include "store/orgs.h"

namespace zj::app {

struct OrgRef {
  std::int64_t id = 0;
  std::string code;
  std::string name;
};

//! An org as shown to an actor: ancestors and parent only where they lie in the actor's scope.
struct OrgView {
  store::OrgRow org;
  std::optional<OrgRef> parent;
  std::vector<OrgRef> ancestors;  //!< root first, within the actor's scope, without the org
  std::string region_name;        //!< "" when there is no region
  std::int64_t child_count = 0;
};

//! A node of the lazily loaded tree.
struct OrgNode {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  std::string kind;
  std::string status;
  bool has_children = false;
};

struct NewOrg {
  std::string code;
  std::string name;
  std::string kind;
  std::optional<std::int64_t> parent_id;  //!< none: a new root (administrators only)
  std::optional<std::string> region_code;
  std::optional<std::string> founded_on;
  std::optional<std::string> chair;
  std::optional<std::string> contact;
};

//! Only the members that are set change; an empty string clears an optional text.
struct OrgPatch {
  std::optional<std::string> name;
  std::optional<std::string> region_code;
  std::optional<std::string> founded_on;
  std::optional<std::string> chair;
  std::optional<std::string> contact;
  std::optional<std::string> status;  //!< active, merged, dissolved
};

class OrgService {
 public:
  OrgService(store::Database& db, const Clock& clock, Random& random, AuditService& audit,
             const RegionTable& regions, SessionCache& sessions)
      : db_(db),
        clock_(clock),
        random_(random),
        audit_(audit),
        regions_(regions),
        sessions_(sessions) {}

  Result<OrgView> Get(const Actor& actor, std::int64_t id);
  //! The children of `parent_id`; without one, the actor's own org (administrators: the roots).
  Result<std::vector<OrgNode>> Children(const Actor& actor, std::optional<std::int64_t> parent_id);
  //! Field errors for a bad code, name, kind, region (not in GB/T 2260, or breaking the region
  //! rules of app/orgs/org_regions.h), date, or a parent whose kind may not hold this kind;
  //! kAlreadyExists on field code for a taken code.
  Result<OrgView> Create(const Actor& actor, const NewOrg& org, const store::InCommit& also = {});
  //! Dissolving or merging an org with active children is kFailedPrecondition on field status;
  //! enterprises of a dissolved union become not unionised (their figures move accordingly).
  //! A new region, or a return to active holding one, must keep the region rules.
  Result<OrgView> Update(const Actor& actor, std::int64_t id, const OrgPatch& patch);
  //! Moving under the org itself or a descendant is kInvalidArgument on field parent_id
  //! ("error.org.cycle"), and changes nothing; so is a region of the subtree that would break the
  //! region rules under the new parent. Every stored path of the subtree follows it
  //! (store/org_paths.h), and so do its figures and its requests (org_move.cpp).
  Result<OrgView> Move(const Actor& actor, std::int64_t id, std::int64_t new_parent_id);
  //! The id of the org with this code in the actor's scope; kNotFound on field `field`.
  Result<std::int64_t> IdByCode(const Actor& actor, const std::string& code,
                                const std::string& field = "code");

 private:
  Result<OrgView> ViewOf(store::Connection& conn, const Actor& actor, const store::OrgRow& org);
  Result<void> Record(store::Connection& conn, const Actor& actor, const store::OrgRow& org,
                      const std::string& event,
                      const std::vector<std::pair<std::string, std::string>>& detail);

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;
  const RegionTable& regions_;
  SessionCache& sessions_;  //!< cleared when an org is renamed, closed or moved
};

}  // namespace zj::app
