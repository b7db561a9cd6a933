#include "core/text/luhn.h"

namespace zj::text {

int LuhnCheckDigit(std::string_view digits) {
  int sum = 0;
  bool twice = true;  // the digit left of the check digit is doubled
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return (10 - sum % 10) % 10;
}

bool HasValidLuhnDigit(std::string_view digits) {
  if (digits.size() < 2) return false;
  for (const char c : digits) {
    if (c < '0' || c > '9') return false;
  }
  return LuhnCheckDigit(digits.substr(0, digits.size() - 1)) == digits.back() - '0';
}

}  // namespace zj::text
