// The spending rules at their exact integer boundaries: prizes for at most one in three
// participants (3 → 1, 2 → 0, 5 → 1, 6 → 2), the per-participant cap to the fen, a member's
// share rounded up so the shares cover the spend, the yearly room, and the rules' own limits.
#include <gtest/gtest.h>

#include "core/activities/spending.h"

namespace zj::activities {
namespace {

TEST(ActivityPrizes, AtMostOneInThreeParticipantsRoundedDown) {
  const Ratio third{1, 3};
  EXPECT_EQ(MaxPrizes(third, 0), 0);
  EXPECT_EQ(MaxPrizes(third, 2), 0);
  EXPECT_EQ(MaxPrizes(third, 3), 1);
  EXPECT_EQ(MaxPrizes(third, 5), 1);
  EXPECT_EQ(MaxPrizes(third, 6), 2);
  EXPECT_EQ(MaxPrizes(third, 600), 200);  // the district cup's ~600 players
  EXPECT_EQ(MaxPrizes(third, -4), 0);
  EXPECT_EQ(MaxPrizes({2, 5}, 7), 2);
  EXPECT_EQ(MaxPrizes({1, 3}, 2'000'000'000), 666'666'666);  // no overflow
}

TEST(ActivitySpend, PrizesAtTheLimitPassAndOneMoreIsRefused) {
  const SpendingRules rules;  // no caps, one in three
  EXPECT_TRUE(CheckSpend(rules, {3, 0, 1}).empty());
  const auto over = CheckSpend(rules, {2, 0, 1});
  ASSERT_EQ(over.size(), 1U);
  EXPECT_EQ(over[0].field, "prizes");
  EXPECT_EQ(over[0].message_key, "error.activity.prizes_over");
  EXPECT_EQ(over[0].args, (std::vector<std::pair<std::string, std::string>>{{"max", "0"}}));
}

TEST(ActivitySpend, ThePerParticipantCapIsExactToTheFen) {
  SpendingRules rules;
  rules.per_participant_fen = 20'000;  // ¥200
  EXPECT_EQ(MaxSpendFen(rules, 30), 600'000);
  EXPECT_TRUE(CheckSpend(rules, {30, 600'000, 0}).empty());
  const auto over = CheckSpend(rules, {30, 600'001, 0});
  ASSERT_EQ(over.size(), 1U);
  EXPECT_EQ(over[0].field, "spend_fen");
  EXPECT_EQ(over[0].args[0].second, "6,000.00");
  EXPECT_EQ(MaxSpendFen(SpendingRules{}, 30), std::nullopt);
}

TEST(ActivitySpend, ASharesRoundUpSoTheyCoverTheSpend) {
  EXPECT_EQ(ShareFen(1'000, 3), 334);
  EXPECT_EQ(ShareFen(999, 3), 333);
  EXPECT_EQ(ShareFen(1'000, 0), 0);
  EXPECT_EQ(ShareFen(-5, 3), 0);
}

TEST(ActivitySpend, TheYearlyRoomNeverGoesNegative) {
  SpendingRules rules;
  EXPECT_EQ(YearRoomFen(rules, 100), std::nullopt);
  rules.per_member_year_fen = 30'000;
  EXPECT_EQ(YearRoomFen(rules, 10'000), 20'000);
  EXPECT_EQ(YearRoomFen(rules, 30'000), 0);
  EXPECT_EQ(YearRoomFen(rules, 40'000), 0);
}

TEST(ActivitySpendingRules, RefusesCapsAndRatiosOutOfRange) {
  EXPECT_TRUE(CheckSpendingRules({}).empty());
  SpendingRules r;
  r.per_participant_fen = 0;
  r.per_member_year_fen = 100'000'001;
  r.prizes = {4, 3};
  std::vector<std::string> fields;
  for (const FieldError& e : CheckSpendingRules(r)) fields.push_back(e.field);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"per_participant_fen", "per_member_year_fen", "prizes"}));
  EXPECT_FALSE(CheckSpendingRules({std::nullopt, std::nullopt, {1, 0}}).empty());
  EXPECT_TRUE(CheckSpendingRules({1, 100'000'000, {0, 1}}).empty());
}

}  // namespace
}  // namespace zj::activities
