#include "core/activities/check_in.h"

#include <algorithm>
#include <array>

namespace zj::activities {

namespace {

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kDayMs = 86'400'000;

struct OutcomeText {
  std::string_view code;
  std::string_view key;
};

constexpr std::array<OutcomeText, 9> kOutcomes{{
    {"recorded", ""},
    {"replay", ""},
    {"already_in", "error.check_in.twice"},
    {"not_registered", "error.check_in.not_registered"},
    {"too_early", "error.check_in.too_early"},
    {"too_late", "error.check_in.too_late"},
    {"from_the_future", "error.check_in.clock"},
    {"replay_too_late", "error.check_in.stale"},
    {"bad_scan_id", "error.check_in.scan_id"},
}};

}  // namespace

bool IsScanId(std::string_view id) {
  if (id.size() < 8 || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

std::string_view ScanOutcomeCode(ScanOutcome outcome) {
  return kOutcomes[static_cast<std::size_t>(outcome)].code;
}

std::string_view ScanOutcomeKey(ScanOutcome outcome) {
  return kOutcomes[static_cast<std::size_t>(outcome)].key;
}

ScanOutcome Judge(const CheckInWindow& w, const CheckInBook& book, const Scan& scan) {
  if (!IsScanId(scan.scan_id)) return ScanOutcome::kBadScanId;
  // A replay is answered as the first time, whatever the clock says now.
  // An id reused for another member is a broken client, not a replay.
  if (const auto it = book.scans.find(scan.scan_id); it != book.scans.end()) {
    return it->second == scan.member_id ? ScanOutcome::kReplay : ScanOutcome::kBadScanId;
  }
  if (scan.received_at_ms >= w.ends_at_ms + w.replay_days * kDayMs) {
    return ScanOutcome::kReplayTooLate;
  }
  if (scan.scanned_at_ms > scan.received_at_ms + w.clock_skew_minutes * kMinuteMs) {
    return ScanOutcome::kFromTheFuture;
  }
  if (scan.scanned_at_ms < w.starts_at_ms - w.before_minutes * kMinuteMs) {
    return ScanOutcome::kTooEarly;
  }
  if (scan.scanned_at_ms >= w.ends_at_ms) return ScanOutcome::kTooLate;
  if (book.checked_in.contains(scan.member_id)) return ScanOutcome::kAlreadyIn;
  if (!w.walk_ins && !book.seated.contains(scan.member_id)) return ScanOutcome::kNotRegistered;
  return ScanOutcome::kRecorded;
}

std::vector<ScanOutcome> Replay(const CheckInWindow& window, CheckInBook& book,
                                std::span<const Scan> scans) {
  std::vector<ScanOutcome> out;
  out.reserve(scans.size());
  for (const Scan& scan : scans) {
    const ScanOutcome outcome = Judge(window, book, scan);
    if (outcome == ScanOutcome::kRecorded) {
      book.scans.emplace(scan.scan_id, scan.member_id);
      book.checked_in.insert(scan.member_id);
    }
    out.push_back(outcome);
  }
  return out;
}

}  // namespace zj::activities
