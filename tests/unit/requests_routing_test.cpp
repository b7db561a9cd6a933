// Routing to the lowest competent org, and the tracking number's format and typo check.
#include <gtest/gtest.h>

#include "core/requests/routing.h"
#include "core/requests/tracking_number.h"

namespace zj::requests {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

TEST(Routing, GoesToTheLowestAllowedLevelOnTheWorkersChain) {
  const std::vector<Candidate> with_union{
      {11, Level::kGrassroots}, {7, Level::kStreet}, {3, Level::kDistrict}, {1, Level::kMunicipal}};
  EXPECT_EQ(RouteTo(with_union, Level::kGrassroots)->org_id, 11);
  // Legal aid from district level: past the union and the street.
  EXPECT_EQ(RouteTo(with_union, Level::kDistrict)->org_id, 3);

  // An employer without a union: its street federation.
  const std::vector<Candidate> no_union{
      {7, Level::kStreet}, {3, Level::kDistrict}, {1, Level::kMunicipal}};
  EXPECT_EQ(RouteTo(no_union, Level::kGrassroots)->org_id, 7);
  // No street federation in the region either: the district.
  const std::vector<Candidate> district_only{{3, Level::kDistrict}, {1, Level::kMunicipal}};
  EXPECT_EQ(RouteTo(district_only, Level::kStreet)->org_id, 3);
  EXPECT_FALSE(RouteTo({}, Level::kGrassroots));
  EXPECT_FALSE(RouteTo(district_only, static_cast<Level>(4)));
}

TEST(Routing, OrgKindsMapToLevels) {
  EXPECT_EQ(LevelOfOrgKind("industry"), Level::kStreet);
  EXPECT_EQ(LevelOfOrgKind("grassroots"), Level::kGrassroots);
  EXPECT_EQ(LevelOfOrgKind("municipal"), Level::kMunicipal);
  EXPECT_FALSE(LevelOfOrgKind("group"));
  EXPECT_EQ(ParseLevel(LevelName(Level::kDistrict)), Level::kDistrict);
  EXPECT_FALSE(ParseLevel("province"));
}

TEST(TrackingNumber, DateRandomDigitsAndCheckDigit) {
  const std::string n = MakeTrackingNumber(year{2026} / month{11} / day{26}, 1234567);
  ASSERT_EQ(n.size(), 15u);
  EXPECT_EQ(n.substr(0, 14), "26112601234567");
  EXPECT_EQ(ParseTrackingNumber(n), n);
  // Random values wider than 8 digits are cut, never lengthen the number.
  EXPECT_EQ(MakeTrackingNumber(year{2026} / month{1} / day{5}, 123456789012ULL).substr(0, 14),
            "26010556789012");
}

TEST(TrackingNumber, TypedFormsAreAcceptedAndTyposRefused) {
  const std::string n = MakeTrackingNumber(year{2026} / month{11} / day{26}, 42);
  const std::string spaced = n.substr(0, 6) + " " + n.substr(6, 4) + "-" + n.substr(10);
  EXPECT_EQ(ParseTrackingNumber(spaced), n);
  EXPECT_EQ(ParseTrackingNumber("２６１１２６" + n.substr(6)), n);  // full-width digits
  for (std::size_t i = 0; i < n.size(); ++i) {
    std::string typo = n;
    typo[i] = static_cast<char>('0' + (typo[i] - '0' + 1) % 10);
    EXPECT_FALSE(ParseTrackingNumber(typo)) << "digit " << i;
  }
  EXPECT_FALSE(ParseTrackingNumber(n.substr(0, 14)));
  EXPECT_FALSE(ParseTrackingNumber(n + "0"));
  EXPECT_FALSE(ParseTrackingNumber("26112600000A012"));
}

}  // namespace
}  // namespace zj::requests
