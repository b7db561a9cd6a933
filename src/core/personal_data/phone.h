// Mobile numbers as DESIGN.md "Standards" requires: 11 digits starting with 1, after
// surrounding spaces (also the ideographic space U+3000) are trimmed and full-width digits
// (U+FF10–U+FF19) are turned into ASCII ones.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace zj::personal_data {

//! The normalised number, or kInvalidArgument "error.phone.invalid" on field `field`.
Result<std::string> NormalisePhone(std::string_view input, std::string_view field = "phone");

}  // namespace zj::personal_data
