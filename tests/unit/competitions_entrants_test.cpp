// Who may enter and who may judge, at the edges: a year on the site exactly on its anniversary
// and the day before, ages on the birthday (29 February too), a trade in or out of the list,
// facts not known, rules as loaded, and a judge's conflicts with an enterprise, a team and an
// individual entrant.
#include <gtest/gtest.h>

#include "core/competitions/entrants.h"

namespace zj::competitions {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

Date D(int y, unsigned m, unsigned d) { return Date{year{y}, month{m}, day{d}}; }

TEST(CompetitionEligibility, FullYearsCountOnTheAnniversary) {
  EXPECT_EQ(FullYears(D(2025, 12, 7), D(2026, 12, 7)), 1);
  EXPECT_EQ(FullYears(D(2025, 12, 7), D(2026, 12, 6)), 0);
  EXPECT_EQ(FullYears(D(2000, 2, 29), D(2018, 2, 28)), 17);
  EXPECT_EQ(FullYears(D(2000, 2, 29), D(2018, 3, 1)), 18);
  EXPECT_EQ(FullYears(D(2000, 2, 29), D(2020, 2, 29)), 20);
  EXPECT_EQ(FullYears(D(2026, 1, 1), D(2025, 1, 1)), 0);
}

TEST(CompetitionEligibility, OneYearOnTheSiteIsMetOnItsAnniversary) {
  const std::vector<EligibilityRule> rules{{Criterion::kMinYearsOnSite, 1, {}}};
  WorkerFacts w;
  w.on_site_since = D(2025, 12, 7);
  EXPECT_TRUE(CheckEligibility(rules, w, D(2026, 12, 7)).empty());
  const auto early = CheckEligibility(rules, w, D(2026, 12, 6));
  ASSERT_EQ(early.size(), 1u);
  EXPECT_EQ(early[0].field, "on_site_since");
  EXPECT_EQ(early[0].message_key, "error.competition.on_site_too_short");
  EXPECT_EQ(early[0].args.at(0).second, "1");
  w.on_site_since.reset();
  EXPECT_EQ(CheckEligibility(rules, w, D(2026, 12, 7)).at(0).message_key,
            "error.competition.fact_unknown");
}

TEST(CompetitionEligibility, AgeBoundsIncludeTheBirthdays) {
  const std::vector<EligibilityRule> rules{{Criterion::kMinAge, 18, {}},
                                           {Criterion::kMaxAge, 35, {}}};
  WorkerFacts w;
  w.birth_date = D(2008, 6, 1);
  EXPECT_TRUE(CheckEligibility(rules, w, D(2026, 6, 1)).empty());  // 18 today
  EXPECT_EQ(CheckEligibility(rules, w, D(2026, 5, 31)).at(0).message_key,
            "error.competition.too_young");
  w.birth_date = D(1990, 6, 1);
  EXPECT_TRUE(CheckEligibility(rules, w, D(2026, 5, 31)).empty());  // still 35
  EXPECT_EQ(CheckEligibility(rules, w, D(2026, 6, 1)).at(0).message_key,
            "error.competition.too_old");  // 36 today
  EXPECT_EQ(CheckEligibility(rules, WorkerFacts{}, D(2026, 6, 1)).size(), 2u);
}

TEST(CompetitionEligibility, TradeMustBeListed) {
  const std::vector<EligibilityRule> rules{{Criterion::kTrade, 0, {"welder", "electrician"}}};
  WorkerFacts w;
  w.trade = "welder";
  EXPECT_TRUE(CheckEligibility(rules, w, D(2026, 1, 1)).empty());
  w.trade = "plumber";
  EXPECT_EQ(CheckEligibility(rules, w, D(2026, 1, 1)).at(0).message_key, "error.competition.trade");
  EXPECT_TRUE(CheckEligibility({}, w, D(2026, 1, 1)).empty());  // no rules: everyone
}

TEST(CompetitionEligibility, ChecksRulesAsLoaded) {
  EXPECT_TRUE(CheckEligibilityRules({{Criterion::kMinYearsOnSite, 1, {}}}).empty());
  const auto errors = CheckEligibilityRules(
      {{Criterion::kMinAge, -1, {}}, {Criterion::kTrade, 0, {}}, {Criterion::kMaxAge, 101, {}}});
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].field, "eligibility.0.value");
  EXPECT_EQ(errors[1].field, "eligibility.1.trades");
  EXPECT_EQ(errors[2].field, "eligibility.2.value");
  EXPECT_EQ(CriterionCode(Criterion::kMinYearsOnSite), "min_years_on_site");
  EXPECT_EQ(ParseCriterion("max_age"), Criterion::kMaxAge);
  EXPECT_FALSE(ParseCriterion("height").has_value());
}

TEST(CompetitionConflict, AJudgeFromTheEntrantsEnterpriseStandsAside) {
  const JudgeTies judge{7, 1001};
  EXPECT_EQ(ConflictOf(judge, {EntrantKind::kEnterprise, 7, {}}), Conflict::kSameEnterprise);
  EXPECT_EQ(ConflictOf(judge, {EntrantKind::kTeam, 7, {2001, 2002}}), Conflict::kSameEnterprise);
  EXPECT_EQ(ConflictOf(judge, {EntrantKind::kIndividual, 7, {2001}}), Conflict::kSameEnterprise);
  EXPECT_EQ(ConflictOf(judge, {EntrantKind::kEnterprise, 8, {}}), Conflict::kNone);
  EXPECT_EQ(ConflictKey(Conflict::kSameEnterprise), "error.competition.conflict_enterprise");
}

TEST(CompetitionConflict, AJudgeWhoIsTheEntrantOrInItsTeamStandsAside) {
  const JudgeTies judge{std::nullopt, 2002};
  EXPECT_EQ(ConflictOf(judge, {EntrantKind::kTeam, 8, {2001, 2002}}), Conflict::kIsEntrant);
  EXPECT_EQ(ConflictOf(judge, {EntrantKind::kIndividual, std::nullopt, {2002}}),
            Conflict::kIsEntrant);
  EXPECT_EQ(ConflictKey(Conflict::kIsEntrant), "error.competition.conflict_entrant");
  // Unknown employers on either side are no conflict by enterprise.
  EXPECT_EQ(ConflictOf(JudgeTies{}, {EntrantKind::kEnterprise, 7, {}}), Conflict::kNone);
  EXPECT_EQ(ConflictOf(JudgeTies{7, std::nullopt}, {EntrantKind::kIndividual, std::nullopt, {3}}),
            Conflict::kNone);
  EXPECT_EQ(ConflictKey(Conflict::kNone), "");
  EXPECT_EQ(ParseEntrantKind("team"), EntrantKind::kTeam);
  EXPECT_EQ(EntrantKindCode(EntrantKind::kIndividual), "individual");
}

}  // namespace
}  // namespace zj::competitions
