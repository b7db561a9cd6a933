#include "app/aid/workbench_cards.h"

#include "app/orgs/org_scope.h"
#include "core/aid/aid_rules.h"
#include "store/aid_grants.h"
#include "store/orgs.h"

namespace zj::app {

namespace {

// Those who decide grants (AidService, MustWorkWithAid).
const std::vector<std::string> kDeciders{"cadre", "staff", "admin"};

// Flat in cost: a range of the index aid_grants_queue (status, approver_level, org_path, id).
Result<std::optional<Card>> AidToDecide(const CardContext& ctx) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, ctx.db.Acquire());
  std::string level;  // an administrator decides at any level
  if (!SeesEverything(ctx.actor)) {
    if (!ctx.actor.org_id) return std::optional<Card>{};
    ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(*lease, *ctx.actor.org_id));
    const auto own = org ? aid::LevelOfOrgKind(org->kind) : std::nullopt;
    if (!own) return std::optional<Card>{};
    level = std::string(aid::OrgLevelCode(*own));
  }
  Card c;
  ZJ_ASSIGN_OR_RETURN(c.count,
                      store::CountAidToDecide(*lease, ctx.scope_low, ctx.scope_high, level));
  c.link = CardLink{"/aid-grants", {}};
  return std::optional(std::move(c));
}

}  // namespace

void AddAidCards(CardRegistry& registry) {
  registry.Add({"aid_grants_to_decide", CardKind::kTodo, kDeciders, AidToDecide});
}

}  // namespace zj::app
