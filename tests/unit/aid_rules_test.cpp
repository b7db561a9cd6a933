// The arithmetic of aid grants at its edges: 深度 living allowance as months of 低保, 相对
// medical as a share of the cost exactly at and one fen past its cap, schooling per student
// (zero, one, three students), zero cost, periods per kind, and which level approves an amount
// exactly at a limit, one fen above it and above every limit.
#include "core/aid/aid_rules.h"

#include <gtest/gtest.h>

namespace zj::aid {
namespace {

constexpr std::int64_t kDibao = 145000;  // ¥1,450 a month (a sample figure)

GrantFacts Facts(int size = 3, int students = 0, std::int64_t cost = 0) {
  return GrantFacts{kDibao, size, students, cost};
}

TEST(AidRules, LivingAllowanceIsMonthsOfTheDibaoLine) {
  const Rule deep{RuleKind::kMonthsOfDibao, 10, 0, 0, std::nullopt, Per::kHousehold};
  const Amount a = Compute(deep, Facts());
  EXPECT_EQ(a.fen, 10 * kDibao);
  EXPECT_FALSE(a.capped);
  EXPECT_EQ(a.rule_key, "aid.rule.months_of_dibao");
  // Per person: the household's size counts.
  Rule per_person = deep;
  per_person.per = Per::kPerson;
  EXPECT_EQ(Compute(per_person, Facts(4)).fen, 4 * 10 * kDibao);
}

TEST(AidRules, MedicalShareIsCappedExactlyAtTheCap) {
  const Rule relative{RuleKind::kShareOfCost, 0, 0, 80, 1'600'000, Per::kHousehold};
  // 80 % of ¥20,000 is ¥16,000: exactly at the cap, not cut.
  const Amount at = Compute(relative, Facts(3, 0, 2'000'000));
  EXPECT_EQ(at.fen, 1'600'000);
  EXPECT_FALSE(at.capped);
  // A fen of cost more: 80 % of it would pass the cap by a fraction; the cap holds.
  const Amount above = Compute(relative, Facts(3, 0, 2'000'002));
  EXPECT_EQ(above.fen, 1'600'000);
  EXPECT_TRUE(above.capped);
  // The share rounds down: 80 % of 1 fen is 0, of 3 fen is 2.
  EXPECT_EQ(Compute(relative, Facts(3, 0, 1)).fen, 0);
  EXPECT_EQ(Compute(relative, Facts(3, 0, 3)).fen, 2);
  // No cost, nothing; a negative cost is no cost.
  EXPECT_EQ(Compute(relative, Facts(3, 0, 0)).fen, 0);
  EXPECT_EQ(Compute(relative, Facts(3, 0, -500)).fen, 0);
}

TEST(AidRules, SchoolingCountsStudents) {
  const Rule schooling{RuleKind::kMonthsOfDibao, 10, 0, 0, std::nullopt, Per::kStudent};
  EXPECT_EQ(Compute(schooling, Facts(4, 0)).fen, 0);
  EXPECT_EQ(Compute(schooling, Facts(4, 1)).fen, 10 * kDibao);
  EXPECT_EQ(Compute(schooling, Facts(4, 3)).fen, 3 * 10 * kDibao);
  // The cap is of the whole grant, after the count.
  Rule capped = schooling;
  capped.cap_fen = 2 * 10 * kDibao;
  EXPECT_EQ(Compute(capped, Facts(4, 2)).fen, 2 * 10 * kDibao);
  EXPECT_FALSE(Compute(capped, Facts(4, 2)).capped);
  EXPECT_TRUE(Compute(capped, Facts(4, 3)).capped);
}

TEST(AidRules, FixedAmountAndItsCheck) {
  const Rule festival{RuleKind::kFixed, 0, 50'000, 0, std::nullopt, Per::kHousehold};
  EXPECT_EQ(Compute(festival, Facts()).fen, 50'000);
  EXPECT_TRUE(CheckRule(festival).empty());
  Rule zero = festival;
  zero.amount_fen = 0;
  ASSERT_EQ(CheckRule(zero).size(), 1u);
  EXPECT_EQ(CheckRule(zero)[0].field, "amount_fen");
  const Rule no_months{RuleKind::kMonthsOfDibao, 0, 0, 0, std::nullopt, Per::kHousehold};
  EXPECT_EQ(CheckRule(no_months).at(0).field, "months");
  const Rule share{RuleKind::kShareOfCost, 0, 0, 101, std::nullopt, Per::kHousehold};
  EXPECT_EQ(CheckRule(share).at(0).field, "share_pct");
  const Rule whole{RuleKind::kShareOfCost, 0, 0, 100, 0, Per::kHousehold};
  EXPECT_EQ(CheckRule(whole).at(0).field, "cap_fen");
}

TEST(AidRules, PeriodsPerKind) {
  EXPECT_TRUE(IsPeriodOf(Kind::kLiving, "2026"));
  EXPECT_FALSE(IsPeriodOf(Kind::kLiving, "2026-05"));
  EXPECT_TRUE(IsPeriodOf(Kind::kEmergency, "2026-05"));
  EXPECT_TRUE(IsPeriodOf(Kind::kEmergency, "2026-12"));
  EXPECT_FALSE(IsPeriodOf(Kind::kEmergency, "2026-13"));
  EXPECT_FALSE(IsPeriodOf(Kind::kEmergency, "2026-00"));
  EXPECT_FALSE(IsPeriodOf(Kind::kEmergency, "2026"));
  EXPECT_FALSE(IsPeriodOf(Kind::kFestival, "1999"));
  EXPECT_FALSE(IsPeriodOf(Kind::kFestival, "20x6"));
  EXPECT_EQ(PeriodYear("2026-05"), 2026);
}

TEST(AidRules, ApproverLevelAtTheLimits) {
  const std::vector<Limit> limits{{OrgLevel::kGrassroots, 200'000}, {OrgLevel::kStreet, 1'000'000}};
  EXPECT_EQ(ApproverLevel(limits, 0), OrgLevel::kGrassroots);
  EXPECT_EQ(ApproverLevel(limits, 200'000), OrgLevel::kGrassroots);
  EXPECT_EQ(ApproverLevel(limits, 200'001), OrgLevel::kStreet);
  EXPECT_EQ(ApproverLevel(limits, 1'000'000), OrgLevel::kStreet);
  // Above every limit: the level above the highest listed.
  EXPECT_EQ(ApproverLevel(limits, 1'000'001), OrgLevel::kDistrict);
  // Only the district listed: every amount it covers is the district's, a grassroots union
  // approves nothing of its own; above it the municipal federation.
  const std::vector<Limit> district{{OrgLevel::kDistrict, 500'000}};
  EXPECT_EQ(ApproverLevel(district, 1), OrgLevel::kDistrict);
  EXPECT_EQ(ApproverLevel(district, 500'001), OrgLevel::kMunicipal);
  const std::vector<Limit> top{{OrgLevel::kMunicipal, 100}};
  EXPECT_EQ(ApproverLevel(top, 101), OrgLevel::kMunicipal);
  EXPECT_EQ(ApproverLevel({}, 1), std::nullopt);
}

TEST(AidRules, LevelsOfOrgKinds) {
  EXPECT_EQ(LevelOfOrgKind("group"), OrgLevel::kGrassroots);
  EXPECT_EQ(LevelOfOrgKind("grassroots"), OrgLevel::kGrassroots);
  EXPECT_EQ(LevelOfOrgKind("industry"), OrgLevel::kStreet);
  EXPECT_EQ(LevelOfOrgKind("street"), OrgLevel::kStreet);
  EXPECT_EQ(LevelOfOrgKind("district"), OrgLevel::kDistrict);
  EXPECT_EQ(LevelOfOrgKind("municipal"), OrgLevel::kMunicipal);
  EXPECT_EQ(LevelOfOrgKind("nothing"), std::nullopt);
  EXPECT_EQ(ParseKind("festival"), Kind::kFestival);
  EXPECT_EQ(ParseKind("bonus"), std::nullopt);
}

}  // namespace
}  // namespace zj::aid
