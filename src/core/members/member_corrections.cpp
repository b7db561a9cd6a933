#include "core/members/member_corrections.h"

#include <algorithm>

#include "core/members/member_fields.h"
#include "core/orgs/org_fields.h"
#include "core/personal_data/phone.h"
#include "core/text/halfwidth.h"
#include "core/text/person_name.h"

namespace zj::members {

bool IsCorrectable(std::string_view field) {
  return std::find(kCorrectableFields.begin(), kCorrectableFields.end(), field) !=
         kCorrectableFields.end();
}

std::expected<std::string, FieldError> NormaliseCorrection(std::string_view field,
                                                           std::string_view value) {
  const std::string f(field);
  if (field == "id_number")
    return std::unexpected(FieldError{f, "error.corrections.id_number", {}});
  if (!IsCorrectable(field)) return std::unexpected(FieldError{f, "error.corrections.field", {}});
  const std::string_view trimmed = text::TrimSpaces(value);
  if (trimmed.empty()) return std::unexpected(FieldError{f, "error.field.required", {}});
  if (field == "name") return text::NormalisePersonName(f, trimmed);
  if (field == "gender") {
    const auto g = ParseGender(trimmed);
    if (!g) return std::unexpected(FieldError{f, "error.gender.invalid", {}});
    return std::string(GenderName(*g));
  }
  if (field == "ethnicity") {
    auto e = NormaliseEthnicity(trimmed);
    if (!e) return std::unexpected(FieldError{f, "error.ethnicity.invalid", {}});
    return std::move(*e);
  }
  if (field == "employer") {
    if (auto e = CheckName(f, trimmed)) return std::unexpected(std::move(*e));
    return std::string(trimmed);
  }
  auto phone = personal_data::NormalisePhone(trimmed, f);
  if (!phone) return std::unexpected(FieldError{f, "error.phone.invalid", {}});
  return std::move(*phone);
}

}  // namespace zj::members
