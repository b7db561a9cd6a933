// What the request use cases (request_*.cpp) share: the roles that may handle or register
// requests, the deadline arithmetic on a stored row, the chain of orgs above a place, and the
// shapes of history events and follow-up rows. Internal to app/requests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/accounts/account_service.h"
#include "app/requests/request_service.h"
#include "core/accounts/password_policy.h"
#include "core/calendar/work_calendar.h"
#include "core/requests/request_flow.h"
#include "core/requests/routing.h"
#include "core/requests/service_deadlines.h"
#include "core/result.h"
#include "core/text/field_limits.h"
#include "store/database.h"
#include "store/orgs.h"
#include "store/service_requests.h"

namespace zj::app::requests_internal {

inline constexpr std::string_view kPhoneField = kRequestPhoneField;
inline constexpr std::size_t kMaxTitle = text::MaxLength(text::TextKind::kTitle);
inline constexpr std::size_t kMaxText = text::MaxLength(text::TextKind::kText);
inline constexpr int kSweepBatch = 200;

using accounts::CodePoints;  // the one count of UTF-8 code points (password_policy.h)

inline Error NotFound() {
  return Error{ErrorCode::kNotFound, "error.not_found", "request", {}, {}};
}

Error Conflict(std::string_view from, requests::Action action);

inline bool MayHandle(const Actor& actor) {
  return actor.role == "cadre" || actor.role == "staff" || actor.role == "admin";
}

inline bool MayRegister(const Actor& actor) { return MayHandle(actor) || actor.role == "operator"; }

inline requests::Sla SlaOf(const store::CategoryRow& c) {
  return requests::Sla{c.accept_days, c.contact_days, c.resolve_days};
}

//! The deadlines of a stored request's category (categories are never deleted).
Result<requests::Sla> SlaFor(store::Connection& conn, const std::string& code);

inline requests::Progress ProgressOf(const store::RequestRow& r) {
  return requests::Progress{.accepted = r.accepted_at.has_value(),
                            .contacted = r.contacted_at.has_value(),
                            .resolved = r.resolved_at.has_value()};
}

//! Deadlines of a fresh assignment at `now` and the resulting next_due.
void Assign(store::RequestRow& r, const calendar::WorkCalendar& cal, const requests::Sla& sla,
            std::int64_t now);

void RefreshNextDue(store::RequestRow& r);

//! The orgs from `start` up to the root, each with its level (union groups skipped).
Result<std::vector<requests::Candidate>> ChainUpward(store::Connection& conn,
                                                     const store::OrgRow& start);

bool LastFourMatches(const std::string& stored, const std::string& typed);

//! An event row; the service fills id, request, time and actor.
store::RequestEventRow Event(std::string kind, std::optional<std::string> body = std::nullopt,
                             bool internal = false);

store::RequestEventRow StatusEvent(const std::string& from, const std::string& to,
                                   std::optional<std::int64_t> org_id,
                                   const std::string& body = "");

store::RequestEventRow Escalated(std::int64_t to_org, std::string_view milestone);

store::FollowUpRow FollowUp(const store::RequestRow& r, const std::string& org_path,
                            std::string reason, std::int64_t id, std::int64_t now);

//! The e-mail address of an org when its contact is one, else its code (the log shows it).
std::string RecipientOf(const store::OrgRow& org);

//! The last local day before a deadline (deadlines fall at the end of a day).
std::string DeadlineDay(std::int64_t deadline_ms);

}  // namespace zj::app::requests_internal
