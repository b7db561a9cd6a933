#include "core/text/halfwidth.h"

namespace zj::text {

namespace {

constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";  // U+3000
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";          // U+00A0

}  // namespace

std::string ToHalfWidth(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c0 = static_cast<unsigned char>(s[i]);
    if (c0 == 0xEF && i + 2 < s.size()) {
      // U+FF01..U+FF5E are EF BC 81..BF and EF BD 80..9E; each maps to U+0021..U+007E.
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      const auto c2 = static_cast<unsigned char>(s[i + 2]);
      const unsigned code = ((c0 & 0x0Fu) << 12) | ((c1 & 0x3Fu) << 6) | (c2 & 0x3Fu);
      if ((c1 & 0xC0u) == 0x80 && (c2 & 0xC0u) == 0x80 && code >= 0xFF01 && code <= 0xFF5E) {
        out += static_cast<char>(code - 0xFEE0);
        i += 3;
        continue;
      }
    }
    if (s.substr(i).starts_with(kIdeographicSpace)) {
      out += ' ';
      i += kIdeographicSpace.size();
      continue;
    }
    out += s[i];
    ++i;
  }
  return out;
}

std::string_view TrimSpaces(std::string_view s) {
  const auto plain = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  for (;;) {
    if (!s.empty() && plain(s.front())) {
      s.remove_prefix(1);
    } else if (!s.empty() && plain(s.back())) {
      s.remove_suffix(1);
    } else if (s.starts_with(kIdeographicSpace)) {
      s.remove_prefix(kIdeographicSpace.size());
    } else if (s.ends_with(kIdeographicSpace)) {
      s.remove_suffix(kIdeographicSpace.size());
    } else if (s.starts_with(kNoBreakSpace)) {
      s.remove_prefix(kNoBreakSpace.size());
    } else if (s.ends_with(kNoBreakSpace)) {
      s.remove_suffix(kNoBreakSpace.size());
    } else {
      return s;
    }
  }
}

}  // namespace zj::text
