#include "core/activities/audience.h"

#include <algorithm>
#include <string>

namespace zj::activities {

std::vector<FieldError> CheckAudience(const Audience& audience) {
  std::vector<FieldError> errors;
  if (audience.orgs.size() > kMaxAudienceOrgs) {
    errors.push_back(
        {"audience", "error.activity.audience_size", {{"max", std::to_string(kMaxAudienceOrgs)}}});
    return errors;
  }
  for (std::size_t i = 0; i < audience.orgs.size(); ++i) {
    if (!audience.org.Contains(audience.orgs[i])) {
      errors.push_back({"audience." + std::to_string(i), "error.activity.audience_outside", {}});
    }
  }
  return errors;
}

bool OpenTo(const Audience& audience, const OrgPath& union_path) {
  if (!audience.org.Contains(union_path)) return false;
  if (audience.orgs.empty()) return true;
  return std::any_of(audience.orgs.begin(), audience.orgs.end(),
                     [&](const OrgPath& o) { return o.Contains(union_path); });
}

}  // namespace zj::activities
