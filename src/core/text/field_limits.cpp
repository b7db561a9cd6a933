#include "core/text/field_limits.h"

#include <string>

namespace zj::text {

std::size_t CodePoints(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u) ++n;
  }
  return n;
}

bool TooLong(std::string_view value, TextKind kind) {
  const std::size_t max = MaxLength(kind);
  // Every code point takes 1–4 bytes: most values are decided without counting.
  if (value.size() <= max) return false;
  if (value.size() > 4 * max) return true;
  return CodePoints(value) > max;
}

std::optional<FieldError> CheckLength(std::string_view field, std::string_view value,
                                      TextKind kind) {
  if (!TooLong(value, kind)) return std::nullopt;
  return FieldError{
      std::string(field), "error.field.too_long", {{"max", std::to_string(MaxLength(kind))}}};
}

}  // namespace zj::text
