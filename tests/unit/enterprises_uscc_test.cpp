#include <gtest/gtest.h>

#include "core/enterprises/industry.h"
#include "core/enterprises/uscc.h"

namespace zj::enterprises {
namespace {

TEST(Uscc, AcceptsTheStandardsWorkedExample) {
  // GB 32100-2015's own example code.
  EXPECT_EQ(NormaliseUscc("91350100M000100Y43"), "91350100M000100Y43");
}

TEST(Uscc, AcceptsARealCompanysCodeWithALetterCheckCharacter) {
  // 深圳市腾讯计算机系统有限公司, as published in the national enterprise credit system.
  EXPECT_EQ(NormaliseUscc("91440300708461136T"), "91440300708461136T");
}

TEST(Uscc, ComputesTheCheckCharacterOfTheFirstSeventeen) {
  EXPECT_EQ(UsccCheckCharacter("91350100M000100Y4"), '3');
  EXPECT_EQ(UsccCheckCharacter("91440300708461136"), 'T');
}

TEST(Uscc, RejectsAWrongCheckCharacter) {
  EXPECT_FALSE(NormaliseUscc("91350100M000100Y44"));
  EXPECT_FALSE(NormaliseUscc("91440300708461136U"));
}

TEST(Uscc, RejectsLettersOutsideTheCharacterSet) {
  // I, O, Z, S and V are not used, so they cannot be confused with 1, 0, 2, 5 and U.
  for (char c : std::string("IOZSV")) {
    std::string code = "91350100M000100Y4";
    code[8] = c;
    EXPECT_FALSE(UsccCheckCharacter(code)) << c;
  }
}

TEST(Uscc, RejectsTheWrongLength) {
  EXPECT_FALSE(NormaliseUscc(""));
  EXPECT_FALSE(NormaliseUscc("91350100M000100Y4"));
  EXPECT_FALSE(NormaliseUscc("91350100M000100Y433"));
}

TEST(Uscc, NormalisesSpacesAndLowerCase) {
  EXPECT_EQ(NormaliseUscc("  91440300708461136t "), "91440300708461136T");
}

TEST(Industry, KnowsTheTwentySectionsOfGbt4754) {
  ASSERT_EQ(IndustrySections().size(), 20u);
  EXPECT_EQ(FindIndustry("C")->zh, "制造业");
  EXPECT_EQ(FindIndustry("T")->en, "International organisations");
  EXPECT_EQ(FindIndustry("A")->letter, 'A');
}

TEST(Industry, RejectsLettersOutsideAToT) {
  EXPECT_EQ(FindIndustry("U"), nullptr);
  EXPECT_EQ(FindIndustry("c"), nullptr);
  EXPECT_EQ(FindIndustry("CC"), nullptr);
  EXPECT_EQ(FindIndustry(""), nullptr);
}

TEST(Ownership, AcceptsTheSixTypesOnly) {
  for (const char* o : {"state", "collective", "private", "foreign", "hmt", "other"}) {
    EXPECT_TRUE(IsOwnership(o)) << o;
  }
  EXPECT_FALSE(IsOwnership("public"));
  EXPECT_FALSE(IsOwnership(""));
}

}  // namespace
}  // namespace zj::enterprises
