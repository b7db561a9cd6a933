// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a
// 31-character set (digits and capitals without I, O, Z, S, V), the last one a MOD 31 check
// character over the first 17.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace zj::enterprises {

//! The check character for the first 17 characters of a code (GB 32100-2015 §5.2), or nullopt
//! when one of them is outside the code's character set or there are not exactly 17.
std::optional<char> UsccCheckCharacter(std::string_view first17);

//! The code normalised (surrounding spaces removed, letters upper-cased) when it is 18 valid
//! characters with the right check character; nullopt otherwise.
std::optional<std::string> NormaliseUscc(std::string_view text);

}  // namespace zj::enterprises
