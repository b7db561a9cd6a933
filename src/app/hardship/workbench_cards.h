// Hardship files on the workbench: applications waiting for the union's first check, active
// files whose annual review falls due (the reminder days before it, or late), and files drawn
// for this year's spot check — each counted exactly as the file list filtered by its link
// (stage=applied, review=due, spot_check=due) shows them to the same actor.
#pragma once

#include "app/workbench/workbench.h"

namespace zj::app {

void AddHardshipCards(CardRegistry& registry);

}  // namespace zj::app
