// The cadre's side of binding: pending bindings of the subtree, approve, reject (audited).
#include <algorithm>

#include "app/coverage/online.h"
#include "app/members/member_access.h"
#include "app/members/member_service.h"
#include "app/orgs/org_scope.h"
#include "app/worker_accounts/binding_service.h"
#include "core/personal_data/masking.h"
#include "core/text/halfwidth.h"
#include "store/worker_accounts.h"

namespace zj::app {

namespace {

constexpr std::size_t kMaxNote = 500;

Error BindingNotFound(std::int64_t id) {
  return Error{
      ErrorCode::kNotFound, "error.not_found", "worker binding " + std::to_string(id), {}, {}};
}

}  // namespace

WorkerBindingView BindingService::ViewOf(store::WorkerBindingRow row) const {
  WorkerBindingView view{std::move(row), "", std::nullopt, ""};
  const store::WorkerBindingRow& r = view.row;
  auto id = vault_.Open(kMemberIdField, r.member_id_cipher);
  view.member_id_masked = id ? personal_data::MaskNationalId(*id) : std::string(18, '*');
  if (r.member_phone_cipher) {
    auto phone = vault_.Open(kMemberPhoneField, *r.member_phone_cipher);
    view.member_phone_masked = phone ? personal_data::MaskPhone(*phone) : std::string(11, '*');
  }
  auto phone = vault_.Open(kWorkerPhoneField, r.worker_phone_cipher);
  view.worker_phone_masked = phone ? personal_data::MaskPhone(*phone) : std::string(11, '*');
  return view;
}

Result<BindingPage> BindingService::List(const Actor& actor, const BindingFilter& filter) {
  ZJ_RETURN_IF_ERROR(MustManageMembers(actor));
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}};
  if (filter.limit < 1 || filter.limit > 200) {
    invalid.fields.push_back({"limit", "error.field.limit", {{"max", "200"}}});
  }
  static const std::vector<std::string> kStates{"", "pending", "approved", "rejected", "cancelled"};
  if (std::find(kStates.begin(), kStates.end(), filter.state) == kStates.end()) {
    invalid.fields.push_back({"state", "error.transfers.state", {}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  BindingPage page;
  const auto range = ScopeRange(actor);
  if (!range) return page;
  store::WorkerBindingQuery q{range->first, range->second, filter.state, filter.before_id,
                              filter.limit + 1};
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto rows, store::ListWorkerBindings(*lease, q));
  if (static_cast<int>(rows.size()) > filter.limit) {
    rows.pop_back();
    page.next_cursor = rows.back().id;
  }
  for (auto& r : rows) page.items.push_back(ViewOf(std::move(r)));
  return page;
}

Result<WorkerBindingView> BindingService::Approve(const Actor& actor, std::int64_t id,
                                                  const std::string& note) {
  return Decide(actor, id, true, note);
}

Result<WorkerBindingView> BindingService::Reject(const Actor& actor, std::int64_t id,
                                                 const std::string& note) {
  return Decide(actor, id, false, note);
}

Result<WorkerBindingView> BindingService::Decide(const Actor& actor, std::int64_t id, bool approve,
                                                 const std::string& note_input) {
  ZJ_RETURN_IF_ERROR(MustManageMembers(actor));
  const std::string note(text::TrimSpaces(note_input));
  if (note_input.size() > 4 * kMaxNote) {
    return Fail(FieldProblem("note", "error.field.too_long", {{"max", std::to_string(kMaxNote)}}));
  }
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto found, store::FindWorkerBinding(*lease, id));
  if (!found || !PathInScope(actor, found->org_path)) return Fail(BindingNotFound(id));
  if (found->state != "pending") {
    return Fail(ErrorCode::kConflict, "error.binding.decided", "binding decided already");
  }
  ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccount(*lease, found->worker_id));
  if (approve && account && account->member_id && *account->member_id != found->member_id) {
    return Fail(ErrorCode::kConflict, "error.binding.already_bound", "account bound elsewhere");
  }
  const std::int64_t now = clock_.NowMs();
  store::WorkerBindingRow decided = *found;
  decided.state = approve ? "approved" : "rejected";
  decided.decided_by = actor.user_id;
  decided.decided_at = now;
  if (!note.empty()) decided.decision_note = note;
  std::optional<std::int64_t> unbound;
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  ZJ_ASSIGN_OR_RETURN(bool changed, store::DecideWorkerBinding(*lease, decided));
  if (!changed) {
    return Fail(ErrorCode::kConflict, "error.binding.decided", "binding decided meanwhile");
  }
  if (approve) {
    ZJ_ASSIGN_OR_RETURN(auto holder, store::FindWorkerAccountByMember(*lease, found->member_id));
    if (holder && holder->id != found->worker_id) {
      unbound = holder->id;
      ZJ_RETURN_IF_ERROR(store::UnbindMember(*lease, found->member_id));
    }
    ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(*lease, found->member_id));
    ZJ_RETURN_IF_ERROR(
        store::BindWorkerAccount(*lease, found->worker_id, found->member_id,
                                 member ? member->federation_id : found->federation_id, now));
    // Reached online once: a member another account held (or this one) was counted already.
    if (!holder && member) ZJ_RETURN_IF_ERROR(CountBoundMember(*lease, *member));
  }
  std::vector<std::pair<std::string, std::string>> detail{
      {"member_id", std::to_string(found->member_id)}, {"reason", found->reason}};
  if (unbound) detail.emplace_back("unbound_worker_id", std::to_string(*unbound));
  ZJ_RETURN_IF_ERROR(audit_.Record(
      *lease, AuditActor::From(actor),
      AuditEvent{approve ? "worker_binding.approve" : "worker_binding.reject", "worker_binding",
                 std::to_string(id), "ok", actor.remote_addr, std::move(detail)}));
  ZJ_RETURN_IF_ERROR(tx.Commit());
  sign_in_.ForgetWorker(found->worker_id);
  if (unbound) sign_in_.ForgetWorker(*unbound);
  ZJ_ASSIGN_OR_RETURN(auto after, store::FindWorkerBinding(*lease, id));
  if (!after) return Fail(BindingNotFound(id));
  return ViewOf(std::move(*after));
}

}  // namespace zj::app
