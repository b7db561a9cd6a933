// Dates as rosters hold them: typed by hand in several Chinese styles, or stored by Excel as a
// serial day number. ParseRosterDate turns each into a real calendar date or refuses it; an
// impossible date (2015-02-30) is refused, never rolled over into March.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace zj::members {

//! A proleptic Gregorian date.
using Date = std::chrono::year_month_day;

//! "2015-07-25", "2015/7/25", "2015.7.25", "2015年7月25日", "20150725", the same followed by a
//! midnight time ("2015-07-25 00:00:00", as some exports write), or an Excel serial day number
//! ("42210", "42210.0"; 1900 date system). Surrounding spaces and full-width digits are
//! accepted. Nothing for anything else, or for a date that does not exist.
std::optional<Date> ParseRosterDate(std::string_view text);

//! The date of an Excel serial day number in the 1900 date system (1 = 1900-01-01; serial 60,
//! Excel's fictitious 1900-02-29, and anything outside 1..2958465 give nothing).
std::optional<Date> FromExcelSerial(long serial);

//! "2015-07-25".
std::string FormatDate(const Date& date);

//! Whole years from `birth` to `on` (an age).
int YearsBetween(const Date& birth, const Date& on);

}  // namespace zj::members
