// Who an activity is open to (issue 22): by default every member of a union in the activity's
// org's subtree; or a chosen set of orgs (unions, streets, a district), each with its subtree,
// all of them within the activity's org's subtree (a district-wide activity is the district's:
// a street union cannot open one to its neighbours). A member outside the audience does not see
// the activity at all (404, as everywhere). Pure; the paths are the stored org paths.
#pragma once

#include <vector>

#include "core/orgs/org_path.h"
#include "core/result.h"

namespace zj::activities {

struct Audience {
  OrgPath org;                //!< the activity's org
  std::vector<OrgPath> orgs;  //!< chosen orgs; empty: the whole subtree of `org`
};

inline constexpr std::size_t kMaxAudienceOrgs = 200;

//! Field errors of the chosen orgs: "audience.<i>" key "error.activity.audience_outside" for an
//! org outside the activity's org's subtree, "audience" key "error.activity.audience_size" for
//! more than kMaxAudienceOrgs. Repeats and orgs inside another chosen one are harmless.
std::vector<FieldError> CheckAudience(const Audience& audience);

//! Whether a member of the union at `union_path` is in the audience.
bool OpenTo(const Audience& audience, const OrgPath& union_path);

}  // namespace zj::activities
