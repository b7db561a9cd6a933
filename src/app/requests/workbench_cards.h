// The service requests' workbench cards: requests to accept, overdue, escalated to us,
// follow-up visits owed, today's deadlines, and the request KPIs of the subtree (volume and
// on-time resolution over the service dashboard's last four weeks).
#pragma once

#include "app/workbench/workbench.h"

namespace zj::app {

void AddRequestCards(CardRegistry& registry);
//! The KPIs, added after every module's to-dos so the figures come last on the page.
void AddRequestKpis(CardRegistry& registry);

//! How many weeks the request KPIs cover: the service dashboard opened with weeks=4.
inline constexpr int kWorkbenchWeeks = 4;

//! The end of the local (UTC+8) day holding `now_ms`: the next local midnight, in Unix ms.
std::int64_t EndOfLocalDay(std::int64_t now_ms);

}  // namespace zj::app
