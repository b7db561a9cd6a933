#include "core/orgs/org_path.h"

#include <algorithm>

namespace zj {

OrgPath OrgPath::Root(std::int64_t id) { return OrgPath("/" + std::to_string(id) + "/"); }

OrgPath OrgPath::Child(std::int64_t id) const { return OrgPath(text_ + std::to_string(id) + "/"); }

int OrgPath::Depth() const {
  return static_cast<int>(std::count(text_.begin(), text_.end(), '/')) - 1;
}

}  // namespace zj
