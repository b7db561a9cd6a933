// Citizen identity numbers (公民身份号码, GB 11643-1999) as rosters hold them. Normalisation
// first (spaces trimmed, full-width digits and letters made ASCII, a lower-case x made X, a
// 15-digit number of the first generation converted to 18 digits), then validation: length and
// characters, the province of the region prefix, a real birth date not after today, and the
// ISO 7064 MOD 11-2 check character. Numbers Excel has mangled (1.10101E+17) are recognised
// and named as such, because the fix is in the spreadsheet, not in the number.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/members/calendar_date.h"

namespace zj::members {

enum class Gender { kMale, kFemale };

enum class IdProblem {
  kEmpty,
  kExcelNumber,  //!< scientific notation or otherwise turned into a number by Excel
  kLength,       //!< neither 18 nor 15 characters
  kCharacters,   //!< not 17 digits and a digit or X (or 15 digits)
  kRegion,       //!< the first two digits name no province
  kBirthDate,    //!< the birth date does not exist
  kFuture,       //!< the birth date is after today
  kCheck,        //!< the check character does not match
};

//! The message key of a problem, e.g. "error.id_number.check".
std::string_view IdProblemKey(IdProblem problem);

struct NationalId {
  std::string number;  //!< 18 characters, the check character upper-case
  Date birth_date;
  Gender gender = Gender::kMale;  //!< from the 17th digit: odd male, even female
  bool converted_from_15 = false;
};

//! The check character of the first 17 digits of `body` (which must be 17 digits).
char IdCheckCharacter(std::string_view body17);

//! Either the number or what is wrong with it.
struct IdParse {
  std::optional<NationalId> id;
  std::optional<IdProblem> problem;
};
//! Normalises and validates `input`, today being `today` (for the future-date rule).
IdParse ParseNationalId(std::string_view input, const Date& today);

}  // namespace zj::members
