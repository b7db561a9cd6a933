#include "core/accounts/account_fields.h"

#include <algorithm>

#include "core/accounts/password_policy.h"

namespace zj::accounts {

std::optional<FieldError> CheckUsername(std::string_view username) {
  const bool allowed = std::all_of(username.begin(), username.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
  if (username.size() < kUsernameMin || username.size() > kUsernameMax || !allowed) {
    return FieldError{
        "username",
        "error.username.invalid",
        {{"min", std::to_string(kUsernameMin)}, {"max", std::to_string(kUsernameMax)}}};
  }
  return std::nullopt;
}

std::optional<FieldError> CheckDisplayName(std::string_view name) {
  const std::size_t length = CodePoints(name);
  const bool blank =
      std::all_of(name.begin(), name.end(), [](char c) { return c == ' ' || c == '\t'; });
  const bool control = std::any_of(name.begin(), name.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
  });
  if (length == 0 || blank) return FieldError{"display_name", "error.field.required", {}};
  if (length > kDisplayNameMax || control) {
    return FieldError{
        "display_name", "error.display_name.invalid", {{"max", std::to_string(kDisplayNameMax)}}};
  }
  return std::nullopt;
}

}  // namespace zj::accounts
