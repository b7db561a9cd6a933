#include "app/legal/workbench_cards.h"

#include "app/legal/legal_rules.h"
#include "store/legal_cases.h"

namespace zj::app {

namespace {

Result<std::optional<Card>> CollectiveAlerts(const CardContext& ctx) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, ctx.db.Acquire());
  ZJ_ASSIGN_OR_RETURN(const bool district, MayAcknowledgeAlerts(*lease, ctx.actor));
  if (!district) return std::optional<Card>{};
  Card c;
  ZJ_ASSIGN_OR_RETURN(c.count,
                      store::CountUnacknowledgedAlerts(*lease, ctx.scope_low, ctx.scope_high));
  c.link = CardLink{"/legal-cases", {{"alert", "open"}}};
  return std::optional(std::move(c));
}

}  // namespace

void AddLegalCards(CardRegistry& registry) {
  registry.Add({"legal_collective_alerts", CardKind::kTodo, {"staff", "admin"}, CollectiveAlerts});
}

}  // namespace zj::app
