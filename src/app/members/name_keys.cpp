#include "app/members/name_keys.h"

#include <cctype>

#include "app/text/pinyin.h"

namespace zj::members {

namespace {

std::string LettersAndDigits(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 0x80) out += static_cast<char>(std::tolower(u));
  }
  return out;
}

}  // namespace

NameKeys NameKeysOf(std::string_view name) {
  const app::NamePinyin p = app::PinyinOfName(name);
  return NameKeys{LettersAndDigits(p.full), LettersAndDigits(p.initials)};
}

}  // namespace zj::members
