// Activities (文体活动, 普惠服务; issue 22 slice 2) for their organisers: cadres, staff and
// administrators of the activity's org or above create an activity (the seat rules checked by
// core CheckSeatRules, the chosen orgs by CheckAudience, both as field errors), change it while
// draft or open, open, close and cancel it — cancelling cancels every registration and tells
// each member in their inbox — list a subtree's activities and read an activity's registrations
// (seated, offered, then the waitlist in order). A staff member may cancel a member's
// registration regardless of the cut-off (audited); the seat it frees goes to the first on the
// waitlist in the same transaction. Anything outside the actor's subtree is kNotFound.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/accounts/actor.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "core/result.h"
#include "store/activities.h"
#include "store/database.h"

namespace zj::app {

//! The inbox kind of a cancelled activity (parameters: title, starts_at) and of a seat offered
//! from the waitlist (title, confirm_by); the portal's locales render them.
inline constexpr std::string_view kInboxActivityCancelled = "activity.cancelled";
inline constexpr std::string_view kInboxActivityOffered = "activity.offered";

//! The fields an organiser sets. On a change (Patch) an absent field keeps its value.
struct ActivityFields {
  std::optional<std::string> kind;   //!< culture, sport, outing, service, lecture
  std::optional<std::string> title;  //!< 1..200 characters
  std::optional<std::string> place;  //!< 1..200 characters
  std::optional<std::int64_t> starts_at;
  std::optional<std::int64_t> ends_at;  //!< after starts_at
  std::optional<std::int64_t> opens_at;
  std::optional<std::int64_t> closes_at;
  std::optional<int> capacity;
  std::optional<std::optional<int>> waitlist_max;  //!< set to nullopt: no limit
  std::optional<int> cancel_cutoff_hours;
  std::optional<int> confirm_hours;
  std::optional<bool> walk_ins;
  std::optional<std::int64_t> fee_fen;                //!< 0..1,000,000 fen
  std::optional<std::vector<std::int64_t>> audience;  //!< chosen orgs; empty: the whole subtree
};

struct NewActivity {
  std::optional<std::int64_t> org_id;  //!< default: the actor's org
  ActivityFields fields;
};

struct ActivityDetail {
  store::ActivityRow row;
  std::string org_name;
  std::vector<store::AudienceOrg> audience;  //!< empty: the org's whole subtree
};

struct ActivityPage {
  std::vector<store::ActivityRow> items;
  std::optional<std::int64_t> next_cursor;
};

//! A registration as the organiser sees it: the member's masked name, never more.
struct RegistrationView {
  store::RegistrationRow row;
  std::string member_name_masked;
  std::string union_name;
  std::optional<std::int64_t> place;  //!< 1.. for the waitlisted, in order
};

class ActivityService {
 public:
  ActivityService(store::Database& db, const Clock& clock, Random& random, AuditService& audit)
      : db_(db), clock_(clock), random_(random), audit_(audit) {}

  //! A draft. kInvalidArgument with every field error.
  Result<ActivityDetail> Create(const Actor& actor, const NewActivity& in);
  Result<ActivityDetail> Get(const Actor& actor, std::int64_t id);
  //! `status` "" or one of the statuses; newest first.
  Result<ActivityPage> List(const Actor& actor, const std::string& status, std::int64_t before_id,
                            int limit);
  //! While draft or open (kConflict "error.activity.status" else); a capacity below the seats
  //! taken is a field error; a larger one gives the new seats to the waitlist at once.
  Result<ActivityDetail> Patch(const Actor& actor, std::int64_t id, const ActivityFields& in);
  //! draft → open.
  Result<ActivityDetail> Open(const Actor& actor, std::int64_t id);
  //! open → closed (done once the activity has ended).
  Result<ActivityDetail> Close(const Actor& actor, std::int64_t id);
  //! draft, open or closed → cancelled: every registration cancelled, each member told.
  Result<ActivityDetail> Cancel(const Actor& actor, std::int64_t id);
  //! Seated, offered, the waitlist in order, then the cancelled and lapsed (at most 20,000).
  Result<std::vector<RegistrationView>> Registrations(const Actor& actor, std::int64_t id);
  //! A staff cancellation of a member's registration (any time before the activity is done),
  //! audited with the reason; the freed seat goes to the first waitlisted.
  Result<RegistrationView> CancelRegistration(const Actor& actor, std::int64_t id,
                                              std::int64_t registration_id,
                                              const std::string& reason);
  //! The confirm-by sweep (the periodic job): every offer past its deadline lapses and its seat
  //! goes to the next on the waitlist; the number of activities rebalanced.
  Result<int> SweepLapsedOffers();

 private:
  Result<store::ActivityRow> Load(store::Connection& conn, const Actor& actor, std::int64_t id);
  Result<ActivityDetail> Detail(store::Connection& conn, store::ActivityRow row);
  Result<ActivityDetail> Move(const Actor& actor, std::int64_t id, const std::string& action);
  Result<void> Audit(store::Connection& conn, const Actor& actor, const std::string& action,
                     const std::string& type, std::int64_t id,
                     std::vector<std::pair<std::string, std::string>> detail = {});

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;
};

//! Cadres, staff and administrators; kPermissionDenied "error.activity.forbidden" else.
Result<void> MustOrganiseActivities(const Actor& actor);
//! The offers among `changes` told to their members (inbox), in the caller's transaction.
Result<void> TellOffers(store::Connection& conn, const Clock& clock, Random& random,
                        const store::ActivityRow& activity,
                        const std::vector<store::SeatChange>& changes);
//! Runs `fn` in a transaction, again (up to 5 times) when the store asks for a retry (the seat's
//! guard changed no row, SQLite was busy, PostgreSQL found a deadlock or a serialization failure).
template <typename Fn>
auto WithRetry(store::Database& db, Fn&& fn) -> decltype(store::InTransaction(db, fn)) {
  for (int attempt = 1;; ++attempt) {
    auto result = store::InTransaction(db, fn);
    const bool again = !result && (result.error().code == ErrorCode::kUnavailable ||
                                   result.error().message_key == "error.db.retry");
    if (!again || attempt == 5) return result;
  }
}

}  // namespace zj::app
