// The judging arithmetic of a competition at its edges: a sheet's checks, weighted totals and
// the refusal of a mark above its maximum or missing, the mean, the trimmed mean with fewer than
// 3 judges, z-score normalisation (a lenient and a strict judge agree once standardised; a
// panel of a lenient judge no longer beats a panel of a strict one; a judge without variance),
// ties under each rule (1,2,2,4), vetoed and unscored entries, groups, and empty lists.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/competitions/scoring.h"

namespace zj::competitions {
namespace {

//! The 100-point individual sheet of service-rules.md: 35/35/30, marks are points.
Sheet Points353530() {
  return Sheet{{{"skill", "技能", 35 * kCenti, 35},
                {"safety", "安全", 35 * kCenti, 35},
                {"teamwork", "协作", 30 * kCenti, 30}}};
}

//! The national guide's four indicators, each marked out of 10 and weighted 30/30/20/20.
Sheet Guide() {
  return Sheet{{{"awareness", "认知度", 10 * kCenti, 30},
                {"participation", "参与度", 10 * kCenti, 30},
                {"recognition", "认可度", 10 * kCenti, 20},
                {"effect", "实际效果", 10 * kCenti, 20}}};
}

std::vector<Mark> Marks(std::int64_t a, std::int64_t b, std::int64_t c) {
  return {{"skill", a}, {"safety", b}, {"teamwork", c}};
}

//! A judge's score on the 35/35/30 sheet totalling `points` (whole points), spread over the
//! indicators so that the first one carries as much as it can.
JudgeScore Total(std::int64_t judge, std::int64_t entry, std::int64_t points) {
  const std::int64_t a = std::min<std::int64_t>(points, 35);
  const std::int64_t b = std::min<std::int64_t>(points - a, 35);
  return {judge, entry, Marks(a * kCenti, b * kCenti, (points - a - b) * kCenti)};
}

std::vector<Entry> Entries(std::initializer_list<std::int64_t> ids, std::string group = "") {
  std::vector<Entry> out;
  for (auto id : ids) out.push_back({id, group, std::nullopt});
  return out;
}

const EntryResult& ResultOf(const Ranking& r, std::int64_t id) {
  return *std::find_if(r.results.begin(), r.results.end(),
                       [&](const EntryResult& e) { return e.entry_id == id; });
}

std::vector<std::pair<std::int64_t, int>> Order(const std::vector<Ranked>& ranked) {
  std::vector<std::pair<std::int64_t, int>> out;
  for (const auto& r : ranked) out.emplace_back(r.entry_id, r.rank);
  return out;
}

bool HasField(const Error& e, const std::string& field, const std::string& key) {
  return std::any_of(e.fields.begin(), e.fields.end(),
                     [&](const FieldError& f) { return f.field == field && f.message_key == key; });
}

TEST(CompetitionSheet, AcceptsThePointsSheetAndTheGuidesWeightedOne) {
  EXPECT_TRUE(CheckSheet(Points353530()).has_value());
  EXPECT_TRUE(CheckSheet(Guide()).has_value());
}

TEST(CompetitionSheet, NamesEachBadFieldByItsPlace) {
  Sheet s = Points353530();
  s.indicators[1].code = "skill";  // repeated
  s.indicators[2].name = "";       // empty
  s.indicators[0].max_centi = 0;   // not above 0
  const auto r = CheckSheet(s);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().message_key, "error.competition.sheet");
  EXPECT_TRUE(HasField(r.error(), "indicators.1.code", "error.competition.indicator_twice"));
  EXPECT_TRUE(HasField(r.error(), "indicators.2.name", "error.competition.indicator_name"));
  EXPECT_TRUE(HasField(r.error(), "indicators.0.max", "error.competition.indicator_max"));

  Sheet weights = Points353530();
  weights.indicators[2].weight = 0;
  EXPECT_TRUE(HasField(CheckSheet(weights).error(), "indicators.2.weight",
                       "error.competition.indicator_weight"));
  weights.indicators[2].weight = 29;  // 35 + 35 + 29 = 99
  const auto sum = CheckSheet(weights);
  ASSERT_FALSE(sum.has_value());
  EXPECT_TRUE(HasField(sum.error(), "indicators", "error.competition.weight_sum"));
  EXPECT_FALSE(CheckSheet(Sheet{}).has_value());
  Sheet bad_code = Guide();
  bad_code.indicators[0].code = "Awareness";
  EXPECT_TRUE(HasField(CheckSheet(bad_code).error(), "indicators.0.code",
                       "error.competition.indicator_code"));
}

TEST(CompetitionScore, PointsSheetTotalsThePlainSum) {
  EXPECT_EQ(WeightedTotal(Points353530(), Marks(3250, 3000, 2575)).value(), 88'2500);
  EXPECT_EQ(WeightedTotal(Points353530(), Marks(3500, 3500, 3000)).value(), 100 * kE4);
  EXPECT_EQ(WeightedTotal(Points353530(), Marks(0, 0, 0)).value(), 0);
}

TEST(CompetitionScore, WeightedSheetScalesEachMarkByItsWeight) {
  // 8/10 × 30 + 7/10 × 30 + 9/10 × 20 + 6.5/10 × 20 = 24 + 21 + 18 + 13 = 76.
  const std::vector<Mark> m{
      {"awareness", 800}, {"participation", 700}, {"recognition", 900}, {"effect", 650}};
  EXPECT_EQ(WeightedTotal(Guide(), m).value(), 76 * kE4);
  // Terms that do not divide evenly are rounded per term, half up, at e4.
  const Sheet thirds{{{"a", "甲", 3 * kCenti, 50}, {"b", "乙", 7 * kCenti, 50}}};
  // 1/3 × 50 = 16.666666… → 16.6667; 1/7 × 50 = 7.142857… → 7.1429.
  EXPECT_EQ(WeightedTotal(thirds, {{"a", 100}, {"b", 100}}).value(), 16'6667 + 7'1429);
}

TEST(CompetitionScore, RefusesAMarkAboveItsMaximumButTakesOneExactlyAtIt) {
  EXPECT_TRUE(WeightedTotal(Points353530(), Marks(3500, 0, 0)).has_value());
  const auto r = WeightedTotal(Points353530(), Marks(3501, 0, 0));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message_key, "error.competition.score");
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "marks.skill");
  EXPECT_EQ(r.error().fields[0].message_key, "error.competition.mark_above_max");
  EXPECT_EQ(r.error().fields[0].args.at(0).second, "35");
  EXPECT_TRUE(HasField(WeightedTotal(Points353530(), Marks(-1, 0, 0)).error(), "marks.skill",
                       "error.competition.mark_negative"));
}

TEST(CompetitionScore, RefusesAMissingUnknownOrRepeatedIndicator) {
  const auto missing = WeightedTotal(Points353530(), {{"skill", 3000}, {"safety", 3000}});
  ASSERT_FALSE(missing.has_value());
  EXPECT_TRUE(HasField(missing.error(), "marks.teamwork", "error.competition.mark_missing"));
  auto extra = Marks(1, 1, 1);
  extra.push_back({"speed", 100});
  extra.push_back({"skill", 100});
  const auto r = WeightedTotal(Points353530(), extra);
  EXPECT_TRUE(HasField(r.error(), "marks.speed", "error.competition.mark_unknown"));
  EXPECT_TRUE(HasField(r.error(), "marks.skill", "error.competition.mark_twice"));
}

TEST(CompetitionAggregate, MeanKeepsEveryJudgesRawTotal) {
  const auto r = Rank(Points353530(), Entries({1}),
                      {Total(10, 1, 80), Total(11, 1, 85), Total(12, 1, 91)}, {});
  ASSERT_TRUE(r.has_value());
  const EntryResult& e = ResultOf(*r, 1);
  EXPECT_EQ(e.judges, 3);
  EXPECT_EQ(e.totals_e4, (std::vector<std::int64_t>{80 * kE4, 85 * kE4, 91 * kE4}));
  EXPECT_EQ(e.result_e4, 85'3333);  // 256 / 3 = 85.33333…
  EXPECT_EQ(e.raw_mean_e4, e.result_e4);
  EXPECT_FALSE(e.trimmed);
}

TEST(CompetitionAggregate, TrimmedMeanDropsOneHighestAndOneLowest) {
  const Options trimmed{Method::kTrimmedMean, TieBreak::kShare};
  // 60 and 99 go; (80 + 85 + 90) / 3 = 85.
  const auto r =
      Rank(Points353530(), Entries({1}),
           {Total(1, 1, 60), Total(2, 1, 80), Total(3, 1, 85), Total(4, 1, 90), Total(5, 1, 99)},
           trimmed);
  EXPECT_EQ(ResultOf(*r, 1).result_e4, 85 * kE4);
  EXPECT_TRUE(ResultOf(*r, 1).trimmed);
  EXPECT_EQ(ResultOf(*r, 1).raw_mean_e4, 82'8000);  // 414 / 5, kept beside it
  // Exactly 3 judges: the middle one is the result.
  const auto three = Rank(Points353530(), Entries({1}),
                          {Total(1, 1, 10), Total(2, 1, 70), Total(3, 1, 99)}, trimmed);
  EXPECT_EQ(ResultOf(*three, 1).result_e4, 70 * kE4);
  // Two identical highs: only one is dropped.
  const auto ties = Rank(Points353530(), Entries({1}),
                         {Total(1, 1, 50), Total(2, 1, 90), Total(3, 1, 90)}, trimmed);
  EXPECT_EQ(ResultOf(*ties, 1).result_e4, 90 * kE4);
}

TEST(CompetitionAggregate, TrimmedMeanWithFewerThanThreeJudgesIsThePlainMean) {
  const Options trimmed{Method::kTrimmedMean, TieBreak::kShare};
  const auto two = Rank(Points353530(), Entries({1}), {Total(1, 1, 70), Total(2, 1, 81)}, trimmed);
  EXPECT_EQ(ResultOf(*two, 1).result_e4, 75'5000);
  EXPECT_FALSE(ResultOf(*two, 1).trimmed);
  const auto one = Rank(Points353530(), Entries({1}), {Total(1, 1, 70)}, trimmed);
  EXPECT_EQ(ResultOf(*one, 1).result_e4, 70 * kE4);
  EXPECT_FALSE(ResultOf(*one, 1).trimmed);
}

TEST(CompetitionZScore, LenientAndStrictJudgesAgreeOnceStandardised) {
  // Both judges order the four entries alike; the lenient one is 30 points higher and spreads
  // twice as wide. Raw totals differ, z-scores are the same.
  const std::vector<JudgeScore> scores{
      Total(1, 1, 96), Total(1, 2, 90), Total(1, 3, 84), Total(1, 4, 78),   // lenient
      Total(2, 1, 66), Total(2, 2, 63), Total(2, 3, 60), Total(2, 4, 57)};  // strict
  const auto r = Rank(Points353530(), Entries({1, 2, 3, 4}), scores, {Method::kZScore});
  ASSERT_TRUE(r.has_value());
  for (std::int64_t id = 1; id <= 4; ++id) {
    const EntryResult& e = ResultOf(*r, id);
    EXPECT_NE(e.totals_e4[0], e.totals_e4[1]) << id;  // raw kept, and different
  }
  // Standardised: ±1.3416 and ±0.4472 (population deviation of 4 evenly spaced marks).
  EXPECT_EQ(ResultOf(*r, 1).result_e4, 1'3416);
  EXPECT_EQ(ResultOf(*r, 2).result_e4, 4472);
  EXPECT_EQ(ResultOf(*r, 3).result_e4, -4472);
  EXPECT_EQ(ResultOf(*r, 4).result_e4, -1'3416);
  EXPECT_EQ(Order(r->overall),
            (std::vector<std::pair<std::int64_t, int>>{{1, 1}, {2, 2}, {3, 3}, {4, 4}}));
}

TEST(CompetitionZScore, APanelOfALenientJudgeNoLongerBeatsAStrictOne) {
  // Judge 1 (lenient) scores entries 1 and 2; judge 2 (strict) scores entries 3 and 4. Each
  // panel's better entry is as far above its judge's mean as the other.
  const std::vector<JudgeScore> scores{Total(1, 1, 95), Total(1, 2, 85), Total(2, 3, 70),
                                       Total(2, 4, 60)};
  const auto raw = Rank(Points353530(), Entries({1, 2, 3, 4}), scores, {Method::kMean});
  EXPECT_EQ(Order(raw->overall),
            (std::vector<std::pair<std::int64_t, int>>{{1, 1}, {2, 2}, {3, 3}, {4, 4}}));
  const auto z = Rank(Points353530(), Entries({1, 2, 3, 4}), scores, {Method::kZScore});
  EXPECT_EQ(Order(z->overall),
            (std::vector<std::pair<std::int64_t, int>>{{1, 1}, {3, 1}, {2, 3}, {4, 3}}));
  EXPECT_EQ(ResultOf(*z, 3).result_e4, kE4);
  EXPECT_EQ(ResultOf(*z, 3).raw_mean_e4, 70 * kE4);
}

TEST(CompetitionZScore, AJudgeWithoutVarianceIsLeftOutOfTheMean) {
  // Judge 3 gives everyone 80 (and judge 4 scored one entry only): neither says anything
  // about order. Entries 1 and 2 take judge 1's z-scores alone; entry 3, scored only by
  // judge 3, is at the average and flagged.
  const std::vector<JudgeScore> scores{Total(1, 1, 90), Total(1, 2, 70), Total(3, 1, 80),
                                       Total(3, 2, 80), Total(3, 3, 80), Total(4, 2, 99)};
  const auto r = Rank(Points353530(), Entries({1, 2, 3}), scores, {Method::kZScore});
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(ResultOf(*r, 1).result_e4, kE4);
  EXPECT_EQ(ResultOf(*r, 2).result_e4, -kE4);
  EXPECT_EQ(ResultOf(*r, 3).result_e4, 0);
  EXPECT_TRUE(ResultOf(*r, 3).no_informative_judge);
  EXPECT_FALSE(ResultOf(*r, 1).no_informative_judge);
  EXPECT_EQ(ResultOf(*r, 2).judges, 3);  // every judge is still counted and kept
  EXPECT_EQ(Order(r->overall), (std::vector<std::pair<std::int64_t, int>>{{1, 1}, {3, 2}, {2, 3}}));
}

TEST(CompetitionRanking, EqualResultsShareARankAndTheNextSkips) {
  const std::vector<JudgeScore> scores{Total(1, 1, 90), Total(1, 2, 80), Total(1, 3, 80),
                                       Total(1, 4, 70)};
  const auto r = Rank(Points353530(), Entries({4, 3, 2, 1}), scores, {});
  EXPECT_EQ(Order(r->overall),
            (std::vector<std::pair<std::int64_t, int>>{{1, 1}, {2, 2}, {3, 2}, {4, 4}}));
}

TEST(CompetitionRanking, IndicatorsInOrderBreakATieOnTheFirstListedIndicator) {
  const Options by_indicators{Method::kMean, TieBreak::kIndicatorsInOrder};
  // Entries 2 and 3 both total 80: 2 has 30 on skill, 3 has 35. Entry 4 equals 3 in every mark.
  const std::vector<JudgeScore> scores{{1, 1, Marks(3500, 3500, 2000)},
                                       {1, 2, Marks(3000, 3500, 1500)},
                                       {1, 3, Marks(3500, 3000, 1500)},
                                       {1, 4, Marks(3500, 3000, 1500)},
                                       {1, 5, Marks(3500, 2500, 1000)}};
  const auto r = Rank(Points353530(), Entries({1, 2, 3, 4, 5}), scores, by_indicators);
  EXPECT_EQ(Order(r->overall),
            (std::vector<std::pair<std::int64_t, int>>{{1, 1}, {3, 2}, {4, 2}, {2, 4}, {5, 5}}));
  EXPECT_EQ(ResultOf(*r, 3).indicator_means_e4,
            (std::vector<std::int64_t>{35 * kE4, 30 * kE4, 15 * kE4}));
  // Under kShare the same three share rank 2.
  const auto shared = Rank(Points353530(), Entries({1, 2, 3, 4, 5}), scores, {});
  EXPECT_EQ(Order(shared->overall),
            (std::vector<std::pair<std::int64_t, int>>{{1, 1}, {2, 2}, {3, 2}, {4, 2}, {5, 5}}));
}

TEST(CompetitionRanking, VetoedEntriesAreOutWithTheirReasonAndUnscoredOnesApart) {
  auto entries = Entries({1, 2, 3, 4});
  entries[1].veto = "wage_arrears";
  const std::vector<JudgeScore> scores{Total(1, 1, 70), Total(1, 2, 99), Total(1, 3, 80)};
  const auto r = Rank(Points353530(), entries, scores, {});
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(Order(r->overall), (std::vector<std::pair<std::int64_t, int>>{{3, 1}, {1, 2}}));
  ASSERT_EQ(r->vetoed.size(), 1u);
  EXPECT_EQ(r->vetoed[0].entry_id, 2);
  EXPECT_EQ(r->vetoed[0].reason, "wage_arrears");
  EXPECT_EQ(r->unscored, (std::vector<std::int64_t>{4}));
  EXPECT_EQ(r->results.size(), 2u);
}

TEST(CompetitionRanking, AVetoedEntryMovesNoJudgesDeviation) {
  // With entry 3 vetoed, judge 1's z-scores are those of entries 1 and 2 alone.
  auto entries = Entries({1, 2, 3});
  entries[2].veto = "safety_accident";
  const auto r = Rank(Points353530(), entries, {Total(1, 1, 80), Total(1, 2, 60), Total(1, 3, 10)},
                      {Method::kZScore});
  EXPECT_EQ(ResultOf(*r, 1).result_e4, kE4);
  EXPECT_EQ(ResultOf(*r, 2).result_e4, -kE4);
}

TEST(CompetitionRanking, RanksEachGroupOnItsOwnAndAllTogether) {
  auto entries = Entries({1, 2}, "teams");
  for (const auto& e : Entries({3, 4}, "individuals")) entries.push_back(e);
  const auto r = Rank(Points353530(), entries,
                      {Total(1, 1, 60), Total(1, 2, 90), Total(2, 3, 80), Total(2, 4, 70)}, {});
  ASSERT_EQ(r->groups.size(), 2u);
  EXPECT_EQ(r->groups[0].group, "individuals");
  EXPECT_EQ(Order(r->groups[0].ranked),
            (std::vector<std::pair<std::int64_t, int>>{{3, 1}, {4, 2}}));
  EXPECT_EQ(Order(r->groups[1].ranked),
            (std::vector<std::pair<std::int64_t, int>>{{2, 1}, {1, 2}}));
  EXPECT_EQ(Order(r->overall),
            (std::vector<std::pair<std::int64_t, int>>{{2, 1}, {3, 2}, {4, 3}, {1, 4}}));
}

TEST(CompetitionRanking, RefusesScoresOutsideTheListTwiceOrWithBadMarks) {
  const auto r =
      Rank(Points353530(), Entries({1, 2}),
           {Total(1, 1, 50), Total(1, 9, 50), Total(1, 1, 60), {2, 2, Marks(3600, 0, 0)}}, {});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message_key, "error.competition.score");
  EXPECT_TRUE(HasField(r.error(), "scores.1.entry_id", "error.competition.entry_not_listed"));
  EXPECT_TRUE(HasField(r.error(), "scores.2.judge_id", "error.competition.score_twice"));
  EXPECT_TRUE(HasField(r.error(), "scores.3.marks.skill", "error.competition.mark_above_max"));
  const auto twice = Rank(Points353530(), Entries({1, 1}), {}, {});
  EXPECT_TRUE(HasField(twice.error(), "entries.1.id", "error.competition.entry_twice"));
}

TEST(CompetitionRanking, RefusesAnUncheckedSheetRatherThanDivideByItsZeroMax) {
  Sheet s = Points353530();
  s.indicators[0].max_centi = 0;
  EXPECT_EQ(Rank(s, Entries({1}), {Total(1, 1, 50)}, {}).error().message_key,
            "error.competition.sheet");
  EXPECT_EQ(WeightedTotal(s, Marks(0, 0, 0)).error().message_key, "error.competition.sheet");
}

TEST(CompetitionRanking, EmptyListsRankNothing) {
  const auto none = Rank(Points353530(), {}, {}, {Method::kZScore});
  ASSERT_TRUE(none.has_value());
  EXPECT_TRUE(none->overall.empty());
  EXPECT_TRUE(none->groups.empty());
  const auto unscored = Rank(Points353530(), Entries({1, 2}), {}, {});
  EXPECT_TRUE(unscored->overall.empty());
  EXPECT_EQ(unscored->unscored, (std::vector<std::int64_t>{1, 2}));
}

TEST(CompetitionRanking, NamesItsMethodsAndRules) {
  EXPECT_EQ(MethodCode(Method::kZScore), "z_score");
  EXPECT_EQ(ParseMethod("trimmed_mean"), Method::kTrimmedMean);
  EXPECT_FALSE(ParseMethod("median").has_value());
  EXPECT_EQ(TieBreakCode(TieBreak::kIndicatorsInOrder), "indicators_in_order");
  EXPECT_EQ(ParseTieBreak("share"), TieBreak::kShare);
  EXPECT_EQ(DivRound(5, 2), 3);
  EXPECT_EQ(DivRound(-5, 2), -3);
  EXPECT_EQ(DivRound(4, 3), 1);
  EXPECT_EQ(DivRound(-4, 3), -1);
}

}  // namespace
}  // namespace zj::competitions
