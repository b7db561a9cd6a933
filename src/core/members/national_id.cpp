#include "core/members/national_id.h"

#include <array>
#include <cctype>

#include "core/text/halfwidth.h"

namespace zj::members {

namespace {

bool Digits(std::string_view s) {
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The provinces of GB/T 2260 (first two digits), including Taiwan, Hong Kong and Macao, whose
// residents' numbers start with 71, 81 and 82 (and 83 for residence permits of Taiwan).
bool KnownProvince(std::string_view two) {
  static constexpr std::array kProvinces = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34,
                                            35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
                                            53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83};
  const int code = (two[0] - '0') * 10 + (two[1] - '0');
  for (const int p : kProvinces) {
    if (p == code) return true;
  }
  return false;
}

// What Excel leaves of a long number: "1.10101E+17", "1.10101199003071E+17", "110101199003070000"
// is indistinguishable from a real number, but exponents and grouping commas are not.
bool LooksLikeExcelNumber(std::string_view s) {
  const bool exponent =
      s.find("E+") != std::string_view::npos || s.find("e+") != std::string_view::npos;
  if (exponent) return true;
  if (s.find(',') != std::string_view::npos) {
    for (const char c : s) {
      if (c != ',' && (c < '0' || c > '9')) return false;
    }
    return true;
  }
  // "110101199003071000.0": a number written with a decimal fraction.
  const auto dot = s.find('.');
  return dot != std::string_view::npos && dot >= 15 && Digits(s.substr(0, dot)) &&
         Digits(s.substr(dot + 1));
}

IdParse Problem(IdProblem p) { return IdParse{std::nullopt, p}; }

}  // namespace

std::string_view IdProblemKey(IdProblem problem) {
  switch (problem) {
    case IdProblem::kEmpty:
      return "error.field.required";
    case IdProblem::kExcelNumber:
      return "error.id_number.excel";
    case IdProblem::kLength:
      return "error.id_number.length";
    case IdProblem::kCharacters:
      return "error.id_number.characters";
    case IdProblem::kRegion:
      return "error.id_number.region";
    case IdProblem::kBirthDate:
      return "error.id_number.birth_date";
    case IdProblem::kFuture:
      return "error.id_number.future";
    case IdProblem::kCheck:
      return "error.id_number.check";
  }
  return "error.id_number.characters";
}

char IdCheckCharacter(std::string_view body17) {
  // ISO 7064 MOD 11-2: weights 2^(17-i) mod 11, and the value mapped onto "10X98765432".
  static constexpr std::array<int, 17> kWeights = {7, 9, 10, 5,  8, 4, 2, 1, 6,
                                                   3, 7, 9,  10, 5, 8, 4, 2};
  static constexpr std::string_view kCheck = "10X98765432";
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (body17[i] - '0') * kWeights[i];
  return kCheck[static_cast<std::size_t>(sum % 11)];
}

IdParse ParseNationalId(std::string_view input, const Date& today) {
  std::string s = text::ToHalfWidth(text::TrimSpaces(input));
  if (s.empty()) return Problem(IdProblem::kEmpty);
  if (LooksLikeExcelNumber(s)) return Problem(IdProblem::kExcelNumber);
  if (!s.empty() && s.back() == 'x') s.back() = 'X';

  NationalId id;
  if (s.size() == 15) {
    if (!Digits(s)) return Problem(IdProblem::kCharacters);
    // First generation: YYMMDD birth date of the 1900s, no check character.
    s = s.substr(0, 6) + "19" + s.substr(6);
    s += IdCheckCharacter(s);
    id.converted_from_15 = true;
  } else if (s.size() != 18) {
    return Problem(IdProblem::kLength);
  }
  if (!Digits(std::string_view(s).substr(0, 17)) ||
      !(std::isdigit(static_cast<unsigned char>(s[17])) || s[17] == 'X')) {
    return Problem(IdProblem::kCharacters);
  }
  if (!KnownProvince(std::string_view(s).substr(0, 2))) return Problem(IdProblem::kRegion);
  const auto birth = ParseRosterDate(std::string_view(s).substr(6, 8));
  if (!birth || static_cast<int>(birth->year()) < 1880) return Problem(IdProblem::kBirthDate);
  if (std::chrono::sys_days{*birth} > std::chrono::sys_days{today}) {
    return Problem(IdProblem::kFuture);
  }
  if (IdCheckCharacter(s) != s[17]) {
    // Excel keeps 15 significant digits: an 18-digit number typed into a number cell comes
    // back with its last digits zeroed, and then (almost always) a wrong check character.
    return Problem(!id.converted_from_15 && s.ends_with("000") ? IdProblem::kExcelNumber
                                                               : IdProblem::kCheck);
  }
  id.number = std::move(s);
  id.birth_date = *birth;
  id.gender = (id.number[16] - '0') % 2 == 1 ? Gender::kMale : Gender::kFemale;
  return IdParse{std::move(id), std::nullopt};
}

}  // namespace zj::members
