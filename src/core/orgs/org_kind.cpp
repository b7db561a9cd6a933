#include "core/orgs/org_kind.h"

#include <array>
#include <utility>

namespace zj {

namespace {

constexpr std::array<std::pair<OrgKind, std::string_view>, 6> kNames{{
    {OrgKind::kMunicipal, "municipal"},
    {OrgKind::kDistrict, "district"},
    {OrgKind::kStreet, "street"},
    {OrgKind::kIndustry, "industry"},
    {OrgKind::kGrassroots, "grassroots"},
    {OrgKind::kGroup, "group"},
}};

}  // namespace

std::optional<OrgKind> ParseOrgKind(std::string_view text) {
  for (const auto& [kind, name] : kNames) {
    if (name == text) return kind;
  }
  return std::nullopt;
}

std::string_view OrgKindName(OrgKind kind) {
  for (const auto& [k, name] : kNames) {
    if (k == kind) return name;
  }
  return "";
}

bool MayHaveParent(OrgKind child, OrgKind parent) {
  switch (child) {
    case OrgKind::kMunicipal:
      return false;
    case OrgKind::kDistrict:
      return parent == OrgKind::kMunicipal;
    case OrgKind::kStreet:
      return parent == OrgKind::kDistrict;
    case OrgKind::kIndustry:
      return parent == OrgKind::kMunicipal || parent == OrgKind::kDistrict;
    case OrgKind::kGrassroots:
      return parent == OrgKind::kDistrict || parent == OrgKind::kStreet ||
             parent == OrgKind::kIndustry;
    case OrgKind::kGroup:
      return parent == OrgKind::kGrassroots;
  }
  return false;
}

bool MayBeRoot(OrgKind kind) { return kind == OrgKind::kMunicipal; }

bool HoldsTerritory(OrgKind kind) {
  return kind == OrgKind::kMunicipal || kind == OrgKind::kDistrict || kind == OrgKind::kStreet;
}

bool IsOrgStatus(std::string_view text) {
  return text == "active" || text == "merged" || text == "dissolved";
}

}  // namespace zj
