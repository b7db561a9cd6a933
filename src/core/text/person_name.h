// A person's name as IDs, rosters and forms carry it: Chinese names in Han characters, with the
// middle dot (间隔号, U+00B7) of minority and foreign names written in Chinese (阿依古丽·买买提),
// and Latin-script names of foreigners (letters with their accents, spaces, hyphens, apostrophes
// and periods: "Jean-Luc O'Neill Jr."). 1–60 characters after normalisation, and nothing else:
// no digits, no control characters, no `=` `<` `>` `"` or other symbols that no name carries
// (so a name is never a spreadsheet formula or markup). Character classes come from ICU's
// Unicode data (script Han or Latin, letter or not), not from hand-written ranges.
//
// Normalised as people type names: trimmed; full-width forms made half-width; Unicode NFC (an
// accent typed as a combining mark joins its letter); the dot variants · • ・ ‧ ･ become U+00B7,
// and so does a period between two Han characters (阿依古丽.买买提); ’ becomes '; a space next to a
// middle dot or between two Han characters (the padding of 王　五 in rosters) is dropped, other
// runs of spaces become one. Every hyphen, apostrophe, period or middle dot follows a letter, a
// space follows a letter or a period, and a name starts with a letter and ends with a letter or
// period.
#pragma once

#include <expected>
#include <string>
#include <string_view>

#include "core/result.h"

namespace zj::text {

//! The middle dot every dot variant becomes (U+00B7, "·").
inline constexpr std::string_view kNameDot = "\xC2\xB7";

//! The normalised name, or the field error for `field`: "error.field.required" when blank,
//! "error.field.too_long" {max} past 60 characters, "error.person_name.invalid" otherwise.
std::expected<std::string, FieldError> NormalisePersonName(std::string_view field,
                                                           std::string_view input);

}  // namespace zj::text
