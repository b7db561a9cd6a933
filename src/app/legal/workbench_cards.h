// Legal cases on the workbench: 集体争议预警, the collective disputes of the district's subtree
// whose alert its staff have not acknowledged yet, counted exactly as the list
// (GET /api/v1/legal/cases?alert=open) shows them; for staff of a district or the municipal
// federation, and administrators.
#pragma once

#include "app/workbench/workbench.h"

namespace zj::app {

void AddLegalCards(CardRegistry& registry);

}  // namespace zj::app
