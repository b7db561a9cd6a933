// The member registry's workbench cards: transfers this account may decide, roster imports
// still running, and the members of the subtree with the membership rate (入会率, members of
// employees) from the coverage rollups.
#pragma once

#include "app/workbench/workbench.h"

namespace zj::app {

void AddMemberCards(CardRegistry& registry);
//! The KPIs, added after every module's to-dos so the figures come last on the page.
void AddMemberKpis(CardRegistry& registry);

}  // namespace zj::app
