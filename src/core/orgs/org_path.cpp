#include "core/orgs/org_path.h"

#include <algorithm>

namespace zj {

OrgPath OrgPath::Root(std::int64_t id) { return OrgPath("/" + std::to_string(id) + "/"); }

OrgPath OrgPath::Child(std::int64_t id) const { return OrgPath(text_ + std::to_string(id) + "/"); }

std::vector<std::int64_t> OrgPath::Ids() const {
  std::vector<std::int64_t> ids;
  std::int64_t value = 0;
  bool digits = false;
  for (char c : text_) {
    if (c >= '0' && c <= '9') {
      value = value * 10 + (c - '0');
      digits = true;
    } else if (c == '/' && digits) {
      ids.push_back(value);
      value = 0;
      digits = false;
    }
  }
  return ids;
}

int OrgPath::Depth() const {
  return static_cast<int>(std::count(text_.begin(), text_.end(), '/')) - 1;
}

}  // namespace zj
