#include "app/worker_accounts/workbench_cards.h"

#include "store/member_corrections.h"
#include "store/worker_bindings.h"

namespace zj::app {

namespace {

// Those who decide bindings: the roles that manage members (BindingService, MustManageMembers).
const std::vector<std::string> kDeciders{"cadre", "staff", "admin"};

Result<std::optional<Card>> BindingsToApprove(const CardContext& ctx) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, ctx.db.Acquire());
  Card c;
  ZJ_ASSIGN_OR_RETURN(c.count, store::CountPendingBindings(*lease, ctx.scope_low, ctx.scope_high));
  c.link = CardLink{"/worker-bindings", {{"state", "pending"}}};
  return std::optional(std::move(c));
}

// Flat in cost: a range of the partial index of pending corrections (migration 0025).
Result<std::optional<Card>> CorrectionsToDecide(const CardContext& ctx) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, ctx.db.Acquire());
  Card c;
  ZJ_ASSIGN_OR_RETURN(c.count,
                      store::CountPendingCorrections(*lease, ctx.scope_low, ctx.scope_high));
  c.link = CardLink{"/member-corrections", {{"state", "pending"}}};
  return std::optional(std::move(c));
}

}  // namespace

void AddAccountCards(CardRegistry& registry) {
  registry.Add({"accounts_bindings_to_approve", CardKind::kTodo, kDeciders, BindingsToApprove});
  registry.Add({"accounts_corrections_to_decide", CardKind::kTodo, kDeciders, CorrectionsToDecide});
}

}  // namespace zj::app
