#include "app/workbench/workbench.h"

#include <algorithm>
#include <stdexcept>

#include "app/orgs/org_scope.h"

namespace zj::app {

std::string_view CardKindName(CardKind kind) {
  switch (kind) {
    case CardKind::kTodo:
      return "todo";
    case CardKind::kList:
      return "list";
    case CardKind::kKpi:
      return "kpi";
  }
  return "todo";
}

void CardRegistry::Add(CardSpec spec) {
  const bool taken =
      std::any_of(cards_.begin(), cards_.end(), [&](const CardSpec& c) { return c.id == spec.id; });
  if (taken) throw std::logic_error("workbench card registered twice: " + spec.id);
  cards_.push_back(std::move(spec));
}

std::vector<const CardSpec*> CardRegistry::For(std::string_view role) const {
  std::vector<const CardSpec*> out;
  for (const CardSpec& c : cards_) {
    if (std::find(c.roles.begin(), c.roles.end(), role) != c.roles.end()) out.push_back(&c);
  }
  return out;
}

Result<std::vector<Card>> Workbench::Of(const Actor& actor) {
  std::vector<Card> out;
  const auto range = ScopeRange(actor);
  if (!range) return out;
  const CardContext context{actor, clock_.NowMs(), db_, transfers_, range->first, range->second};
  for (const CardSpec* spec : registry_.For(actor.role)) {
    ZJ_ASSIGN_OR_RETURN(std::optional<Card> card, spec->compute(context));
    if (!card) continue;
    card->id = spec->id;
    card->kind = spec->kind;
    out.push_back(std::move(*card));
  }
  return out;
}

}  // namespace zj::app
