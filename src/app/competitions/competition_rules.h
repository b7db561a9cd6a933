// The input rules of a competition's use cases (issue 21): a new competition's fields, groups
// and sheets (core CheckSheet, field errors prefixed "groups.<i>.sheet."), names and codes.
#pragma once

#include <string>

#include "app/clock.h"
#include "app/competitions/competition_service.h"
#include "core/result.h"

namespace zj::app {

//! kInvalidArgument "error.invalid_input" with every field error of the new competition.
Result<void> CheckNewCompetition(const NewCompetition& in);
//! Adds "error.field.required" / "error.field.too_long" {max} for a name of 1..max characters.
void CheckName(const std::string& field, const std::string& text, std::size_t max, Error& invalid);
//! True for 1..40 of [a-z0-9_].
bool IsCode(const std::string& code);
//! Today in China as YYYY-MM-DD (the phases' dates compare as text).
std::string TodayText(const Clock& clock);

}  // namespace zj::app
