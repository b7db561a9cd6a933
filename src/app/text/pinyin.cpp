#include "app/text/pinyin.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utypes.h>

#include <array>
#include <cctype>
#include <memory>
#include <stdexcept>
#include <unordered_map>
#include <utility>
#include <vector>

namespace zj::app {

namespace {

// Surnames whose reading differs from the character's common one (ICU reads the common one).
// Compound surnames first, so that 单于 wins over 单.
struct Surname {
  std::u32string_view han;
  std::string_view pinyin;
};
constexpr std::array kSurnames = {
    Surname{U"单于", "chan yu"},   Surname{U"尉迟", "yu chi"},  Surname{U"万俟", "mo qi"},
    Surname{U"长孙", "zhang sun"}, Surname{U"澹台", "tan tai"}, Surname{U"单", "shan"},
    Surname{U"曾", "zeng"},        Surname{U"解", "xie"},       Surname{U"仇", "qiu"},
    Surname{U"朴", "piao"},        Surname{U"区", "ou"},        Surname{U"查", "zha"},
    Surname{U"乐", "yue"},         Surname{U"覃", "qin"},       Surname{U"盖", "ge"},
    Surname{U"缪", "miao"},        Surname{U"翟", "zhai"},      Surname{U"种", "chong"},
    Surname{U"秘", "bi"},          Surname{U"折", "she"},       Surname{U"召", "shao"},
    Surname{U"宓", "fu"},          Surname{U"员", "yun"},       Surname{U"繁", "po"},
    Surname{U"黑", "he"},          Surname{U"隗", "wei"},       Surname{U"句", "gou"},
    Surname{U"阚", "kan"},         Surname{U"沈", "shen"},      Surname{U"柏", "bai"},
};

// One transliterator per thread (an ICU Transliterator must not be used by two threads at
// once), and a cache of readings per character: a name has few distinct characters, a roster
// has a few thousand, and transliterating one character costs microseconds.
class Readings {
 public:
  Readings() {
    UErrorCode status = U_ZERO_ERROR;
    translit_.reset(icu::Transliterator::createInstance("Han-Latin; Latin-ASCII; Lower",
                                                        UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !translit_) {
      throw std::runtime_error(std::string("ICU Han-Latin transliterator: ") + u_errorName(status));
    }
  }

  const std::string& Of(UChar32 c) {
    auto it = cache_.find(c);
    if (it != cache_.end()) return it->second;
    icu::UnicodeString s(c);
    translit_->transliterate(s);
    std::string out;
    s.toUTF8String(out);
    std::string letters;
    for (const char ch : out) {
      if (std::isalpha(static_cast<unsigned char>(ch))) letters += ch;
    }
    return cache_.emplace(c, std::move(letters)).first->second;
  }

 private:
  std::unique_ptr<icu::Transliterator> translit_;
  std::unordered_map<UChar32, std::string> cache_;
};

Readings& ThreadReadings() {
  thread_local Readings readings;
  return readings;
}

bool IsHan(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_HAN && U_SUCCESS(status);
}

std::u32string Decode(std::string_view utf8) {
  const icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::u32string out;
  for (int32_t i = 0; i < s.length();) {
    const UChar32 c = s.char32At(i);
    out += static_cast<char32_t>(c);
    i += U16_LENGTH(c);
  }
  return out;
}

void AddWord(NamePinyin& out, std::string_view word) {
  if (word.empty()) return;
  if (!out.full.empty()) out.full += ' ';
  out.full += word;
  out.initials += word.front();
}

}  // namespace

NamePinyin PinyinOfName(std::string_view name) {
  const std::u32string chars = Decode(name);
  NamePinyin out;
  std::size_t i = 0;
  while (i < chars.size() && !IsHan(static_cast<UChar32>(chars[i])) &&
         !u_isalnum(static_cast<UChar32>(chars[i]))) {
    ++i;  // leading spaces and punctuation
  }
  for (const Surname& s : kSurnames) {
    if (std::u32string_view(chars).substr(i).starts_with(s.han)) {
      std::size_t start = 0;
      for (std::size_t sp = s.pinyin.find(' ');; sp = s.pinyin.find(' ', start)) {
        AddWord(out, s.pinyin.substr(start, sp == std::string_view::npos ? sp : sp - start));
        if (sp == std::string_view::npos) break;
        start = sp + 1;
      }
      i += s.han.size();
      break;
    }
  }
  std::string word;  // a run of Latin letters and digits
  for (; i < chars.size(); ++i) {
    const auto c = static_cast<UChar32>(chars[i]);
    if (c < 0x80 && std::isalnum(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      continue;
    }
    AddWord(out, word);
    word.clear();
    if (IsHan(c)) AddWord(out, ThreadReadings().Of(c));
  }
  AddWord(out, word);
  return out;
}

}  // namespace zj::app
