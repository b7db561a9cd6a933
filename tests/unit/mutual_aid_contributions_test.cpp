// The payers' split of a plan's contributions: 50/50 of an odd total (the fen left over to the
// first), three payers whose thirds leave two fen over, large totals without overflow, and the
// shares' own checks.
#include <gtest/gtest.h>

#include <numeric>

#include "core/mutual_aid/contributions.h"

namespace zj::mutual_aid {
namespace {

std::int64_t Sum(const std::vector<Due>& dues) {
  return std::accumulate(dues.begin(), dues.end(), std::int64_t{0},
                         [](std::int64_t s, const Due& d) { return s + d.fen; });
}

TEST(MutualAidSplit, HalfAndHalfOfAnOddTotalGivesTheLeftoverFenToTheFirst) {
  const auto dues = Split(33, 3, {{"municipal", 5'000}, {"district", 5'000}});  // 99 fen
  ASSERT_EQ(dues.size(), 2U);
  EXPECT_EQ(dues[0].fen, 50);
  EXPECT_EQ(dues[1].fen, 49);
  EXPECT_EQ(dues[0].payer, "municipal");
}

TEST(MutualAidSplit, TheLeftoverGoesToTheLargestRemainders) {
  // 100 fen in 33.33 %, 33.33 %, 33.34 %: 33.33, 33.33, 33.34 → 33, 33, 34 and nothing left.
  // 101 fen: 33.6633, 33.6633, 33.6734 → 33, 33, 33 leave 2 fen: one to the largest remainder
  // (the third), one to the next (the first, listed before the second).
  const std::vector<PayerShare> thirds = {{"a", 3'333}, {"b", 3'333}, {"c", 3'334}};
  const auto hundred = Split(100, 1, thirds);
  EXPECT_EQ(hundred[0].fen, 33);
  EXPECT_EQ(hundred[1].fen, 33);
  EXPECT_EQ(hundred[2].fen, 34);
  const auto more = Split(101, 1, thirds);
  EXPECT_EQ(more[0].fen, 34);
  EXPECT_EQ(more[1].fen, 33);
  EXPECT_EQ(more[2].fen, 34);
  EXPECT_EQ(Sum(more), 101);
}

TEST(MutualAidSplit, TheCitysMillionMembersAddUpExactly) {
  const auto dues = Split(3'700, 1'000'003, {{"municipal", 6'000}, {"district", 4'000}});
  EXPECT_EQ(Sum(dues), 3'700LL * 1'000'003);
  EXPECT_EQ(dues[0].fen, 2'220'006'660);  // 60 % of 3,700,011,100
  const auto big = Split(99'999, 9'000'000'000, {{"a", 1}, {"b", 9'999}});
  EXPECT_EQ(Sum(big), 99'999LL * 9'000'000'000);
}

TEST(MutualAidSplit, SharesAreCheckedAsLoaded) {
  EXPECT_TRUE(CheckPayers({{"municipal", 5'000}, {"district", 5'000}}).empty());
  const auto errors = CheckPayers({{"Municipal", 5'000}, {"district", 0}, {"district", 4'000}});
  std::vector<std::string> fields;
  for (const FieldError& e : errors) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"payers.0", "payers.1", "payers.2", "payers"}));
  EXPECT_EQ(CheckPayers({}).at(0).field, "payers");
}

}  // namespace
}  // namespace zj::mutual_aid
