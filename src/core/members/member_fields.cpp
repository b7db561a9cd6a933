#include "core/members/member_fields.h"

#include <array>
#include <cctype>
#include <cstdio>

#include "core/text/halfwidth.h"
#include "core/text/luhn.h"

namespace zj::members {

namespace {

// GB/T 3304-1991, codes 01–56, then 97 其他 and 98 外国血统中国籍人士.
constexpr std::array<std::string_view, 58> kEthnicities = {"汉族",       "蒙古族",
                                                           "回族",       "藏族",
                                                           "维吾尔族",   "苗族",
                                                           "彝族",       "壮族",
                                                           "布依族",     "朝鲜族",
                                                           "满族",       "侗族",
                                                           "瑶族",       "白族",
                                                           "土家族",     "哈尼族",
                                                           "哈萨克族",   "傣族",
                                                           "黎族",       "傈僳族",
                                                           "佤族",       "畲族",
                                                           "高山族",     "拉祜族",
                                                           "水族",       "东乡族",
                                                           "纳西族",     "景颇族",
                                                           "柯尔克孜族", "土族",
                                                           "达斡尔族",   "仫佬族",
                                                           "羌族",       "布朗族",
                                                           "撒拉族",     "毛南族",
                                                           "仡佬族",     "锡伯族",
                                                           "阿昌族",     "普米族",
                                                           "塔吉克族",   "怒族",
                                                           "乌孜别克族", "俄罗斯族",
                                                           "鄂温克族",   "德昂族",
                                                           "保安族",     "裕固族",
                                                           "京族",       "塔塔尔族",
                                                           "独龙族",     "鄂伦春族",
                                                           "赫哲族",     "门巴族",
                                                           "珞巴族",     "基诺族",
                                                           "其他",       "外国血统中国籍人士"};

std::string Lower(std::string_view s) {
  std::string out = text::ToHalfWidth(text::TrimSpaces(s));
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::optional<Gender> ParseGender(std::string_view text) {
  const std::string s = Lower(text);
  if (s == "男" || s == "m" || s == "male") return Gender::kMale;
  if (s == "女" || s == "f" || s == "female") return Gender::kFemale;
  return std::nullopt;
}

std::string_view GenderName(Gender gender) { return gender == Gender::kMale ? "male" : "female"; }

std::optional<std::string> NormaliseEthnicity(std::string_view text) {
  const std::string s(text::TrimSpaces(text));
  if (s.empty()) return std::nullopt;
  for (const std::string_view name : kEthnicities) {
    if (s == name) return std::string(name);
    if (name.ends_with("族") && s == name.substr(0, name.size() - std::string_view("族").size())) {
      return std::string(name);
    }
  }
  return std::nullopt;
}

std::string MakeCardNumber(std::string_view region6, std::uint32_t serial) {
  char body[16];
  std::snprintf(body, sizeof body, "%.6s%09u", std::string(region6).c_str(),
                static_cast<unsigned>(serial % 1'000'000'000U));
  std::string out(body, 15);
  out += static_cast<char>('0' + text::LuhnCheckDigit(out));
  return out;
}

bool IsValidCardNumber(std::string_view text) {
  return text.size() == 16 && text::HasValidLuhnDigit(text);
}

}  // namespace zj::members
