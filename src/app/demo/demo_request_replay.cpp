// Replays the planned requests through the real use cases (demo_history.h): the submission as
// the registering account (or the worker on the portal), each move by the demo account of the
// org handling the request at that moment (escalated ones by the org above), the worker's
// moves by tracking number and phone digits as on the portal.
#include "app/demo/demo_history_parts.h"
#include "app/orgs/org_scope.h"
#include "core/orgs/org_path.h"
#include "store/members.h"
#include "store/served_marks.h"
#include "store/service_requests.h"

namespace zj::app::demo {

namespace {

//! A member recorded by hand under `r.recorded_under` by now, as the caller (when there is one).
Result<void> DrawRecordedCaller(World& w, PlannedRequest& r) {
  const OrgPath under = OrgPath::FromStored(r.recorded_under->path);
  std::vector<std::int64_t> ids;
  for (const auto& [id, path] : w.recorded) {
    if (under.Contains(OrgPath::FromStored(path))) ids.push_back(id);
  }
  if (ids.empty()) return {};
  std::optional<store::MemberRow> m;
  {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, w.app.db().Acquire());
    ZJ_ASSIGN_OR_RETURN(m, store::FindMemberById(*lease, ids[w.people.Pick(ids.size())]));
  }
  if (!m || m->status != "active" || !m->employer_id) return {};
  r.in.member_id = m->id;
  r.in.contact_name = m->name;
  r.in.employer_id = m->employer_id;
  if (m->phone_cipher) {
    if (auto phone = w.app.vault().Open(kMemberPhoneField, *m->phone_cipher)) {
      r.in.contact_phone = *phone;
    }
  }
  return {};
}

Result<void> Submit(World& w, PlannedRequest& r) {
  if (r.recorded_under != nullptr) ZJ_RETURN_IF_ERROR(DrawRecordedCaller(w, r));
  if (r.in.member_id && r.by != nullptr) {
    // A union registers a request for a member of its own subtree only (intake answers 404
    // otherwise); a member transferred away since calls the hotline, whose reach is the city.
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, w.app.db().Acquire());
    ZJ_ASSIGN_OR_RETURN(auto place, store::MemberPlace(*lease, *r.in.member_id));
    if (place && !app::PathInScope(*r.by, place->first)) {
      r.by = &w.operator_actor;
      r.in.channel = "hotline";
    }
  }
  std::optional<Actor> actor;
  if (r.by != nullptr) actor = *r.by;
  ZJ_ASSIGN_OR_RETURN(RequestView view, w.app.requests().Submit(actor, r.in, r.remote_addr));
  r.id = view.row.id;
  r.tracking_number = view.row.tracking_number;
  r.last4 = view.row.contact_phone_last4;
  ++w.report.requests;
  return {};
}

//! The demo account handling the request now: the one of the org it is with.
Result<const Actor*> Handler(World& w, std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, w.app.db().Acquire());
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindRequestById(*lease, id));
  if (!row) return Fail(ErrorCode::kInternal, "error.internal", "demo request gone");
  const store::OrgRow* org = w.Org(row->org_id);
  return &w.HandlerFor(org != nullptr ? org->path : row->home_path);
}

Result<void> Play(World& w, PlannedRequest& r, const PlannedMove& m) {
  if (r.id == 0) return {};
  RequestService& requests = w.app.requests();
  switch (m.kind) {
    case MoveKind::kAccept:
    case MoveKind::kContact:
    case MoveKind::kResolve:
    case MoveKind::kReject: {
      ZJ_ASSIGN_OR_RETURN(const Actor* actor, Handler(w, r.id));
      const requests::Action action = m.kind == MoveKind::kAccept    ? requests::Action::kAccept
                                      : m.kind == MoveKind::kContact ? requests::Action::kContact
                                      : m.kind == MoveKind::kResolve ? requests::Action::kResolve
                                                                     : requests::Action::kReject;
      ZJ_RETURN_IF_ERROR(requests.Act(*actor, r.id, action, m.text));
      return {};
    }
    case MoveKind::kHandOver: {
      ZJ_ASSIGN_OR_RETURN(const Actor* actor, Handler(w, r.id));
      ZJ_RETURN_IF_ERROR(requests.Transfer(*actor, r.id, m.to_org, m.text));
      return {};
    }
    case MoveKind::kWithdraw:
      ZJ_RETURN_IF_ERROR(requests.Withdraw(r.tracking_number, r.last4));
      return {};
    case MoveKind::kRate:
      ZJ_RETURN_IF_ERROR(requests.Rate(r.tracking_number, r.last4, m.rating, m.text));
      return {};
    case MoveKind::kReopen:
      ZJ_RETURN_IF_ERROR(requests.Reopen(r.tracking_number, r.last4, m.text));
      return {};
    case MoveKind::kFollowUp: {
      std::optional<store::FollowUpRow> visit;
      {
        ZJ_ASSIGN_OR_RETURN(store::Lease lease, w.app.db().Acquire());
        ZJ_ASSIGN_OR_RETURN(visit, store::FollowUpOf(*lease, r.id));
      }
      if (!visit || visit->done_at) {  // rated after all, or visited already
        ++w.report.skipped;
        return {};
      }
      ZJ_RETURN_IF_ERROR(requests.FinishFollowUp(w.HandlerFor(visit->org_path), r.id, m.text));
      return {};
    }
  }
  return {};
}

}  // namespace

void ScheduleRequests(World& w, std::deque<PlannedRequest>& planned, Timeline& timeline) {
  for (PlannedRequest& r : planned) {
    PlannedRequest* request = &r;  // a deque's elements stay where they are
    timeline.At(r.at, [&w, request] { return Submit(w, *request); });
    for (std::size_t i = 0; i < r.moves.size(); ++i) {
      timeline.At(r.moves[i].at, [&w, request, i] { return Play(w, *request, request->moves[i]); });
    }
  }
}

}  // namespace zj::app::demo
