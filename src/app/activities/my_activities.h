// Activities in My account (issue 22 slice 2): what a signed-in worker sees — the open
// activities whose audience holds their union (core OpenTo), and the ones they are registered
// for, each with their own registration: a seat, a place on the waitlist (候补第 N 位), an offer
// with its confirm-by, and the cut-off until which they may cancel. The worker registers
// (core Decide in the store's transaction: a seat or the end of the queue), cancels until the
// cut-off (MayCancel; a freed seat goes to the first waitlisted at once) and confirms an offer
// (MayConfirm). An activity whose audience does not hold the worker's union is kNotFound, the
// same as none.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/actor.h"
#include "app/clock.h"
#include "core/result.h"
#include "store/activities.h"
#include "store/database.h"

namespace zj::app {

struct MyActivity {
  store::ActivityRow row;
  std::string org_name;
  //! The worker's registration, live or not (a cancelled one shows as cancelled).
  std::optional<store::RegistrationRow> mine;
  std::optional<std::int64_t> waitlist_place;  //!< 1.. while waitlisted
  std::int64_t cancel_until = 0;               //!< a held seat is cancelled until this instant
  bool can_register = false;                   //!< open now and not registered
};

class MyActivityService {
 public:
  MyActivityService(store::Database& db, const Clock& clock, Random& random)
      : db_(db), clock_(clock), random_(random) {}

  //! Open to me (soonest first), then mine that are no longer open.
  Result<std::vector<MyActivity>> List(const Actor& worker);
  Result<MyActivity> Get(const Actor& worker, std::int64_t id);
  //! Decide's refusals (409); kConflict "error.activity.registered_twice" also when the same
  //! member registers twice at once (the unique key).
  Result<MyActivity> Register(const Actor& worker, std::int64_t id);
  Result<MyActivity> Cancel(const Actor& worker, std::int64_t id);
  Result<MyActivity> Confirm(const Actor& worker, std::int64_t id);

 private:
  Result<MyActivity> View(store::Connection& conn, store::ActivityRow row, std::int64_t member_id);

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
};

}  // namespace zj::app
