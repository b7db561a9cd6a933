// What a user name and a display name may look like. Pure; app/ reports the field errors.
#pragma once

#include <optional>
#include <string_view>

#include "core/result.h"
#include "core/text/field_limits.h"

namespace zj::accounts {

inline constexpr std::size_t kUsernameMin = 3;
inline constexpr std::size_t kUsernameMax = text::MaxLength(text::TextKind::kUsername);
inline constexpr std::size_t kDisplayNameMax =
    text::MaxLength(text::TextKind::kDisplayName);  //!< characters (code points)

//! A field error for `username` unless it is 3–32 characters of [a-z0-9._-].
std::optional<FieldError> CheckUsername(std::string_view username);

//! A field error for `display_name` unless it has 1–64 characters, is not only spaces and has no
//! control characters. Anything else (HTML, SQL, CJK) is kept verbatim.
std::optional<FieldError> CheckDisplayName(std::string_view display_name);

}  // namespace zj::accounts
