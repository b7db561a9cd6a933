#include "app/mutual_aid/workbench_cards.h"

#include "app/audit/audit_service.h"
#include "app/mutual_aid/mutual_aid_service.h"
#include "store/mutual_aid.h"

namespace zj::app {

namespace {

// Those who decide claims (MustDecideMa) and those who make a union's list (MustRunMa).
const std::vector<std::string> kDeciders{"staff", "admin"};
const std::vector<std::string> kListMakers{"cadre", "staff"};

Result<std::optional<Card>> ClaimsToDecide(const CardContext& ctx) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, ctx.db.Acquire());
  Card c;
  ZJ_ASSIGN_OR_RETURN(c.count, store::CountMaClaimsToDecide(*lease, ctx.scope_low, ctx.scope_high));
  c.link = CardLink{"/mutual-aid", {{"tab", "claims"}, {"to_decide", "me"}}};
  return std::optional(std::move(c));
}

Result<std::optional<Card>> ListsDue(const CardContext& ctx) {
  if (!ctx.actor.org_id) return std::optional<Card>{};
  // The same use case as the list the card opens, at the card's instant.
  const FixedClock clock(ctx.now_ms);
  SecureRandom random;
  AuditService audit(ctx.db, clock, random);
  MutualAidService service(ctx.db, clock, random, audit);
  ZJ_ASSIGN_OR_RETURN(auto due, service.ListsDue(ctx.actor));
  Card c;
  c.count = static_cast<std::int64_t>(due.size());
  c.link = CardLink{"/mutual-aid", {{"tab", "lists_due"}}};
  return std::optional(std::move(c));
}

}  // namespace

void AddMutualAidCards(CardRegistry& registry) {
  registry.Add({"ma_claims_to_decide", CardKind::kTodo, kDeciders, ClaimsToDecide});
  registry.Add({"ma_lists_due", CardKind::kTodo, kListMakers, ListsDue});
}

}  // namespace zj::app
