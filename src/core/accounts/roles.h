// The roles of Zhijia accounts and who may manage whom. Pure rules: app/ applies them to every
// read and write of accounts, together with the org scope (a subtree of the union tree).
#pragma once

#include <optional>
#include <string_view>

namespace zj::accounts {

//! Ordered from the narrowest to the widest rights.
enum class Role { kWorker, kCadre, kOperator, kStaff, kAdmin };

//! The role named `name` ("worker", "cadre", "staff", "operator", "admin"), or nullopt.
std::optional<Role> ParseRole(std::string_view name);

//! The stored, lower-case name of a role.
std::string_view RoleName(Role role);

//! True when an account in role `actor` may create, change, disable or reset the password of an
//! account in role `target` (its org must also lie in the actor's subtree): an administrator
//! manages every role; federation staff manage cadres, operators and other staff; nobody else
//! manages accounts.
bool CanManage(Role actor, Role target);

//! True when the role may look at and manage accounts at all (admin, staff).
bool ManagesAccounts(Role actor);

//! True when the role may create and change orgs of its subtree (admin, staff).
bool ManagesOrgs(Role actor);

//! True when the role may record and change enterprises of its subtree (admin, staff, cadre).
bool ManagesEnterprises(Role actor);

//! True when the role must be bound to an org (every role but worker).
bool NeedsOrg(Role role);

//! True for the roles of console (staff) accounts: every role but worker. Workers have their
//! own accounts, signed in by phone (app/worker_accounts); `worker` stays a role name so that
//! older `users` rows still parse, but no console account is given it any more.
bool IsStaffRole(Role role);

}  // namespace zj::accounts
