// National ID numbers (core/members/national_id.h): any text is either a number or one named
// problem; a number is 18 characters with the check character of its first 17, a real birth
// date not after today, and parses again to itself.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/members/national_id.h"
#include "fuzz_checks.h"

using zj::fuzz::Check;
using namespace std::chrono;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const zj::members::Date today = 2026y / December / 6d;
  const auto parsed = zj::members::ParseNationalId(text, today);
  Check(parsed.id.has_value() != parsed.problem.has_value(), "a number or a problem");
  if (parsed.problem) {
    Check(!zj::members::IdProblemKey(*parsed.problem).empty(), "the problem has a message");
    return 0;
  }
  const auto& id = *parsed.id;
  Check(id.number.size() == 18, "18 characters");
  for (std::size_t i = 0; i < 17; ++i) Check(id.number[i] >= '0' && id.number[i] <= '9', "digits");
  Check(zj::members::IdCheckCharacter(std::string_view(id.number).substr(0, 17)) == id.number[17],
        "the check character");
  Check(id.birth_date.ok() && sys_days(id.birth_date) <= sys_days(today), "a real past birth date");
  const auto again = zj::members::ParseNationalId(id.number, today);
  Check(again.id && again.id->number == id.number, "parses to itself");
  return 0;
}
