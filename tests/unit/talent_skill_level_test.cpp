// The talent pool's skill levels: 1..5 from 初级工 to 高级技师, the national grade numbered the
// other way round, codes and numbers parsed, nothing outside 1..5, both languages' labels, and
// a studio's funding years.
#include <gtest/gtest.h>

#include "core/i18n/messages.h"
#include "core/talent/skill_level.h"

namespace zj::talent {
namespace {

TEST(SkillLevel, OneToFiveFromJuniorWorkerToSeniorTechnician) {
  EXPECT_EQ(LevelOf(1), SkillLevel::kJunior);
  EXPECT_EQ(LevelOf(5), SkillLevel::kSeniorTechnician);
  EXPECT_FALSE(LevelOf(0));
  EXPECT_FALSE(LevelOf(6));
  EXPECT_EQ(NationalGrade(SkillLevel::kJunior), 5);
  EXPECT_EQ(NationalGrade(SkillLevel::kSeniorTechnician), 1);
  EXPECT_TRUE(AtLeast(SkillLevel::kSeniorTechnician, SkillLevel::kTechnician));
  EXPECT_FALSE(AtLeast(SkillLevel::kSenior, SkillLevel::kTechnician));
}

TEST(SkillLevel, ParsesCodesAndNumbers) {
  for (int n = kMinLevel; n <= kMaxLevel; ++n) {
    const SkillLevel level = *LevelOf(n);
    EXPECT_EQ(ParseSkillLevel(SkillLevelCode(level)), level);
    EXPECT_EQ(ParseSkillLevel(std::to_string(n)), level);
    EXPECT_EQ(Number(level), n);
  }
  EXPECT_FALSE(ParseSkillLevel("0"));
  EXPECT_FALSE(ParseSkillLevel("6"));
  EXPECT_FALSE(ParseSkillLevel("15"));
  EXPECT_FALSE(ParseSkillLevel("master"));
}

TEST(SkillLevel, LabelsSayTheNationalGradeInBothLanguages) {
  using i18n::Locale;
  EXPECT_EQ(i18n::Translate(Locale::kZhCN, LabelKey(SkillLevel::kJunior)), "初级工（五级）");
  EXPECT_EQ(i18n::Translate(Locale::kZhCN, LabelKey(SkillLevel::kSeniorTechnician)),
            "高级技师（一级）");
  EXPECT_EQ(i18n::Translate(Locale::kEn, LabelKey(SkillLevel::kTechnician)),
            "Technician (grade 2)");
  for (int n = kMinLevel; n <= kMaxLevel; ++n) {
    EXPECT_TRUE(i18n::HasMessage(Locale::kZhCN, LabelKey(*LevelOf(n))));
    EXPECT_TRUE(i18n::HasMessage(Locale::kEn, LabelKey(*LevelOf(n))));
  }
}

TEST(StudioFunding, ThreeYearsFromTheFirst) {
  const StudioFunding studio{2025, 3, 10'000'000};
  EXPECT_EQ(FundingYear(studio, 2024), std::nullopt);
  EXPECT_EQ(FundingYear(studio, 2025), 1);
  EXPECT_EQ(FundingYear(studio, 2027), 3);
  EXPECT_EQ(FundingYear(studio, 2028), std::nullopt);
}

}  // namespace
}  // namespace zj::talent
