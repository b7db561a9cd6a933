// The demo's mutual-aid plan (互助保障, issue 22; demo_mutual_aid.cpp).
#pragma once

#include "app/demo/demo_history_parts.h"

namespace zj::app::demo {

//! 东城's property-loss plan (1 June – 31 May): this period opened and the district's members
//! enrolled once the rosters are in; the district's additions-and-removals list from the year's
//! retirements, leavings and transfers, sent and applied days before the end; a fire claim
//! approved and paid, and the same household's second claim of that fire refused as claimed
//! twice.
void ScheduleMutualAid(World& w, Timeline& timeline);

}  // namespace zj::app::demo
