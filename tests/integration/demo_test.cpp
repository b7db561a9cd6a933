// The demo federation on both stores: Beijing's real districts and streets under the municipal
// federation, loaded once however often the command runs, with a working administrator login.
#include "app/regions/embedded_regions.h"
#include "app_fixture.h"
#include "core/orgs/org_path.h"
#include "store/orgs.h"

namespace zj::test {
namespace {

class DemoTest : public AppTest {};

std::size_t ExpectedBeijingOrgs() {
  const RegionTable& regions = app::BuiltinRegions();
  std::size_t n = 1;  // the municipal federation
  for (const Region* district : regions.Children("1101"))
    n += 1 + regions.Children(district->code).size();
  return n;
}

TEST_P(DemoTest, LoadsBeijingWithItsSixteenDistrictsAndAllTheirStreets) {
  app::DemoOptions options;
  options.admin_password = "Demo-Pass-2026";
  auto report = app_->demo().Load(options);
  ASSERT_OK(report);
  EXPECT_EQ(static_cast<std::size_t>(report->orgs_created), ExpectedBeijingOrgs());
  EXPECT_GT(report->orgs_created, 300);  // 16 districts and more than 300 streets

  auto lease = db_->Acquire();
  ASSERT_OK(lease);
  auto city = store::FindOrgByCode(**lease, "110000");
  ASSERT_OK(city);
  ASSERT_TRUE(city->has_value());
  EXPECT_EQ((*city)->name, "北京市总工会");
  auto dongcheng = store::FindOrgByCode(**lease, "110101");
  ASSERT_OK(dongcheng);
  ASSERT_TRUE(dongcheng->has_value());
  EXPECT_EQ((*dongcheng)->name, "北京市东城区总工会");
  EXPECT_EQ((*dongcheng)->parent_id, (*city)->id);
  auto street = store::FindOrgByCode(**lease, "110101001");
  ASSERT_OK(street);
  ASSERT_TRUE(street->has_value());
  EXPECT_EQ((*street)->name, "东华门街道总工会");
  EXPECT_EQ((*street)->kind, "street");
  EXPECT_EQ((*street)->federation_id, (*city)->id);  // the shard key is the municipal federation
  EXPECT_TRUE(OrgPath::FromStored((*city)->path).Contains(OrgPath::FromStored((*street)->path)));
  EXPECT_TRUE(
      OrgPath::FromStored((*dongcheng)->path).Contains(OrgPath::FromStored((*street)->path)));
}

TEST_P(DemoTest, RunningAgainAddsNothingAndResetsTheAdminPassword) {
  app::DemoOptions first;
  first.admin_password = "First-Pass-2026";
  ASSERT_OK(app_->demo().Load(first));
  app::DemoOptions second;
  second.admin_password = "Second-Pass-2026";
  auto again = app_->demo().Load(second);
  ASSERT_OK(again);
  EXPECT_EQ(again->orgs_created, 0);
  EXPECT_EQ(static_cast<std::size_t>(again->orgs_total), ExpectedBeijingOrgs());
  ExpectError(app_->accounts().Login("admin", "First-Pass-2026", "127.0.0.1"),
              ErrorCode::kUnauthenticated, "error.auth.invalid_credentials");
  ASSERT_OK(app_->accounts().Login("admin", "Second-Pass-2026", "127.0.0.1"));
}

TEST_P(DemoTest, GeneratesAnAdminPasswordWhenNoneIsGiven) {
  auto report = app_->demo().Load({});
  ASSERT_OK(report);
  EXPECT_GE(report->admin_password.size(), 12u);
  ASSERT_OK(app_->accounts().Login("admin", report->admin_password, "127.0.0.1"));
}

ZJ_INSTANTIATE_ON_BOTH_STORES(DemoTest);

}  // namespace
}  // namespace zj::test
