// The hotline's look-ups: the queue's search by tracking number, phone or name, the counts on
// its tabs, and a member's requests.
#include <algorithm>

#include "app/orgs/org_scope.h"
#include "app/requests/request_internal.h"
#include "app/requests/request_service.h"
#include "core/orgs/org_path.h"
#include "core/personal_data/phone.h"
#include "core/requests/tracking_number.h"
#include "core/text/field_limits.h"
#include "core/text/halfwidth.h"
#include "store/served_marks.h"

namespace zj::app {

using namespace requests_internal;  // NOLINT(google-build-using-namespace): this module's own

namespace {

//! The subtree of `org_id` (checked against the actor's scope, kNotFound on org_id outside),
//! else the actor's own scope; nothing for an actor without one.
Result<std::optional<std::pair<std::string, std::string>>> RangeOf(
    store::Connection& conn, const Actor& actor, std::optional<std::int64_t> org_id) {
  auto range = ScopeRange(actor);
  if (!range) return std::optional<std::pair<std::string, std::string>>();
  if (org_id) {
    ZJ_ASSIGN_OR_RETURN(auto org, LoadOrgInScope(conn, actor, *org_id, "org_id"));
    const OrgPath p = OrgPath::FromStored(org.path);
    return std::optional(std::pair(p.SubtreeLow(), p.SubtreeHigh()));
  }
  return std::optional(std::pair(range->first, range->second));
}

}  // namespace

Result<RequestPage> RequestService::Search(store::Connection& conn, const RequestFilter& filter,
                                           const std::string& low, const std::string& high) {
  // q may be a phone number or a name: it is never written to a log or an error's detail.
  const std::string typed = text::ToHalfWidth(text::TrimSpaces(filter.q));
  if (auto too_long = text::CheckLength("q", typed, text::TextKind::kSearch)) {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "q", {}, {}};
    e.fields.push_back(std::move(*too_long));
    return Fail(std::move(e));
  }
  store::RequestSearch q;
  q.home_low = low;
  q.home_high = high;
  q.before_id = filter.before_id;
  q.limit = std::clamp(filter.limit, 1, 200) + 1;
  std::string digits;  // a number read out with spaces or hyphens
  for (const char c : typed) {
    if (c != ' ' && c != '-') digits += c;
  }
  const bool numeric = !digits.empty() && std::all_of(digits.begin(), digits.end(),
                                                      [](char c) { return c >= '0' && c <= '9'; });
  if (auto number = requests::ParseTrackingNumber(digits)) {
    q.tracking_number = *number;
  } else if (auto phone = personal_data::NormalisePhone(digits, "q")) {
    q.phone_indexes = vault_.BlindIndexes(kPhoneField, *phone);
  } else if (numeric) {
    return RequestPage{};  // neither a whole number nor a phone: nobody is named by digits
  } else {
    q.contact_name = typed;  // as stored: trimmed, exact
  }
  ZJ_ASSIGN_OR_RETURN(auto rows, store::SearchRequests(conn, q));
  return PageOf(conn, std::move(rows), static_cast<std::size_t>(q.limit - 1));
}

Result<QueueCountsView> RequestService::Counts(const Actor& actor,
                                               std::optional<std::int64_t> org_id) {
  if (!MayRegister(actor)) return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto range, RangeOf(*lease, actor, org_id));
  QueueCountsView view;
  view.cap = kQueueCountCap;
  if (!range) return view;
  const std::int64_t org = org_id ? *org_id : actor.org_id.value_or(0);
  ZJ_ASSIGN_OR_RETURN(view.counts, store::CountQueues(*lease, range->first, range->second, org,
                                                      clock_.NowMs(), kQueueCountCap));
  return view;
}

Result<RequestPage> RequestService::ForMember(const Actor& actor, std::int64_t member_id,
                                              std::int64_t before_id, int limit) {
  if (!MayRegister(actor)) return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto place, store::MemberPlace(*lease, member_id));
  if (!place || !PathInScope(actor, place->first)) {
    return Fail(ErrorCode::kNotFound, "error.not_found", "member " + std::to_string(member_id));
  }
  ZJ_ASSIGN_OR_RETURN(auto range, RangeOf(*lease, actor, std::nullopt));
  if (!range) return RequestPage{};
  store::RequestSearch q;
  q.home_low = range->first;
  q.home_high = range->second;
  q.member_id = member_id;
  q.before_id = before_id;
  q.limit = std::clamp(limit, 1, 200) + 1;
  ZJ_ASSIGN_OR_RETURN(auto rows, store::SearchRequests(*lease, q));
  return PageOf(*lease, std::move(rows), static_cast<std::size_t>(q.limit - 1));
}

}  // namespace zj::app
