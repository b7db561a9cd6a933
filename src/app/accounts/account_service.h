// Accounts and sessions: creating users, signing in with a password, turning a session cookie
// back into the acting user, signing out. Every other use case receives the resulting Actor.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "app/accounts/actor.h"
#include "app/accounts/password.h"
#include "app/accounts/session_cache.h"
#include "app/clock.h"
#include "core/accounts/login_throttle.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

struct SessionGrant {
  std::string token;       //!< goes into the HttpOnly cookie; only its hash is stored
  std::string csrf_token;  //!< must accompany every unsafe request
  std::int64_t expires_at = 0;
  Actor actor;
};

struct SessionPolicy {
  std::int64_t idle_ms = 2LL * 3600 * 1000;       //!< signed out after this long unused
  std::int64_t absolute_ms = 12LL * 3600 * 1000;  //!< and this long after signing in at most
  std::int64_t touch_every_ms = 60LL * 1000;      //!< last-seen is written at most this often
  //! How long a session read from the store is trusted without reading it again (0: never);
  //! see session_cache.h for what ends it sooner.
  std::int64_t cache_ms = 1000;
};

struct NewUser {
  std::string username;
  std::string display_name;
  std::string password;
  std::string role;
  std::optional<std::int64_t> org_id;
};

class AuditService;

//! Sign-ins (also failed and throttled ones), sign-outs and password changes are written to
//! the audit log; a log that cannot be written is reported but does not lock users out.
class AccountService {
 public:
  AccountService(store::Database& db, const Clock& clock, Random& random, AuditService& audit,
                 PasswordCost cost, SessionPolicy policy = {},
                 accounts::ThrottlePolicy throttle = {})
      : db_(db),
        clock_(clock),
        random_(random),
        audit_(audit),
        cost_(cost),
        policy_(policy),
        throttle_(throttle),
        sessions_(policy.cache_ms) {}

  //! Recently read sessions; the other use cases that end sessions or change accounts or orgs
  //! tell it so.
  SessionCache& session_cache() { return sessions_; }

  //! Creates a user; kAlreadyExists when the username is taken.
  Result<std::int64_t> CreateUser(const NewUser& user);
  //! Sets a user's password (by username); kNotFound when there is no such user.
  Result<void> SetPassword(const std::string& username, const std::string& password);
  //! Signs in. A user name or password longer than any account's (core/text/field_limits.h) is
  //! kInvalidArgument "error.field.too_long" on its field, before anything is counted or
  //! audited. Wrong name or password (or a disabled account) is kUnauthenticated with
  //! "error.auth.invalid_credentials", the same for each so names cannot be probed. Too many
  //! recent failures for the name or from the address (core/accounts/login_throttle.h) is
  //! kResourceExhausted "error.too_many_requests" with args {seconds} and {retry_after}, decided
  //! before the password is looked at; such refusals are counted per window
  //! (AuditService::RecordThrottledOrLog), one audit entry per name or address and window.
  //! An account of the retired console role `worker` is kPermissionDenied
  //! "error.auth.use_portal" (workers sign in to the portal by phone).
  Result<SessionGrant> Login(const std::string& username, const std::string& password,
                             const std::string& remote_addr);
  //! The session behind a cookie token; kUnauthenticated when unknown, expired or disabled.
  Result<AuthenticatedSession> Authenticate(const std::string& token);
  //! Ends the session (idempotent).
  Result<void> Logout(const std::string& token);
  //! Ends the signed-in actor's session and records the sign-out.
  Result<void> Logout(const Actor& actor, const std::string& token);
  //! Ends every session of the signed-in user, this one included.
  Result<void> LogoutEverywhere(const Actor& actor);
  //! Changes the actor's own password: throttled like sign-in, the current password must match
  //! (else kInvalidArgument on field current_password), the new one must pass the policy; every
  //! other session of the user ends, the one with `token` stays.
  Result<void> ChangeOwnPassword(const Actor& actor, const std::string& token,
                                 const std::string& current_password,
                                 const std::string& new_password, const std::string& remote_addr);
  //! The user as an actor now (role and scope as they are today), for work done later on the
  //! user's behalf (a background job); kUnauthenticated when gone or disabled.
  Result<Actor> ActorOf(std::int64_t user_id);

 private:
  Result<Actor> LoadActor(store::Connection& conn, std::int64_t user_id);
  //! Whether (and why) the throttle refuses an attempt now.
  accounts::ThrottleVerdict Throttle(const std::string& username, const std::string& remote_addr);
  //! kResourceExhausted when the throttle refuses an attempt now.
  Result<void> CheckThrottle(const std::string& username, const std::string& remote_addr);
  void RecordFailure(const std::string& username, const std::string& remote_addr);
  void RecordSuccess(const std::string& username);

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;
  PasswordCost cost_;
  SessionPolicy policy_;
  std::mutex throttle_mutex_;
  accounts::LoginThrottle throttle_;  //!< guarded by throttle_mutex_
  SessionCache sessions_;
};

//! BLAKE2b of a session token, hex: what the sessions table stores instead of the token.
std::string HashSessionToken(const std::string& token);

}  // namespace zj::app
