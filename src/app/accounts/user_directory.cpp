#include "app/accounts/user_directory.h"

#include "app/accounts/common_passwords.h"
#include "app/orgs/org_scope.h"
#include "core/accounts/account_fields.h"
#include "core/accounts/password_policy.h"
#include "core/accounts/roles.h"
#include "core/orgs/org_path.h"
#include "core/text/field_limits.h"
#include "store/accounts.h"
#include "store/orgs.h"

namespace zj::app {

namespace {

using accounts::Role;

constexpr int kMaxLimit = 200;

Error Invalid() { return Error{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}}; }

Error Forbidden(std::string why) {
  return Error{ErrorCode::kPermissionDenied, "error.auth.forbidden", std::move(why), {}, {}};
}

Error NotFound(std::string what) {
  return Error{ErrorCode::kNotFound, "error.not_found", std::move(what), {}, {}};
}

//! kNotFound naming the org_id field: the org does not exist for this actor.
Error OrgNotFound(std::int64_t id) {
  Error e = NotFound("org " + std::to_string(id) + " not in scope");
  e.fields.push_back({"org_id", "error.org.not_found", {}});
  return e;
}

Role ActorRole(const Actor& actor) {
  return accounts::ParseRole(actor.role).value_or(Role::kWorker);
}

//! True when an org with stored path `path` lies in the actor's scope (org_scope.h); users
//! without an org are seen by administrators only.
bool InScope(const Actor& actor, const std::optional<std::string>& path) {
  return SeesEverything(actor) || (path && PathInScope(actor, *path));
}

Result<void> MustManageAccounts(const Actor& actor) {
  if (!accounts::ManagesAccounts(ActorRole(actor))) {
    return Fail(Forbidden(actor.role + " does not manage accounts"));
  }
  return {};
}

//! The user, when it exists and lies in the actor's scope.
Result<store::UserWithOrg> LoadInScope(store::Connection& c, const Actor& actor, std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(auto user, store::FindUserWithOrg(c, id));
  if (!user || !InScope(actor, user->org_path)) {
    return Fail(NotFound("user " + std::to_string(id)));
  }
  return *user;
}

//! The org, when it exists and lies in the actor's scope; else kNotFound on field org_id.
Result<store::OrgRow> OrgInScope(store::Connection& c, const Actor& actor, std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(c, id));
  if (!org || !InScope(actor, org->path)) return Fail(OrgNotFound(id));
  return *org;
}

Result<void> ForgetSessions(store::Connection& c, std::int64_t user_id) {
  ZJ_RETURN_IF_ERROR(store::DeleteSessionsOfUser(c, user_id));
  return {};
}

}  // namespace

Actor SystemActor() {
  return Actor{0, "system", "system", "admin", std::nullopt, "", "", "", {}, {}};
}

UserView UserDirectory::ViewOf(const store::UserWithOrg& u) const {
  UserView view{
      u.user.id,         u.user.username, u.user.display_name,     u.user.role,
      u.user.status,     u.user.org_id,   u.org_code.value_or(""), u.org_name.value_or(""),
      u.user.created_at, std::nullopt};
  if (u.phone_cipher) view.phone_masked = contacts_.MaskSealed(*u.phone_cipher);
  return view;
}

Result<UserPage> UserDirectory::List(const Actor& actor, const UserFilter& filter) {
  ZJ_RETURN_IF_ERROR(MustManageAccounts(actor));
  Error invalid = Invalid();
  if (filter.limit < 1 || filter.limit > kMaxLimit) {
    invalid.fields.push_back(
        {"limit", "error.field.out_of_range", {{"min", "1"}, {"max", std::to_string(kMaxLimit)}}});
  }
  if (auto e = text::CheckLength("q", filter.q, text::TextKind::kSearch)) {
    invalid.fields.push_back(std::move(*e));
  }
  if (!filter.role.empty() && !accounts::ParseRole(filter.role)) {
    invalid.fields.push_back({"role", "error.role.invalid", {}});
  }
  if (!filter.status.empty() && filter.status != "active" && filter.status != "disabled") {
    invalid.fields.push_back({"status", "error.status.invalid", {}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));

  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::UserQuery query;
  query.everywhere = SeesEverything(actor);
  if (!query.everywhere) {
    if (actor.org_path.empty()) return UserPage{};
    const OrgPath scope = OrgPath::FromStored(actor.org_path);
    query.subtree_low = scope.SubtreeLow();
    query.subtree_high = scope.SubtreeHigh();
  }
  if (filter.org_id) {
    ZJ_ASSIGN_OR_RETURN(store::OrgRow org, OrgInScope(*lease, actor, *filter.org_id));
    const OrgPath within = OrgPath::FromStored(org.path);
    query.everywhere = false;
    query.subtree_low = within.SubtreeLow();
    query.subtree_high = within.SubtreeHigh();
  }
  query.prefix = filter.q;
  query.role = filter.role;
  query.status = filter.status;
  query.after_id = filter.after_id;
  query.limit = filter.limit + 1;  // one more tells whether there is a next page
  ZJ_ASSIGN_OR_RETURN(auto rows, store::ListUsers(*lease, query));
  UserPage page;
  for (const auto& row : rows) {
    if (static_cast<int>(page.items.size()) == filter.limit) {
      page.next_cursor = page.items.back().id;
      break;
    }
    page.items.push_back(ViewOf(row));
  }
  return page;
}

Result<UserView> UserDirectory::Get(const Actor& actor, std::int64_t id) {
  ZJ_RETURN_IF_ERROR(MustManageAccounts(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::UserWithOrg user, LoadInScope(*lease, actor, id));
  return ViewOf(user);
}

Result<UserView> UserDirectory::GetByUsername(const Actor& actor, const std::string& username) {
  ZJ_RETURN_IF_ERROR(MustManageAccounts(actor));
  std::int64_t id = 0;
  {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
    ZJ_ASSIGN_OR_RETURN(auto user, store::FindUserByUsername(*lease, username));
    if (!user) return Fail(NotFound("user " + username));
    id = user->id;
  }
  return Get(actor, id);
}

Result<UserView> UserDirectory::Create(const Actor& actor, const NewUser& user) {
  ZJ_RETURN_IF_ERROR(MustManageAccounts(actor));
  Error invalid = Invalid();
  if (auto e = accounts::CheckUsername(user.username)) invalid.fields.push_back(*e);
  if (auto e = accounts::CheckDisplayName(user.display_name)) invalid.fields.push_back(*e);
  const auto role = accounts::ParseRole(user.role);
  if (!role) invalid.fields.push_back({"role", "error.role.invalid", {}});
  if (role && !accounts::IsStaffRole(*role)) {
    invalid.fields.push_back({"role", "error.role.worker_retired", {}});
  }
  if (role && accounts::NeedsOrg(*role) && !user.org_id) {
    invalid.fields.push_back({"org_id", "error.field.required", {}});
  }
  for (auto& e : accounts::CheckPassword(user.password, user.username, BuiltinCommonPasswords())) {
    invalid.fields.push_back(std::move(e));
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  if (!accounts::CanManage(ActorRole(actor), *role)) {
    return Fail(Forbidden(actor.role + " may not create " + user.role));
  }
  ZJ_ASSIGN_OR_RETURN(std::string hash, HashPassword(user.password, cost_));
  store::UserRow row{NewId(clock_, random_),
                     user.username,
                     user.display_name,
                     hash,
                     user.role,
                     user.org_id,
                     "active",
                     clock_.NowMs()};
  auto created = store::InTransaction(db_, [&](store::Connection& c) -> Result<UserView> {
    if (user.org_id) ZJ_RETURN_IF_ERROR(OrgInScope(c, actor, *user.org_id));
    ZJ_RETURN_IF_ERROR(store::InsertUser(c, row));
    ZJ_ASSIGN_OR_RETURN(store::UserWithOrg stored, LoadInScope(c, actor, row.id));
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor),
                                     AuditEvent{"user.create",
                                                "user",
                                                std::to_string(row.id),
                                                "ok",
                                                {},
                                                {{"username", row.username},
                                                 {"role", row.role},
                                                 {"org", stored.org_code.value_or("")}}}));
    return ViewOf(stored);
  });
  if (!created && created.error().code == ErrorCode::kAlreadyExists) {
    Error taken{ErrorCode::kAlreadyExists,
                "error.username.taken",
                "username " + user.username,
                {{"username", "error.username.taken", {}}},
                {}};
    return Fail(std::move(taken));
  }
  return created;
}

Result<UserView> UserDirectory::Update(const Actor& actor, std::int64_t id,
                                       const UserPatch& patch) {
  ZJ_RETURN_IF_ERROR(MustManageAccounts(actor));
  Error invalid = Invalid();
  if (patch.display_name) {
    if (auto e = accounts::CheckDisplayName(*patch.display_name)) invalid.fields.push_back(*e);
  }
  std::optional<Role> new_role;
  if (patch.role) {
    new_role = accounts::ParseRole(*patch.role);
    if (!new_role) invalid.fields.push_back({"role", "error.role.invalid", {}});
    if (new_role && !accounts::IsStaffRole(*new_role)) {
      invalid.fields.push_back({"role", "error.role.worker_retired", {}});
    }
  }
  if (patch.status && *patch.status != "active" && *patch.status != "disabled") {
    invalid.fields.push_back({"status", "error.status.invalid", {}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));

  auto updated = store::InTransaction(db_, [&](store::Connection& c) -> Result<UserView> {
    ZJ_ASSIGN_OR_RETURN(store::UserWithOrg target, LoadInScope(c, actor, id));
    const Role current = accounts::ParseRole(target.user.role).value_or(Role::kWorker);
    if (!accounts::CanManage(ActorRole(actor), current)) {
      return Fail(Forbidden(actor.role + " may not manage " + target.user.role));
    }
    const bool self = target.user.id == actor.user_id;
    const bool demotes = (patch.status && *patch.status == "disabled") ||
                         (patch.role && *patch.role != target.user.role) ||
                         (patch.org_id && patch.org_id != target.user.org_id);
    if (self && demotes) {
      return Fail(Error{ErrorCode::kPermissionDenied,
                        "error.users.self_demotion",
                        "own status, role or org",
                        {},
                        {}});
    }
    if (new_role && !accounts::CanManage(ActorRole(actor), *new_role)) {
      return Fail(Forbidden(actor.role + " may not grant " + *patch.role));
    }
    store::UserRow row = target.user;
    if (patch.display_name) row.display_name = *patch.display_name;
    if (patch.role) row.role = *patch.role;
    if (patch.status) row.status = *patch.status;
    if (patch.org_id) {
      ZJ_RETURN_IF_ERROR(OrgInScope(c, actor, *patch.org_id));
      row.org_id = patch.org_id;
    }
    if (accounts::NeedsOrg(accounts::ParseRole(row.role).value_or(Role::kWorker)) && !row.org_id) {
      Error missing = Invalid();
      missing.fields.push_back({"org_id", "error.field.required", {}});
      return Fail(std::move(missing));
    }
    ZJ_RETURN_IF_ERROR(store::UpdateUser(c, row));
    if (row.status == "disabled") ZJ_RETURN_IF_ERROR(ForgetSessions(c, row.id));
    ZJ_ASSIGN_OR_RETURN(store::UserWithOrg stored, LoadInScope(c, SystemActor(), row.id));
    // What changed, old → new; a role change is its own action so it can be searched for.
    AuditEvent event{row.role != target.user.role ? "user.role.change" : "user.update",
                     "user",
                     std::to_string(row.id),
                     "ok",
                     {},
                     {{"username", row.username}}};
    const auto changed = [&event](const char* field, const std::string& from,
                                  const std::string& to) {
      if (from != to) event.detail.emplace_back(field, from + " → " + to);
    };
    changed("display_name", target.user.display_name, row.display_name);
    changed("role", target.user.role, row.role);
    changed("status", target.user.status, row.status);
    changed("org", target.org_code.value_or(""), stored.org_code.value_or(""));
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor), event));
    return ViewOf(stored);
  });
  // A role, org or status the signed-in sessions must not keep.
  if (updated) sessions_.ForgetUser(id);
  return updated;
}

Result<void> UserDirectory::ResetPassword(const Actor& actor, std::int64_t id,
                                          const std::string& password) {
  ZJ_RETURN_IF_ERROR(MustManageAccounts(actor));
  std::string username;
  {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
    ZJ_ASSIGN_OR_RETURN(store::UserWithOrg target, LoadInScope(*lease, actor, id));
    const Role role = accounts::ParseRole(target.user.role).value_or(Role::kWorker);
    if (!accounts::CanManage(ActorRole(actor), role)) {
      return Fail(Forbidden(actor.role + " may not manage " + target.user.role));
    }
    username = target.user.username;
  }
  if (auto errors = accounts::CheckPassword(password, username, BuiltinCommonPasswords());
      !errors.empty()) {
    Error invalid = Invalid();
    invalid.fields = std::move(errors);
    return Fail(std::move(invalid));
  }
  ZJ_ASSIGN_OR_RETURN(std::string hash, HashPassword(password, cost_));
  auto reset = store::InTransaction(db_, [&](store::Connection& c) -> Result<void> {
    ZJ_RETURN_IF_ERROR(LoadInScope(c, actor, id));
    ZJ_RETURN_IF_ERROR(store::UpdateUserPassword(c, id, hash));
    ZJ_RETURN_IF_ERROR(ForgetSessions(c, id));
    return audit_.Record(
        c, AuditActor::From(actor),
        AuditEvent{
            "user.password.reset", "user", std::to_string(id), "ok", {}, {{"username", username}}});
  });
  if (reset) sessions_.ForgetUser(id);
  return reset;
}

Result<std::vector<OrgChoice>> UserDirectory::SearchOrgs(const Actor& actor, const std::string& q,
                                                         int limit) {
  Error invalid = Invalid();
  if (limit < 1 || limit > kMaxLimit) {
    invalid.fields.push_back(
        {"limit", "error.field.out_of_range", {{"min", "1"}, {"max", std::to_string(kMaxLimit)}}});
  }
  if (auto e = text::CheckLength("q", q, text::TextKind::kSearch)) {
    invalid.fields.push_back(std::move(*e));
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  store::OrgQuery query;
  query.everywhere = SeesEverything(actor);
  if (!query.everywhere) {
    if (actor.org_path.empty()) return std::vector<OrgChoice>{};
    const OrgPath scope = OrgPath::FromStored(actor.org_path);
    query.subtree_low = scope.SubtreeLow();
    query.subtree_high = scope.SubtreeHigh();
  }
  query.contains = q;
  query.limit = limit;
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto rows, store::SearchOrgs(*lease, query));
  std::vector<OrgChoice> out;
  out.reserve(rows.size());
  for (const auto& o : rows) out.push_back({o.id, o.code, o.name, o.kind, o.parent_id});
  return out;
}

Result<std::int64_t> UserDirectory::OrgIdByCode(const Actor& actor, const std::string& code) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgByCode(*lease, code));
  if (!org || !InScope(actor, org->path)) {
    Error e = NotFound("org " + code);
    e.fields.push_back({"org", "error.org.not_found", {}});
    return Fail(std::move(e));
  }
  return org->id;
}

}  // namespace zj::app
