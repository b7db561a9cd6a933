// SignInService's sessions: the staff sessions' rules (AccountService::Authenticate) on the
// worker_sessions table, with their own cache.
#include "app/worker_accounts/sign_in_service.h"

namespace zj::app {

namespace {

Error Unauthenticated(std::string why) {
  return Error{ErrorCode::kUnauthenticated, "error.auth.unauthenticated", std::move(why), {}, {}};
}

}  // namespace

Result<AuthenticatedSession> SignInService::Authenticate(const std::string& token) {
  if (token.empty()) return Fail(Unauthenticated("no worker session cookie"));
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
  ZJ_ASSIGN_OR_RETURN(auto found, store::FindWorkerSession(*lease, hash));
  if (!found) {
    sessions_.Forget(hash);
    return Fail(Unauthenticated("unknown worker session"));
  }
  const store::WorkerSessionRow& session = found->session;
  if (lapsed(session.expires_at, session.last_seen_at)) {
    sessions_.Forget(hash);
    (void)store::DeleteWorkerSession(*lease, hash);
    return Fail(Unauthenticated("worker session expired"));
  }
  if (found->status != "active") return Fail(Unauthenticated("worker account disabled"));
  store::WorkerAccountRow account;
  account.id = session.worker_id;
  account.member_id = found->member_id;
  std::int64_t last_seen_at = session.last_seen_at;
  if (now - last_seen_at >= policy_.touch_every_ms) {
    ZJ_RETURN_IF_ERROR(store::TouchWorkerSession(*lease, hash, now));
    last_seen_at = now;
  }
  AuthenticatedSession out{WorkerActor(account), session.csrf_token};
  sessions_.Put(hash, {out, last_seen_at, session.expires_at}, now);
  return out;
}

Result<void> SignInService::Logout(const Actor& actor, const std::string& token) {
  const std::string hash = HashSessionToken(token);
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_RETURN_IF_ERROR(store::DeleteWorkerSession(*lease, hash));
  sessions_.Forget(hash);  // after the delete, so a concurrent read cannot cache it again
  audit_.RecordOrLog(AuditActor::From(actor),
                     AuditEvent{"worker.sign_out", "worker_session", "", "ok", {}, {}});
  return {};
}

Result<void> SignInService::LogoutEverywhere(const Actor& actor) {
  if (!actor.worker_id) return Fail(Unauthenticated("not a worker"));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_RETURN_IF_ERROR(store::DeleteWorkerSessionsOf(*lease, *actor.worker_id));
  sessions_.ForgetWorker(*actor.worker_id);
  audit_.RecordOrLog(AuditActor::From(actor),
                     AuditEvent{"worker.sign_out_everywhere", "worker_session", "", "ok", {}, {}});
  return {};
}

}  // namespace zj::app
