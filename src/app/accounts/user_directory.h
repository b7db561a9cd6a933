// Managing accounts on behalf of an actor: listing, reading, creating, changing, disabling and
// resetting passwords of users, and picking an org for an account. Every call decides
// authorization from the Actor: an administrator sees every account and org; federation staff see
// the accounts and orgs of their org's subtree and manage cadre, operator and staff accounts
// there (core/accounts/roles.h); other roles manage nobody (kPermissionDenied). A user or org
// outside the actor's subtree is kNotFound, exactly as if it did not exist.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/account_service.h"
#include "app/accounts/contact_service.h"
#include "app/accounts/password.h"
#include "app/accounts/session_cache.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "core/result.h"
#include "store/accounts.h"
#include "store/database.h"

namespace zj::app {

//! An account as shown to those who manage it (never with its password hash).
struct UserView {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string role;
  std::string status;
  std::optional<std::int64_t> org_id;
  std::string org_code;
  std::string org_name;
  std::int64_t created_at = 0;
  std::optional<std::string> phone_masked;  //!< "138****5678"; absent when none is set
};

struct UserFilter {
  std::string q;                       //!< username or display name starts with this
  std::string role;                    //!< "" for any
  std::string status;                  //!< "" for any
  std::optional<std::int64_t> org_id;  //!< only this org's subtree (within the actor's)
  std::int64_t after_id = 0;           //!< the cursor: ids greater than this
  int limit = 50;                      //!< 1..200
};

struct UserPage {
  std::vector<UserView> items;
  std::optional<std::int64_t> next_cursor;  //!< pass as after_id for the next page
};

//! Only the members that are set change.
struct UserPatch {
  std::optional<std::string> display_name;
  std::optional<std::string> role;
  std::optional<std::string> status;  //!< "active" or "disabled"
  std::optional<std::int64_t> org_id;
};

//! An org offered by the account form's org picker.
struct OrgChoice {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  std::string kind;
  std::optional<std::int64_t> parent_id;
};

//! The actor the command line acts as: an administrator over everything.
Actor SystemActor();

class UserDirectory {
 public:
  UserDirectory(store::Database& db, const Clock& clock, Random& random, AuditService& audit,
                const ContactService& contacts, PasswordCost cost, SessionCache& sessions)
      : db_(db),
        clock_(clock),
        random_(random),
        audit_(audit),
        contacts_(contacts),
        cost_(cost),
        sessions_(sessions) {}

  //! Users in the actor's scope matching the filter, by ascending id.
  Result<UserPage> List(const Actor& actor, const UserFilter& filter);
  Result<UserView> Get(const Actor& actor, std::int64_t id);
  //! By user name (the command line's way of naming users).
  Result<UserView> GetByUsername(const Actor& actor, const std::string& username);
  //! Field errors (kInvalidArgument) for a malformed name, display name, role or password; a role
  //! the actor may not grant is kPermissionDenied; an org outside the scope is kNotFound with a
  //! field error on org_id; a taken name is kAlreadyExists on username.
  Result<UserView> Create(const Actor& actor, const NewUser& user);
  //! Changes a user. Nobody can disable themselves or change their own role or org
  //! (kPermissionDenied "error.users.self_demotion"). Disabling ends the user's sessions.
  Result<UserView> Update(const Actor& actor, std::int64_t id, const UserPatch& patch);
  //! Sets a new password (policy checked) and ends the user's sessions.
  Result<void> ResetPassword(const Actor& actor, std::int64_t id, const std::string& password);
  //! Orgs in the actor's scope whose name or code contains `q`, in tree order.
  Result<std::vector<OrgChoice>> SearchOrgs(const Actor& actor, const std::string& q, int limit);
  //! The id of the org with this code; kNotFound when there is none in the actor's scope.
  Result<std::int64_t> OrgIdByCode(const Actor& actor, const std::string& code);

 private:
  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;  //!< every change is recorded in its own transaction
  UserView ViewOf(const store::UserWithOrg& u) const;

  const ContactService& contacts_;  //!< masks sealed phone numbers
  PasswordCost cost_;
  SessionCache& sessions_;  //!< told after every committed change of an account
};

}  // namespace zj::app
