// The life of a service request (诉求) as a state machine: who may move it from which state
// to which. The handling org accepts, makes first contact, resolves; the worker may withdraw
// an open request and reopen a resolved one within the rating window; the system (or the
// handler after rating) closes it. Rejection needs a reason, resolution a summary (app layer).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace zj::requests {

enum class Status { kSubmitted, kAccepted, kInProgress, kResolved, kClosed, kRejected, kWithdrawn };
enum class Action { kAccept, kContact, kResolve, kClose, kReject, kWithdraw, kReopen };
//! Who acts: the org handling the request, the worker who asked, or the server itself.
enum class Party { kHandler, kRequester, kSystem };

std::string_view StatusName(Status status);  //!< "submitted", "in_progress", …
std::optional<Status> ParseStatus(std::string_view text);
std::string_view ActionName(Action action);  //!< "accept", "contact", …
std::optional<Action> ParseAction(std::string_view text);

//! The status `action` by `party` leads to from `from`, or nothing when it is not allowed.
std::optional<Status> NextStatus(Status from, Action action, Party party);

//! Submitted, accepted or in progress: the request still waits for the org.
bool IsOpen(Status status);

//! The moves a handling org is offered on a request in `status`, the next step first: the main
//! line one step at a time (accept, then contact, then resolve), then the hand-over to another
//! org ("transfer", while open) and the refusal ("reject", before acceptance only), or "close"
//! once resolved. The shortcuts NextStatus also allows (contact or resolve straight from
//! submitted, for a case settled on the phone) stay possible but are not offered: five buttons
//! at once made the next step hard to see. Names as ActionName, plus "transfer".
std::vector<std::string_view> OfferedSteps(Status status);

//! How long after resolution the worker may rate or reopen, and after which an unanswered
//! rating opens a follow-up visit (回访): 7 days.
inline constexpr std::int64_t kRatingWindowMs = 7LL * 24 * 3600 * 1000;

//! Whether the worker may still reopen a request resolved at `resolved_at_ms`.
bool MayReopen(std::int64_t resolved_at_ms, std::int64_t now_ms);

//! Whether a resolved request needs a follow-up visit: rated 1–2, or not rated once the rating
//! window has passed. A rating must be 1..5.
bool NeedsFollowUp(std::optional<int> rating, std::int64_t resolved_at_ms, std::int64_t now_ms);

}  // namespace zj::requests
