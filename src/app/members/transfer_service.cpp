#include "app/members/transfer_service.h"

#include "app/coverage/online.h"
#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "app/worker_accounts/inbox.h"
#include "core/members/national_id.h"
#include "core/orgs/org_path.h"
#include "core/text/halfwidth.h"
#include "store/member_corrections.h"
#include "store/orgs.h"
#include "store/talent.h"

namespace zj::app {

namespace {

constexpr int kMaxLimit = 200;
constexpr std::string_view kIdField = "members.id_number";

Error TransferNotFound(std::int64_t id) {
  return Error{ErrorCode::kNotFound, "error.not_found", "transfer " + std::to_string(id), {}, {}};
}

Error Problem(ErrorCode code, const std::string& key, const std::string& field = {}) {
  Error e{code, key, field, {}, {}};
  if (!field.empty()) e.fields.push_back({field, key, {}});
  return e;
}

bool Sees(const Actor& actor, const store::MemberTransferRow& t) {
  return PathInScope(actor, t.from_path) || PathInScope(actor, t.to_path);
}

const std::string& RequestingPath(const store::MemberTransferRow& t) {
  return t.requested_side == "from" ? t.from_path : t.to_path;
}

const std::string& OtherPath(const store::MemberTransferRow& t) {
  return t.requested_side == "from" ? t.to_path : t.from_path;
}

Result<void> RecordEvent(store::Connection& conn, const Clock& clock, Random& random,
                         const Actor& actor, std::int64_t federation_id, std::int64_t member_id,
                         const std::string& event,
                         const std::vector<std::pair<std::string, std::string>>& detail) {
  store::MemberEventRow e;
  e.id = NewId(clock, random);
  e.federation_id = federation_id;
  e.member_id = member_id;
  e.at = clock.NowMs();
  if (actor.user_id != 0) e.actor_id = actor.user_id;
  e.event = event;
  e.detail = JsonObjectOfStrings(detail);
  return store::InsertMemberEvent(conn, e);
}

//! The union a transfer goes to: an active grassroots union.
Result<store::OrgRow> ReceivingUnion(store::Connection& conn, const Actor& actor, std::int64_t id,
                                     bool in_scope) {
  std::optional<store::OrgRow> org;
  if (in_scope) {
    ZJ_ASSIGN_OR_RETURN(org, LoadOrgInScope(conn, actor, id, "to_union_id"));
  } else {
    ZJ_ASSIGN_OR_RETURN(org, store::FindOrgById(conn, id));
    if (!org) return Fail(OrgNotFound("to_union_id", "org " + std::to_string(id)));
  }
  if (org->kind != "grassroots") {
    return Fail(FieldProblem("to_union_id", "error.members.not_grassroots"));
  }
  if (org->status != "active") {
    return Fail(FieldProblem("to_union_id", "error.members.union_inactive"));
  }
  return *org;
}

}  // namespace

TransferView TransferViewFor(const Actor& actor, const store::MemberTransferRow& row,
                             std::int64_t now_ms) {
  TransferView view{row, std::string(14, '*') + row.member_id_last4, false, false};
  if (row.state != "pending" || !ManagesMembers(actor)) return view;
  const bool requesting = PathInScope(actor, RequestingPath(row));
  const bool other = PathInScope(actor, OtherPath(row));
  // The other side decides; staff above both only once the request is overdue.
  const bool above_both = requesting && other && (actor.role == "staff" || actor.role == "admin");
  view.can_decide = (other && !requesting) || (above_both && now_ms >= row.due_at);
  view.can_cancel = requesting;
  return view;
}

Result<TransferView> TransferService::Request(store::Connection& c, const Actor& actor,
                                              const store::MemberRow& member,
                                              const store::OrgRow& to_union,
                                              const std::string& side, const std::string& reason,
                                              std::optional<std::int64_t> import_id,
                                              const std::optional<WorkerAsk>& by_worker) {
  // The field a worker's form shows a problem on; staff forms name the member's field.
  const std::string member_field = by_worker        ? "to_union_id"
                                   : side == "from" ? "member_id"
                                                    : "id_number";
  if (member.status != "active") {
    return Fail(
        Problem(ErrorCode::kFailedPrecondition, "error.transfers.member_inactive", member_field));
  }
  if (member.union_org_id == to_union.id) {
    return Fail(FieldProblem("to_union_id", "error.transfers.same_union"));
  }
  store::MemberTransferRow t;
  t.id = NewId(clock_, random_);
  t.federation_id = member.federation_id;
  t.member_id = member.id;
  t.from_union_id = member.union_org_id;
  t.to_union_id = to_union.id;
  t.from_path = member.org_path;
  t.to_path = to_union.path;
  t.requested_side = side;
  t.requested_by = actor.user_id;
  t.reason = reason;
  t.state = "pending";
  t.created_at = clock_.NowMs();
  t.due_at = calendars_.Current()->DeadlineMs(t.created_at, kTransferDueWorkingDays);
  t.import_id = import_id;
  if (by_worker) {
    t.requested_by_worker = by_worker->worker_id;
    t.new_employer = by_worker->new_employer;
  }
  auto inserted = store::InsertMemberTransfer(c, t);
  if (!inserted) {
    if (inserted.error().code == ErrorCode::kAlreadyExists) {
      return Fail(Problem(ErrorCode::kAlreadyExists, "error.transfers.pending", member_field));
    }
    return Fail(inserted.error());
  }
  std::vector<std::pair<std::string, std::string>> detail{{"transfer", std::to_string(t.id)},
                                                          {"from", member.union_name},
                                                          {"to", to_union.name},
                                                          {"side", side}};
  if (by_worker) detail.emplace_back("asked_by", "worker");
  ZJ_RETURN_IF_ERROR(RecordEvent(c, clock_, random_, actor, member.federation_id, member.id,
                                 "transfer_requested", detail));
  ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor),
                                   AuditEvent{"member.transfer.request",
                                              "member_transfer",
                                              std::to_string(t.id),
                                              "ok",
                                              actor.remote_addr,
                                              {{"member", std::to_string(member.id)},
                                               {"side", side},
                                               {"to_union", std::to_string(to_union.id)}}}));
  ZJ_ASSIGN_OR_RETURN(auto stored, store::FindMemberTransfer(c, t.id));
  return TransferViewFor(actor, *stored, clock_.NowMs());
}

Result<TransferView> TransferService::RequestFromSender(const Actor& actor, std::int64_t member_id,
                                                        std::int64_t to_union_id,
                                                        const std::string& reason) {
  ZJ_RETURN_IF_ERROR(MustManageMembers(actor));
  ZJ_ASSIGN_OR_RETURN(std::string why, CheckReason("reason", reason));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<TransferView> {
    ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(c, member_id));
    if (!member || !PathInScope(actor, member->org_path)) {
      Error e = MemberNotFound(member_id);
      e.fields.push_back({"member_id", "error.not_found", {}});
      return Fail(std::move(e));
    }
    ZJ_ASSIGN_OR_RETURN(store::OrgRow to_union, ReceivingUnion(c, actor, to_union_id, false));
    return Request(c, actor, *member, to_union, "from", why, std::nullopt);
  });
}

Result<TransferView> TransferService::RequestFromSenderByCode(const Actor& actor,
                                                              std::int64_t member_id,
                                                              const std::string& to_union_code,
                                                              const std::string& reason) {
  ZJ_RETURN_IF_ERROR(MustManageMembers(actor));
  ZJ_ASSIGN_OR_RETURN(std::string why, CheckReason("reason", reason));
  const std::string code(text::TrimSpaces(to_union_code));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<TransferView> {
    ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(c, member_id));
    if (!member || !PathInScope(actor, member->org_path)) {
      Error e = MemberNotFound(member_id);
      e.fields.push_back({"member_id", "error.not_found", {}});
      return Fail(std::move(e));
    }
    ZJ_ASSIGN_OR_RETURN(auto to_union, store::FindOrgByCode(c, code));
    if (code.empty() || !to_union || to_union->kind != "grassroots" ||
        to_union->status != "active") {
      return Fail(FieldProblem("to_union_code", "error.members.union_code"));
    }
    return Request(c, actor, *member, *to_union, "from", why, std::nullopt);
  });
}

Result<TransferView> TransferService::RequestByReceiver(const Actor& actor,
                                                        const std::string& id_number,
                                                        std::int64_t to_union_id,
                                                        const std::string& reason) {
  ZJ_RETURN_IF_ERROR(MustManageMembers(actor));
  ZJ_ASSIGN_OR_RETURN(std::string why, CheckReason("reason", reason));
  const members::IdParse parsed = members::ParseNationalId(id_number, TodayInChina(clock_));
  if (!parsed.id) {
    return Fail(FieldProblem("id_number", std::string(members::IdProblemKey(*parsed.problem))));
  }
  const auto indexes = vault_.BlindIndexes(kIdField, parsed.id->number);
  if (indexes.empty()) {
    return Fail(ErrorCode::kFailedPrecondition, "error.keys.missing", "no keys loaded");
  }
  ZJ_RETURN_IF_ERROR(lookups_.Check(actor));
  std::int64_t found = 0;  // the member found beyond the actor's subtree, for the audit
  bool looked = false;
  auto made = store::InTransaction(db_, [&](store::Connection& c) -> Result<TransferView> {
    ZJ_ASSIGN_OR_RETURN(store::OrgRow to_union, ReceivingUnion(c, actor, to_union_id, true));
    looked = true;
    ZJ_ASSIGN_OR_RETURN(auto rows, store::FindMembersByIdIndexes(c, indexes));
    for (const auto& m : rows) {
      if (m.status != "active") continue;
      if (!PathInScope(actor, m.org_path)) found = m.id;
      return Request(c, actor, m, to_union, "to", why, std::nullopt);
    }
    return Fail(Problem(ErrorCode::kNotFound, "error.transfers.no_active_member", "id_number"));
  });
  if (looked) lookups_.Record(actor, "transfer", found);
  return made;
}

// The header's signature, older than this check; making `reason` a reference rebuilds every
// includer of application.h, left for a commit of its own.
// NOLINTBEGIN(performance-unnecessary-value-param)
Result<TransferView> TransferService::RequestByMember(const Actor& actor, std::int64_t member_id,
                                                      std::int64_t to_union_id, std::string reason,
                                                      std::optional<std::int64_t> import_id) {
  // NOLINTEND(performance-unnecessary-value-param)
  ZJ_RETURN_IF_ERROR(MustManageMembers(actor));
  ZJ_ASSIGN_OR_RETURN(std::string why, CheckReason("reason", reason));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<TransferView> {
    ZJ_ASSIGN_OR_RETURN(store::OrgRow to_union, ReceivingUnion(c, actor, to_union_id, true));
    ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(c, member_id));
    if (!member) {
      Error e = MemberNotFound(member_id);
      e.fields.push_back({"member_id", "error.not_found", {}});
      return Fail(std::move(e));
    }
    return Request(c, actor, *member, to_union, "to", why, import_id);
  });
}

Result<TransferView> TransferService::Decide(const Actor& actor, std::int64_t id,
                                             const std::string& state, const std::string& note) {
  ZJ_RETURN_IF_ERROR(MustManageMembers(actor));
  std::optional<std::string> why;
  const std::string trimmed(text::TrimSpaces(note));
  if (state == "rejected") {
    ZJ_ASSIGN_OR_RETURN(why, CheckReason("note", note));
  } else if (!trimmed.empty()) {
    ZJ_ASSIGN_OR_RETURN(why, CheckReason("note", note));
  }
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<TransferView> {
    ZJ_ASSIGN_OR_RETURN(auto t, store::FindMemberTransfer(c, id));
    if (!t || !Sees(actor, *t)) return Fail(TransferNotFound(id));
    if (t->state != "pending") {
      return Fail(Problem(ErrorCode::kConflict, "error.transfers.not_pending"));
    }
    const std::int64_t now = clock_.NowMs();
    const TransferView before = TransferViewFor(actor, *t, now);
    const bool allowed = state == "cancelled" ? before.can_cancel : before.can_decide;
    if (!allowed) {
      return Fail(
          ErrorCode::kPermissionDenied,
          state == "cancelled" ? "error.transfers.not_requester" : "error.transfers.not_decider",
          "transfer " + std::to_string(id));
    }
    ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(c, t->member_id));
    if (!member) return Fail(TransferNotFound(id));
    store::MemberTransferRow decided = *t;
    decided.state = state;
    decided.decided_by =
        actor.user_id != 0 ? std::optional<std::int64_t>(actor.user_id) : std::nullopt;
    decided.decided_at = now;
    decided.decision_note = why;
    ZJ_ASSIGN_OR_RETURN(bool was_pending, store::DecideMemberTransfer(c, decided));
    if (!was_pending) return Fail(Problem(ErrorCode::kConflict, "error.transfers.not_pending"));
    if (state == "approved") {
      if (member->status != "active" || member->union_org_id != t->from_union_id) {
        return Fail(Problem(ErrorCode::kConflict, "error.transfers.member_inactive"));
      }
      ZJ_ASSIGN_OR_RETURN(auto to_union, store::FindOrgById(c, t->to_union_id));
      if (!to_union || to_union->status != "active" || to_union->kind != "grassroots") {
        return Fail(Problem(ErrorCode::kFailedPrecondition, "error.members.union_inactive"));
      }
      store::MemberRow moved = *member;
      moved.union_org_id = to_union->id;
      moved.org_path = to_union->path;
      moved.federation_id = to_union->federation_id;
      // The employer was the old union's enterprise; the new union records the new one.
      moved.employer_id.reset();
      moved.employer_name.reset();
      moved.updated_at = now;
      ZJ_RETURN_IF_ERROR(store::UpdateMember(c, moved));
      ZJ_RETURN_IF_ERROR(MoveMemberCount(c, member->org_path, -1));
      ZJ_RETURN_IF_ERROR(MoveMemberCount(c, moved.org_path, +1));
      ZJ_RETURN_IF_ERROR(MoveBoundMember(c, *member, member->org_path, moved.org_path));
      // A correction the worker asked for is decided by the union the member is in now.
      ZJ_RETURN_IF_ERROR(
          store::MoveMemberCorrections(c, member->id, moved.org_path, moved.federation_id));
      // The talent pool's entry is searched by the union the member is in now (issue 22).
      ZJ_RETURN_IF_ERROR(
          store::MoveTalentEntry(c, member->id, moved.org_path, moved.federation_id));
      ZJ_RETURN_IF_ERROR(RecordEvent(c, clock_, random_, actor, moved.federation_id, moved.id,
                                     "transferred",
                                     {{"transfer", std::to_string(id)},
                                      {"from", member->union_name},
                                      {"to", to_union->name}}));
    } else {
      ZJ_RETURN_IF_ERROR(RecordEvent(c, clock_, random_, actor, member->federation_id, member->id,
                                     "transfer_" + state, {{"transfer", std::to_string(id)}}));
    }
    // The worker who asked on My membership hears of the unions' decision in their inbox.
    if (t->requested_by_worker && state != "cancelled") {
      ZJ_RETURN_IF_ERROR(NotifyWorker(
          c, clock_, random_, *t->requested_by_worker,
          state == "approved" ? inbox_kind::kTransferApproved : inbox_kind::kTransferRejected,
          JsonObjectOfStrings({{"from", t->from_union_name}, {"to", t->to_union_name}}), id));
    }
    const std::string action = state == "approved"   ? "member.transfer.approve"
                               : state == "rejected" ? "member.transfer.reject"
                                                     : "member.transfer.cancel";
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor),
                                     AuditEvent{action,
                                                "member_transfer",
                                                std::to_string(id),
                                                "ok",
                                                actor.remote_addr,
                                                {{"member", std::to_string(t->member_id)}}}));
    ZJ_ASSIGN_OR_RETURN(auto stored, store::FindMemberTransfer(c, id));
    return TransferViewFor(actor, *stored, now);
  });
}

Result<TransferView> TransferService::Approve(const Actor& actor, std::int64_t id,
                                              const std::string& note) {
  return Decide(actor, id, "approved", note);
}

Result<TransferView> TransferService::Reject(const Actor& actor, std::int64_t id,
                                             const std::string& note) {
  return Decide(actor, id, "rejected", note);
}

Result<TransferView> TransferService::Cancel(const Actor& actor, std::int64_t id) {
  return Decide(actor, id, "cancelled", "");
}

Result<TransferView> TransferService::Get(const Actor& actor, std::int64_t id) {
  ZJ_RETURN_IF_ERROR(MustReadMembers(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto t, store::FindMemberTransfer(*lease, id));
  if (!t || !Sees(actor, *t)) return Fail(TransferNotFound(id));
  return TransferViewFor(actor, *t, clock_.NowMs());
}

Result<TransferPage> TransferService::List(const Actor& actor, const TransferFilter& filter) {
  ZJ_RETURN_IF_ERROR(MustReadMembers(actor));
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}};
  store::TransferQuery q;
  if (filter.box == "incoming") {
    q.box = store::TransferBox::kIncoming;
  } else if (filter.box == "outgoing") {
    q.box = store::TransferBox::kOutgoing;
  } else if (filter.box == "decidable") {
    q.box = store::TransferBox::kDecidable;
  } else {
    invalid.fields.push_back({"box", "error.transfers.box", {}});
  }
  if (!filter.state.empty() && filter.state != "pending" && filter.state != "approved" &&
      filter.state != "rejected" && filter.state != "cancelled") {
    invalid.fields.push_back({"state", "error.transfers.state", {}});
  }
  if (filter.limit < 1 || filter.limit > kMaxLimit) {
    invalid.fields.push_back(
        {"limit", "error.field.out_of_range", {{"min", "1"}, {"max", std::to_string(kMaxLimit)}}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  const auto range = ScopeRange(actor);
  if (!range) return TransferPage{};
  q.subtree_low = range->first;
  q.subtree_high = range->second;
  q.state = q.box == store::TransferBox::kDecidable ? "pending" : filter.state;
  q.after_id = filter.after_id;
  const std::int64_t now = clock_.NowMs();
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  TransferPage page;
  // Decidable: pending ones of either side, of which the actor may decide only some; read on
  // in pages until the page is full or the rows run out.
  while (true) {
    q.limit = filter.limit + 1;
    ZJ_ASSIGN_OR_RETURN(auto rows, store::ListMemberTransfers(*lease, q));
    for (const auto& row : rows) {
      q.after_id = row.id;
      TransferView view = TransferViewFor(actor, row, now);
      if (q.box == store::TransferBox::kDecidable && !view.can_decide) continue;
      if (static_cast<int>(page.items.size()) == filter.limit) {
        page.next_cursor = page.items.back().row.id;
        return page;
      }
      page.items.push_back(std::move(view));
    }
    if (static_cast<int>(rows.size()) < q.limit) break;
  }
  return page;
}

Result<std::vector<TransferView>> TransferService::OfMember(store::Connection& conn,
                                                            const Actor& actor,
                                                            std::int64_t member_id) {
  ZJ_ASSIGN_OR_RETURN(auto rows, store::TransfersOfMember(conn, member_id));
  std::vector<TransferView> out;
  const std::int64_t now = clock_.NowMs();
  for (const auto& row : rows) {
    if (Sees(actor, row)) out.push_back(TransferViewFor(actor, row, now));
  }
  return out;
}

}  // namespace zj::app
