#include "app/accounts/account_service.h"

#include <sodium.h>

#include "store/accounts.h"
#include "store/orgs.h"

namespace zj::app {

namespace {

Error InvalidCredentials() {
  return Error{
      ErrorCode::kUnauthenticated, "error.auth.invalid_credentials", "invalid credentials", {}, {}};
}

Error Unauthenticated(std::string why) {
  return Error{ErrorCode::kUnauthenticated, "error.auth.unauthenticated", std::move(why), {}, {}};
}

}  // namespace

std::string HashSessionToken(const std::string& token) {
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex);
}

Result<std::int64_t> AccountService::CreateUser(const NewUser& user) {
  ZJ_ASSIGN_OR_RETURN(std::string hash, HashPassword(user.password, cost_));
  store::UserRow row{NewId(clock_, random_),
                     user.username,
                     user.display_name,
                     hash,
                     user.role,
                     user.org_id,
                     "active",
                     clock_.NowMs()};
  ZJ_RETURN_IF_ERROR(
      store::InTransaction(db_, [&](store::Connection& c) { return store::InsertUser(c, row); }));
  return row.id;
}

Result<void> AccountService::SetPassword(const std::string& username, const std::string& password) {
  ZJ_ASSIGN_OR_RETURN(std::string hash, HashPassword(password, cost_));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<void> {
    ZJ_ASSIGN_OR_RETURN(auto user, store::FindUserByUsername(c, username));
    if (!user) return Fail(ErrorCode::kNotFound, "error.not_found", "no user " + username);
    return store::UpdateUserPassword(c, user->id, hash);
  });
}

Result<Actor> AccountService::LoadActor(store::Connection& conn, std::int64_t user_id) {
  ZJ_ASSIGN_OR_RETURN(auto user, store::FindUserById(conn, user_id));
  if (!user) return Fail(Unauthenticated("user gone"));
  if (user->status != "active") return Fail(Unauthenticated("account disabled"));
  Actor actor{user->id, user->username, user->display_name, user->role, user->org_id, {}, {}};
  if (user->org_id) {
    ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(conn, *user->org_id));
    if (org) {
      actor.org_name = org->name;
      actor.org_path = org->path;
    }
  }
  return actor;
}

Result<SessionGrant> AccountService::Login(const std::string& username, const std::string& password,
                                           const std::string& remote_addr) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto user, store::FindUserByUsername(*lease, username));
  if (!user) {
    // Spend the same time as a real check, so response times do not reveal which names exist.
    static const std::string dummy = *HashPassword("zhijia-timing-equaliser", cost_);
    (void)VerifyPassword(password, dummy);
    return Fail(InvalidCredentials());
  }
  if (!VerifyPassword(password, user->password_hash) || user->status != "active") {
    return Fail(InvalidCredentials());
  }
  ZJ_ASSIGN_OR_RETURN(Actor actor, LoadActor(*lease, user->id));
  const std::int64_t now = clock_.NowMs();
  SessionGrant grant{random_.Token(32), random_.Token(32), now + policy_.absolute_ms, actor};
  store::SessionRow row{HashSessionToken(grant.token),
                        user->id,
                        grant.csrf_token,
                        now,
                        now,
                        grant.expires_at,
                        remote_addr};
  ZJ_RETURN_IF_ERROR(store::InsertSession(*lease, row));
  return grant;
}

Result<AuthenticatedSession> AccountService::Authenticate(const std::string& token) {
  if (token.empty()) return Fail(Unauthenticated("no session cookie"));
  const std::string hash = HashSessionToken(token);
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto session, store::FindSession(*lease, hash));
  if (!session) return Fail(Unauthenticated("unknown session"));
  const std::int64_t now = clock_.NowMs();
  if (now >= session->expires_at || now - session->last_seen_at >= policy_.idle_ms) {
    (void)store::DeleteSession(*lease, hash);
    return Fail(Unauthenticated("session expired"));
  }
  ZJ_ASSIGN_OR_RETURN(Actor actor, LoadActor(*lease, session->user_id));
  if (now - session->last_seen_at >= policy_.touch_every_ms) {
    ZJ_RETURN_IF_ERROR(store::TouchSession(*lease, hash, now));
  }
  return AuthenticatedSession{std::move(actor), session->csrf_token};
}

Result<void> AccountService::Logout(const std::string& token) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  return store::DeleteSession(*lease, HashSessionToken(token));
}

}  // namespace zj::app
