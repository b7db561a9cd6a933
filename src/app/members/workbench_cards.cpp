#include "app/members/workbench_cards.h"

#include "app/members/transfer_service.h"
#include "core/coverage/coverage_figures.h"
#include "store/coverage.h"
#include "store/workbench_counts.h"

namespace zj::app {

namespace {

const std::vector<std::string> kEditors{"cadre", "staff", "admin"};
const std::vector<std::string> kViewers{"cadre", "staff", "operator", "admin"};

// Which pending transfers this account may decide is the transfer service's rule (either side,
// or staff above both after the wait): counted by reading its "decidable" box to the end.
// Pending transfers are few at any time; the statement reads the subtree's transfers by path.
Result<std::optional<Card>> Transfers(const CardContext& ctx) {
  TransferFilter filter;
  filter.box = "decidable";
  filter.limit = 200;
  std::int64_t n = 0;
  while (true) {
    ZJ_ASSIGN_OR_RETURN(TransferPage page, ctx.transfers.List(ctx.actor, filter));
    n += static_cast<std::int64_t>(page.items.size());
    if (!page.next_cursor) break;
    filter.after_id = *page.next_cursor;
  }
  Card c;
  c.count = n;
  c.link = CardLink{"/members/transfers", {{"box", "decidable"}}};
  return std::optional(std::move(c));
}

Result<std::optional<Card>> RunningImports(const CardContext& ctx) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, ctx.db.Acquire());
  Card c;
  ZJ_ASSIGN_OR_RETURN(c.count, store::CountRunningImports(*lease, ctx.scope_low, ctx.scope_high));
  c.link = CardLink{"/members/import", {{"status", "running"}}};
  return std::optional(std::move(c));
}

// The coverage rollup of the actor's own org, as the coverage page shows it.
Result<std::optional<store::RollupRow>> OwnRollup(const CardContext& ctx) {
  if (!ctx.actor.org_id) return std::optional<store::RollupRow>();
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, ctx.db.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::RollupRow row, store::RollupOf(*lease, *ctx.actor.org_id));
  return std::optional(row);
}

Result<std::optional<Card>> Members(const CardContext& ctx) {
  ZJ_ASSIGN_OR_RETURN(auto rollup, OwnRollup(ctx));
  if (!rollup) return std::optional<Card>();
  Card c;
  c.count = rollup->figures.members;
  c.link = CardLink{"/members", {}};
  return std::optional(std::move(c));
}

Result<std::optional<Card>> MembershipRate(const CardContext& ctx) {
  ZJ_ASSIGN_OR_RETURN(auto rollup, OwnRollup(ctx));
  if (!rollup) return std::optional<Card>();
  Card c;
  c.is_rate = true;
  c.rate = coverage::Rate(rollup->figures.members, rollup->figures.employees);
  c.link = CardLink{"/coverage", {}};
  return std::optional(std::move(c));
}

}  // namespace

void AddMemberCards(CardRegistry& registry) {
  registry.Add({"members_transfers", CardKind::kTodo, kEditors, Transfers});
  registry.Add({"members_imports_running", CardKind::kTodo, kEditors, RunningImports});
}

void AddMemberKpis(CardRegistry& registry) {
  registry.Add({"kpi_members", CardKind::kKpi, kViewers, Members});
  registry.Add({"kpi_membership_rate", CardKind::kKpi, kViewers, MembershipRate});
}

}  // namespace zj::app
