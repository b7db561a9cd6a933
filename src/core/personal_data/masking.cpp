#include "core/personal_data/masking.h"

#include <algorithm>

namespace zj::personal_data {

namespace {

// Keeps `head` and `tail` bytes and stars the rest (the values are ASCII digits).
std::string Keep(std::string_view value, std::size_t head, std::size_t tail) {
  std::string out(value.substr(0, head));
  out.append(value.size() - head - tail, '*');
  out.append(value.substr(value.size() - tail));
  return out;
}

// For input of an unexpected length: at most a quarter at each end, so at least half is
// starred, and a value of under four characters is starred whole.
std::string MaskOdd(std::string_view value) {
  const std::size_t keep = std::min<std::size_t>(value.size() / 4, 2);
  return Keep(value, keep, keep);
}

}  // namespace

std::string MaskNationalId(std::string_view id) {
  if (id.size() == 18) return Keep(id, 6, 4);  // 6 + 8 stars + 4
  return MaskOdd(id);
}

std::string MaskPhone(std::string_view phone) {
  if (phone.size() == 11) return Keep(phone, 3, 4);  // 3 + 4 stars + 4
  return MaskOdd(phone);
}

std::string MaskPersonName(std::string_view name) {
  std::size_t first = 0;  // the bytes of the first code point
  std::size_t points = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if ((static_cast<unsigned char>(name[i]) & 0xC0) != 0x80) {
      if (++points == 2) first = i;
    }
  }
  if (points <= 1) return name.empty() ? std::string() : std::string("*");
  return std::string(name.substr(0, first)) + std::string(points - 1, '*');
}

}  // namespace zj::personal_data
