// The handling org's moves: accept, contact, resolve, reject, close, transfer, notes and
// replies; the state change with its counters, notifications and history events.
#include <algorithm>

#include "app/coverage/served.h"
#include "app/notify/outbox.h"
#include "app/requests/request_internal.h"
#include "app/requests/request_service.h"
#include "app/worker_accounts/inbox.h"
#include "core/i18n/messages.h"
#include "core/orgs/org_path.h"
#include "core/requests/routing.h"
#include "core/requests/service_stats.h"
#include "core/text/halfwidth.h"
#include "store/request_stats.h"

namespace zj::app {

using namespace requests_internal;  // NOLINT(google-build-using-namespace): this module's own

Result<RequestView> RequestService::Act(const Actor& actor, std::int64_t id,
                                        requests::Action action, const std::string& body) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  ZJ_ASSIGN_OR_RETURN(auto row, LoadVisible(*lease, actor, id));
  if (!MayHandle(actor)) return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  const std::string text(text::TrimSpaces(body));
  if ((action == requests::Action::kResolve || action == requests::Action::kReject) &&
      text.empty()) {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "body", {}, {}};
    e.fields.push_back({"body",
                        action == requests::Action::kResolve ? "error.requests.resolution_required"
                                                             : "error.requests.reason_required",
                        {}});
    return Fail(std::move(e));
  }
  if (CodePoints(text) > kMaxText) {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "body", {}, {}};
    e.fields.push_back({"body", "error.field.too_long", {{"max", std::to_string(kMaxText)}}});
    return Fail(std::move(e));
  }
  const std::string before = row.status;
  ZJ_RETURN_IF_ERROR(Move(*lease, row, action, requests::Party::kHandler, actor.user_id, text));
  // Every move a handler makes is on record (the text may carry personal data: not copied).
  ZJ_RETURN_IF_ERROR(audit_.Record(
      *lease, AuditActor::From(actor),
      AuditEvent{
          "request." + std::string(requests::ActionName(action)),
          "service_request",
          std::to_string(row.id),
          "ok",
          actor.remote_addr,
          {{"tracking_number", row.tracking_number}, {"from", before}, {"to", row.status}}}));
  if (action == requests::Action::kResolve && row.member_id) {  // 有效覆盖: a member served
    ZJ_RETURN_IF_ERROR(MarkServed(*lease, *row.member_id, clock_.NowMs()));
  }
  if (action == requests::Action::kAccept || action == requests::Action::kContact) {
    row.handler_user_id = actor.user_id;
  }
  ZJ_RETURN_IF_ERROR(store::UpdateRequest(*lease, row));
  // The worker hears of it in the portal's inbox, with the move (same transaction).
  if (const auto kind = InboxKindOf(action)) {
    ZJ_RETURN_IF_ERROR(NotifyRequesters(*lease, vault_, clock_, random_, row, *kind));
  }
  ZJ_RETURN_IF_ERROR(tx.Commit());
  return ViewOf(*lease, row, true, &actor);
}

Result<RequestView> RequestService::Transfer(const Actor& actor, std::int64_t id,
                                             std::int64_t to_org_id, const std::string& reason) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  ZJ_ASSIGN_OR_RETURN(auto row, LoadVisible(*lease, actor, id));
  if (!MayHandle(actor)) return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "transfer", {}, {}};
  const std::string text(text::TrimSpaces(reason));
  if (text.empty()) invalid.fields.push_back({"reason", "error.field.required", {}});
  if (CodePoints(text) > kMaxText) {
    invalid.fields.push_back(
        {"reason", "error.field.too_long", {{"max", std::to_string(kMaxText)}}});
  }
  ZJ_ASSIGN_OR_RETURN(auto target, store::FindOrgById(*lease, to_org_id));
  if (!target || target->status != "active" || !requests::LevelOfOrgKind(target->kind) ||
      target->id == row.org_id) {
    invalid.fields.push_back({"to_org_id", "error.requests.transfer_target", {}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  const auto status = requests::ParseStatus(row.status);
  if (!status || !requests::IsOpen(*status)) {
    return Fail(Conflict(row.status, requests::Action::kAccept));
  }
  const std::int64_t now = clock_.NowMs();
  const std::string old_home_path = row.home_path;
  const std::string from_org = row.org_name;
  row.org_id = target->id;
  row.home_path = target->path;
  row.updated_at = now;
  ZJ_ASSIGN_OR_RETURN(const requests::Sla sla, SlaFor(*lease, row.category_code));
  Assign(row, *calendars_.Current(), sla, now);
  ZJ_RETURN_IF_ERROR(store::UpdateRequest(*lease, row));
  ZJ_RETURN_IF_ERROR(MoveCounts(*lease, row, old_home_path));
  store::RequestEventRow event = Event("transferred", text, true);
  event.org_id = target->id;
  ZJ_RETURN_IF_ERROR(AddEvent(*lease, row, actor.user_id, std::move(event)));
  ZJ_RETURN_IF_ERROR(Notify(*lease, *target, "notify.request.transferred", row,
                            {{"from", from_org}, {"reason", text}}));
  ZJ_RETURN_IF_ERROR(audit_.Record(
      *lease, AuditActor::From(actor),
      AuditEvent{"request.transfer",
                 "service_request",
                 std::to_string(row.id),
                 "ok",
                 actor.remote_addr,
                 {{"tracking_number", row.tracking_number}, {"to_org", target->code}}}));
  ZJ_RETURN_IF_ERROR(tx.Commit());
  row.org_name = target->name;
  return ViewOf(*lease, row, true, &actor);
}

Result<RequestView> RequestService::AddMessage(const Actor& actor, std::int64_t id,
                                               const std::string& body, bool internal) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  ZJ_ASSIGN_OR_RETURN(auto row, LoadVisible(*lease, actor, id));
  if (!MayHandle(actor)) return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  const std::string text(text::TrimSpaces(body));
  if (text.empty() || CodePoints(text) > kMaxText) {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "body", {}, {}};
    e.fields.push_back(
        text.empty()
            ? FieldError{"body", "error.field.required", {}}
            : FieldError{"body", "error.field.too_long", {{"max", std::to_string(kMaxText)}}});
    return Fail(std::move(e));
  }
  ZJ_RETURN_IF_ERROR(
      AddEvent(*lease, row, actor.user_id, Event(internal ? "note" : "reply", text, internal)));
  row.updated_at = clock_.NowMs();
  ZJ_RETURN_IF_ERROR(store::UpdateRequest(*lease, row));
  if (!internal) {  // a reply reaches the worker's inbox; an internal note never does
    ZJ_RETURN_IF_ERROR(
        NotifyRequesters(*lease, vault_, clock_, random_, row, inbox_kind::kRequestReply));
  }
  ZJ_RETURN_IF_ERROR(tx.Commit());
  return ViewOf(*lease, row, true, &actor);
}

Result<void> RequestService::Move(store::Connection& conn, store::RequestRow& row,
                                  requests::Action action, requests::Party party,
                                  std::optional<std::int64_t> actor_id, const std::string& body) {
  const auto from = requests::ParseStatus(row.status);
  const auto to = from ? requests::NextStatus(*from, action, party) : std::nullopt;
  if (!to) return Fail(Conflict(row.status, action));
  const std::int64_t now = clock_.NowMs();
  // The dashboard's counters move with the request (same transaction). On time means within
  // the deadlines and never escalated: an escalation is a lapsed deadline, and the org above
  // acting at once on its fresh deadlines does not make the request timely (every escalated
  // request counted late, not on time).
  requests::StatsDelta counted;
  const bool never_late = row.escalations == 0;
  const bool accepting = !row.accepted_at && (action == requests::Action::kAccept ||
                                              action == requests::Action::kContact ||
                                              action == requests::Action::kResolve);
  if (accepting) {
    counted.accepted = 1;
    counted.accepted_on_time = never_late && now <= row.accept_by ? 1 : 0;
  }
  if (action == requests::Action::kResolve) {
    counted.resolved = 1;
    counted.resolved_on_time = never_late && now <= row.resolve_by ? 1 : 0;
    counted.resolved_within[requests::ResolveBucket(now - row.created_at)] = 1;
  }
  if (action == requests::Action::kReopen && row.resolved_at) {  // the resolution is undone
    counted.reopened = 1;
    counted.resolved = -1;
    counted.resolved_on_time = never_late && *row.resolved_at <= row.resolve_by ? -1 : 0;
    counted.resolved_within[requests::ResolveBucket(*row.resolved_at - row.created_at)] = -1;
  }
  ZJ_RETURN_IF_ERROR(Count(conn, row, counted));
  // Each milestone reached is judged as the counters above judge it (within the deadline in
  // force now, and never escalated), and that is kept: a later escalation or transfer replaces
  // the deadlines (see accept_met, migration 0016).
  const auto reach_accept = [&] {
    if (row.accepted_at) return;
    row.accepted_at = now;
    row.accept_met = never_late && now <= row.accept_by;
  };
  const auto reach_contact = [&] {
    if (row.contacted_at) return;
    row.contacted_at = now;
    row.contact_met = never_late && now <= row.contact_by;
  };
  switch (action) {
    case requests::Action::kAccept:
      reach_accept();
      break;
    case requests::Action::kContact:
      reach_accept();
      reach_contact();
      break;
    case requests::Action::kResolve:
      reach_accept();
      reach_contact();
      row.resolved_at = now;
      row.resolve_met = never_late && now <= row.resolve_by;
      row.resolution = body;
      break;
    case requests::Action::kReopen:
      row.resolve_met.reset();
      break;
    case requests::Action::kClose:
      row.closed_at = now;
      break;
    default:
      break;
  }
  const std::string before = row.status;
  row.status = std::string(requests::StatusName(*to));
  row.updated_at = now;
  RefreshNextDue(row);
  return AddEvent(conn, row, actor_id, StatusEvent(before, row.status, std::nullopt, body));
}

Result<void> RequestService::Count(store::Connection& conn, const store::RequestRow& r,
                                   const requests::StatsDelta& delta) {
  return store::AddRequestStats(conn, OrgPath::FromStored(r.home_path).Ids(),
                                requests::WeekOf(r.created_at), r.category_code, r.federation_id,
                                delta);
}

Result<void> RequestService::MoveCounts(store::Connection& conn, const store::RequestRow& r,
                                        const std::string& old_home_path) {
  // What the request has added so far. Only open requests move: a resolution undone by a
  // reopening took its figures back with it, and a rating closes the request, so what remains
  // is its submission, acceptance, escalations and reopenings.
  requests::StatsDelta added;
  added.submitted = 1;
  added.urgent = r.priority == "urgent" ? 1 : 0;
  if (r.accepted_at) {
    added.accepted = 1;
    added.accepted_on_time = r.accept_met.value_or(*r.accepted_at <= r.accept_by) ? 1 : 0;
  }
  added.escalated = r.escalations;
  ZJ_ASSIGN_OR_RETURN(auto events, store::RequestEvents(conn, r.id, true));
  for (const auto& e : events) {
    if (e.kind == "status" && e.from_status == "resolved" && e.to_status == "in_progress") {
      ++added.reopened;
    }
  }
  requests::StatsDelta taken;
  taken.submitted = -added.submitted;
  taken.urgent = -added.urgent;
  taken.accepted = -added.accepted;
  taken.accepted_on_time = -added.accepted_on_time;
  taken.escalated = -added.escalated;
  taken.reopened = -added.reopened;
  const std::vector<std::int64_t> before = OrgPath::FromStored(old_home_path).Ids();
  const std::vector<std::int64_t> after = OrgPath::FromStored(r.home_path).Ids();
  const auto outside = [](const std::vector<std::int64_t>& ids,
                          const std::vector<std::int64_t>& other) {
    std::vector<std::int64_t> out;
    for (const std::int64_t id : ids) {
      if (std::find(other.begin(), other.end(), id) == other.end()) out.push_back(id);
    }
    return out;
  };
  const std::string week = requests::WeekOf(r.created_at);
  ZJ_RETURN_IF_ERROR(store::AddRequestStats(conn, outside(before, after), week, r.category_code,
                                            r.federation_id, taken));
  return store::AddRequestStats(conn, outside(after, before), week, r.category_code,
                                r.federation_id, added);
}

Result<void> RequestService::Notify(store::Connection& conn, const store::OrgRow& org,
                                    const std::string& key, const store::RequestRow& r,
                                    const i18n::Args& extra) {
  i18n::Args args{{"title", r.title},
                  {"number", r.tracking_number},
                  {"org", org.name},
                  {"priority", r.priority == "urgent" ? "紧急" : "普通"},
                  {"accept_by", DeadlineDay(r.accept_by)},
                  {"escalations", std::to_string(r.escalations)}};
  args.insert(args.end(), extra.begin(), extra.end());
  const Message message{RecipientOf(org),
                        i18n::Translate(i18n::Locale::kZhCN, key + ".subject", args),
                        i18n::Translate(i18n::Locale::kZhCN, key + ".body", args)};
  return EnqueueNotification(conn, clock_, random_, "org", message);
}

Result<void> RequestService::AddEvent(store::Connection& conn, const store::RequestRow& row,
                                      std::optional<std::int64_t> actor_id,
                                      store::RequestEventRow event) {
  event.id = NewId(clock_, random_);
  event.federation_id = row.federation_id;
  event.request_id = row.id;
  event.at = clock_.NowMs();
  event.actor_id = actor_id;
  return store::InsertRequestEvent(conn, event);
}

}  // namespace zj::app
