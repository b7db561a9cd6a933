// Workers sign in to the portal by mobile phone and a one-time code (core/worker_accounts/
// sign_in_code.h): a code is drawn, kept only as a keyed hash, and queued for SMS in the same
// transaction (app/notify/sms_outbox.h); the first code that matches signs the phone in,
// creating its worker account on the first sign-in (workers who are not members sign in too).
// The answer never tells whether a phone has an account: a code is sent to any valid number,
// and a wrong, expired, used or exhausted code and a phone that was never sent one get the same
// refusal after the same work. Sends are throttled per phone (stored, so every server sees
// them) and per address, wrong codes per phone and per address (in memory, as for staff).
// Sessions are the staff sessions' twins (HttpOnly cookie, CSRF token, idle and absolute
// expiry, a cache of recently read sessions) in their own table.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>

#include "app/accounts/account_service.h"
#include "app/accounts/actor.h"
#include "app/accounts/session_cache.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "app/personal_data/vault.h"
#include "core/accounts/login_throttle.h"
#include "core/result.h"
#include "core/worker_accounts/sign_in_code.h"
#include "store/database.h"
#include "store/worker_accounts.h"

namespace zj::app {

//! Vault field of a worker account's phone.
inline constexpr std::string_view kWorkerPhoneField = "worker_accounts.phone";

//! Sessions on phones are shorter than the console's when idle.
inline SessionPolicy WorkerSessionPolicy() {
  SessionPolicy policy;
  policy.idle_ms = 30LL * 60 * 1000;
  policy.absolute_ms = 12LL * 3600 * 1000;
  return policy;
}

struct CodeSent {
  std::int64_t resend_after_ms = 0;  //!< when the next code may be asked for
  std::int64_t expires_in_ms = 0;    //!< how long the code is valid
};

struct WorkerSessionGrant {
  std::string token;       //!< goes into the HttpOnly cookie; only its hash is stored
  std::string csrf_token;  //!< must accompany every unsafe request
  std::int64_t expires_at = 0;
  Actor actor;
  bool new_account = false;  //!< this sign-in created the account
};

class SignInService {
 public:
  SignInService(store::Database& db, const Clock& clock, Random& random, AuditService& audit,
                const Vault& vault, SessionPolicy sessions = WorkerSessionPolicy(),
                worker_accounts::SignInCodePolicy codes = {});

  //! Called after a code was queued (the server wakes its SMS job, so the code leaves at once).
  void OnSmsQueued(std::function<void()> wake) { wake_ = std::move(wake); }

  //! Sends a code to `phone`. A malformed number is kInvalidArgument on field phone; too many
  //! sends to the phone or from the address is kResourceExhausted "error.too_many_requests"
  //! with {seconds} and {retry_after}. Otherwise the same answer for every number.
  Result<CodeSent> RequestCode(const std::string& phone, const std::string& remote_addr);
  //! Uses up the newest code sent to `phone` and answers the normalised phone: the check of
  //! SignIn (the same refusals and throttles), for anything else a fresh code confirms (My
  //! data's reveal).
  Result<std::string> UseCode(const std::string& phone, const std::string& code,
                              const std::string& remote_addr);
  //! Signs in with the newest code sent to `phone`. Anything but that code, unused, unexpired
  //! and under its tries, is kUnauthenticated "error.sign_in.code_invalid" (a malformed code is
  //! kInvalidArgument on field code); throttled as RequestCode.
  Result<WorkerSessionGrant> SignIn(const std::string& phone, const std::string& code,
                                    const std::string& remote_addr);
  //! The session behind a cookie token; kUnauthenticated when unknown, expired or disabled.
  Result<AuthenticatedSession> Authenticate(const std::string& token);
  //! Ends this session.
  Result<void> Logout(const Actor& actor, const std::string& token);
  //! Ends every session of the worker, this one included.
  Result<void> LogoutEverywhere(const Actor& actor);
  //! The account of a (valid, normalised) phone, opened if it has none yet: for the demo and
  //! for tools that act for a worker; signing in opens accounts the same way.
  Result<store::WorkerAccountRow> EnsureAccount(const std::string& phone);
  //! Forgets the sessions cached for a worker (after the account changed, e.g. bound).
  void ForgetWorker(std::int64_t worker_id) { sessions_.ForgetWorker(worker_id); }
  //! Deletes codes older than a day (they count for no throttle any more); returns how many.
  Result<std::int64_t> ForgetOldCodes();

  const worker_accounts::SignInCodePolicy& code_policy() const { return codes_; }

 private:
  Result<void> Throttled(accounts::LoginThrottle& throttle, const std::string& key,
                         const std::string& remote_addr, const std::string& what);
  //! The keyed hash of a code: bound to its row, under each key version (current first).
  std::vector<std::string> CodeHashes(std::int64_t code_id, const std::string& code) const;
  //! The phone's account, created on its first sign-in.
  Result<store::WorkerAccountRow> AccountOf(store::Connection& conn, const std::string& phone,
                                            bool& created);
  Result<WorkerSessionGrant> OpenSession(store::Connection& conn,
                                         const store::WorkerAccountRow& account,
                                         const std::string& remote_addr);

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;
  const Vault& vault_;
  SessionPolicy policy_;
  worker_accounts::SignInCodePolicy codes_;
  std::function<void()> wake_;
  std::mutex throttle_mutex_;
  accounts::LoginThrottle sends_;     //!< per address; guarded by throttle_mutex_
  accounts::LoginThrottle failures_;  //!< wrong codes per phone and address; the same
  SessionCache sessions_;
};

//! A worker's Actor for an account row.
Actor WorkerActor(const store::WorkerAccountRow& account);

}  // namespace zj::app
