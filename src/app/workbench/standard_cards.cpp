// The one place where a module's workbench cards join the home page. A new module writes its
// cards beside its use cases (app/<module>/workbench_cards.cpp) and adds one line here.
#include "app/aid/workbench_cards.h"
#include "app/hardship/workbench_cards.h"
#include "app/legal/workbench_cards.h"
#include "app/members/workbench_cards.h"
#include "app/mutual_aid/workbench_cards.h"
#include "app/requests/workbench_cards.h"
#include "app/workbench/workbench.h"
#include "app/worker_accounts/workbench_cards.h"

namespace zj::app {

CardRegistry StandardCards() {
  CardRegistry registry;
  // To-dos first, in the order a cadre's day meets them.
  AddRequestCards(registry);
  AddMemberCards(registry);
  AddAccountCards(registry);
  AddHardshipCards(registry);
  AddAidCards(registry);
  AddLegalCards(registry);
  AddMutualAidCards(registry);
  // Then the figures of the subtree.
  AddMemberKpis(registry);
  AddRequestKpis(registry);
  return registry;
}

}  // namespace zj::app
