// Checks of the fields of orgs and enterprises that need no database: codes, names, dates and
// headcounts. Each returns the field error to report, or nothing when the value is fine.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/result.h"
#include "core/text/field_limits.h"

namespace zj {

inline constexpr std::size_t kMaxOrgCode = text::MaxLength(text::TextKind::kCode);
inline constexpr std::size_t kMaxName = text::MaxLength(text::TextKind::kOrgName);
inline constexpr std::int64_t kMaxEmployees = 10'000'000;

//! 1..32 characters from A-Z a-z 0-9 . _ -
std::optional<FieldError> CheckOrgCode(std::string_view field, std::string_view code);
//! 1..100 characters (code points), no control characters.
std::optional<FieldError> CheckName(std::string_view field, std::string_view name);
//! A real calendar date written YYYY-MM-DD.
std::optional<FieldError> CheckIsoDate(std::string_view field, std::string_view date);
//! 0..kMaxEmployees.
std::optional<FieldError> CheckEmployees(std::string_view field, std::int64_t employees);

}  // namespace zj
