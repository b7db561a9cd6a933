#include "core/accounts/roles.h"

#include <array>
#include <utility>

namespace zj::accounts {

namespace {

constexpr std::array<std::pair<Role, std::string_view>, 5> kNames{{
    {Role::kWorker, "worker"},
    {Role::kCadre, "cadre"},
    {Role::kOperator, "operator"},
    {Role::kStaff, "staff"},
    {Role::kAdmin, "admin"},
}};

}  // namespace

std::optional<Role> ParseRole(std::string_view name) {
  for (const auto& [role, text] : kNames) {
    if (text == name) return role;
  }
  return std::nullopt;
}

std::string_view RoleName(Role role) {
  for (const auto& [r, text] : kNames) {
    if (r == role) return text;
  }
  return "worker";
}

bool CanManage(Role actor, Role target) {
  switch (actor) {
    case Role::kAdmin:
      return true;
    case Role::kStaff:
      return target == Role::kCadre || target == Role::kStaff || target == Role::kOperator;
    case Role::kWorker:
    case Role::kCadre:
    case Role::kOperator:
      return false;
  }
  return false;
}

bool ManagesAccounts(Role actor) { return actor == Role::kAdmin || actor == Role::kStaff; }

bool ManagesOrgs(Role actor) { return actor == Role::kAdmin || actor == Role::kStaff; }

bool ManagesEnterprises(Role actor) {
  return actor == Role::kAdmin || actor == Role::kStaff || actor == Role::kCadre;
}

bool NeedsOrg(Role role) { return role != Role::kWorker; }

bool IsStaffRole(Role role) { return role != Role::kWorker; }

}  // namespace zj::accounts
