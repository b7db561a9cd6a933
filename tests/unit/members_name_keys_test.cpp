// The name search keys: pinyin without spaces and initials, lower-case ASCII only.
#include <gtest/gtest.h>

#include "app/members/name_keys.h"

namespace zj::members {
namespace {

TEST(NameKeys, HanNamesGivePinyinWithoutSpacesAndInitials) {
  const NameKeys k = NameKeysOf("张晓林");
  EXPECT_EQ(k.pinyin, "zhangxiaolin");
  EXPECT_EQ(k.initials, "zxl");
}

TEST(NameKeys, SurnamesReadOtherwiseKeepTheirReading) {
  EXPECT_EQ(NameKeysOf("单田芳").pinyin, "shantianfang");
}

TEST(NameKeys, LatinLettersAndDigitsAreKeptInLowerCaseAndSeparatorsDropped) {
  const NameKeys k = NameKeysOf(" 买买提·艾力 ");
  EXPECT_EQ(k.pinyin, "maimaitiaili");
  EXPECT_EQ(k.initials, "mmtal");
  EXPECT_EQ(NameKeysOf("李Anna").pinyin, "lianna");
  EXPECT_EQ(NameKeysOf("").pinyin, "");
}

}  // namespace
}  // namespace zj::members
