#include "app/worker_accounts/sign_in_service.h"

#include <sodium.h>

#include "app/notify/sms_outbox.h"
#include "core/personal_data/phone.h"

namespace zj::app {

namespace {

using worker_accounts::CodeState;

// Sign-in codes are hashed with the blind-index key (keyed BLAKE2b): a database alone does not
// let anyone try the million codes offline.
constexpr std::string_view kCodeField = "sign_in_codes.code";
// Longer input is no phone number: refused before it is looked at. In bytes: eleven full-width
// digits (as Chinese keyboards type them) are 33.
constexpr std::size_t kMaxPhoneInput = 64;

Error CodeInvalid() {
  return Error{
      ErrorCode::kUnauthenticated, "error.sign_in.code_invalid", "sign-in code refused", {}, {}};
}

Error TooMany(std::int64_t wait_ms, std::string detail) {
  const std::string seconds = std::to_string((wait_ms + 999) / 1000);
  return Error{ErrorCode::kResourceExhausted,
               "error.too_many_requests",
               std::move(detail),
               {},
               {{"seconds", seconds}, {"retry_after", seconds}}};
}

Result<std::string> PhoneOf(const std::string& input) {
  if (input.size() > kMaxPhoneInput) return personal_data::NormalisePhone("x");
  return personal_data::NormalisePhone(input);
}

accounts::ThrottlePolicy SendsPolicy(const worker_accounts::SignInCodePolicy& codes) {
  // Keyed by address alone (the same key twice): per_username is the address's limit too.
  return accounts::ThrottlePolicy{codes.per_address, codes.per_address, codes.address_window_ms,
                                  1024};
}

// Wrong codes: ten per phone (two codes' tries) and thirty per address in fifteen minutes.
accounts::ThrottlePolicy FailuresPolicy() {
  return accounts::ThrottlePolicy{10, 30, 15LL * 60 * 1000, 1024};
}

AuditEvent Event(std::string action, std::string outcome, const std::string& remote_addr,
                 std::vector<std::pair<std::string, std::string>> detail = {}) {
  return AuditEvent{std::move(action),  "worker_session", "",
                    std::move(outcome), remote_addr,      std::move(detail)};
}

}  // namespace

Actor WorkerActor(const store::WorkerAccountRow& account) {
  Actor actor;
  actor.username = "worker:" + std::to_string(account.id);
  actor.role = "worker";
  actor.worker_id = account.id;
  actor.member_id = account.member_id;
  return actor;
}

SignInService::SignInService(store::Database& db, const Clock& clock, Random& random,
                             AuditService& audit, const Vault& vault, SessionPolicy sessions,
                             worker_accounts::SignInCodePolicy codes)
    : db_(db),
      clock_(clock),
      random_(random),
      audit_(audit),
      vault_(vault),
      policy_(sessions),
      codes_(codes),
      sends_(SendsPolicy(codes)),
      failures_(FailuresPolicy()),
      sessions_(sessions.cache_ms) {}

Result<void> SignInService::Throttled(accounts::LoginThrottle& throttle, const std::string& key,
                                      const std::string& remote_addr, const std::string& what) {
  std::int64_t wait_ms = 0;
  {
    std::lock_guard lock(throttle_mutex_);
    wait_ms = throttle.RetryAfterMs(key, remote_addr, clock_.NowMs());
  }
  if (wait_ms > 0) return Fail(TooMany(wait_ms, what + " throttled from " + remote_addr));
  return {};
}

std::vector<std::string> SignInService::CodeHashes(std::int64_t code_id,
                                                   const std::string& code) const {
  return vault_.BlindIndexes(kCodeField, std::to_string(code_id) + ":" + code);
}

Result<CodeSent> SignInService::RequestCode(const std::string& phone_input,
                                            const std::string& remote_addr) {
  ZJ_ASSIGN_OR_RETURN(std::string phone, PhoneOf(phone_input));
  ZJ_RETURN_IF_ERROR(Throttled(sends_, remote_addr, remote_addr, "sign-in code"));
  ZJ_ASSIGN_OR_RETURN(std::string index, vault_.BlindIndex(kWorkerPhoneField, phone));
  const std::int64_t now = clock_.NowMs();
  // Uniform over the million codes: Next32 values past the last whole million are drawn again.
  std::uint32_t draw = random_.Next32();
  while (draw >= 4'294'000'000U) draw = random_.Next32();
  std::string code = worker_accounts::FormatSignInCode(draw % 1'000'000U);
  ZJ_RETURN_IF_ERROR(store::InTransaction(db_, [&](store::Connection& conn) -> Result<void> {
    ZJ_ASSIGN_OR_RETURN(auto recent, store::SignInCodesSince(conn, index, now - codes_.day_ms));
    std::vector<std::int64_t> sent_at;
    for (const auto& r : recent) sent_at.push_back(r.created_at);
    if (const std::int64_t wait = worker_accounts::CodeSendWaitMs(sent_at, now, codes_); wait > 0) {
      return Fail(TooMany(wait, "sign-in codes to one phone"));
    }
    store::SignInCodeRow row;
    row.id = NewId(clock_, random_);
    row.phone_index = index;
    row.created_at = now;
    row.expires_at = now + codes_.valid_ms;
    row.code_hash = CodeHashes(row.id, code).front();
    ZJ_RETURN_IF_ERROR(store::InsertSignInCode(conn, row));
    const int minutes = static_cast<int>(codes_.valid_ms / 60'000);
    return EnqueueSms(conn, clock_, random_, vault_, TextMessage{phone, code, minutes},
                      row.expires_at);
  }));
  sodium_memzero(code.data(), code.size());
  {
    std::lock_guard lock(throttle_mutex_);
    sends_.RecordFailure(remote_addr, remote_addr, now);
  }
  if (wake_) wake_();
  return CodeSent{codes_.resend_ms, codes_.valid_ms};
}

Result<std::string> SignInService::UseCode(const std::string& phone_input,
                                           const std::string& code_input,
                                           const std::string& remote_addr) {
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}};
  auto phone = PhoneOf(phone_input);
  if (!phone) invalid.fields = std::move(phone.error().fields);
  const auto code = worker_accounts::NormaliseSignInCode(code_input);
  if (!code) invalid.fields.push_back({"code", "error.sign_in.code_format", {}});
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(std::string index, vault_.BlindIndex(kWorkerPhoneField, *phone));
  ZJ_RETURN_IF_ERROR(Throttled(failures_, index, remote_addr, "sign-in"));

  const std::int64_t now = clock_.NowMs();
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  // Only the newest code counts, and only while it can be valid.
  ZJ_ASSIGN_OR_RETURN(auto recent, store::SignInCodesSince(*lease, index, now - codes_.valid_ms));
  const store::SignInCodeRow* newest = recent.empty() ? nullptr : &recent.front();
  // Hashed whether or not there is a code, so a phone never sent one costs the same time.
  const auto hashes = CodeHashes(newest ? newest->id : 0, *code);
  const CodeState state =
      newest ? worker_accounts::StateOfCode(newest->expires_at, newest->tries,
                                            newest->used_at.has_value(), now, codes_)
             : CodeState::kExpired;
  bool matched = false;
  for (const auto& h : hashes) {
    if (newest && h.size() == newest->code_hash.size() &&
        sodium_memcmp(h.data(), newest->code_hash.data(), h.size()) == 0) {
      matched = true;
    }
  }
  if (state != CodeState::kUsable || !matched) {
    if (newest && state == CodeState::kUsable) {
      ZJ_RETURN_IF_ERROR(store::AddSignInCodeTry(*lease, newest->id));
      if (newest->tries + 1 >= codes_.max_tries) {
        audit_.RecordOrLog(AuditActor{std::nullopt, "worker", "", remote_addr},
                           AuditEvent{"worker.sign_in",
                                      "sign_in_code",
                                      std::to_string(newest->id),
                                      "failed",
                                      remote_addr,
                                      {{"reason", "tries_exhausted"}}});
      }
    }
    std::lock_guard lock(throttle_mutex_);
    failures_.RecordFailure(index, remote_addr, now);
    return Fail(CodeInvalid());
  }
  ZJ_ASSIGN_OR_RETURN(bool used, store::UseSignInCode(*lease, newest->id, now));
  if (!used) return Fail(CodeInvalid());  // a concurrent sign-in took it
  {
    std::lock_guard lock(throttle_mutex_);
    failures_.RecordSuccess(index);
  }
  return *phone;
}

Result<WorkerSessionGrant> SignInService::SignIn(const std::string& phone_input,
                                                 const std::string& code_input,
                                                 const std::string& remote_addr) {
  ZJ_ASSIGN_OR_RETURN(std::string phone, UseCode(phone_input, code_input, remote_addr));
  const std::int64_t now = clock_.NowMs();
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  bool created = false;
  ZJ_ASSIGN_OR_RETURN(store::WorkerAccountRow account, AccountOf(*lease, phone, created));
  if (account.status != "active") return Fail(CodeInvalid());
  ZJ_RETURN_IF_ERROR(store::SetWorkerSignedIn(*lease, account.id, now));
  ZJ_ASSIGN_OR_RETURN(WorkerSessionGrant grant, OpenSession(*lease, account, remote_addr));
  grant.new_account = created;
  audit_.RecordOrLog(
      AuditActor::From(grant.actor),
      Event("worker.sign_in", "ok", remote_addr, {{"new_account", created ? "true" : "false"}}));
  return grant;
}

Result<store::WorkerAccountRow> SignInService::EnsureAccount(const std::string& phone_input) {
  ZJ_ASSIGN_OR_RETURN(std::string phone, PhoneOf(phone_input));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  bool created = false;
  return AccountOf(*lease, phone, created);
}

Result<store::WorkerAccountRow> SignInService::AccountOf(store::Connection& conn,
                                                         const std::string& phone, bool& created) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    // Every key version: a rotation may not have reached this account yet.
    for (const auto& index : vault_.BlindIndexes(kWorkerPhoneField, phone)) {
      ZJ_ASSIGN_OR_RETURN(auto found, store::FindWorkerAccountByPhoneIndex(conn, index));
      if (found) return *found;
    }
    store::WorkerAccountRow row;
    row.id = NewId(clock_, random_);
    // Seal and index from one reading of the ring, the version from the seal (vault.h).
    ZJ_ASSIGN_OR_RETURN(SealedValue sealed, vault_.SealIndexed(kWorkerPhoneField, phone));
    row.phone_cipher = std::move(sealed.cipher);
    row.phone_index = std::move(sealed.index);
    row.phone_last4 = phone.substr(phone.size() - 4);
    row.key_version = Vault::OldestVersion({&row.phone_cipher});
    row.created_at = clock_.NowMs();
    auto inserted = store::InsertWorkerAccount(conn, row);
    if (inserted) {
      created = true;
      return row;
    }
    // A concurrent first sign-in of the same phone made it: read theirs.
    if (inserted.error().code != ErrorCode::kAlreadyExists) return Fail(inserted.error());
  }
  return Fail(ErrorCode::kConflict, "error.conflict", "worker account of a phone changed twice");
}

Result<WorkerSessionGrant> SignInService::OpenSession(store::Connection& conn,
                                                      const store::WorkerAccountRow& account,
                                                      const std::string& remote_addr) {
  const std::int64_t now = clock_.NowMs();
  WorkerSessionGrant grant{random_.Token(32), random_.Token(32), now + policy_.absolute_ms,
                           WorkerActor(account), false};
  grant.actor.remote_addr = remote_addr;
  ZJ_RETURN_IF_ERROR(store::InsertWorkerSession(
      conn, store::WorkerSessionRow{HashSessionToken(grant.token), account.id, grant.csrf_token,
                                    now, now, grant.expires_at, remote_addr}));
  return grant;
}

Result<std::int64_t> SignInService::ForgetOldCodes() {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  return store::DeleteSignInCodesBefore(*lease, clock_.NowMs() - codes_.day_ms);
}

}  // namespace zj::app
