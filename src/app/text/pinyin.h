// Pinyin of personal names, for finding 张晓林 by "zhangxiaolin", "zhang" or "zxl". ICU's
// Han-Latin transliterator gives each character's most common reading; surnames read otherwise
// (单 shàn, not dān; 曾 zēng, not céng; 解 xiè; 仇 qiú …) come from a table of their own, applied
// to the name's first one or two characters only. Non-Han parts (Latin letters, digits) are
// kept as words; separators such as the middle dot of 买买提·艾力 split words.
#pragma once

#include <string>
#include <string_view>

namespace zj::app {

struct NamePinyin {
  std::string full;      //!< "zhang xiao lin": syllables separated by one space, lower case ASCII
  std::string initials;  //!< "zxl": the first letter of each syllable or word
};

//! The pinyin of `name` (UTF-8). Thread-safe; readings are cached per thread.
NamePinyin PinyinOfName(std::string_view name);

}  // namespace zj::app
