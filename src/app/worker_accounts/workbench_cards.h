// Workers' accounts on the workbench: the bindings a cadre must decide (a worker confirmed a
// member's name and ID number from another phone), counted in the actor's subtree exactly as
// the binding list (GET /api/v1/worker-bindings?state=pending) shows them.
#pragma once

#include "app/workbench/workbench.h"

namespace zj::app {

void AddAccountCards(CardRegistry& registry);

}  // namespace zj::app
