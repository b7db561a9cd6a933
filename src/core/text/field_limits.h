// How long each kind of text input may be, in one place: the sizes a form would have. A value is
// checked against its kind where it enters, before anything else uses it (a throttle key, an
// audit entry, a query, a log line), so no input is kept at a size nobody types. Lengths are
// counted in code points, as a form counts characters.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "core/result.h"

namespace zj::text {

enum class TextKind {
  kUsername,      //!< sign-in names ([a-z0-9._-], core/accounts/account_fields.h)
  kPassword,      //!< passwords (core/accounts/password_policy.h)
  kPersonName,    //!< a person's name (core/text/person_name.h)
  kDisplayName,   //!< an account's display name
  kOrgName,       //!< unions, enterprises and employers' names typed by hand
  kCategoryName,  //!< a request category's name
  kTitle,         //!< a request's title
  kText,          //!< descriptions, replies, notes, resolutions
  kReason,        //!< reasons: reveals, exports, transfers, withdrawals, reopenings
  kComment,       //!< a worker's comment on a rating
  kSearch,        //!< search boxes (q) and filter values
  kFileName,      //!< an uploaded file's name
  kCode,          //!< codes and short tokens (org codes, region codes, tracking numbers)
};

//! The most code points a value of `kind` may have.
constexpr std::size_t MaxLength(TextKind kind) {
  switch (kind) {
    case TextKind::kUsername:
      return 32;
    case TextKind::kPassword:
      return 128;  // NIST SP 800-63B §5.1.1.2 asks for at least 64
    case TextKind::kPersonName:
      return 60;
    case TextKind::kDisplayName:
      return 64;
    case TextKind::kOrgName:
      return 100;
    case TextKind::kCategoryName:
      return 50;
    case TextKind::kTitle:
      return 100;
    case TextKind::kText:
      return 5000;
    case TextKind::kReason:
      return 500;
    case TextKind::kComment:
      return 500;
    case TextKind::kSearch:
      return 64;
    case TextKind::kFileName:
      return 255;
    case TextKind::kCode:
      return 32;
  }
  return 0;
}

//! Code points in UTF-8 text (bytes that do not continue a sequence).
std::size_t CodePoints(std::string_view text);

//! True when `value` has more code points than `kind` allows.
bool TooLong(std::string_view value, TextKind kind);

//! "error.field.too_long" {max} for `field` when `value` is longer than its kind allows.
std::optional<FieldError> CheckLength(std::string_view field, std::string_view value,
                                      TextKind kind);

}  // namespace zj::text
