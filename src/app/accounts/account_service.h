// Accounts and sessions: creating users, signing in with a password, turning a session cookie
// back into the acting user, signing out. Every other use case receives the resulting Actor.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/accounts/password.h"
#include "app/clock.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

//! The signed-in user on whose behalf a use case runs.
struct Actor {
  std::int64_t user_id = 0;
  std::string username;
  std::string display_name;
  std::string role;  //!< worker, cadre, staff, operator, admin
  std::optional<std::int64_t> org_id;
  std::string org_name;
  std::string org_path;  //!< the subtree this actor may see (empty for a worker)
};

struct SessionGrant {
  std::string token;       //!< goes into the HttpOnly cookie; only its hash is stored
  std::string csrf_token;  //!< must accompany every unsafe request
  std::int64_t expires_at = 0;
  Actor actor;
};

struct AuthenticatedSession {
  Actor actor;
  std::string csrf_token;
};

struct SessionPolicy {
  std::int64_t idle_ms = 2LL * 3600 * 1000;       //!< signed out after this long unused
  std::int64_t absolute_ms = 12LL * 3600 * 1000;  //!< and this long after signing in at most
  std::int64_t touch_every_ms = 60LL * 1000;      //!< last-seen is written at most this often
};

struct NewUser {
  std::string username;
  std::string display_name;
  std::string password;
  std::string role;
  std::optional<std::int64_t> org_id;
};

class AccountService {
 public:
  AccountService(store::Database& db, const Clock& clock, Random& random, PasswordCost cost,
                 SessionPolicy policy = {})
      : db_(db), clock_(clock), random_(random), cost_(cost), policy_(policy) {}

  //! Creates a user; kAlreadyExists when the username is taken.
  Result<std::int64_t> CreateUser(const NewUser& user);
  //! Sets a user's password (by username); kNotFound when there is no such user.
  Result<void> SetPassword(const std::string& username, const std::string& password);
  //! Signs in. Wrong name or password (or a disabled account) is kUnauthenticated with
  //! "error.auth.invalid_credentials", the same for each so names cannot be probed.
  Result<SessionGrant> Login(const std::string& username, const std::string& password,
                             const std::string& remote_addr);
  //! The session behind a cookie token; kUnauthenticated when unknown, expired or disabled.
  Result<AuthenticatedSession> Authenticate(const std::string& token);
  //! Ends the session (idempotent).
  Result<void> Logout(const std::string& token);

 private:
  Result<Actor> LoadActor(store::Connection& conn, std::int64_t user_id);

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  PasswordCost cost_;
  SessionPolicy policy_;
};

//! BLAKE2b of a session token, hex: what the sessions table stores instead of the token.
std::string HashSessionToken(const std::string& token);

}  // namespace zj::app
