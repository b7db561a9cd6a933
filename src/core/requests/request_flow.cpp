#include "core/requests/request_flow.h"

#include <array>
#include <utility>

namespace zj::requests {

namespace {

constexpr std::array<std::pair<Status, std::string_view>, 7> kStatusNames{{
    {Status::kSubmitted, "submitted"},
    {Status::kAccepted, "accepted"},
    {Status::kInProgress, "in_progress"},
    {Status::kResolved, "resolved"},
    {Status::kClosed, "closed"},
    {Status::kRejected, "rejected"},
    {Status::kWithdrawn, "withdrawn"},
}};

constexpr std::array<std::pair<Action, std::string_view>, 7> kActionNames{{
    {Action::kAccept, "accept"},
    {Action::kContact, "contact"},
    {Action::kResolve, "resolve"},
    {Action::kClose, "close"},
    {Action::kReject, "reject"},
    {Action::kWithdraw, "withdraw"},
    {Action::kReopen, "reopen"},
}};

struct Transition {
  Status from;
  Action action;
  Party party;
  Status to;
};

// The whole table: anything not listed is refused.
constexpr std::array<Transition, 15> kTransitions{{
    {Status::kSubmitted, Action::kAccept, Party::kHandler, Status::kAccepted},
    {Status::kSubmitted, Action::kReject, Party::kHandler, Status::kRejected},
    {Status::kSubmitted, Action::kWithdraw, Party::kRequester, Status::kWithdrawn},
    // First contact may come with acceptance's paperwork still pending (a phoned-in case).
    {Status::kSubmitted, Action::kContact, Party::kHandler, Status::kInProgress},
    {Status::kAccepted, Action::kContact, Party::kHandler, Status::kInProgress},
    // A consultation answered on the spot is resolved at once (acceptance and contact implied).
    {Status::kSubmitted, Action::kResolve, Party::kHandler, Status::kResolved},
    {Status::kAccepted, Action::kResolve, Party::kHandler, Status::kResolved},
    {Status::kAccepted, Action::kWithdraw, Party::kRequester, Status::kWithdrawn},
    {Status::kInProgress, Action::kResolve, Party::kHandler, Status::kResolved},
    {Status::kInProgress, Action::kWithdraw, Party::kRequester, Status::kWithdrawn},
    {Status::kResolved, Action::kReopen, Party::kRequester, Status::kInProgress},
    {Status::kResolved, Action::kClose, Party::kRequester, Status::kClosed},
    {Status::kResolved, Action::kClose, Party::kHandler, Status::kClosed},
    {Status::kResolved, Action::kClose, Party::kSystem, Status::kClosed},
    {Status::kRejected, Action::kClose, Party::kSystem, Status::kClosed},
}};

}  // namespace

std::string_view StatusName(Status status) {
  for (const auto& [s, name] : kStatusNames) {
    if (s == status) return name;
  }
  return "";
}

std::optional<Status> ParseStatus(std::string_view text) {
  for (const auto& [s, name] : kStatusNames) {
    if (name == text) return s;
  }
  return std::nullopt;
}

std::string_view ActionName(Action action) {
  for (const auto& [a, name] : kActionNames) {
    if (a == action) return name;
  }
  return "";
}

std::optional<Action> ParseAction(std::string_view text) {
  for (const auto& [a, name] : kActionNames) {
    if (name == text) return a;
  }
  return std::nullopt;
}

std::optional<Status> NextStatus(Status from, Action action, Party party) {
  for (const Transition& t : kTransitions) {
    if (t.from == from && t.action == action && t.party == party) return t.to;
  }
  return std::nullopt;
}

bool IsOpen(Status status) {
  return status == Status::kSubmitted || status == Status::kAccepted ||
         status == Status::kInProgress;
}

std::vector<std::string_view> OfferedSteps(Status status) {
  switch (status) {
    case Status::kSubmitted:
      return {"accept", "transfer", "reject"};
    case Status::kAccepted:
      return {"contact", "resolve", "transfer"};
    case Status::kInProgress:
      return {"resolve", "transfer"};
    case Status::kResolved:
      return {"close"};
    default:
      return {};
  }
}

bool MayReopen(std::int64_t resolved_at_ms, std::int64_t now_ms) {
  return now_ms >= resolved_at_ms && now_ms - resolved_at_ms <= kRatingWindowMs;
}

bool NeedsFollowUp(std::optional<int> rating, std::int64_t resolved_at_ms, std::int64_t now_ms) {
  if (rating) return *rating <= 2;
  return now_ms - resolved_at_ms > kRatingWindowMs;
}

}  // namespace zj::requests
