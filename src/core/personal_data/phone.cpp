#include "core/personal_data/phone.h"

#include <algorithm>

#include "core/text/halfwidth.h"

namespace zj::personal_data {

namespace {

Error Invalid(std::string_view field) {
  Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "invalid mobile number", {}, {}};
  e.fields.push_back({std::string(field), "error.phone.invalid", {}});
  return e;
}

}  // namespace

Result<std::string> NormalisePhone(std::string_view input, std::string_view field) {
  std::string out = text::ToHalfWidth(text::TrimSpaces(input));
  const bool digits =
      std::all_of(out.begin(), out.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || out.size() != 11 || out.front() != '1') return Fail(Invalid(field));
  return out;
}

}  // namespace zj::personal_data
