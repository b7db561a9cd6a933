// Pinyin of names for search: ICU's readings, the surname table for surnames read otherwise,
// and names that are not all Han.
#include <gtest/gtest.h>

#include <thread>

#include "app/text/pinyin.h"

namespace zj::app {
namespace {

TEST(Pinyin, GivesSyllablesAndInitials) {
  const NamePinyin p = PinyinOfName("张晓林");
  EXPECT_EQ(p.full, "zhang xiao lin");
  EXPECT_EQ(p.initials, "zxl");
}

TEST(Pinyin, SurnamesReadOtherwiseComeFromTheTable) {
  EXPECT_EQ(PinyinOfName("单田芳").full, "shan tian fang");  // ICU alone says dan
  EXPECT_EQ(PinyinOfName("曾国藩").full, "zeng guo fan");    // ICU alone says ceng (and joins)
  EXPECT_EQ(PinyinOfName("解缙").initials, "xj");
  EXPECT_EQ(PinyinOfName("单于夫罗").full, "chan yu fu luo");
  EXPECT_EQ(PinyinOfName("欧阳修").full, "ou yang xiu");
}

TEST(Pinyin, TheTableAppliesToTheSurnameOnly) {
  // 单 inside a given name keeps ICU's reading.
  EXPECT_EQ(PinyinOfName("王单").full, "wang dan");
}

TEST(Pinyin, LatinPartsAndSeparatorsBecomeWords) {
  EXPECT_EQ(PinyinOfName("买买提·艾力").full, "mai mai ti ai li");
  const NamePinyin mixed = PinyinOfName(" 李Anna ");
  EXPECT_EQ(mixed.full, "li anna");
  EXPECT_EQ(mixed.initials, "la");
  EXPECT_EQ(PinyinOfName("").full, "");
}

TEST(Pinyin, IsSafeToCallFromSeveralThreads) {
  std::vector<std::thread> threads;
  std::vector<std::string> results(4);
  for (std::size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&results, t] {
      for (int i = 0; i < 200; ++i) results[t] = PinyinOfName("张晓林").initials;
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& r : results) EXPECT_EQ(r, "zxl");
}

}  // namespace
}  // namespace zj::app
