// Dates as rosters and calendars hold them (core/members/calendar_date.h,
// core/calendar/work_calendar.h): a roster date is a real date that formats and parses back to
// itself; an Excel serial gives a real date or nothing; a calendar text gives a year whose days
// all lie in it, or an error naming its line.
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/calendar/work_calendar.h"
#include "core/members/calendar_date.h"
#include "fuzz_checks.h"

using zj::fuzz::Check;
using namespace std::chrono;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const auto date = zj::members::ParseRosterDate(text)) {
    Check(date->ok(), "a real date");
    const std::string formatted = zj::members::FormatDate(*date);
    const auto again = zj::members::ParseRosterDate(formatted);
    Check(again && *again == *date, "formats and parses back");
  }
  long serial = 0;
  if (std::from_chars(text.data(), text.data() + text.size(), serial).ec == std::errc()) {
    if (const auto date = zj::members::FromExcelSerial(serial)) Check(date->ok(), "a real date");
  }
  if (auto year = zj::calendar::ParseCalendarYear(text)) {
    for (const auto& days : {year->off, year->work}) {
      for (const auto& [day, name] : days) {
        Check(int(year_month_day(day).year()) == year->year, "days inside the year");
      }
    }
    for (const auto& [day, name] : year->work) Check(!year->off.contains(day), "off or worked");
  } else {
    bool has_line = false;
    for (const auto& [k, v] : year.error().args) has_line = has_line || k == "line";
    Check(has_line, "the error names its line");
  }
  return 0;
}
