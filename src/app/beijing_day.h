#pragma once
// The day a worker sees on their own pages (My membership, My help, My certificates): Beijing's
// (UTC+8), written YYYY-MM-DD. Three use cases had their own copy.

#include <cstdint>
#include <string>

#include "core/calendar/work_calendar.h"
#include "core/members/calendar_date.h"

namespace zj::app {

//! The Beijing day (UTC+8) of `at_ms`, YYYY-MM-DD.
inline std::string BeijingDay(std::int64_t at_ms) {
  return members::FormatDate(members::Date{calendar::LocalDay(at_ms, 480)});
}

}  // namespace zj::app
