// My membership (我的会籍, issue 19): what the signed-in worker sees of their own membership —
// the member's history as the registry stores it (joined, transfers, status), the transfers of
// their member with the one they may withdraw, and whom to contact: their union and its parent
// federation as the org records hold them (name, chair, contact). Nothing of other people
// beyond those records, no staff names, no internal notes. And the union search a worker picks
// a receiving union from when changing jobs: active grassroots unions by name, only id, name
// and district, at most kUnionSearchLimit a time, throttled per account and per address.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/accounts/actor.h"
#include "app/clock.h"
#include "app/members/transfer_service.h"
#include "core/accounts/login_throttle.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

//! One line of the history: kind is joined (params union, on), transferred (from, to, on) or
//! status (status, on); `on` is a YYYY-MM-DD day or "".
struct MembershipEvent {
  std::int64_t at = 0;
  std::string kind;
  std::vector<std::pair<std::string, std::string>> params;
};

struct MyTransfer {
  std::int64_t id = 0;
  std::string from_union;
  std::string to_union;
  std::string state;  //!< pending, approved, rejected, cancelled
  std::int64_t created_at = 0;
  std::optional<std::int64_t> decided_at;
  bool asked_by_me = false;                 //!< this account asked for it on My membership
  std::optional<std::string> reason;        //!< only of one the worker asked for
  std::optional<std::string> new_employer;  //!< only of one the worker asked for
  bool can_withdraw = false;
};

struct UnionContact {
  std::int64_t id = 0;
  std::string name;
  std::string kind;
  std::optional<std::string> chair;
  std::optional<std::string> contact;
};

struct MyMembership {
  std::string member_name;
  std::string card_number;
  std::string status;
  std::optional<std::string> join_date;
  UnionContact union_org;
  std::optional<UnionContact> parent;
  std::vector<MembershipEvent> history;  //!< oldest first
  std::vector<MyTransfer> transfers;     //!< newest first
};

struct UnionChoice {
  std::int64_t id = 0;
  std::string name;
  std::string district;  //!< the district (or county) federation above it, "" when none
};

class MyMembershipService {
 public:
  static constexpr int kUnionSearchLimit = 20;

  MyMembershipService(store::Database& db, const Clock& clock, TransferService& transfers);

  //! kPermissionDenied for anyone but a worker; kFailedPrecondition "error.card.not_bound" when
  //! the account is bound to no member.
  Result<MyMembership> Get(const Actor& worker);
  //! Unions whose name contains `q` (2 to 64 characters after trimming: field q otherwise).
  //! kResourceExhausted "error.too_many_requests" past 30 searches a minute per account or 120
  //! per address.
  Result<std::vector<UnionChoice>> SearchUnions(const Actor& worker, const std::string& q);

 private:
  store::Database& db_;
  const Clock& clock_;
  TransferService& transfers_;
  std::mutex throttle_mutex_;
  //! Counts every search as an attempt: the login throttle's sliding windows are the rate
  //! limit we need, so it is reused rather than a second limiter written.
  accounts::LoginThrottle searches_;  //!< guarded by throttle_mutex_
};

}  // namespace zj::app
