// The smaller fields of a member record: gender as typed, ethnicity (GB/T 3304-1991 names),
// and the member card number (会员证号) with its check digit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/members/national_id.h"

namespace zj::members {

//! 男/女, M/F, male/female (trimmed, any case); nothing for anything else.
std::optional<Gender> ParseGender(std::string_view text);
std::string_view GenderName(Gender gender);  //!< "male" / "female"

//! The GB/T 3304 name of an ethnic group ("汉族"), also accepted without 族 ("汉") and as
//! "其他" or "外国血统中国籍人士"; nothing for an unknown name.
std::optional<std::string> NormaliseEthnicity(std::string_view text);

//! A member card number: the 6-digit region of the issuing union, a 9-digit serial and a Luhn
//! check digit (ISO/IEC 7812), 16 digits in all. `region6` must be 6 digits, `serial` below 10^9.
std::string MakeCardNumber(std::string_view region6, std::uint32_t serial);
//! Whether `text` is 16 digits whose last is the Luhn check digit of the others.
bool IsValidCardNumber(std::string_view text);

}  // namespace zj::members
