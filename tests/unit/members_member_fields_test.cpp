// Gender as typed, ethnic group names (GB/T 3304), and member card numbers with a Luhn digit.
#include <gtest/gtest.h>

#include "core/members/member_fields.h"

namespace zj::members {
namespace {

TEST(Gender, ChineseAndEnglishSpellings) {
  EXPECT_EQ(ParseGender(" 男 "), Gender::kMale);
  EXPECT_EQ(ParseGender("F"), Gender::kFemale);
  EXPECT_EQ(ParseGender("female"), Gender::kFemale);
  EXPECT_FALSE(ParseGender("未知").has_value());
  EXPECT_FALSE(ParseGender("").has_value());
  EXPECT_EQ(GenderName(Gender::kMale), "male");
}

TEST(Ethnicity, StandardNamesWithOrWithoutTheSuffix) {
  EXPECT_EQ(NormaliseEthnicity("汉族"), "汉族");
  EXPECT_EQ(NormaliseEthnicity(" 汉 "), "汉族");
  EXPECT_EQ(NormaliseEthnicity("维吾尔"), "维吾尔族");
  EXPECT_EQ(NormaliseEthnicity("外国血统中国籍人士"), "外国血统中国籍人士");
  EXPECT_FALSE(NormaliseEthnicity("火星族").has_value());
  EXPECT_FALSE(NormaliseEthnicity("族").has_value());
  EXPECT_FALSE(NormaliseEthnicity("").has_value());
}

TEST(CardNumber, RegionSerialAndLuhnDigit) {
  EXPECT_EQ(MakeCardNumber("110101", 1), "1101010000000013");
  EXPECT_EQ(MakeCardNumber("110101", 123456789), "1101011234567892");
  EXPECT_TRUE(IsValidCardNumber("1101010000000013"));
  EXPECT_TRUE(IsValidCardNumber("4111111111111111"));  // the well-known Luhn test number
}

TEST(CardNumber, SingleDigitErrorsAndTranspositionsAreCaught) {
  EXPECT_FALSE(IsValidCardNumber("1101010000000014"));
  EXPECT_FALSE(IsValidCardNumber("1101010000000103"));  // 1 and 0 swapped
  EXPECT_FALSE(IsValidCardNumber("110101000000001"));   // too short
  EXPECT_FALSE(IsValidCardNumber("11010100000000X3"));
  const std::string good = MakeCardNumber("310115", 42);
  for (std::size_t i = 0; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] = static_cast<char>('0' + (bad[i] - '0' + 1) % 10);
    EXPECT_FALSE(IsValidCardNumber(bad)) << bad;
  }
}

}  // namespace
}  // namespace zj::members
