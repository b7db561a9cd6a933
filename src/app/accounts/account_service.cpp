#include "app/accounts/account_service.h"

#include <sodium.h>

#include "app/accounts/common_passwords.h"
#include "app/audit/audit_service.h"
#include "core/accounts/password_policy.h"
#include "core/text/field_limits.h"
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

// The audit entry of a sign-in attempt. An attempt on an existing account belongs to that
// account's subtree (so its staff see attacks on it); one on an unknown name to the system.
AuditActor AttemptBy(store::Connection& conn, const std::string& username,
                     const std::optional<store::UserRow>& user) {
  AuditActor who{std::nullopt, username, "", ""};
  if (!user) return who;
  who.user_id = user->id;
  if (user->org_id) {
    if (auto org = store::FindOrgById(conn, *user->org_id); org && *org)
      who.org_path = (*org)->path;
  }
  return who;
}

Error Throttled(std::int64_t wait_ms) {
  const std::string seconds = std::to_string((wait_ms + 999) / 1000);
  return Error{ErrorCode::kResourceExhausted,
               "error.too_many_requests",
               "sign-in throttled",
               {},
               {{"seconds", seconds}, {"retry_after", seconds}}};
}

//! Field errors for a user name or password longer than any account can have: such an attempt
//! is refused before it is counted, audited or hashed (a name of 900 KB is no one's).
Error CredentialLengths(const std::string& username, const std::string& password,
                        const char* password_field) {
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "credentials too long", {}, {}};
  if (auto e = text::CheckLength("username", username, text::TextKind::kUsername)) {
    invalid.fields.push_back(std::move(*e));
  }
  if (auto e = text::CheckLength(password_field, password, text::TextKind::kPassword)) {
    invalid.fields.push_back(std::move(*e));
  }
  return invalid;
}

AuditEvent SessionEvent(std::string action, std::string outcome, const std::string& remote_addr,
                        std::string reason = {}) {
  AuditEvent event{std::move(action), "session", "", std::move(outcome), remote_addr, {}};
  if (!reason.empty()) event.detail.emplace_back("reason", std::move(reason));
  return event;
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
  // One statement (user joined with its org): this runs for every authenticated request.
  ZJ_ASSIGN_OR_RETURN(auto found, store::FindUserWithOrg(conn, user_id));
  if (!found) return Fail(Unauthenticated("user gone"));
  const store::UserRow& user = found->user;
  if (user.status != "active") return Fail(Unauthenticated("account disabled"));
  if (user.role == "worker") return Fail(Unauthenticated("worker role retired from the console"));
  Actor actor{user.id, user.username, user.display_name, user.role, user.org_id, {}, {}, {}, {},
              {}};
  if (user.org_id && found->org_path) {
    actor.org_name = found->org_name.value_or("");
    actor.org_path = *found->org_path;
  }
  return actor;
}

accounts::ThrottleVerdict AccountService::Throttle(const std::string& username,
                                                   const std::string& remote_addr) {
  std::lock_guard lock(throttle_mutex_);
  return throttle_.Check(username, remote_addr, clock_.NowMs());
}

Result<Actor> AccountService::ActorOf(std::int64_t user_id) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  return LoadActor(*lease, user_id);
}

Result<void> AccountService::CheckThrottle(const std::string& username,
                                           const std::string& remote_addr) {
  const std::int64_t wait_ms = Throttle(username, remote_addr).retry_after_ms;
  if (wait_ms <= 0) return {};
  return Fail(Throttled(wait_ms));
}

void AccountService::RecordFailure(const std::string& username, const std::string& remote_addr) {
  std::lock_guard lock(throttle_mutex_);
  throttle_.RecordFailure(username, remote_addr, clock_.NowMs());
}

void AccountService::RecordSuccess(const std::string& username) {
  std::lock_guard lock(throttle_mutex_);
  throttle_.RecordSuccess(username);
}

Result<SessionGrant> AccountService::Login(const std::string& username, const std::string& password,
                                           const std::string& remote_addr) {
  if (Error invalid = CredentialLengths(username, password, "password"); !invalid.fields.empty()) {
    return Fail(std::move(invalid));
  }
  if (const auto verdict = Throttle(username, remote_addr); verdict.retry_after_ms > 0) {
    // Counted per window, not written once per attempt: refused attempts cannot flood the log.
    const bool by_address = verdict.by == accounts::ThrottledBy::kAddress;
    audit_.RecordThrottledOrLog(AuditActor{std::nullopt, username, "", ""},
                                SessionEvent("session.login", "denied", remote_addr, "throttled"),
                                by_address ? "address:" + remote_addr : "name:" + username,
                                throttle_.policy().window_ms);
    return Fail(Throttled(verdict.retry_after_ms));
  }
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto user, store::FindUserByUsername(*lease, username));
  std::string failure;
  if (!user) {
    // Spend the same time as a real check, so response times do not reveal which names exist.
    static const std::string dummy = *HashPassword("zhijia-timing-equaliser", cost_);
    (void)VerifyPassword(password, dummy);
    failure = "unknown_user";
  } else if (!VerifyPassword(password, user->password_hash)) {
    failure = "wrong_password";
  } else if (user->status != "active") {
    failure = "disabled";
  } else if (user->role == "worker") {
    // Workers sign in to the portal by phone (app/worker_accounts); the console's role
    // `worker` is retired, and a right password only says where to go instead.
    RecordSuccess(username);
    audit_.RecordOrLog(AttemptBy(*lease, username, user),
                       SessionEvent("session.login", "denied", remote_addr, "worker_role"));
    return Fail(ErrorCode::kPermissionDenied, "error.auth.use_portal", "worker role retired");
  }
  if (!failure.empty()) {
    RecordFailure(username, remote_addr);
    audit_.RecordOrLog(AttemptBy(*lease, username, user),
                       SessionEvent("session.login", "failed", remote_addr, failure));
    return Fail(InvalidCredentials());
  }
  RecordSuccess(username);
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
  audit_.RecordOrLog(AuditActor::From(actor), SessionEvent("session.login", "ok", remote_addr));
  return grant;
}

Result<AuthenticatedSession> AccountService::Authenticate(const std::string& token) {
  if (token.empty()) return Fail(Unauthenticated("no session cookie"));
  const std::string hash = HashSessionToken(token);
  const std::int64_t now = clock_.NowMs();
  const auto lapsed = [&](std::int64_t expires_at, std::int64_t last_seen_at) {
    return now >= expires_at || now - last_seen_at >= policy_.idle_ms;
  };
  auto cached = sessions_.Find(hash, now);
  if (cached && !lapsed(cached->expires_at, cached->last_seen_at) &&
      now - cached->last_seen_at < policy_.touch_every_ms) {
    return std::move(cached->session);
  }
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  // Every request passes here: the session, its user and org are read on one snapshot.
  store::ReadSnapshot snapshot(*lease);
  ZJ_ASSIGN_OR_RETURN(auto session, store::FindSession(*lease, hash));
  if (!session) {
    sessions_.Forget(hash);
    return Fail(Unauthenticated("unknown session"));
  }
  if (lapsed(session->expires_at, session->last_seen_at)) {
    snapshot.End();
    sessions_.Forget(hash);
    (void)store::DeleteSession(*lease, hash);
    return Fail(Unauthenticated("session expired"));
  }
  ZJ_ASSIGN_OR_RETURN(Actor actor, LoadActor(*lease, session->user_id));
  snapshot.End();
  std::int64_t last_seen_at = session->last_seen_at;
  if (now - last_seen_at >= policy_.touch_every_ms) {
    ZJ_RETURN_IF_ERROR(store::TouchSession(*lease, hash, now));
    last_seen_at = now;
  }
  AuthenticatedSession out{std::move(actor), session->csrf_token};
  sessions_.Put(hash, {out, last_seen_at, session->expires_at}, now);
  return out;
}

Result<void> AccountService::Logout(const std::string& token) {
  const std::string hash = HashSessionToken(token);
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_RETURN_IF_ERROR(store::DeleteSession(*lease, hash));
  sessions_.Forget(hash);  // after the delete, so a concurrent read cannot cache it again
  return {};
}

Result<void> AccountService::Logout(const Actor& actor, const std::string& token) {
  ZJ_RETURN_IF_ERROR(Logout(token));
  audit_.RecordOrLog(AuditActor::From(actor), SessionEvent("session.logout", "ok", {}));
  return {};
}

Result<void> AccountService::LogoutEverywhere(const Actor& actor) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_RETURN_IF_ERROR(store::DeleteSessionsOfUser(*lease, actor.user_id));
  sessions_.ForgetUser(actor.user_id);
  audit_.RecordOrLog(AuditActor::From(actor), SessionEvent("session.logout_everywhere", "ok", {}));
  return {};
}

Result<void> AccountService::ChangeOwnPassword(const Actor& actor, const std::string& token,
                                               const std::string& current_password,
                                               const std::string& new_password,
                                               const std::string& remote_addr) {
  if (Error too_long = CredentialLengths(actor.username, current_password, "current_password");
      !too_long.fields.empty()) {
    return Fail(std::move(too_long));
  }
  ZJ_RETURN_IF_ERROR(CheckThrottle(actor.username, remote_addr));
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}};
  if (auto errors = accounts::CheckPassword(new_password, actor.username, BuiltinCommonPasswords(),
                                            "new_password");
      !errors.empty()) {
    invalid.fields = std::move(errors);
    return Fail(std::move(invalid));
  }
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto user, store::FindUserById(*lease, actor.user_id));
  if (!user) return Fail(Unauthenticated("user gone"));
  if (!VerifyPassword(current_password, user->password_hash)) {
    RecordFailure(actor.username, remote_addr);
    audit_.RecordOrLog(AuditActor::From(actor), AuditEvent{"user.password.change",
                                                           "user",
                                                           std::to_string(actor.user_id),
                                                           "failed",
                                                           remote_addr,
                                                           {{"reason", "wrong_password"}}});
    invalid.fields.push_back({"current_password", "error.password.wrong_current", {}});
    return Fail(std::move(invalid));
  }
  RecordSuccess(actor.username);
  ZJ_ASSIGN_OR_RETURN(std::string hash, HashPassword(new_password, cost_));
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  ZJ_RETURN_IF_ERROR(store::UpdateUserPassword(*lease, user->id, hash));
  ZJ_RETURN_IF_ERROR(store::DeleteOtherSessionsOfUser(*lease, user->id, HashSessionToken(token)));
  ZJ_RETURN_IF_ERROR(audit_.Record(
      *lease, AuditActor::From(actor),
      AuditEvent{
          "user.password.change", "user", std::to_string(actor.user_id), "ok", remote_addr, {}}));
  ZJ_RETURN_IF_ERROR(tx.Commit());
  sessions_.ForgetUser(user->id);
  return {};
}

}  // namespace zj::app
