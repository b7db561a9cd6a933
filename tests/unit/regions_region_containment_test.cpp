#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/regions/region_containment.h"

namespace zj {
namespace {

using ::testing::ElementsAre;

TEST(RegionContainment, AMunicipalRegionContainsItsDistrictsAndTheirStreets) {
  EXPECT_TRUE(RegionContains("11", "110101"));
  EXPECT_TRUE(RegionContains("11", "110101001"));
  EXPECT_TRUE(RegionContains("1101", "110102"));
  EXPECT_TRUE(RegionContains("110101", "110101001"));
  EXPECT_TRUE(RegionContains("110101001", "110101001")) << "a region lies inside itself";
}

TEST(RegionContainment, AStreetOfOneDistrictIsNotInsideAnother) {
  EXPECT_FALSE(RegionContains("110102", "110101001"));  // 西城 does not hold 东华门
  EXPECT_FALSE(RegionContains("12", "110101"));         // 天津 does not hold 东城
  EXPECT_FALSE(RegionContains("110101001", "110101")) << "a street does not contain its district";
  EXPECT_FALSE(RegionContains("110101001", "110101002"));
}

TEST(RegionContainment, SixDigitProvinceAndCityCodesCountByTheirSignificantDigits) {
  EXPECT_EQ(RegionSignificant("110000"), "11");
  EXPECT_EQ(RegionSignificant("110100"), "1101");
  EXPECT_EQ(RegionSignificant("110101"), "110101");
  EXPECT_TRUE(RegionContains("110000", "110101001"));
  EXPECT_TRUE(RegionContains("110100", "110101"));
  EXPECT_FALSE(RegionContains("120000", "110101"));
}

TEST(RegionContainment, MalformedCodesContainNothingAndLieNowhere) {
  for (const char* bad :
       {"", "1", "110", "11010", "1101010", "11010100", "1101010011", "11010a", "１１", " 11"}) {
    EXPECT_FALSE(RegionSignificant(bad).has_value()) << bad;
    EXPECT_FALSE(RegionContains(bad, "110101001")) << bad;
    EXPECT_FALSE(RegionContains("11", bad)) << bad;
  }
}

TEST(RegionContainment, RegionsOverlapWhenEitherContainsTheOther) {
  EXPECT_TRUE(RegionsOverlap("110101001", "110101"));
  EXPECT_TRUE(RegionsOverlap("110101", "110101001"));
  EXPECT_FALSE(RegionsOverlap("110101", "110102"));
}

TEST(RegionContainment, ListsARegionAndTheRegionsAboveIt) {
  EXPECT_THAT(RegionAndEnclosing("110101001"), ElementsAre("110101001", "110101", "1101", "11"));
  EXPECT_THAT(RegionAndEnclosing("110101"), ElementsAre("110101", "1101", "11"));
  EXPECT_THAT(RegionAndEnclosing("110100"), ElementsAre("1101", "11"));
  EXPECT_THAT(RegionAndEnclosing("11"), ElementsAre("11"));
  EXPECT_TRUE(RegionAndEnclosing("x").empty());
}

TEST(RegionContainment, TheRangeOfARegionHoldsExactlyTheCodesInsideIt) {
  const auto [low, high] = RegionRange("110101");
  EXPECT_EQ(low, "110101");
  EXPECT_EQ(high, "110102");
  for (const char* inside : {"110101", "110101001", "110101999"}) {
    EXPECT_TRUE(low <= inside && inside < high) << inside;
  }
  for (const char* outside : {"110102", "1101", "110100999", "11"}) {
    EXPECT_FALSE(low <= outside && outside < high) << outside;
  }
  EXPECT_EQ(RegionRange("110109").second, "11011") << "a last 9 carries";
  EXPECT_EQ(RegionRange("110199009").second, "11019901");
  EXPECT_EQ(RegionRange("99").second, "") << "nothing above: no upper bound";
}

}  // namespace
}  // namespace zj
