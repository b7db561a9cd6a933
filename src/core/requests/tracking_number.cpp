#include "core/requests/tracking_number.h"

#include <cstdio>

#include "core/text/halfwidth.h"
#include "core/text/luhn.h"

namespace zj::requests {

std::string MakeTrackingNumber(calendar::Date day, std::uint64_t random) {
  char body[32];
  std::snprintf(body, sizeof body, "%02u%02u%02u%08llu",
                static_cast<unsigned>(static_cast<int>(day.year()) % 100),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()),
                static_cast<unsigned long long>(random % 100'000'000ULL));
  std::string out(body, 14);
  out += static_cast<char>('0' + text::LuhnCheckDigit(out));
  return out;
}

std::optional<std::string> ParseTrackingNumber(std::string_view typed) {
  std::string out;
  for (const char c : text::ToHalfWidth(typed)) {
    if (c == ' ' || c == '-') continue;
    out += c;
  }
  if (out.size() != 15 || !text::HasValidLuhnDigit(out)) return std::nullopt;
  return out;
}

}  // namespace zj::requests
