// A worker's skill level in the talent pool (高技能人才, issue 22): 1 to 5 from 初级工 to 高级技师
// (shared/context/service-rules.md "Activities, training, talent"). The national vocational
// qualification numbers its grades the other way round (五级/初级工 … 一级/高级技师), so the
// pool's level is never shown as a bare number: its label says both (初级工（五级）). The
// labels are messages (core/i18n/activity_messages.cpp) in zh-CN and en. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace zj::talent {

enum class SkillLevel {
  kJunior = 1,            //!< 初级工, national grade 5
  kIntermediate = 2,      //!< 中级工, grade 4
  kSenior = 3,            //!< 高级工, grade 3
  kTechnician = 4,        //!< 技师, grade 2
  kSeniorTechnician = 5,  //!< 高级技师, grade 1
};

inline constexpr int kMinLevel = 1;
inline constexpr int kMaxLevel = 5;

//! The level of a number 1..5; nullopt otherwise.
std::optional<SkillLevel> LevelOf(int number);
//! The level of its code ("junior", "intermediate", "senior", "technician",
//! "senior_technician") or of its number as text ("1".."5").
std::optional<SkillLevel> ParseSkillLevel(std::string_view text);
std::string_view SkillLevelCode(SkillLevel level);
//! 1..5, the pool's order (higher is more skilled).
int Number(SkillLevel level);
//! The national qualification grade: 5 for 初级工 … 1 for 高级技师.
int NationalGrade(SkillLevel level);
//! The message key of the label: "talent.level.junior", … (zh-CN 初级工（五级）).
std::string_view LabelKey(SkillLevel level);
//! Whether a level reaches `at_least` (the pool's search: "技师 and above").
bool AtLeast(SkillLevel level, SkillLevel at_least);

//! An innovation studio's (工作室) funding: `amount_fen` a year for `years` years from
//! `first_year` (北京大工匠's studios: ¥100,000 a year for 3 years).
struct StudioFunding {
  int first_year = 0;
  int years = 0;
  std::int64_t amount_fen = 0;
};

//! Which funding year `year` is (1..years), nullopt outside the funding.
std::optional<int> FundingYear(const StudioFunding& funding, int year);

}  // namespace zj::talent
