#include "core/coverage/coverage_figures.h"

#include <gtest/gtest.h>

#include "core/orgs/org_kind.h"

namespace zj {
namespace {

using coverage::Contribution;
using coverage::Figures;
using coverage::Rate;

TEST(Contribution, AnEnterpriseOfTwentyFiveWithoutUnionIsInTheFoundingGap) {
  const Figures f = Contribution(25, false);
  EXPECT_EQ(f.enterprises, 1);
  EXPECT_EQ(f.unionised_enterprises, 0);
  EXPECT_EQ(f.employees, 25);
  EXPECT_EQ(f.founding_gap, 1);
}

TEST(Contribution, TwentyFourEmployeesNeedNoUnionYet) {
  EXPECT_EQ(Contribution(24, false).founding_gap, 0);
}

TEST(Contribution, AUnionisedEnterpriseIsNeverInTheFoundingGap) {
  const Figures f = Contribution(500, true);
  EXPECT_EQ(f.unionised_enterprises, 1);
  EXPECT_EQ(f.founding_gap, 0);
}

TEST(Figures, ADeltaOfUnionisingMovesAnEnterpriseOutOfTheGap) {
  Figures rollup = Contribution(30, false) + Contribution(10, true);
  rollup += Contribution(30, true) - Contribution(30, false);
  EXPECT_EQ(rollup.enterprises, 2);
  EXPECT_EQ(rollup.unionised_enterprises, 2);
  EXPECT_EQ(rollup.employees, 40);
  EXPECT_EQ(rollup.founding_gap, 0);
}

TEST(Figures, SubtractingEverythingAddedLeavesZero) {
  Figures rollup = Contribution(7, false) + Contribution(70, false);
  rollup -= Contribution(70, false);
  rollup += -Contribution(7, false);
  EXPECT_TRUE(rollup.IsZero());
}

TEST(Rate, IsThePartOfTheWhole) {
  EXPECT_DOUBLE_EQ(*Rate(3, 4), 0.75);
  EXPECT_DOUBLE_EQ(*Rate(0, 4), 0.0);
}

TEST(Rate, IsAbsentWhenThereIsNothingToCover) { EXPECT_FALSE(Rate(0, 0).has_value()); }

TEST(OrgKind, FollowsTheFederationsLevels) {
  EXPECT_TRUE(MayHaveParent(OrgKind::kDistrict, OrgKind::kMunicipal));
  EXPECT_TRUE(MayHaveParent(OrgKind::kStreet, OrgKind::kDistrict));
  EXPECT_TRUE(MayHaveParent(OrgKind::kGrassroots, OrgKind::kStreet));
  EXPECT_TRUE(MayHaveParent(OrgKind::kGrassroots, OrgKind::kIndustry));
  EXPECT_TRUE(MayHaveParent(OrgKind::kGroup, OrgKind::kGrassroots));
  EXPECT_FALSE(MayHaveParent(OrgKind::kStreet, OrgKind::kMunicipal));
  EXPECT_FALSE(MayHaveParent(OrgKind::kDistrict, OrgKind::kStreet));
  EXPECT_FALSE(MayHaveParent(OrgKind::kMunicipal, OrgKind::kMunicipal));
  EXPECT_TRUE(MayBeRoot(OrgKind::kMunicipal));
  EXPECT_FALSE(MayBeRoot(OrgKind::kGrassroots));
}

TEST(OrgKind, ParsesItsNamesBackAndForth) {
  for (const char* name : {"municipal", "district", "street", "industry", "grassroots", "group"}) {
    auto kind = ParseOrgKind(name);
    ASSERT_TRUE(kind.has_value()) << name;
    EXPECT_EQ(OrgKindName(*kind), name);
  }
  EXPECT_FALSE(ParseOrgKind("township"));
}

}  // namespace
}  // namespace zj
