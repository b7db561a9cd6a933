// An activity's audience: the whole subtree by default, or chosen orgs each with their subtree,
// never beyond the activity's org; a member of a union outside is not in it.
#include <gtest/gtest.h>

#include "core/activities/audience.h"

namespace zj::activities {
namespace {

const OrgPath kCity = OrgPath::Root(1);
const OrgPath kDistrict = kCity.Child(2);
const OrgPath kStreetA = kDistrict.Child(3);
const OrgPath kStreetB = kDistrict.Child(4);
const OrgPath kUnionA = kStreetA.Child(5);
const OrgPath kUnionB = kStreetB.Child(6);
const OrgPath kOtherDistrictUnion = kCity.Child(7).Child(8);

TEST(ActivityAudience, TheWholeSubtreeByDefault) {
  const Audience a{kDistrict, {}};
  EXPECT_TRUE(OpenTo(a, kUnionA));
  EXPECT_TRUE(OpenTo(a, kUnionB));
  EXPECT_TRUE(OpenTo(a, kDistrict));
  EXPECT_FALSE(OpenTo(a, kOtherDistrictUnion));
  EXPECT_FALSE(OpenTo(a, kCity));
}

TEST(ActivityAudience, ChosenOrgsWithTheirSubtrees) {
  const Audience a{kDistrict, {kStreetA}};
  EXPECT_TRUE(OpenTo(a, kUnionA));
  EXPECT_FALSE(OpenTo(a, kUnionB));
  EXPECT_TRUE(CheckAudience(a).empty());
}

TEST(ActivityAudience, ChosenOrgsStayWithinTheActivitysOrg) {
  const Audience a{kStreetA, {kUnionA, kUnionB, kDistrict}};
  const auto errors = CheckAudience(a);
  ASSERT_EQ(errors.size(), 2U);
  EXPECT_EQ(errors[0].field, "audience.1");
  EXPECT_EQ(errors[1].field, "audience.2");
  EXPECT_EQ(errors[0].message_key, "error.activity.audience_outside");
  // Even if stored, an org outside never opens it to its members.
  EXPECT_FALSE(OpenTo(a, kUnionB));
  Audience many{kCity, std::vector<OrgPath>(kMaxAudienceOrgs + 1, kDistrict)};
  EXPECT_EQ(CheckAudience(many).at(0).field, "audience");
}

}  // namespace
}  // namespace zj::activities
