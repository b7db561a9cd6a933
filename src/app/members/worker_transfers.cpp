// The worker's side of 会员关系接转 (TransferService::AskByWorker, WithdrawByWorker, OfWorker):
// a worker changing jobs asks on My membership for their own bound member; the unions decide as
// for a transfer the sending union asked (transfer_service.cpp). The worker acts only on the
// member their account is bound to, as stored now (not as the session remembers it).
#include "app/members/member_access.h"
#include "app/members/transfer_service.h"
#include "app/worker_accounts/worker_errors.h"
#include "core/text/field_limits.h"
#include "core/text/halfwidth.h"
#include "store/worker_accounts.h"

namespace zj::app {

namespace {

//! The member the worker's account is bound to now, or nullopt.
Result<std::optional<store::MemberRow>> BoundMember(store::Connection& c, const Actor& worker) {
  ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccount(c, *worker.worker_id));
  if (!account || !account->member_id) return std::optional<store::MemberRow>();
  return store::FindMemberById(c, *account->member_id);
}

}  // namespace

Result<TransferView> TransferService::AskByWorker(const Actor& worker, std::int64_t to_union_id,
                                                  const std::string& reason,
                                                  const std::string& new_employer) {
  if (!IsWorker(worker)) return Fail(NotAWorker());
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}};
  auto why = CheckReason("reason", reason);
  if (!why)
    invalid.fields.insert(invalid.fields.end(), why.error().fields.begin(),
                          why.error().fields.end());
  const std::string employer(text::TrimSpaces(new_employer));
  if (auto e = text::CheckLength("new_employer", employer, text::TextKind::kOrgName)) {
    invalid.fields.push_back({"new_employer", e->message_key, e->args});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<TransferView> {
    ZJ_ASSIGN_OR_RETURN(auto member, BoundMember(c, worker));
    if (!member) return Fail(NotBound());
    ZJ_ASSIGN_OR_RETURN(auto to_union, store::FindOrgById(c, to_union_id));
    // One answer for "no such union" and one that takes no members: the worker picked it from
    // the search, which lists only active grassroots unions.
    if (!to_union || to_union->kind != "grassroots" || to_union->status != "active") {
      return Fail(FieldProblem("to_union_id", "error.members.union_inactive"));
    }
    WorkerAsk ask{*worker.worker_id, std::nullopt};
    if (!employer.empty()) ask.new_employer = employer;
    return Request(c, worker, *member, *to_union, "from", *why, std::nullopt, ask);
  });
}

Result<TransferView> TransferService::WithdrawByWorker(const Actor& worker, std::int64_t id) {
  if (!IsWorker(worker)) return Fail(NotAWorker());
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<TransferView> {
    const Error not_found{
        ErrorCode::kNotFound, "error.not_found", "transfer " + std::to_string(id), {}, {}};
    ZJ_ASSIGN_OR_RETURN(auto member, BoundMember(c, worker));
    ZJ_ASSIGN_OR_RETURN(auto t, store::FindMemberTransfer(c, id));
    // Only a transfer of the worker's own member that this account asked for.
    if (!member || !t || t->member_id != member->id || t->requested_by_worker != worker.worker_id) {
      return Fail(not_found);
    }
    const Error not_pending{ErrorCode::kConflict, "error.transfers.not_pending", "", {}, {}};
    if (t->state != "pending") return Fail(not_pending);
    const std::int64_t now = clock_.NowMs();
    store::MemberTransferRow decided = *t;
    decided.state = "cancelled";
    decided.decided_by.reset();
    decided.decided_at = now;
    ZJ_ASSIGN_OR_RETURN(bool was_pending, store::DecideMemberTransfer(c, decided));
    if (!was_pending) return Fail(not_pending);
    store::MemberEventRow e;
    e.id = NewId(clock_, random_);
    e.federation_id = member->federation_id;
    e.member_id = member->id;
    e.at = now;
    e.event = "transfer_cancelled";
    e.detail = JsonObjectOfStrings({{"transfer", std::to_string(id)}, {"by", "worker"}});
    ZJ_RETURN_IF_ERROR(store::InsertMemberEvent(c, e));
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(worker),
                                     AuditEvent{"member.transfer.withdraw",
                                                "member_transfer",
                                                std::to_string(id),
                                                "ok",
                                                worker.remote_addr,
                                                {{"member", std::to_string(member->id)}}}));
    ZJ_ASSIGN_OR_RETURN(auto stored, store::FindMemberTransfer(c, id));
    return TransferViewFor(worker, *stored, now);
  });
}

Result<std::vector<store::MemberTransferRow>> TransferService::OfWorker(store::Connection& c,
                                                                        const Actor& worker) {
  if (!IsWorker(worker)) return Fail(NotAWorker());
  ZJ_ASSIGN_OR_RETURN(auto member, BoundMember(c, worker));
  if (!member) return Fail(NotBound());
  return store::TransfersOfMember(c, member->id);
}

}  // namespace zj::app
