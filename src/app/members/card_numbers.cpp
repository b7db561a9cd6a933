#include "app/members/card_numbers.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace zj::members {

namespace {

constexpr std::string_view kFallbackRegion = "110000";

std::optional<std::string> Region6(const std::optional<std::string>& code) {
  if (!code || code->size() < 6) return std::nullopt;
  const std::string six = code->substr(0, 6);
  const bool digits =
      std::all_of(six.begin(), six.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
  if (!digits) return std::nullopt;
  return six;
}

}  // namespace

Result<std::string> CardRegionOf(store::Connection& conn, const store::OrgRow& union_org) {
  std::optional<store::OrgRow> org = union_org;
  // The tree is shallow (municipal → district → street → union); the bound guards a cycle.
  for (int depth = 0; org && depth < 32; ++depth) {
    if (auto six = Region6(org->region_code)) return *six;
    if (!org->parent_id) break;
    ZJ_ASSIGN_OR_RETURN(org, store::FindOrgById(conn, *org->parent_id));
  }
  return std::string(kFallbackRegion);
}

}  // namespace zj::members
