// The worker's side of binding (Me, Bind); the cadre's side is binding_decisions.cpp.
#include "app/worker_accounts/binding_service.h"

#include <sodium.h>

#include "app/coverage/online.h"
#include "app/members/member_access.h"
#include "app/members/member_service.h"
#include "app/worker_accounts/worker_errors.h"
#include "core/members/national_id.h"
#include "core/personal_data/masking.h"
#include "core/text/halfwidth.h"
#include "store/members.h"
#include "store/worker_accounts.h"

namespace zj::app {

namespace {

// Longer input is no name or ID number: refused before it is looked at.
constexpr std::size_t kMaxNameInput = 200;
constexpr std::size_t kMaxIdInput = 64;

Error NoMatch() {
  Error e{ErrorCode::kInvalidArgument, "error.binding.no_match", "no member matches", {}, {}};
  e.fields.push_back({"id_number", "error.binding.no_match", {}});
  return e;
}

//! A name as compared: half-width, without spaces (a roster's "张 三" is the worker's "张三").
std::string NameKey(std::string_view name) {
  std::string out;
  for (char c : text::ToHalfWidth(name)) {
    if (c != ' ' && c != '\t') out += c;
  }
  return out;
}

bool SameText(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// Five attempts that did not bind per account, twenty per address, in a day.
accounts::ThrottlePolicy AttemptsPolicy() {
  return accounts::ThrottlePolicy{5, 20, 24LL * 3600 * 1000, 1024};
}

}  // namespace

BoundMember BoundMemberOf(const store::MemberRow& m) {
  return BoundMember{m.id, m.name, m.card_number, m.union_name, m.join_date, m.status};
}

BindingService::BindingService(store::Database& db, const Clock& clock, Random& random,
                               AuditService& audit, const Vault& vault, SignInService& sign_in)
    : db_(db),
      clock_(clock),
      random_(random),
      audit_(audit),
      vault_(vault),
      sign_in_(sign_in),
      attempts_(AttemptsPolicy()) {}

Result<void> BindingService::CheckThrottle(std::int64_t worker_id, const std::string& remote_addr) {
  std::int64_t wait_ms = 0;
  {
    std::lock_guard lock(throttle_mutex_);
    wait_ms = attempts_.RetryAfterMs(std::to_string(worker_id), remote_addr, clock_.NowMs());
  }
  if (wait_ms <= 0) return {};
  const std::string seconds = std::to_string((wait_ms + 999) / 1000);
  return Fail(Error{ErrorCode::kResourceExhausted,
                    "error.too_many_requests",
                    "binding attempts throttled from " + remote_addr,
                    {},
                    {{"seconds", seconds}, {"retry_after", seconds}}});
}

void BindingService::CountAttempt(std::int64_t worker_id, const std::string& remote_addr) {
  std::lock_guard lock(throttle_mutex_);
  attempts_.RecordFailure(std::to_string(worker_id), remote_addr, clock_.NowMs());
}

Result<MyAccount> BindingService::Me(const Actor& worker) {
  if (!IsWorker(worker)) return Fail(NotAWorker());
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccount(*lease, *worker.worker_id));
  if (!account) return Fail(ErrorCode::kUnauthenticated, "error.auth.unauthenticated", "gone");
  MyAccount out;
  out.worker_id = account->id;
  out.created_at = account->created_at;
  auto phone = vault_.Open(kWorkerPhoneField, account->phone_cipher);
  out.phone_masked = phone ? personal_data::MaskPhone(*phone) : "*******" + account->phone_last4;
  if (account->member_id) {
    ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(*lease, *account->member_id));
    if (member) out.member = BoundMemberOf(*member);
  }
  ZJ_ASSIGN_OR_RETURN(auto pending, store::PendingBindingOfWorker(*lease, account->id));
  if (pending) {
    out.pending =
        PendingBinding{pending->id, pending->reason, pending->union_name, pending->created_at};
  }
  return out;
}

Result<BindingResult> BindingService::Bind(const Actor& worker, const std::string& name_input,
                                           const std::string& id_input,
                                           const std::string& remote_addr) {
  if (!IsWorker(worker)) return Fail(NotAWorker());
  const std::int64_t worker_id = *worker.worker_id;
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}};
  const std::string name = NameKey(text::TrimSpaces(name_input));
  if (name.empty()) invalid.fields.push_back({"name", "error.field.required", {}});
  if (name_input.size() > kMaxNameInput) {
    invalid.fields.push_back({"name", "error.field.too_long", {{"max", "60"}}});
  }
  const auto parsed = id_input.size() > kMaxIdInput
                          ? members::IdParse{std::nullopt, members::IdProblem::kLength}
                          : members::ParseNationalId(id_input, TodayInChina(clock_));
  if (!parsed.id) {
    invalid.fields.push_back(
        {"id_number", std::string(members::IdProblemKey(*parsed.problem)), {}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_RETURN_IF_ERROR(CheckThrottle(worker_id, remote_addr));

  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccount(*lease, worker_id));
  if (!account) return Fail(ErrorCode::kUnauthenticated, "error.auth.unauthenticated", "gone");
  if (account->member_id) {
    return Fail(ErrorCode::kConflict, "error.binding.already_bound", "account bound already");
  }
  // The person's membership: the active one, else the latest.
  ZJ_ASSIGN_OR_RETURN(auto rows,
                      store::FindMembersByIdIndexes(
                          *lease, vault_.BlindIndexes(kMemberIdField, parsed.id->number)));
  const store::MemberRow* member = nullptr;
  for (const auto& m : rows) {
    if (m.status == "active") {
      member = &m;
      break;
    }
    if (member == nullptr || m.id > member->id) member = &m;
  }
  // One answer for "no such member" and "another name", after the same work.
  const std::string stored_name = member ? NameKey(member->name) : std::string("\x01");
  if (member == nullptr || !SameText(stored_name, name)) {
    CountAttempt(worker_id, remote_addr);
    audit_.RecordOrLog(AuditActor::From(worker), AuditEvent{"worker.bind",
                                                            "worker_account",
                                                            std::to_string(worker_id),
                                                            "failed",
                                                            remote_addr,
                                                            {{"reason", "no_match"}}});
    return Fail(NoMatch());
  }
  ZJ_ASSIGN_OR_RETURN(std::string phone, vault_.Open(kWorkerPhoneField, account->phone_cipher));
  bool same_phone = false;
  if (member->phone_cipher) {
    ZJ_ASSIGN_OR_RETURN(std::string stored, vault_.Open(kMemberPhoneField, *member->phone_cipher));
    same_phone = SameText(stored, phone);
  }
  sodium_memzero(phone.data(), phone.size());
  ZJ_ASSIGN_OR_RETURN(auto holder, store::FindWorkerAccountByMember(*lease, member->id));
  const std::int64_t now = clock_.NowMs();
  BindingResult result;
  if (same_phone && !holder) {
    ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
    ZJ_RETURN_IF_ERROR(
        store::BindWorkerAccount(*lease, worker_id, member->id, member->federation_id, now));
    ZJ_RETURN_IF_ERROR(CountBoundMember(*lease, *member));
    ZJ_RETURN_IF_ERROR(store::CancelPendingBinding(*lease, worker_id, now));
    ZJ_RETURN_IF_ERROR(audit_.Record(
        *lease, AuditActor::From(worker),
        AuditEvent{"worker.bind", "member", std::to_string(member->id), "ok", remote_addr, {}}));
    ZJ_RETURN_IF_ERROR(tx.Commit());
    sign_in_.ForgetWorker(worker_id);
    result.state = "bound";
    result.member = BoundMemberOf(*member);
    return result;
  }
  // The union decides: the phone differs, or another account holds the member.
  CountAttempt(worker_id, remote_addr);
  const std::string reason = same_phone ? "bound_elsewhere" : "phone_differs";
  ZJ_ASSIGN_OR_RETURN(auto pending, store::PendingBindingOfWorker(*lease, worker_id));
  if (pending && pending->member_id == member->id) {
    result.state = "pending";
    result.pending =
        PendingBinding{pending->id, pending->reason, pending->union_name, pending->created_at};
    return result;
  }
  store::WorkerBindingRow row;
  row.id = NewId(clock_, random_);
  row.federation_id = member->federation_id;
  row.worker_id = worker_id;
  row.member_id = member->id;
  row.reason = reason;
  row.created_at = now;
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  ZJ_RETURN_IF_ERROR(store::CancelPendingBinding(*lease, worker_id, now));
  ZJ_RETURN_IF_ERROR(store::InsertWorkerBinding(*lease, row));
  // In the member's subtree, so its cadres see the request in their audit log.
  ZJ_RETURN_IF_ERROR(audit_.Record(
      *lease, AuditActor{std::nullopt, worker.username, member->org_path, remote_addr},
      AuditEvent{"worker.bind",
                 "worker_binding",
                 std::to_string(row.id),
                 "pending",
                 remote_addr,
                 {{"reason", reason}}}));
  ZJ_RETURN_IF_ERROR(tx.Commit());
  result.state = "pending";
  result.pending = PendingBinding{row.id, reason, member->union_name, now};
  return result;
}

}  // namespace zj::app
