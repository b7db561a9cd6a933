// Aid on the workbench: the grants waiting for the actor's org level in its subtree, counted
// exactly as the queue (GET /api/v1/aid/grants?to_decide=me) lists them.
#pragma once

#include "app/workbench/workbench.h"

namespace zj::app {

void AddAidCards(CardRegistry& registry);

}  // namespace zj::app
