// Certificates' verification codes (issue 21; training certificates of issue 22 use the same):
// 12 characters of an alphabet without the look-alikes 0/O, 1/I/L — 31 symbols, 59 bits, so a
// guessed code hits nothing in practice and the public verify page is throttled besides. Codes
// are printed in three groups (ABCD-EFGH-JKMN); what a person types back is normalised (case,
// spaces and dashes ignored, O read as 0's look-alike is refused rather than guessed). Pure.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace zj::certificates {

inline constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr std::size_t kCodeLength = 12;

//! A new code from a source of uniformly random 32-bit numbers (one draw per character;
//! rejection sampling keeps every symbol equally likely).
std::string NewCode(const std::function<std::uint32_t()>& next32);

//! The code as stored (12 upper-case symbols of the alphabet) from what a person typed, or
//! nullopt when it cannot be one (wrong length, a symbol outside the alphabet).
std::optional<std::string> NormaliseCode(std::string_view typed);

//! "ABCD-EFGH-JKMN" for a stored code (anything else unchanged).
std::string DisplayCode(std::string_view code);

}  // namespace zj::certificates
