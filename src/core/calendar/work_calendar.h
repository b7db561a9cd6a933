// The working-day calendar that service deadlines run on (DESIGN.md "Standards"): Monday to
// Friday, except public holidays, plus the weekend days the State Council makes working days
// (调休). Each year's exceptions are data an administrator loads, in this text form:
//
//   # 国务院办公厅关于2026年部分节假日安排的通知
//   year 2026
//   off 2026-01-01 2026-01-03 元旦        (a day or an inclusive range off, with its name)
//   work 2026-01-04 元旦调休              (a weekend day worked)
//
// Years without data follow the plain Monday–Friday week (and say so through HasYear).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "core/result.h"

namespace zj::calendar {

using Date = std::chrono::year_month_day;

//! One year's exceptions to the Monday–Friday week.
struct CalendarYear {
  int year = 0;
  std::map<std::chrono::sys_days, std::string> off;   //!< day → holiday name
  std::map<std::chrono::sys_days, std::string> work;  //!< weekend day worked → name
};

//! Parses the text form above. kInvalidArgument with arg {line} for the first bad line, keyed
//! "error.calendar.": keyword (unknown), date (malformed or impossible), outside_year, backwards
//! (a range), both (off and worked), weekday (a "work" day that is not a weekend day),
//! year_first (no year line before the days), second_year, year (a bad year).
Result<CalendarYear> ParseCalendarYear(std::string_view text);

class WorkCalendar {
 public:
  //! Adds (or replaces) a year's exceptions.
  void Load(CalendarYear year);
  bool HasYear(int year) const { return years_.contains(year); }

  bool IsWorkingDay(std::chrono::sys_days day) const;
  //! The holiday's name when `day` is a public holiday (not for plain weekends).
  std::string HolidayName(std::chrono::sys_days day) const;

  //! The `n`-th working day after `day` (not counting `day` itself); n ≥ 1.
  std::chrono::sys_days AddWorkingDays(std::chrono::sys_days day, int n) const;

  //! A deadline of `n` working days for something that arrived at `start_ms` (Unix ms): the
  //! end of the n-th working day after the local day of arrival, as Unix ms. Local time is
  //! UTC + `utc_offset_minutes` (China: +480, no daylight saving).
  std::int64_t DeadlineMs(std::int64_t start_ms, int n, int utc_offset_minutes = 480) const;

  //! Working days wholly or partly between two instants' local days: 0 on the same day, the
  //! number of working days after `from`'s day up to and including `to`'s day otherwise.
  int WorkingDaysBetween(std::int64_t from_ms, std::int64_t to_ms,
                         int utc_offset_minutes = 480) const;

 private:
  std::map<int, CalendarYear> years_;
};

//! The local calendar day of a Unix ms instant at a fixed UTC offset.
std::chrono::sys_days LocalDay(std::int64_t ms, int utc_offset_minutes = 480);

}  // namespace zj::calendar
