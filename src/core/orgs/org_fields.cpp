#include "core/orgs/org_fields.h"

#include <string>

namespace zj {

namespace {

FieldError Problem(std::string_view field, const char* key,
                   std::vector<std::pair<std::string, std::string>> args = {}) {
  return FieldError{std::string(field), key, std::move(args)};
}

bool LeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

std::optional<FieldError> CheckOrgCode(std::string_view field, std::string_view code) {
  if (code.empty()) return Problem(field, "error.field.required");
  if (code.size() > kMaxOrgCode) {
    return Problem(field, "error.field.too_long", {{"max", std::to_string(kMaxOrgCode)}});
  }
  for (char c : code) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return Problem(field, "error.org.code_invalid");
  }
  return std::nullopt;
}

std::optional<FieldError> CheckName(std::string_view field, std::string_view name) {
  if (name.empty()) return Problem(field, "error.field.required");
  std::size_t points = 0;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) return Problem(field, "error.name.invalid");
    if ((u & 0xc0) != 0x80) ++points;
  }
  if (points > kMaxName) {
    return Problem(field, "error.field.too_long", {{"max", std::to_string(kMaxName)}});
  }
  return std::nullopt;
}

std::optional<FieldError> CheckIsoDate(std::string_view field, std::string_view date) {
  const auto bad = [&] { return Problem(field, "error.date.invalid"); };
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return bad();
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (std::size_t k = 0; k < lengths[i]; ++k) {
      const char c = date[starts[i] + k];
      if (c < '0' || c > '9') return bad();
      parts[i] = parts[i] * 10 + (c - '0');
    }
  }
  const int y = parts[0];
  const int m = parts[1];
  const int d = parts[2];
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || m < 1 || m > 12 || d < 1) return bad();
  const int max_day = kDays[m - 1] + (m == 2 && LeapYear(y) ? 1 : 0);
  if (d > max_day) return bad();
  return std::nullopt;
}

std::optional<FieldError> CheckEmployees(std::string_view field, std::int64_t employees) {
  if (employees < 0 || employees > kMaxEmployees) {
    return Problem(field, "error.field.out_of_range",
                   {{"min", "0"}, {"max", std::to_string(kMaxEmployees)}});
  }
  return std::nullopt;
}

}  // namespace zj
