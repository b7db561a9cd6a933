// The Chinese working-day calendars shipped with the program (cn-2025.txt, cn-2026.txt beside
// this file, embedded at build time): the defaults until an administrator loads later years.
#pragma once

#include <string_view>
#include <vector>

#include "core/calendar/work_calendar.h"

namespace zj::app {

//! The texts of the shipped calendars, oldest first.
std::vector<std::string_view> BuiltinCalendarTexts();

//! A calendar with every shipped year loaded (the shipped files are checked by the tests, so
//! this cannot fail at run time).
calendar::WorkCalendar BuiltinWorkCalendar();

}  // namespace zj::app
