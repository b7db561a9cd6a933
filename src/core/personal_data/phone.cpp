#include "core/personal_data/phone.h"

namespace zj::personal_data {

namespace {

constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";  // U+3000

std::string_view Trim(std::string_view s) {
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
      s.remove_prefix(1);
    } else if (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
      s.remove_suffix(1);
    } else if (s.starts_with(kIdeographicSpace)) {
      s.remove_prefix(kIdeographicSpace.size());
    } else if (s.ends_with(kIdeographicSpace)) {
      s.remove_suffix(kIdeographicSpace.size());
    } else {
      return s;
    }
  }
}

Error Invalid(std::string_view field) {
  Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "invalid mobile number", {}, {}};
  e.fields.push_back({std::string(field), "error.phone.invalid", {}});
  return e;
}

}  // namespace

Result<std::string> NormalisePhone(std::string_view input, std::string_view field) {
  const std::string_view s = Trim(input);
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= '0' && c <= '9') {
      out += static_cast<char>(c);
      ++i;
    } else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC &&
               static_cast<unsigned char>(s[i + 2]) >= 0x90 &&
               static_cast<unsigned char>(s[i + 2]) <= 0x99) {
      // U+FF10..U+FF19 are EF BC 90..99 in UTF-8.
      out += static_cast<char>('0' + (static_cast<unsigned char>(s[i + 2]) - 0x90));
      i += 3;
    } else {
      return Fail(Invalid(field));
    }
  }
  if (out.size() != 11 || out.front() != '1') return Fail(Invalid(field));
  return out;
}

}  // namespace zj::personal_data
