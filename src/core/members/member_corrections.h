// Which fields of their own member record a worker may ask the union to correct (PIPL art. 46,
// issue 19's My data), and the value as the registry would store it. The ID number is not
// among them: it changes only through the union, with evidence (a new ID card), never on the
// worker's word. The values pass the same rules as a cadre's edit of the member (name length
// and characters, the gender enum, the mobile number, the 56 ethnic groups, an employer's name),
// so a correction the union applies can never store what an edit would refuse.
#pragma once

#include <array>
#include <expected>
#include <string>
#include <string_view>

#include "core/result.h"

namespace zj::members {

//! The fields a worker may correct, in the order forms list them.
inline constexpr std::array<std::string_view, 5> kCorrectableFields{"name", "gender", "ethnicity",
                                                                    "employer", "phone"};

bool IsCorrectable(std::string_view field);

//! The normalised value of `field`, or the field error keyed by `field`:
//! "error.corrections.id_number" for the ID number, "error.corrections.field" for a field that
//! is not correctable, "error.field.required" for a blank value, else the rule's own key
//! (error.person_name.invalid, error.field.too_long, error.gender.invalid,
//! error.ethnicity.invalid, error.phone.invalid).
std::expected<std::string, FieldError> NormaliseCorrection(std::string_view field,
                                                           std::string_view value);

}  // namespace zj::members
