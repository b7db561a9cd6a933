// The one place where a module's workbench cards join the home page. A new module writes its
// cards beside its use cases (app/<module>/workbench_cards.cpp) and adds one line here.
#include "app/members/workbench_cards.h"
#include "app/requests/workbench_cards.h"
#include "app/workbench/workbench.h"

namespace zj::app {

CardRegistry StandardCards() {
  CardRegistry registry;
  // To-dos first, in the order a cadre's day meets them.
  AddRequestCards(registry);
  AddMemberCards(registry);
  // Worker portal accounts (issue 18/19, branch account19): the "bindings to approve" card
  // (id "accounts_bindings_to_approve", roles of those who approve a worker's binding to a
  // member) is added here, as AddAccountCards(registry), with its count in the accounts store.
  // Then the figures of the subtree.
  AddMemberKpis(registry);
  AddRequestKpis(registry);
  return registry;
}

}  // namespace zj::app
