// The additions-and-removals list from registry changes: a new member added, a retired or dead
// enrolled member removed with the day and reason, changes outside the range ignored (both ends
// inclusive), a member who joined and left within the range on neither list, one who left and
// was reinstated kept, one day's changes taken in the order given.
#include <gtest/gtest.h>

#include "core/mutual_aid/roster_changes.h"

namespace zj::mutual_aid {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

Date D(int y, unsigned m, unsigned d) { return Date{year{y}, month{m}, day{d}}; }

const Date kFrom = D(2025, 6, 1);
const Date kTo = D(2026, 5, 16);

TEST(MutualAidRoster, JoinersAreAddedAndLeaversRemovedWithTheirDayAndReason) {
  const std::vector<std::int64_t> enrolled = {1, 2, 3, 4};
  const std::vector<MemberChange> changes = {
      {2, D(2026, 1, 10), RegistryChange::kRetired}, {10, D(2026, 2, 1), RegistryChange::kJoined},
      {3, D(2026, 3, 3), RegistryChange::kDied},     {11, D(2026, 4, 1), RegistryChange::kMovedIn},
      {4, D(2026, 4, 2), RegistryChange::kMovedOut},
  };
  const RosterChanges c = Diff(enrolled, changes, kFrom, kTo);
  ASSERT_EQ(c.additions.size(), 2U);
  EXPECT_EQ(c.additions[0].member_id, 10);
  EXPECT_EQ(c.additions[0].since, D(2026, 2, 1));
  EXPECT_EQ(c.additions[1].reason, RegistryChange::kMovedIn);
  ASSERT_EQ(c.removals.size(), 3U);
  EXPECT_EQ(c.removals[0].member_id, 2);
  EXPECT_EQ(c.removals[0].reason, RegistryChange::kRetired);
  EXPECT_EQ(c.removals[1].reason, RegistryChange::kDied);
  EXPECT_EQ(c.removals[2].since, D(2026, 4, 2));
}

TEST(MutualAidRoster, BothEndsOfTheRangeCountAndNothingOutside) {
  const std::vector<std::int64_t> enrolled = {1, 2, 3, 4};
  const std::vector<MemberChange> changes = {{1, D(2025, 5, 31), RegistryChange::kLeft},
                                             {2, kFrom, RegistryChange::kLeft},
                                             {3, kTo, RegistryChange::kLeft},
                                             {4, D(2026, 5, 17), RegistryChange::kLeft}};
  const RosterChanges c = Diff(enrolled, changes, kFrom, kTo);
  ASSERT_EQ(c.removals.size(), 2U);
  EXPECT_EQ(c.removals[0].member_id, 2);
  EXPECT_EQ(c.removals[1].member_id, 3);
}

TEST(MutualAidRoster, TheLastChangeDecidesWhateverTheInputOrder) {
  const std::vector<std::int64_t> enrolled = {5};
  const std::vector<MemberChange> changes = {
      {6, D(2026, 3, 1), RegistryChange::kLeft},        // joined then left: neither list
      {5, D(2026, 3, 1), RegistryChange::kReinstated},  // left then reinstated: stays
      {6, D(2026, 1, 1), RegistryChange::kJoined},     {5, D(2026, 1, 1), RegistryChange::kLeft},
      {7, D(2026, 2, 1), RegistryChange::kLeft},  // one day, in the order given: back in
      {7, D(2026, 2, 1), RegistryChange::kReinstated},
  };
  const RosterChanges c = Diff(enrolled, changes, kFrom, kTo);
  ASSERT_EQ(c.additions.size(), 1U);
  EXPECT_EQ(c.additions[0].member_id, 7);
  EXPECT_TRUE(c.removals.empty());
}

TEST(MutualAidRoster, AlreadyEnrolledJoinersAndUnenrolledLeaversChangeNothing) {
  const std::vector<std::int64_t> enrolled = {1};
  const std::vector<MemberChange> changes = {{1, D(2026, 1, 1), RegistryChange::kMovedIn},
                                             {2, D(2026, 1, 1), RegistryChange::kRetired}};
  const RosterChanges c = Diff(enrolled, changes, kFrom, kTo);
  EXPECT_TRUE(c.additions.empty());
  EXPECT_TRUE(c.removals.empty());
}

TEST(MutualAidRoster, CodesRoundTrip) {
  for (int i = 0; i <= static_cast<int>(RegistryChange::kReinstated); ++i) {
    const auto change = static_cast<RegistryChange>(i);
    EXPECT_EQ(ParseRegistryChange(RegistryChangeCode(change)), change);
  }
  EXPECT_FALSE(ParseRegistryChange("transferred"));
  EXPECT_TRUE(Joins(RegistryChange::kReinstated));
  EXPECT_FALSE(Joins(RegistryChange::kDied));
}

}  // namespace
}  // namespace zj::mutual_aid
