// Binding a worker's account to the member registry, and what the worker's account shows.
// The first time, the worker confirms name and ID number: the account is bound at once to the
// member whose blind-indexed ID matches, whose name matches and whose stored phone is the
// account's phone. When the phone differs (or another account holds the member), the worker is
// told to ask the union and a pending binding waits for a cadre of the member's subtree to
// approve or reject (outside the subtree it does not exist: 404; every decision audited). "No
// such member" and "name mismatch" get the same answer, and attempts are throttled per account
// and per address, so the form is no oracle of who is a member.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/actor.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "app/personal_data/vault.h"
#include "app/worker_accounts/sign_in_service.h"
#include "core/accounts/login_throttle.h"
#include "core/result.h"
#include "store/database.h"
#include "store/members.h"
#include "store/worker_bindings.h"

namespace zj::app {

//! The member a worker is bound to, as the worker sees it.
struct BoundMember {
  std::int64_t id = 0;
  std::string name;
  std::string card_number;
  std::string union_name;
  std::optional<std::string> join_date;
  std::string status;
};

//! A worker's binding waiting for the union.
struct PendingBinding {
  std::int64_t id = 0;
  std::string reason;  //!< phone_differs, bound_elsewhere
  std::string union_name;
  std::int64_t created_at = 0;
};

//! What "My account" shows: the account, its member (once bound), a binding waiting.
struct MyAccount {
  std::int64_t worker_id = 0;
  std::string phone_masked;  //!< "138****5678"
  std::int64_t created_at = 0;
  std::optional<BoundMember> member;
  std::optional<PendingBinding> pending;
};

struct BindingResult {
  std::string state;  //!< bound, pending
  std::optional<BoundMember> member;
  std::optional<PendingBinding> pending;
};

//! A binding as a cadre sees it: the member's ID and both phones masked.
struct WorkerBindingView {
  store::WorkerBindingRow row;
  std::string member_id_masked;
  std::optional<std::string> member_phone_masked;
  std::string worker_phone_masked;
};

struct BindingFilter {
  std::string state = "pending";  //!< pending, approved, rejected, cancelled, or "" for any
  std::int64_t before_id = 0;     //!< the cursor (newest first)
  int limit = 50;                 //!< 1..200
};

struct BindingPage {
  std::vector<WorkerBindingView> items;
  std::optional<std::int64_t> next_cursor;
};

class BindingService {
 public:
  BindingService(store::Database& db, const Clock& clock, Random& random, AuditService& audit,
                 const Vault& vault, SignInService& sign_in);

  //! The worker's own account (kPermissionDenied for anyone but a worker).
  Result<MyAccount> Me(const Actor& worker);
  //! Binds (or asks the union to bind) the worker to the member named by `name` and
  //! `id_number`. A malformed ID is a field error on id_number; no match (no such member, or
  //! another name) is kInvalidArgument "error.binding.no_match" on id_number, the same for
  //! both; a bound account is kConflict "error.binding.already_bound"; too many attempts
  //! kResourceExhausted "error.too_many_requests".
  Result<BindingResult> Bind(const Actor& worker, const std::string& name,
                             const std::string& id_number, const std::string& remote_addr);

  //! Bindings of members in the staff actor's subtree (cadres, staff, administrators).
  Result<BindingPage> List(const Actor& actor, const BindingFilter& filter);
  //! Approves a pending binding: the account is bound to the member (and another account that
  //! held the member is unbound). kNotFound outside the subtree, kConflict once decided.
  Result<WorkerBindingView> Approve(const Actor& actor, std::int64_t id, const std::string& note);
  //! Rejects a pending binding with a note the worker's union keeps.
  Result<WorkerBindingView> Reject(const Actor& actor, std::int64_t id, const std::string& note);

 private:
  Result<WorkerBindingView> Decide(const Actor& actor, std::int64_t id, bool approve,
                                   const std::string& note);
  WorkerBindingView ViewOf(store::WorkerBindingRow row) const;
  Result<void> CheckThrottle(std::int64_t worker_id, const std::string& remote_addr);
  void CountAttempt(std::int64_t worker_id, const std::string& remote_addr);

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;
  const Vault& vault_;
  SignInService& sign_in_;
  std::mutex throttle_mutex_;
  accounts::LoginThrottle attempts_;  //!< guarded by throttle_mutex_
};

//! The member as the worker sees it (from a member row).
BoundMember BoundMemberOf(const store::MemberRow& member);

}  // namespace zj::app
