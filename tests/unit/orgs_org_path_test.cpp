#include <gtest/gtest.h>

#include "core/orgs/org_path.h"

namespace zj {
namespace {

// True when `stored` falls in [low, high), compared bytewise like a database index on the column.
bool InSubtreeRange(const OrgPath& org, const std::string& stored) {
  return stored >= org.SubtreeLow() && stored < org.SubtreeHigh();
}

TEST(OrgPath, RootIsTheIdBetweenSlashes) { EXPECT_EQ(OrgPath::Root(1).str(), "/1/"); }

TEST(OrgPath, ChildAppendsItsIdToTheParentPath) {
  EXPECT_EQ(OrgPath::Root(1).Child(5).str(), "/1/5/");
  EXPECT_EQ(OrgPath::Root(1).Child(5).Child(70).str(), "/1/5/70/");
}

TEST(OrgPath, FromStoredKeepsTheTextAsIs) {
  EXPECT_EQ(OrgPath::FromStored("/1/5/"), OrgPath::Root(1).Child(5));
}

TEST(OrgPath, ContainsItself) {
  const OrgPath org = OrgPath::Root(1).Child(5);

  EXPECT_TRUE(org.Contains(org));
}

TEST(OrgPath, ContainsChildrenAndDeeperDescendants) {
  const OrgPath org = OrgPath::Root(1).Child(5);

  EXPECT_TRUE(org.Contains(org.Child(7)));
  EXPECT_TRUE(org.Contains(org.Child(7).Child(9)));
  EXPECT_TRUE(OrgPath::Root(1).Contains(org.Child(7)));
}

TEST(OrgPath, DoesNotContainItsParent) {
  EXPECT_FALSE(OrgPath::Root(1).Child(5).Contains(OrgPath::Root(1)));
}

TEST(OrgPath, DoesNotContainASibling) {
  EXPECT_FALSE(OrgPath::Root(1).Child(5).Contains(OrgPath::Root(1).Child(6)));
}

TEST(OrgPath, DoesNotContainASiblingWhoseIdStartsWithTheSameDigits) {
  EXPECT_FALSE(OrgPath::Root(1).Child(5).Contains(OrgPath::Root(1).Child(50)));
  EXPECT_FALSE(OrgPath::Root(1).Contains(OrgPath::Root(10).Child(5)));
}

TEST(OrgPath, DepthCountsLevelsFromOneForARoot) {
  EXPECT_EQ(OrgPath::Root(1).Depth(), 1);
  EXPECT_EQ(OrgPath::Root(1).Child(5).Depth(), 2);
  EXPECT_EQ(OrgPath::Root(1).Child(5).Child(123456).Depth(), 3);
}

TEST(OrgPath, SubtreeRangeIncludesTheOrgAndEveryDescendant) {
  const OrgPath org = OrgPath::Root(1).Child(5);

  EXPECT_TRUE(InSubtreeRange(org, "/1/5/"));
  EXPECT_TRUE(InSubtreeRange(org, "/1/5/0/"));
  EXPECT_TRUE(InSubtreeRange(org, "/1/5/7/"));
  EXPECT_TRUE(InSubtreeRange(org, "/1/5/7/9/"));
  EXPECT_TRUE(InSubtreeRange(org, "/1/5/999999999999/"));
}

TEST(OrgPath, SubtreeRangeExcludesSiblingsParentsAndPrefixLookalikes) {
  const OrgPath org = OrgPath::Root(1).Child(5);

  EXPECT_FALSE(InSubtreeRange(org, "/1/50/"));
  EXPECT_FALSE(InSubtreeRange(org, "/1/50/7/"));
  EXPECT_FALSE(InSubtreeRange(org, "/1/6/"));
  EXPECT_FALSE(InSubtreeRange(org, "/1/4/"));
  EXPECT_FALSE(InSubtreeRange(org, "/1/49/"));
  EXPECT_FALSE(InSubtreeRange(org, "/1/"));
}

TEST(OrgPath, SubtreeRangeAgreesWithContains) {
  const OrgPath org = OrgPath::Root(1).Child(5);
  const OrgPath others[] = {OrgPath::Root(1),
                            org,
                            org.Child(0),
                            org.Child(9).Child(99),
                            OrgPath::Root(1).Child(50),
                            OrgPath::Root(1).Child(6),
                            OrgPath::Root(15),
                            OrgPath::Root(2).Child(5)};

  for (const OrgPath& other : others) {
    EXPECT_EQ(InSubtreeRange(org, other.str()), org.Contains(other)) << other.str();
  }
}

}  // namespace
}  // namespace zj
