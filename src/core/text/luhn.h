// The Luhn (ISO/IEC 7812-1) check digit, shared by member card numbers and request tracking
// numbers: it catches every single mistyped digit and most swaps of neighbours, which is what
// numbers read out over the phone suffer from.
#pragma once

#include <string_view>

namespace zj::text {

//! The check digit (0–9) to append to `digits` (ASCII digits only).
int LuhnCheckDigit(std::string_view digits);

//! True when `digits` is non-empty, all ASCII digits, and its last digit checks the others.
bool HasValidLuhnDigit(std::string_view digits);

}  // namespace zj::text
