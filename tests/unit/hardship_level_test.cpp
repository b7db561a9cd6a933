// The eligibility arithmetic of a hardship file at its edges: exactly at the 低保 line and at
// twice it, one fen above each, zero and negative income, one person, expenses above income,
// the sudden-cost shares, exclusions, and the causes' rules.
#include "core/hardship/hardship_level.h"

#include <gtest/gtest.h>

namespace zj::hardship {
namespace {

constexpr std::int64_t kDibao = 132000;  // ¥1,320 a month (a sample figure)

LevelFacts Household(std::int64_t income, std::int64_t expenses, int size) {
  LevelFacts f;
  f.annual_income_fen = income;
  f.rigid_expenses_fen = expenses;
  f.household_size = size;
  f.dibao_monthly_fen = kDibao;
  return f;
}

std::string Arg(const LevelResult& r, const std::string& name) {
  for (const auto& [k, v] : r.explanation_args) {
    if (k == name) return v;
  }
  return "<none>";
}

TEST(PerHeadMonthly, DividesTheNetYearByTwelveMonthsAndTheHousehold) {
  EXPECT_EQ(PerHeadMonthly(3 * 12 * kDibao, 0, 3), kDibao);
  EXPECT_EQ(PerHeadMonthly(5'000'000, 1'400'000, 3), 100'000);
  EXPECT_EQ(PerHeadMonthly(kDibao * 12, 0, 1), kDibao);
}

TEST(PerHeadMonthly, RoundsDownOnceSoAFractionOfAFenNeverLiftsAHouseholdOverTheLine) {
  // 36 fen + 35 over three people and twelve months: 1.0 fen and 35/36 → 1.
  EXPECT_EQ(PerHeadMonthly(36 + 35, 0, 3), 1);
  // Negative nets round down too (C++ would truncate -1/36 to 0).
  EXPECT_EQ(PerHeadMonthly(0, 1, 3), -1);
  EXPECT_EQ(PerHeadMonthly(0, 36, 3), -1);
  EXPECT_EQ(PerHeadMonthly(0, 37, 3), -2);
}

TEST(ComputeLevel, ExactlyAtTheDibaoLineIsDeepAndOneFenAboveIsRelative) {
  const auto at = ComputeLevel(Household(12 * kDibao * 2, 0, 2));
  EXPECT_EQ(at.level, Level::kDeep);
  EXPECT_EQ(at.per_head_monthly_fen, kDibao);
  EXPECT_EQ(at.explanation_key, "hardship.level.deep.why");
  const auto above = ComputeLevel(Household(12 * (kDibao + 1) * 2, 0, 2));
  EXPECT_EQ(above.level, Level::kRelative);
}

TEST(ComputeLevel, ExactlyAtTwiceTheLineIsRelativeAndOneFenAboveIsNone) {
  EXPECT_EQ(ComputeLevel(Household(12 * 2 * kDibao, 0, 1)).level, Level::kRelative);
  const auto above = ComputeLevel(Household(12 * (2 * kDibao + 1), 0, 1));
  EXPECT_EQ(above.level, Level::kNone);
  EXPECT_EQ(above.explanation_key, "hardship.level.none.why");
  EXPECT_EQ(Arg(above, "twice_dibao"), "2,640.00");
}

TEST(ComputeLevel, ZeroIncomeAndExpensesAboveIncomeAreDeep) {
  EXPECT_EQ(ComputeLevel(Household(0, 0, 4)).level, Level::kDeep);
  const auto negative = ComputeLevel(Household(1'200'000, 2'400'000, 1));
  EXPECT_EQ(negative.level, Level::kDeep);
  EXPECT_EQ(negative.per_head_monthly_fen, -100'000);
  EXPECT_EQ(Arg(negative, "per_head"), "-1,000.00");
}

TEST(ComputeLevel, ShowsItsArithmeticInYuan) {
  const auto r = ComputeLevel(Household(5'000'000, 1'400'000, 3));
  EXPECT_EQ(Arg(r, "income"), "50,000.00");
  EXPECT_EQ(Arg(r, "expenses"), "14,000.00");
  EXPECT_EQ(Arg(r, "size"), "3");
  EXPECT_EQ(Arg(r, "per_head"), "1,000.00");
  EXPECT_EQ(Arg(r, "dibao"), "1,320.00");
}

TEST(ComputeLevel, SuddenCostAboveItsShareOfIncomeOnlyAboveTheRelativeLine) {
  LevelFacts f = Household(10'000'000, 0, 1);  // ¥100,000 a year: far above 2 × 低保
  f.sudden_cost_fen = 8'000'000;               // exactly 80 %: not above
  EXPECT_EQ(ComputeLevel(f).level, Level::kNone);
  f.sudden_cost_fen = 8'000'001;
  const auto sudden = ComputeLevel(f);
  EXPECT_EQ(sudden.level, Level::kSudden);
  EXPECT_EQ(Arg(sudden, "cost_pct"), "80");
  f.sudden_cost_fen = 0;
  f.sudden_medical_fen = 5'000'000;  // exactly 50 %: not above
  EXPECT_EQ(ComputeLevel(f).level, Level::kNone);
  f.sudden_medical_fen = 5'000'001;
  EXPECT_EQ(ComputeLevel(f).level, Level::kSudden);
  f.thresholds.medical_pct = 60;  // the region's data, not the default
  EXPECT_EQ(ComputeLevel(f).level, Level::kNone);
}

TEST(ComputeLevel, AnyExclusionMakesTheHouseholdNotEligibleWhateverItsIncome) {
  LevelFacts f = Household(0, 0, 1);
  f.exclusions = {"two_or_more_homes"};
  const auto r = ComputeLevel(f);
  EXPECT_EQ(r.level, Level::kExcluded);
  EXPECT_EQ(Arg(r, "exclusions"), "two_or_more_homes");
}

TEST(Causes, OneMainOfTheTenAndUpToThreeDistinctOthers) {
  EXPECT_TRUE(CheckCauses("illness", {}).empty());
  EXPECT_TRUE(CheckCauses("illness", {"low_wage", "schooling", "aged_dependants"}).empty());
  EXPECT_EQ(CheckCauses("gambling", {}).at(0).field, "main_cause");
  EXPECT_EQ(CheckCauses("illness", {"illness"}).at(0).field, "secondary_causes");
  EXPECT_EQ(CheckCauses("illness", {"low_wage", "low_wage"}).at(0).field, "secondary_causes");
  EXPECT_EQ(CheckCauses("illness", {"low_wage", "schooling", "disaster", "other"}).size(), 1u);
  EXPECT_EQ(CheckCauses("illness", {"nope"}).size(), 1u);
}

TEST(Exclusions, KnownCodesOnceEach) {
  EXPECT_TRUE(CheckExclusions({"study_abroad_own_cost", "private_school_fees"}).empty());
  EXPECT_EQ(CheckExclusions({"yacht"}).size(), 1u);
  EXPECT_EQ(CheckExclusions({"two_or_more_homes", "two_or_more_homes"}).size(), 1u);
}

TEST(Codes, JoinAndSplitRoundTrip) {
  EXPECT_EQ(JoinCodes({"a", "b"}), "a,b");
  EXPECT_EQ(SplitCodes("a,b"), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(SplitCodes("").empty());
  EXPECT_EQ(ParseLevel("relative"), Level::kRelative);
  EXPECT_FALSE(ParseLevel("rich").has_value());
}

TEST(Yuan, FormatsFenWithSeparators) {
  EXPECT_EQ(Yuan(0), "0.00");
  EXPECT_EQ(Yuan(5), "0.05");
  EXPECT_EQ(Yuan(-5), "-0.05");
  EXPECT_EQ(Yuan(123456789), "1,234,567.89");
}

}  // namespace
}  // namespace zj::hardship
