// The search keys of a member's name: the pinyin without spaces ("zhangxiaolin") and the
// initials of its syllables ("zxl"), as stored in members.name_pinyin / name_initials. The one
// place both the registry and the roster import compute them, so searches find imported rows.
#pragma once

#include <string>
#include <string_view>

namespace zj::members {

struct NameKeys {
  std::string pinyin;    //!< lower-case ASCII letters and digits only
  std::string initials;  //!< the first letter of each syllable or Latin word
};

//! The keys of `name` (UTF-8): Han characters by their pinyin (app/text/pinyin.h), Latin
//! letters and digits kept in lower case, everything else dropped. Thread-safe.
NameKeys NameKeysOf(std::string_view name);

}  // namespace zj::members
