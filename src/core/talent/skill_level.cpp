#include "core/talent/skill_level.h"

#include <array>

namespace zj::talent {

namespace {

struct LevelText {
  std::string_view code;
  std::string_view key;
};

constexpr std::array<LevelText, 5> kLevels{{
    {"junior", "talent.level.junior"},
    {"intermediate", "talent.level.intermediate"},
    {"senior", "talent.level.senior"},
    {"technician", "talent.level.technician"},
    {"senior_technician", "talent.level.senior_technician"},
}};

std::size_t Index(SkillLevel level) { return static_cast<std::size_t>(level) - 1; }

}  // namespace

std::optional<SkillLevel> LevelOf(int number) {
  if (number < kMinLevel || number > kMaxLevel) return std::nullopt;
  return static_cast<SkillLevel>(number);
}

std::optional<SkillLevel> ParseSkillLevel(std::string_view text) {
  if (text.size() == 1 && text[0] >= '1' && text[0] <= '5') return LevelOf(text[0] - '0');
  for (std::size_t i = 0; i < kLevels.size(); ++i) {
    if (kLevels[i].code == text) return static_cast<SkillLevel>(i + 1);
  }
  return std::nullopt;
}

std::string_view SkillLevelCode(SkillLevel level) { return kLevels[Index(level)].code; }

int Number(SkillLevel level) { return static_cast<int>(level); }

int NationalGrade(SkillLevel level) { return kMaxLevel + 1 - Number(level); }

std::string_view LabelKey(SkillLevel level) { return kLevels[Index(level)].key; }

bool AtLeast(SkillLevel level, SkillLevel at_least) { return Number(level) >= Number(at_least); }

std::optional<int> FundingYear(const StudioFunding& funding, int year) {
  const int n = year - funding.first_year + 1;
  if (n < 1 || n > funding.years) return std::nullopt;
  return n;
}

}  // namespace zj::talent
