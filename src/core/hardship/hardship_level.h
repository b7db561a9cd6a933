// The eligibility arithmetic of a hardship file (困难职工认定, issue 20; the numbers are data
// of shared/context/service-rules.md, loaded per region and year, never written here):
//   per-head monthly income = (annual disposable income − rigid expenses) ÷ 12 ÷ household size
//   深度困难 (deep)     per head ≤ the local 低保 line
//   相对困难 (relative) per head ≤ 2 × 低保
//   意外致困 (sudden)   after insurance and compensation the sudden cost is above a share of the
//                       household's annual income, or its medical part above another share
// Any exclusion (two or more homes, ...) makes the household not eligible, whatever the income.
// The level comes back with its arithmetic as message parameters, so the page can say in words
// how it was reached. Money is integer fen throughout; pure functions, no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace zj::hardship {

enum class Level { kDeep, kRelative, kSudden, kNone, kExcluded };

//! "deep", "relative", "sudden", "none", "excluded".
std::string_view LevelCode(Level level);
std::optional<Level> ParseLevel(std::string_view code);

//! (income − expenses) ÷ 12 ÷ size in fen, rounded down (towards minus infinity) in one
//! division of the whole: the exact figure is never rounded up past a line it lies on or under,
//! so a household a fraction of a fen above the line counts as at it (the rounding errs in the
//! household's favour by less than one fen), and nothing is rounded twice. A negative result
//! (expenses above income) is kept: it is below every line. `household_size` must be ≥ 1.
std::int64_t PerHeadMonthly(std::int64_t annual_income_fen, std::int64_t rigid_expenses_fen,
                            int household_size);

//! The thresholds of 意外致困 in per cent of the household's annual income (region data;
//! the defaults are the example of service-rules.md).
struct SuddenThresholds {
  int cost_pct = 80;
  int medical_pct = 50;
};

struct LevelFacts {
  std::int64_t annual_income_fen = 0;
  std::int64_t rigid_expenses_fen = 0;
  int household_size = 1;
  std::int64_t dibao_monthly_fen = 0;
  std::int64_t sudden_cost_fen = 0;     //!< after insurance and compensation; 0 for none
  std::int64_t sudden_medical_fen = 0;  //!< the medical part of it
  SuddenThresholds thresholds;
  std::vector<std::string> exclusions;  //!< codes of kExclusions; any → kExcluded
};

struct LevelResult {
  Level level = Level::kNone;
  std::int64_t per_head_monthly_fen = 0;
  //! The message key of the arithmetic in words ("hardship.level.deep.why", ...) and its
  //! parameters (amounts in yuan with two decimals, e.g. "1,320.00").
  std::string explanation_key;
  std::vector<std::pair<std::string, std::string>> explanation_args;
};

LevelResult ComputeLevel(const LevelFacts& facts);

//! Fen as yuan with thousands separators and two decimals: 132000 → "1,320.00", -5 → "-0.05".
std::string Yuan(std::int64_t fen);

//! The ten main causes (and the secondary ones' codes).
inline constexpr std::string_view kCauses[] = {
    "illness",   "disability", "unemployment", "disaster",        "single_parent",
    "schooling", "accident",   "low_wage",     "aged_dependants", "other"};
//! The exclusions: any of them, recorded, makes a household not eligible.
inline constexpr std::string_view kExclusions[] = {"two_or_more_homes", "business_employing_others",
                                                   "private_school_fees", "study_abroad_own_cost"};
inline constexpr std::size_t kMaxSecondaryCauses = 3;

bool IsCause(std::string_view code);
bool IsExclusion(std::string_view code);

//! Field errors of a main cause and its secondary ones: main one of kCauses
//! ("error.hardship.cause"); secondary each a cause, distinct, not the main, at most three
//! ("error.hardship.secondary_causes").
std::vector<FieldError> CheckCauses(std::string_view main,
                                    const std::vector<std::string>& secondary);
//! Field errors of exclusions: each one of kExclusions, no repeats ("error.hardship.exclusion").
std::vector<FieldError> CheckExclusions(const std::vector<std::string>& exclusions);

//! Comma lists as stored ("illness,low_wage"); "" for none.
std::string JoinCodes(const std::vector<std::string>& codes);
std::vector<std::string> SplitCodes(std::string_view joined);

}  // namespace zj::hardship
