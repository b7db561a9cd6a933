// Mutual aid on the workbench (issue 22): the claims waiting for the actor's level (staff and
// administrators: the filed claims of the plans in their subtree, counted exactly as the queue
// GET /api/v1/mutual-aid/claims?to_decide=me lists them, on the index ma_claims_queue) and the
// additions-and-removals lists the actor's union owes before ChangesDueOn (cadres and staff: as
// GET /api/v1/mutual-aid/lists-due lists them).
#pragma once

#include "app/workbench/workbench.h"

namespace zj::app {

void AddMutualAidCards(CardRegistry& registry);

}  // namespace zj::app
