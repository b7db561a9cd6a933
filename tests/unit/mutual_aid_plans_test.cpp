// Mutual-aid plans at their boundaries: a 1 June – 31 May period across the year's end (and a
// calendar-year one), the headcount changes' due day, cover on the first and last day of an
// enrolment, a member who died on the incident's day still covered and not the day after, the
// benefit table (10 % of the loss up to ¥20,000, exact to the fen; itemised amounts counted
// once, an unknown item refused) and the duplicate-incident key.
#include <gtest/gtest.h>

#include "core/mutual_aid/plans.h"

namespace zj::mutual_aid {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

Date D(int y, unsigned m, unsigned d) { return Date{year{y}, month{m}, day{d}}; }

constexpr PeriodStart kJune{6, 1};

TEST(MutualAidPeriod, AJuneToMayPeriodRunsAcrossTheYearsEnd) {
  const Period p = PeriodOf(kJune, D(2026, 3, 10));
  EXPECT_EQ(p.starts_on, D(2025, 6, 1));
  EXPECT_EQ(p.ends_on, D(2026, 5, 31));
  EXPECT_EQ(PeriodOf(kJune, D(2026, 5, 31)).starts_on, D(2025, 6, 1));
  EXPECT_EQ(PeriodOf(kJune, D(2026, 6, 1)).starts_on, D(2026, 6, 1));
  EXPECT_EQ(PeriodOf(kJune, D(2025, 12, 31)).ends_on, D(2026, 5, 31));
  EXPECT_EQ(NextPeriod(kJune, p).starts_on, D(2026, 6, 1));
  EXPECT_EQ(NextPeriod(kJune, p).ends_on, D(2027, 5, 31));
}

TEST(MutualAidPeriod, ACalendarYearAndAMarchStartOverALeapDay) {
  const Period year = PeriodOf({1, 1}, D(2026, 7, 1));
  EXPECT_EQ(year.starts_on, D(2026, 1, 1));
  EXPECT_EQ(year.ends_on, D(2026, 12, 31));
  EXPECT_EQ(PeriodOf({3, 1}, D(2028, 2, 29)).ends_on, D(2028, 2, 29));
  EXPECT_EQ(PeriodOf({3, 1}, D(2027, 2, 28)).ends_on, D(2027, 2, 28));
}

TEST(MutualAidPeriod, OnlyStartsEveryYearHas) {
  EXPECT_TRUE(IsPeriodStart({6, 1}));
  EXPECT_TRUE(IsPeriodStart({2, 28}));
  EXPECT_FALSE(IsPeriodStart({2, 29}));
  EXPECT_FALSE(IsPeriodStart({4, 31}));
  EXPECT_TRUE(IsPeriodStart({12, 31}));
  EXPECT_FALSE(IsPeriodStart({13, 1}));
  EXPECT_FALSE(IsPeriodStart({6, 0}));
}

TEST(MutualAidPeriod, ChangesAreDueFifteenDaysBeforeTheEnd) {
  EXPECT_EQ(ChangesDueOn(PeriodOf(kJune, D(2026, 1, 1)), 15), D(2026, 5, 16));
}

const Period kP = PeriodOf(kJune, D(2026, 1, 1));

TEST(MutualAidCover, FromTheEnrolmentsFirstDayToTheDayBeforeRemoval) {
  const std::vector<Enrolment> e = {{kP, D(2025, 9, 1), D(2026, 3, 1)}};
  EXPECT_EQ(CoverageRefusal(e, std::nullopt, {}, D(2025, 8, 31))->message_key,
            "error.mutual_aid.not_enrolled");
  EXPECT_FALSE(CoverageRefusal(e, std::nullopt, {}, D(2025, 9, 1)));
  EXPECT_FALSE(CoverageRefusal(e, std::nullopt, {}, D(2026, 2, 28)));
  EXPECT_TRUE(CoverageRefusal(e, std::nullopt, {}, D(2026, 3, 1)));
  // Outside the period: the next period needs its own enrolment.
  const std::vector<Enrolment> whole = {{kP, kP.starts_on, std::nullopt}};
  EXPECT_FALSE(CoverageRefusal(whole, std::nullopt, {}, D(2026, 5, 31)));
  EXPECT_TRUE(CoverageRefusal(whole, std::nullopt, {}, D(2026, 6, 1)));
}

TEST(MutualAidCover, AMemberIsStillCoveredOnTheDayTheyDiedOrRetired) {
  const std::vector<Enrolment> e = {{kP, kP.starts_on, std::nullopt}};
  const std::vector<StatusChange> died = {{D(2026, 3, 10), "deceased"}};
  EXPECT_FALSE(CoverageRefusal(e, std::nullopt, died, D(2026, 3, 10)));
  const auto after = CoverageRefusal(e, std::nullopt, died, D(2026, 3, 11));
  ASSERT_TRUE(after);
  EXPECT_EQ(after->field, "incident_date");
  EXPECT_EQ(after->message_key, "error.mutual_aid.not_active");
}

TEST(MutualAidCover, ActiveFollowsTheLastChangeBeforeTheDay) {
  const std::vector<StatusChange> changes = {
      {D(2026, 1, 5), "left"}, {D(2026, 2, 1), "active"}, {D(2026, 2, 1), "retired"}};
  EXPECT_TRUE(ActiveOn(D(2020, 1, 1), changes, D(2026, 1, 5)));
  EXPECT_FALSE(ActiveOn(D(2020, 1, 1), changes, D(2026, 1, 6)));
  // Two changes on one day: the later listed counts.
  EXPECT_FALSE(ActiveOn(D(2020, 1, 1), changes, D(2026, 2, 2)));
  EXPECT_FALSE(ActiveOn(D(2026, 1, 1), {}, D(2025, 12, 31)));
  EXPECT_TRUE(ActiveOn(D(2026, 1, 1), {}, D(2026, 1, 1)));
  EXPECT_TRUE(ActiveOn(std::nullopt, {}, D(1990, 1, 1)));
}

BenefitRule Fire() { return {"fire", BenefitKind::kShareOfLoss, 1'000, 2'000'000, {}}; }
BenefitRule Injury() {
  return {"injury",
          BenefitKind::kItemised,
          0,
          500'000,
          {{"fracture.arm", 200'000}, {"fracture.leg", 300'000}, {"burn.minor", 50'000}}};
}

TEST(MutualAidBenefit, TenPercentOfTheLossUpToTheCapExactToTheFen) {
  EXPECT_EQ(Compute(Fire(), {19'999'999, {}})->fen, 1'999'999);
  EXPECT_FALSE(Compute(Fire(), {19'999'999, {}})->capped);
  EXPECT_EQ(Compute(Fire(), {20'000'000, {}})->fen, 2'000'000);
  EXPECT_FALSE(Compute(Fire(), {20'000'000, {}})->capped);
  const auto over = Compute(Fire(), {20'000'010, {}});
  EXPECT_EQ(over->fen, 2'000'000);
  EXPECT_TRUE(over->capped);
  EXPECT_EQ(Compute(Fire(), {9, {}})->fen, 0);  // ⌊0.9 fen⌋
  const auto negative = Compute(Fire(), {-1, {}});
  ASSERT_FALSE(negative);
  EXPECT_EQ(negative.error().fields.at(0).field, "loss_fen");
}

TEST(MutualAidBenefit, ItemsFromTheListCountOnceAndTheSumIsCapped) {
  EXPECT_EQ(Compute(Injury(), {0, {"fracture.arm", "burn.minor", "fracture.arm"}})->fen, 250'000);
  const auto capped = Compute(Injury(), {0, {"fracture.arm", "fracture.leg", "burn.minor"}});
  EXPECT_EQ(capped->fen, 500'000);
  EXPECT_TRUE(capped->capped);
  const auto unknown = Compute(Injury(), {0, {"fracture.arm", "fracture.toe"}});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().message_key, "error.mutual_aid.claim");
  ASSERT_EQ(unknown.error().fields.size(), 1U);
  EXPECT_EQ(unknown.error().fields[0].field, "items.1");
  EXPECT_EQ(unknown.error().fields[0].message_key, "error.mutual_aid.item_unknown");
}

TEST(MutualAidBenefit, RulesAreCheckedAsLoaded) {
  EXPECT_TRUE(CheckBenefitRule(Fire(), 0).empty());
  EXPECT_TRUE(CheckBenefitRule(Injury(), 1).empty());
  BenefitRule bad = Injury();
  bad.code = "Injury";
  bad.items.push_back({"burn.minor", 1});
  std::vector<std::string> fields;
  for (const FieldError& e : CheckBenefitRule(bad, 2)) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"benefits.2.code", "benefits.2.items"}));
  BenefitRule share = Fire();
  share.share_bp = 10'001;
  EXPECT_EQ(CheckBenefitRule(share, 0).at(0).field, "benefits.0.share_bp");
  EXPECT_EQ(ParseBenefitKind(BenefitKindCode(BenefitKind::kItemised)), BenefitKind::kItemised);
}

TEST(MutualAidIncident, TheKeyNamesPlanBenefitMemberAndDay) {
  EXPECT_EQ(IncidentKey(12, "fire", 345, D(2026, 3, 10)), "p12:fire:m345:2026-03-10");
  EXPECT_NE(IncidentKey(12, "fire", 345, D(2026, 3, 10)),
            IncidentKey(12, "fire", 345, D(2026, 3, 11)));
}

}  // namespace
}  // namespace zj::mutual_aid
