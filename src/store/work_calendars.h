// Working-day calendar years loaded by an administrator (`work_calendar_years`, migration 0007).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct CalendarYearRow {
  int year = 0;
  std::string source;  //!< the text as loaded
  std::optional<std::int64_t> loaded_by;
  std::int64_t loaded_at = 0;
};

//! Inserts or replaces the year's row.
Result<void> SaveCalendarYear(Connection& conn, const CalendarYearRow& row);
Result<std::vector<CalendarYearRow>> CalendarYears(Connection& conn);

}  // namespace zj::store
