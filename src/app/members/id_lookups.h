// Looking a person up by national ID number in the whole registry, beyond the actor's subtree,
// tells whether they are a member anywhere and where: 接转 needs it (the receiving union asks
// for the person and learns their current union), and recording a member whose ID is active
// in another union must be refused. So such look-ups are limited per actor in a sliding window
// (IdLookupPolicy; past it kResourceExhausted with retry_after, before anything is looked up)
// and each is written to the audit log ("member.id_lookup": why, and whether and whom it
// found; never the number). An administrator, who sees the whole registry anyway, is not
// limited. Thread-safe.
#pragma once

#include <mutex>
#include <string>
#include <string_view>

#include "app/accounts/account_service.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "core/accounts/login_throttle.h"
#include "core/result.h"

namespace zj::app {

//! Look-ups beyond the subtree per actor: 30 an hour (a union receives a few transfers a day).
//! Not per address: the cadres of a federation often share one.
inline accounts::ThrottlePolicy IdLookupPolicy() {
  return accounts::ThrottlePolicy{
      .per_username = 30, .per_address = 1 << 30, .window_ms = 3600LL * 1000};
}

class IdLookups {
 public:
  IdLookups(const Clock& clock, AuditService& audit,
            accounts::ThrottlePolicy policy = IdLookupPolicy())
      : clock_(clock), audit_(audit), throttle_(policy) {}

  //! kResourceExhausted "error.members.lookups" (args seconds, retry_after) when `actor` has
  //! used up the look-ups of the window; call before looking.
  Result<void> Check(const Actor& actor);
  //! Counts one look-up made for `purpose` ("transfer", "member.create") and audits it:
  //! `found` is the member it found beyond the subtree (0: nobody, or nobody beyond it).
  void Record(const Actor& actor, std::string_view purpose, std::int64_t found);

 private:
  const Clock& clock_;
  AuditService& audit_;
  std::mutex mutex_;
  accounts::LoginThrottle throttle_;  //!< guarded by mutex_; keyed by user id and address
};

}  // namespace zj::app
