// The demo's talent pool and innovation studio (issue 22; demo_talent.cpp).
#pragma once

#include "app/demo/demo_history_parts.h"

namespace zj::app::demo {

//! Four weeks before today 东城's staff record the trades and levels of 25 of the district's
//! members, five at each level from 初级工 to 高级技师 (and the demo worker's, when a member, as
//! 技师), a 北京大工匠 title and a 劳动模范 for the first 高级技师, and found that craftsman's
//! 工作室 last year, funded ¥100,000 a year for 3 years from last year: last year's and this
//! year's funding recorded, so it is in its second funding year.
void ScheduleTalent(World& w, Timeline& timeline);

}  // namespace zj::app::demo
