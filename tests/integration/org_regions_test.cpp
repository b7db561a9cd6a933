// The region rules of the union tree on both stores (issue 16): a region lies inside the one
// above it, no two active federations hold one region or claim each other's ground (create,
// update, move and the org import), and rehoming the enterprises no union covers stays inside
// the caller's subtree. The demo tree keeps every rule.
#include "app/orgs/org_regions.h"

#include "app/coverage/rollups.h"
#include "app/imports/table_import.h"
#include "app/orgs/org_scope.h"
#include "core/orgs/org_path.h"
#include "coverage_fixture.h"
#include "store/enterprises.h"

namespace zj::test {
namespace {

class OrgRegionsTest : public CoverageTest {
 protected:
  //! A field error: the key on the field, with nothing created or changed.
  template <class T>
  void ExpectFieldRefused(const Result<T>& r, ErrorCode code, const std::string& key,
                          const std::string& field) {
    ExpectError(r, code, key);
    if (r) return;
    ASSERT_EQ(r.error().fields.size(), 1u);
    EXPECT_EQ(r.error().fields[0].field, field);
    EXPECT_EQ(r.error().fields[0].message_key, key);
  }

  app::NewOrg Street(const std::string& code, std::int64_t parent,
                     std::optional<std::string> region) {
    return app::NewOrg{code, code + " 街道总工会", "street", parent, std::move(region), {}, {}, {}};
  }

  Result<app::OrgView> SetRegion(std::int64_t org, const std::string& region) {
    app::OrgPatch patch;
    patch.region_code = region;
    return app_->orgs().Update(app::SystemActor(), org, patch);
  }

  Result<app::OrgView> SetStatus(std::int64_t org, const std::string& status) {
    app::OrgPatch patch;
    patch.status = status;
    return app_->orgs().Update(app::SystemActor(), org, patch);
  }
};

TEST_P(OrgRegionsTest, AStreetCannotClaimAnotherDistrictsRegion) {
  // An enterprise of 东华门 that no union covers: its street federation is responsible.
  const auto bare = AddEnterprise(Enterprise(21, streets_a_[0].code, 60));
  ASSERT_EQ(bare.row.org_id, streets_a_[0].id);

  // 西城's staff name their new street with 东华门's region, under a code sorting first.
  auto claimed =
      app_->orgs().Create(staff_b_, Street("0-CLAIM", district_b_.id, streets_a_[0].code));

  ExpectFieldRefused(claimed, ErrorCode::kInvalidArgument, "error.org.region_outside_parent",
                     "region_code");
  ExpectError(app_->enterprises().Get(staff_b_, bare.row.id), ErrorCode::kNotFound,
              "error.not_found");
  auto still = app_->enterprises().Get(staff_a_, bare.row.id);
  ASSERT_OK(still);
  EXPECT_EQ(still->row.org_id, streets_a_[0].id);
  ExpectError(app_->orgs().IdByCode(app::SystemActor(), "0-CLAIM"), ErrorCode::kNotFound,
              "error.org.not_found");
}

TEST_P(OrgRegionsTest, TwoActiveFederationsCannotHoldOneRegion) {
  ExpectFieldRefused(
      app_->orgs().Create(app::SystemActor(), Street("DUP-S", district_a_.id, streets_a_[0].code)),
      ErrorCode::kAlreadyExists, "error.org.region_taken", "region_code");
  ExpectFieldRefused(
      app_->orgs().Create(
          app::SystemActor(),
          app::NewOrg{"DUP-D", "重复区", "district", root_.id, "110101", {}, {}, {}}),
      ErrorCode::kAlreadyExists, "error.org.region_taken", "region_code");
  // A district holding the whole city (1101) would take in every other district's ground.
  ExpectFieldRefused(
      app_->orgs().Create(app::SystemActor(),
                          app::NewOrg{"BIG-D", "全市区", "district", root_.id, "1101", {}, {}, {}}),
      ErrorCode::kAlreadyExists, "error.org.region_taken", "region_code");
  // Unions are not federations: two may sit in one street's region.
  for (const char* code : {"U-R1", "U-R2"}) {
    ASSERT_OK(app_->orgs().Create(
        app::SystemActor(),
        app::NewOrg{code, code, "grassroots", streets_a_[0].id, streets_a_[0].code, {}, {}, {}}));
  }

  // Once 景山 is dissolved its region is free; bringing it back finds it taken.
  ASSERT_OK(SetStatus(streets_a_[1].id, "dissolved"));
  auto successor =
      app_->orgs().Create(staff_a_, Street("NEW-S", district_a_.id, streets_a_[1].code));
  ASSERT_OK(successor);
  ExpectFieldRefused(SetStatus(streets_a_[1].id, "active"), ErrorCode::kAlreadyExists,
                     "error.org.region_taken", "region_code");
  ExpectFieldRefused(SetRegion(successor->org.id, streets_a_[0].code), ErrorCode::kAlreadyExists,
                     "error.org.region_taken", "region_code");
}

TEST_P(OrgRegionsTest, ARegionChangeStaysInsideTheParentAndAroundTheChildren) {
  ExpectFieldRefused(SetRegion(streets_a_[1].id, streets_b_[0].code), ErrorCode::kInvalidArgument,
                     "error.org.region_outside_parent", "region_code");
  // A union in 东华门's region; 景山 dissolved frees its region, which does not hold the union.
  ASSERT_OK(app_->orgs().Create(
      app::SystemActor(),
      app::NewOrg{
          "U-IN", "区内工会", "grassroots", streets_a_[0].id, streets_a_[0].code, {}, {}, {}}));
  ASSERT_OK(SetStatus(streets_a_[1].id, "dissolved"));
  ExpectFieldRefused(SetRegion(streets_a_[0].id, streets_a_[1].code), ErrorCode::kInvalidArgument,
                     "error.org.region_excludes_child", "region_code");
  // Clearing a region is always allowed: what lies below stays inside the district's.
  ASSERT_OK(SetRegion(streets_a_[0].id, ""));
}

TEST_P(OrgRegionsTest, AStreetMovesToAnotherDistrictOnlyWithoutItsOldRegion) {
  ExpectFieldRefused(app_->orgs().Move(app::SystemActor(), streets_a_[0].id, district_b_.id),
                     ErrorCode::kInvalidArgument, "error.org.region_outside_parent", "parent_id");
  // Under a district without a region the city's 11 encloses it, but 东城 still holds its ground.
  auto no_region = app_->orgs().Create(
      app::SystemActor(), app::NewOrg{"PX-D", "无区划区", "district", root_.id, {}, {}, {}, {}});
  ASSERT_OK(no_region);
  ExpectFieldRefused(app_->orgs().Move(app::SystemActor(), streets_a_[0].id, no_region->org.id),
                     ErrorCode::kAlreadyExists, "error.org.region_taken", "parent_id");
  auto unmoved = app_->orgs().Get(app::SystemActor(), streets_a_[0].id);
  ASSERT_OK(unmoved);
  EXPECT_EQ(unmoved->org.parent_id, district_a_.id);

  ASSERT_OK(SetRegion(streets_a_[0].id, ""));
  ASSERT_OK(app_->orgs().Move(app::SystemActor(), streets_a_[0].id, district_b_.id));
  // Its old region does not come back under 西城.
  ExpectFieldRefused(SetRegion(streets_a_[0].id, streets_a_[0].code), ErrorCode::kInvalidArgument,
                     "error.org.region_outside_parent", "region_code");
  ExpectRollupsMatchRecount();
}

TEST_P(OrgRegionsTest, TheOrgImportReportsARegionClaimOnItsRowAndColumn) {
  app::Table table{"UTF-8",
                   {{"组织代码", "组织名称", "组织类型", "上级组织代码", "行政区划代码"},
                    {"IMP-1", "导入街道", "street", "110102", streets_a_[0].code},
                    {"IMP-2", "导入工会", "grassroots", streets_b_[0].code, streets_b_[0].code}},
                   {}};

  auto report = app::ImportOrgTable(app_->orgs(), staff_b_, table);

  ASSERT_OK(report);
  EXPECT_EQ(report->created, 1);
  ASSERT_EQ(report->problems.size(), 1u);
  EXPECT_EQ(report->problems[0].row, 2);
  EXPECT_EQ(report->problems[0].column, "行政区划代码");
  EXPECT_EQ(report->problems[0].message_key, "error.org.region_outside_parent");
}

TEST_P(OrgRegionsTest, RehomingLeavesEnterprisesOfOtherSubtreesWhereTheyAre) {
  // Data from before the rules: a district without a region holding a street in 东华门's region
  // (written straight to the store), code sorting before 东华门's.
  const auto bare = AddEnterprise(Enterprise(22, streets_a_[0].code, 60));
  auto district = app_->orgs().Create(
      app::SystemActor(), app::NewOrg{"PX-E", "旧区", "district", root_.id, {}, {}, {}, {}});
  ASSERT_OK(district);
  const app::Actor staff_e =
      MakeUser("staff.e", "staff", OrgRef{district->org.id, district->org.path, "旧区"});
  store::OrgRow legacy;
  legacy.id = app::NewId(clock_, random_);
  legacy.federation_id = district->org.federation_id;
  legacy.parent_id = district->org.id;
  legacy.path = OrgPath::FromStored(district->org.path).Child(legacy.id).str();
  legacy.code = "0-LEGACY";
  legacy.name = "旧街道";
  legacy.kind = "street";
  legacy.region_code = streets_a_[0].code;
  legacy.created_at = clock_.NowMs();
  auto lease = db_->Acquire();
  ASSERT_OK(lease);
  ASSERT_OK(store::InsertOrg(**lease, legacy));

  // Rehoming as the old district's staff does not take 东城's enterprise …
  ASSERT_OK(
      app::RehomeRegion(**lease, streets_a_[0].code, clock_.NowMs(), app::ScopeRange(staff_e)));
  auto kept = store::FindEnterpriseById(**lease, bare.row.id);
  ASSERT_OK(kept);
  EXPECT_EQ((*kept)->org_id, streets_a_[0].id);
  // … and one as the administrator picks the lowest code, whichever org was made first.
  ASSERT_OK(app::RehomeRegion(**lease, streets_a_[0].code, clock_.NowMs(),
                              app::ScopeRange(app::SystemActor())));
  auto moved = store::FindEnterpriseById(**lease, bare.row.id);
  ASSERT_OK(moved);
  EXPECT_EQ((*moved)->org_id, legacy.id);
}

TEST_P(OrgRegionsTest, TheDemoTreeKeepsEveryRegionRule) {
  auto lease = db_->Acquire();
  ASSERT_OK(lease);
  auto orgs = store::AllOrgs(**lease);
  ASSERT_OK(orgs);
  int checked = 0;
  for (const auto& org : *orgs) {
    if (!org.region_code) continue;
    store::OrgRow without = org;
    without.region_code.reset();
    auto fits = app::CheckUpdatedOrgRegion(**lease, without, org);
    EXPECT_TRUE(fits.has_value()) << org.code << ": " << Describe(fits.error());
    ++checked;
  }
  EXPECT_GT(checked, 300);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(OrgRegionsTest);

}  // namespace
}  // namespace zj::test
