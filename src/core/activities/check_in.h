// Check-in at an activity or a class session by scanning the member card's QR code on a cadre's
// phone (issue 22), offline-tolerant: the phone queues scans while offline and sends them when
// back online, possibly twice (a retry after a lost answer). Each scan carries an id the phone
// made (a random id per scan), so a replay is recognised and answered as before, never counted
// twice; a second scan of the same member is refused as a double check-in. The card's signed
// token is verified elsewhere (app/cards/card_token.h); here: the scan id's form, replays,
// doubles, and whether the scan's time falls in the check-in window. Pure functions.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace zj::activities {

//! A scan id: 8 to 64 characters of [A-Za-z0-9_-] (a UUID's 36 characters fit).
bool IsScanId(std::string_view scan_id);

//! When check-in is open: from `before_minutes` before the start to the end. A scan's own time
//! (the phone's clock at scanning, kept while offline) must fall in it, and may not be later
//! than its arrival plus `clock_skew_minutes` (a phone clock running fast cannot move a scan
//! into the window); a queued scan is accepted up to `replay_days` after the end.
struct CheckInWindow {
  std::int64_t starts_at_ms = 0;
  std::int64_t ends_at_ms = 0;
  int before_minutes = 60;
  int clock_skew_minutes = 5;
  int replay_days = 7;
  bool walk_ins = false;  //!< members without a seat may check in (open activities)
};

struct Scan {
  std::string scan_id;
  std::int64_t member_id = 0;       //!< from the verified card token
  std::int64_t scanned_at_ms = 0;   //!< the phone's clock when scanned
  std::int64_t received_at_ms = 0;  //!< the server's clock when it arrived
};

enum class ScanOutcome {
  kRecorded,       //!< a new check-in
  kReplay,         //!< this scan id was recorded before: the same answer, nothing new
  kAlreadyIn,      //!< the member checked in with another scan: "error.check_in.twice"
  kNotRegistered,  //!< no seat and no walk-ins: "error.check_in.not_registered"
  kTooEarly,       //!< before the window: "error.check_in.too_early"
  kTooLate,        //!< after the window: "error.check_in.too_late"
  kFromTheFuture,  //!< scanned after its arrival + skew: "error.check_in.clock"
  kReplayTooLate,  //!< arrived more than replay_days after the end: "error.check_in.stale"
  kBadScanId,      //!< malformed, or recorded for another member: "error.check_in.scan_id"
};
std::string_view ScanOutcomeCode(ScanOutcome outcome);  //!< "recorded", "replay", …
//! The message key of a refusal; "" for kRecorded and kReplay.
std::string_view ScanOutcomeKey(ScanOutcome outcome);

//! What the activity already has: the scan ids recorded, with their member, and the members
//! holding a seat (seated or offered; a waitlisted member has no seat).
struct CheckInBook {
  std::unordered_map<std::string, std::int64_t> scans;  //!< scan id → member
  std::unordered_set<std::int64_t> checked_in;          //!< members
  std::unordered_set<std::int64_t> seated;              //!< members with a seat
};

//! One scan against the book. A recorded scan is not added: see Replay.
ScanOutcome Judge(const CheckInWindow& window, const CheckInBook& book, const Scan& scan);

//! A batch of queued scans in the phone's order: each judged against the book plus the scans
//! recorded before it in the batch (a scan id twice in the batch is a replay the second time).
//! The book is updated with every recorded scan, so the store writes exactly those.
std::vector<ScanOutcome> Replay(const CheckInWindow& window, CheckInBook& book,
                                std::span<const Scan> scans);

}  // namespace zj::activities
