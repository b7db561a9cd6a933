// The tracking number (受理编号) a worker gets for a request and reads out on the phone or
// types on the portal with the last four digits of their phone: 15 digits, the local date
// (YYMMDD), 8 random digits and a Luhn check digit, so a mistyped digit is caught before any
// lookup (and before it costs a throttled attempt).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar/work_calendar.h"

namespace zj::requests {

//! The number of a request made on local day `day`; `random` supplies the 8 digits (taken
//! modulo 10^8). The caller retries with another random value if the number is taken.
std::string MakeTrackingNumber(calendar::Date day, std::uint64_t random);

//! The number as typed: spaces and hyphens dropped, full-width digits made ASCII. Nothing
//! unless 15 digits with a valid check digit remain.
std::optional<std::string> ParseTrackingNumber(std::string_view typed);

}  // namespace zj::requests
