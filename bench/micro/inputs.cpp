#include "inputs.h"

#include <array>
#include <cstdio>
#include <random>

#include "core/members/national_id.h"

namespace zj::bench {

std::vector<std::string> IdNumbers(std::size_t n) {
  std::mt19937 rng(20261126);
  static constexpr std::array kRegions = {"110101", "110102", "110105", "110106", "110108"};
  std::vector<std::string> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    char body[18];
    std::snprintf(body, sizeof body, "%s%04u%02u%02u%03u", kRegions[rng() % kRegions.size()],
                  1960 + static_cast<unsigned>(rng() % 45), 1 + static_cast<unsigned>(rng() % 12),
                  1 + static_cast<unsigned>(rng() % 28), static_cast<unsigned>(rng() % 1000));
    std::string id = std::string(body, 17) + members::IdCheckCharacter(std::string_view(body, 17));
    if (i % 10 == 7 && id.back() == 'X') id.back() = 'x';
    if (i % 10 == 9) id.insert(0, " ").append(" ");
    out.push_back(std::move(id));
  }
  return out;
}

std::vector<std::string> RosterDates(std::size_t n) {
  static constexpr std::array kForms = {"2015-07-25",    "2015/7/25", "2015.7.25",
                                        "2015年7月25日", "20150725",  "42210"};
  std::vector<std::string> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) out.emplace_back(kForms[i % kForms.size()]);
  return out;
}

std::vector<std::string> Phones(std::size_t n) {
  std::mt19937 rng(7);
  std::vector<std::string> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "13%09u", static_cast<unsigned>(rng() % 1000000000));
    out.emplace_back(buf);
  }
  return out;
}

std::vector<std::string> Names(std::size_t n) {
  static constexpr std::array kSurnames = {"张", "王", "李", "赵", "刘", "陈",   "杨",
                                           "黄", "周", "吴", "单", "曾", "欧阳", "司马"};
  static constexpr std::array kGiven = {"晓林", "伟", "芳", "秀英", "敏", "静", "丽", "强", "磊",
                                        "军",   "洋", "勇", "艳",   "杰", "娟", "涛", "明", "超"};
  std::mt19937 rng(11);
  std::vector<std::string> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(std::string(kSurnames[rng() % kSurnames.size()]) + kGiven[rng() % kGiven.size()]);
  }
  return out;
}

}  // namespace zj::bench
