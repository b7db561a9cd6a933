#include "app/requests/request_internal.h"

#include <algorithm>

#include "core/members/calendar_date.h"
#include "core/orgs/org_path.h"
#include "core/text/halfwidth.h"

namespace zj::app::requests_internal {

Error Conflict(std::string_view from, requests::Action action) {
  Error e{ErrorCode::kConflict,
          "error.requests.not_allowed",
          std::string(from) + " -/-> " + std::string(requests::ActionName(action)),
          {},
          {}};
  return std::move(e).With("status", std::string(from));
}

//! The deadlines of a stored request's category (categories are never deleted).
Result<requests::Sla> SlaFor(store::Connection& conn, const std::string& code) {
  ZJ_ASSIGN_OR_RETURN(auto category, store::FindCategory(conn, code));
  if (!category) return Fail(ErrorCode::kInternal, "error.internal", "category " + code);
  return SlaOf(*category);
}

//! Deadlines of a fresh assignment at `now` and the resulting next_due.
void Assign(store::RequestRow& r, const calendar::WorkCalendar& cal, const requests::Sla& sla,
            std::int64_t now) {
  const requests::Deadlines d = requests::DeadlinesFrom(cal, sla, now);
  r.assigned_at = now;
  r.accept_by = d.accept_by;
  r.contact_by = d.contact_by;
  r.resolve_by = d.resolve_by;
  r.next_due = requests::NextDeadline(d, ProgressOf(r));
}

void RefreshNextDue(store::RequestRow& r) {
  const auto status = requests::ParseStatus(r.status);
  if (!status || !requests::IsOpen(*status)) {
    r.next_due.reset();
    return;
  }
  r.next_due = requests::NextDeadline({r.accept_by, r.contact_by, r.resolve_by}, ProgressOf(r));
}

//! The orgs from `start` up to the root, each with its level (union groups skipped).
Result<std::vector<requests::Candidate>> ChainUpward(store::Connection& conn,
                                                     const store::OrgRow& start) {
  std::vector<std::int64_t> ids = OrgPath::FromStored(start.path).Ids();
  std::reverse(ids.begin(), ids.end());
  std::vector<requests::Candidate> chain;
  for (const std::int64_t id : ids) {
    ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(conn, id));
    if (!org || org->status != "active") continue;
    if (auto level = requests::LevelOfOrgKind(org->kind)) chain.push_back({org->id, *level});
  }
  return chain;
}

bool LastFourMatches(const std::string& stored, const std::string& typed) {
  const std::string t = text::ToHalfWidth(text::TrimSpaces(typed));
  if (t.size() != 4 || stored.size() != 4) return false;
  unsigned diff = 0;  // compare every digit, whatever the first mismatch
  for (std::size_t i = 0; i < 4; ++i) diff |= static_cast<unsigned>(stored[i] ^ t[i]);
  return diff == 0;
}

//! An event row; the service fills id, request, time and actor.
store::RequestEventRow Event(std::string kind, std::optional<std::string> body, bool internal) {
  store::RequestEventRow e;
  e.kind = std::move(kind);
  e.body = std::move(body);
  e.internal = internal;
  return e;
}

store::RequestEventRow StatusEvent(const std::string& from, const std::string& to,
                                   std::optional<std::int64_t> org_id, const std::string& body) {
  store::RequestEventRow e =
      Event("status", body.empty() ? std::nullopt : std::optional<std::string>(body));
  if (!from.empty()) e.from_status = from;
  e.to_status = to;
  e.org_id = org_id;
  return e;
}

store::RequestEventRow Escalated(std::int64_t to_org, std::string_view milestone) {
  store::RequestEventRow e = Event("escalated", std::string(milestone), true);
  e.org_id = to_org;
  return e;
}

store::FollowUpRow FollowUp(const store::RequestRow& r, const std::string& org_path,
                            std::string reason, std::int64_t id, std::int64_t now) {
  store::FollowUpRow f;
  f.id = id;
  f.federation_id = r.federation_id;
  f.request_id = r.id;
  f.org_id = r.org_id;
  f.org_path = org_path;
  f.reason = std::move(reason);
  f.created_at = now;
  return f;
}

//! The e-mail address of an org when its contact is one, else its code (the log shows it).
std::string RecipientOf(const store::OrgRow& org) {
  if (org.contact && org.contact->find('@') != std::string::npos) {
    return std::string(text::TrimSpaces(*org.contact));
  }
  return org.code;
}

//! The last local day before a deadline (deadlines fall at the end of a day).
std::string DeadlineDay(std::int64_t deadline_ms) {
  return members::FormatDate(members::Date{calendar::LocalDay(deadline_ms - 1)});
}

}  // namespace zj::app::requests_internal
