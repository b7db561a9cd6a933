#include "app/hardship/workbench_cards.h"

#include "app/hardship/hardship_rules.h"
#include "store/hardship_flow.h"

namespace zj::app {

namespace {

// Those who work with files (MustManageHardship).
const std::vector<std::string> kCadres{"cadre", "staff", "admin"};

// Each count reads its queue's index (store/hardship_flow.h HardshipQueueStatement), so the
// cost follows the queue, not the subtree's files (tests/integration/open_work_plans_test.cpp).
Result<std::optional<Card>> FirstChecks(const CardContext& ctx) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, ctx.db.Acquire());
  Card c;
  ZJ_ASSIGN_OR_RETURN(
      c.count, store::CountHardshipFlows(*lease, ctx.scope_low, ctx.scope_high, "applied", ""));
  c.link = CardLink{"/hardship", {{"stage", "applied"}}};
  return std::optional(std::move(c));
}

Result<std::optional<Card>> ReviewsDue(const CardContext& ctx) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, ctx.db.Acquire());
  const FixedClock now(ctx.now_ms);  // the workbench's now, as the list's rule reads it
  ZJ_ASSIGN_OR_RETURN(std::string due_by, ReviewsDueBy(*lease, now, ctx.actor));
  Card c;
  ZJ_ASSIGN_OR_RETURN(c.count,
                      store::CountHardshipFlows(*lease, ctx.scope_low, ctx.scope_high, "", due_by));
  c.link = CardLink{"/hardship", {{"review", "due"}}};
  return std::optional(std::move(c));
}

Result<std::optional<Card>> SpotChecks(const CardContext& ctx) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, ctx.db.Acquire());
  Card c;
  ZJ_ASSIGN_OR_RETURN(c.count, store::CountHardshipFlows(*lease, ctx.scope_low, ctx.scope_high, "",
                                                         "", /*spot_check_due=*/true));
  c.link = CardLink{"/hardship", {{"spot_check", "due"}}};
  return std::optional(std::move(c));
}

}  // namespace

void AddHardshipCards(CardRegistry& registry) {
  registry.Add({"hardship_first_checks", CardKind::kTodo, kCadres, FirstChecks});
  registry.Add({"hardship_reviews_due", CardKind::kTodo, kCadres, ReviewsDue});
  registry.Add({"hardship_spot_checks", CardKind::kTodo, kCadres, SpotChecks});
}

}  // namespace zj::app
