// Rows of activities (migration 0039, issue 22 slice 2): the activity with its seat rules and
// counters, its chosen audience and its registrations; and the registration's transactions as
// docs/design/activities.md "Capacity never exceeded" describes them. The activity's row is the
// lock (SQLite: the store's Begin is BEGIN IMMEDIATE; PostgreSQL: SELECT … FOR UPDATE), its
// counters the truth; the core (core/activities/registration.h) decides, these functions apply
// the decision in the caller's transaction. Who may call them is app/activities'.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/activities/registration.h"
#include "store/database.h"

namespace zj::store {

struct ActivityRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::int64_t org_id = 0;
  std::string org_path;
  std::string kind = "culture";  //!< culture, sport, outing, service, lecture
  std::string title;
  std::string place;
  std::int64_t starts_at = 0;
  std::int64_t ends_at = 0;
  std::int64_t opens_at = 0;
  std::int64_t closes_at = 0;
  int capacity = 0;
  std::optional<int> waitlist_max;
  int cancel_cutoff_hours = 24;
  int confirm_hours = 24;
  bool walk_ins = false;
  std::int64_t fee_fen = 0;
  std::string audience = "subtree";  //!< subtree, orgs
  std::int64_t spend_planned_fen = 0;
  int prizes_planned = 0;
  std::string status = "draft";  //!< draft, open, closed, done, cancelled
  int seats_taken = 0;
  int waitlisted = 0;
  std::int64_t queue_next = 0;
  int checked_in = 0;
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

//! The seat rules the core decides by.
activities::SeatRules SeatRulesOf(const ActivityRow& row);

struct AudienceOrg {
  std::int64_t org_id = 0;
  std::string path;
  std::string name;
};

struct RegistrationRow {
  std::int64_t id = 0;
  std::int64_t activity_id = 0;
  std::int64_t member_id = 0;
  std::int64_t federation_id = 0;
  std::string state;  //!< seated, waitlisted, offered, cancelled, lapsed
  std::optional<std::int64_t> position;
  std::optional<std::int64_t> confirm_by;
  std::int64_t registered_at = 0;
  std::int64_t changed_at = 0;
  std::optional<std::int64_t> cancelled_by;
};

//! A registration from a row of its columns in table order (activity_seats.cpp reads them too).
RegistrationRow RegistrationFromRow(const RowView& r);

Result<void> InsertActivity(Connection& conn, const ActivityRow& row);
//! Writes the editable fields (kind … prizes_planned, updated_at); false when the activity is no
//! longer draft or open.
Result<bool> UpdateActivity(Connection& conn, const ActivityRow& row);
Result<std::optional<ActivityRow>> FindActivity(Connection& conn, std::int64_t id);
//! FindActivity that also locks the row until the transaction ends (PostgreSQL FOR UPDATE; on
//! SQLite the transaction holds the write lock already).
Result<std::optional<ActivityRow>> LockActivity(Connection& conn, std::int64_t id);
//! Activities whose org_path lies in [low, high), with `status` ("" for any), newest first,
//! after the cursor.
Result<std::vector<ActivityRow>> ListActivities(Connection& conn, const std::string& low,
                                                const std::string& high, const std::string& status,
                                                std::int64_t before_id, int limit);
//! Moves the status from `from` to `to`; false when it was not `from` any more.
Result<bool> MoveActivityStatus(Connection& conn, std::int64_t id, const std::string& from,
                                const std::string& to, std::int64_t now_ms);
//! Open activities whose org_path is a prefix of `member_path`, soonest first, at most 100.
Result<std::vector<ActivityRow>> OpenActivitiesAbove(Connection& conn,
                                                     const std::string& member_path);

//! Replaces the chosen orgs.
Result<void> SetActivityAudience(Connection& conn, std::int64_t activity_id,
                                 const std::vector<std::int64_t>& org_ids);
//! The chosen orgs with their current paths and names, by path.
Result<std::vector<AudienceOrg>> AudienceOf(Connection& conn, std::int64_t activity_id);

Result<std::optional<RegistrationRow>> FindRegistration(Connection& conn, std::int64_t activity_id,
                                                        std::int64_t member_id);
Result<std::optional<RegistrationRow>> FindRegistrationById(Connection& conn, std::int64_t id);
//! The staff's list: seated, then offered, then the waitlist by position, then cancelled and
//! lapsed; at most `limit`.
Result<std::vector<RegistrationRow>> RegistrationsOf(Connection& conn, std::int64_t activity_id,
                                                     int limit);
//! RegistrationsOf with each member's name and union's name (for the organiser's list, masked
//! by the caller).
struct NamedRegistration {
  RegistrationRow row;
  std::string member_name;
  std::string union_name;
};
Result<std::vector<NamedRegistration>> NamedRegistrationsOf(Connection& conn,
                                                            std::int64_t activity_id, int limit);
//! The member's live registrations (seated, waitlisted, offered), newest first, at most 200.
Result<std::vector<RegistrationRow>> LiveRegistrationsOfMember(Connection& conn,
                                                               std::int64_t member_id);
//! 1 for the first on the waitlist: the waitlisted rows at or before `position`.
Result<std::int64_t> WaitlistPlace(Connection& conn, std::int64_t activity_id,
                                   std::int64_t position);

// The seat transactions (activity_seats.cpp).

//! Registers the member in the caller's transaction: locks the activity, reads the member's row,
//! core Decide on the counters read under the lock, then the conditional counter update and the
//! insert (or the update of a cancelled or lapsed row). Refusals are Decide's; kNotFound when the
//! activity is gone; kAlreadyExists from the unique key (a concurrent second registration of the
//! same member: the caller answers registered_twice); kUnavailable "error.db.busy" when the
//! seat's guard changed no row (the caller retries the transaction).
Result<RegistrationRow> RegisterMember(Connection& conn, std::int64_t activity_id,
                                       std::int64_t member_id, std::int64_t new_id,
                                       std::int64_t now_ms);

//! A registration changed by the rebalancing (a lapsed offer, a promotion).
struct SeatChange {
  RegistrationRow row;  //!< after the change
  std::string from;
};

//! Cancels the member's registration (locks the activity first): core MayCancel unless `by_staff`
//! (staff cancel a live registration regardless of the cut-off), the counters, then Rebalance
//! in the same transaction. `changes` receives what the rebalancing did. Returns the cancelled
//! row.
Result<RegistrationRow> CancelRegistration(Connection& conn, std::int64_t activity_id,
                                           std::int64_t member_id, bool by_staff,
                                           std::optional<std::int64_t> cancelled_by,
                                           std::int64_t now_ms, std::vector<SeatChange>& changes);
//! Confirms the member's offer (locks the activity first; core MayConfirm): seated.
Result<RegistrationRow> ConfirmOffer(Connection& conn, std::int64_t activity_id,
                                     std::int64_t member_id, std::int64_t now_ms);
//! Core Rebalance on the locked activity: lapses offers past their deadline and gives each free
//! seat to the first waitlisted; the changes made.
Result<std::vector<SeatChange>> RebalanceActivity(Connection& conn, std::int64_t activity_id,
                                                  std::int64_t now_ms);
//! Every live registration of the activity cancelled (the activity is cancelled), counters to
//! zero; the rows cancelled.
Result<std::vector<RegistrationRow>> CancelEveryRegistration(Connection& conn,
                                                             std::int64_t activity_id,
                                                             std::int64_t cancelled_by,
                                                             std::int64_t now_ms);
//! Activities with an offer past its confirm-by at `now_ms` (the sweep's index), at most 500.
Result<std::vector<std::int64_t>> ActivitiesWithLapsedOffers(Connection& conn, std::int64_t now_ms);

}  // namespace zj::store
