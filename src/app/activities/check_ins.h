// Check-in at an activity by scanning the member card's QR on a cadre's phone, offline-tolerant
// (issue 22; docs/design/activities.md "Offline check-in replay", "Reach"). The phone sends its
// queued scans as a batch; one transaction per batch on the activity's locked row: each card
// token is checked by CheckCardToken at the scan's own time (an offline scan arrives after its
// token expired), the member must be in the activity's audience (and so in the actor's
// subtree), then core Replay against the book decides recorded / replay / already in / refused.
// A recorded scan inserts a check-in, counts it on the activity and marks the member reached
// (app/coverage/reached.h). Cadres, staff and administrators of the activity's org or above;
// anything outside their subtree is kNotFound.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/actor.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "app/personal_data/vault.h"
#include "core/result.h"
#include "store/activity_check_ins.h"
#include "store/database.h"
#include "store/reached_marks.h"

namespace zj::app {

//! The most scans one batch may carry.
inline constexpr std::size_t kMaxScansPerBatch = 500;

//! One scan as the phone queued it.
struct ScanIn {
  std::string scan_id;  //!< the phone's id of the scan (core IsScanId)
  std::string token;    //!< the card's QR payload
  std::int64_t scanned_at = 0;
};

//! What became of one scan.
struct ScanAnswer {
  std::string scan_id;
  //! recorded, replay, already_in or refused.
  std::string outcome;
  //! Why refused: bad_token, token_expired, not_in_audience, or the core's code (not_registered,
  //! too_early, too_late, from_the_future, replay_too_late, bad_scan_id); "" otherwise.
  std::string reason;
  std::string message_key;  //!< the refusal's message; "" for recorded and replay
  std::optional<std::int64_t> member_id;
  std::string member_name;  //!< masked; "" when the card was not accepted
};

//! A check-in as the organiser sees it: the member's masked name, never more.
struct CheckInView {
  store::CheckInRow row;
  std::string member_name_masked;
  std::string union_name;
};

//! Reach of an org's subtree: members, reached by an activity in 12 months, not reached, and
//! the street federations of the subtree with theirs.
struct ReachView {
  store::ReachRow org;
  std::int64_t not_reached = 0;
  std::vector<store::ReachRow> streets;
};

class CheckInService {
 public:
  CheckInService(store::Database& db, const Clock& clock, const Vault& vault, AuditService& audit)
      : db_(db), clock_(clock), vault_(vault), audit_(audit) {}

  //! Records a batch (at most kMaxScansPerBatch; a field error "scans" beyond), each scan's
  //! answer in the batch's order. kConflict "error.activity.status" for a draft or cancelled
  //! activity.
  Result<std::vector<ScanAnswer>> Record(const Actor& actor, std::int64_t activity_id,
                                         const std::vector<ScanIn>& scans);
  //! The activity's check-ins, latest first (at most 20,000).
  Result<std::vector<CheckInView>> List(const Actor& actor, std::int64_t activity_id);
  //! The reach of `org_id` (default: the actor's org), one read of rollups.
  Result<ReachView> Reach(const Actor& actor, std::optional<std::int64_t> org_id);

 private:
  store::Database& db_;
  const Clock& clock_;
  const Vault& vault_;
  AuditService& audit_;
};

}  // namespace zj::app
