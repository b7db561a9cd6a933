// Coverage figures as use cases on both stores: rollups up the tree on every enterprise change,
// the founding list, and `coverage verify` agreeing with the rollups (and catching a wrong one).
#include "coverage_fixture.h"

namespace zj::test {
namespace {

using CoverageRollupTest = CoverageTest;

TEST_P(CoverageRollupTest, AnEnterpriseCountsForItsStreetItsDistrictAndTheRoot) {
  AddEnterprise(Enterprise(1, streets_a_[0].code, 40));

  for (std::int64_t org : {streets_a_[0].id, district_a_.id, root_.id}) {
    const coverage::Figures f = FiguresOf(org);
    EXPECT_EQ(f.enterprises, 1);
    EXPECT_EQ(f.employees, 40);
    EXPECT_EQ(f.founding_gap, 1);
  }
  EXPECT_TRUE(FiguresOf(district_b_.id).IsZero());
  EXPECT_TRUE(FiguresOf(streets_a_[1].id).IsZero());
}

TEST_P(CoverageRollupTest, UnionisingMovesTheEnterpriseUnderItsUnionAndOutOfTheGap) {
  const auto e = AddEnterprise(Enterprise(2, streets_a_[0].code, 30));
  const auto u = AddUnion("U-A1", streets_a_[1].id);
  app::EnterprisePatch patch;
  patch.union_set = true;
  patch.union_org_id = u.org.id;

  auto updated = app_->enterprises().Update(staff_a_, e.row.id, patch);

  ASSERT_OK(updated);
  EXPECT_EQ(updated->row.org_id, u.org.id);
  EXPECT_EQ(FiguresOf(u.org.id).unionised_enterprises, 1);
  EXPECT_EQ(FiguresOf(streets_a_[1].id).enterprises, 1);
  EXPECT_TRUE(FiguresOf(streets_a_[0].id).IsZero());
  EXPECT_EQ(FiguresOf(district_a_.id).founding_gap, 0);
  EXPECT_EQ(FiguresOf(district_a_.id).unionised_enterprises, 1);
  ExpectRollupsMatchRecount();
}

TEST_P(CoverageRollupTest, CoverageBreaksDownByChildOrgAndIndustry) {
  AddEnterprise(Enterprise(3, streets_a_[0].code, 10, std::nullopt, "C"));
  AddEnterprise(Enterprise(4, streets_a_[1].code, 20, std::nullopt, "I"));
  AddEnterprise(Enterprise(5, streets_a_[1].code, 5, std::nullopt, "I"));

  auto c = app_->coverage().Of(staff_a_, district_a_.id);

  ASSERT_OK(c);
  EXPECT_EQ(c->figures.enterprises, 3);
  EXPECT_EQ(c->served_12m, 0);
  ASSERT_EQ(c->industries.size(), 2u);
  EXPECT_EQ(c->industries[0].section, "C");
  EXPECT_EQ(c->industries[1].section, "I");
  EXPECT_EQ(c->industries[1].figures.employees, 25);
  std::int64_t children_total = 0;
  for (const auto& child : c->children) children_total += child.figures.enterprises;
  EXPECT_EQ(children_total, 3);
}

TEST_P(CoverageRollupTest, TheFoundingListIsLargestFirstAndPagesWithACursor) {
  AddEnterprise(Enterprise(10, streets_a_[0].code, 30));
  AddEnterprise(Enterprise(11, streets_a_[0].code, 300));
  AddEnterprise(Enterprise(12, streets_a_[1].code, 60, std::nullopt, "F"));
  AddEnterprise(Enterprise(13, streets_a_[0].code, 24));  // too small to be listed
  const auto u = AddUnion("U-A2", streets_a_[0].id);
  AddEnterprise(Enterprise(14, streets_a_[0].code, 900, u.org.id));  // has a union

  app::FoundingFilter filter;
  filter.limit = 2;
  auto first = app_->coverage().FoundingList(staff_a_, district_a_.id, filter);
  ASSERT_OK(first);
  ASSERT_EQ(first->items.size(), 2u);
  EXPECT_EQ(first->items[0].enterprise.row.employees, 300);
  EXPECT_EQ(first->items[1].enterprise.row.employees, 60);
  ASSERT_TRUE(first->next_cursor.has_value());
  // Each row names its district and the org that founds its union, with whom to call.
  EXPECT_FALSE(first->items[0].district_name.empty());
  EXPECT_EQ(first->items[0].org_id, streets_a_[0].id);
  EXPECT_FALSE(first->items[0].org_name.empty());
  filter.cursor = *first->next_cursor;
  auto second = app_->coverage().FoundingList(staff_a_, district_a_.id, filter);
  ASSERT_OK(second);
  ASSERT_EQ(second->items.size(), 1u);
  EXPECT_EQ(second->items[0].enterprise.row.employees, 30);
  EXPECT_FALSE(second->next_cursor.has_value());

  app::FoundingFilter by_industry;
  by_industry.industry = "F";
  auto f = app_->coverage().FoundingList(staff_a_, district_a_.id, by_industry);
  ASSERT_OK(f);
  ASSERT_EQ(f->items.size(), 1u);
  EXPECT_EQ(f->items[0].enterprise.row.employees, 60);

  app::FoundingFilter by_street;
  by_street.street = streets_a_[1].code;
  auto s = app_->coverage().FoundingList(staff_a_, district_a_.id, by_street);
  ASSERT_OK(s);
  ASSERT_EQ(s->items.size(), 1u);
  EXPECT_EQ(s->items[0].enterprise.row.region_code, streets_a_[1].code);
}

TEST_P(CoverageRollupTest, TheExportIsAnXlsxWorkbookAndIsAudited) {
  AddEnterprise(Enterprise(20, streets_a_[0].code, 30));

  auto bytes = app_->coverage().ExportFoundingList(staff_a_, district_a_.id, {});

  ASSERT_OK(bytes);
  ASSERT_GT(bytes->size(), 100u);
  EXPECT_EQ(bytes->substr(0, 2), "PK");  // a zip container
  app::AuditFilter filter;
  filter.action = "founding_list.export";
  auto log = app_->audit().Search(MakeUser("admin.root", "admin", root_), filter);
  ASSERT_OK(log);
  ASSERT_EQ(log->entries.size(), 1u);
  EXPECT_EQ(log->entries[0].actor_username, "staff.a");
  EXPECT_EQ(log->entries[0].target_id, std::to_string(district_a_.id));
}

TEST_P(CoverageRollupTest, VerifyReportsARollupThatDisagreesWithTheRecount) {
  AddEnterprise(Enterprise(30, streets_a_[0].code, 30));
  ExpectRollupsMatchRecount();
  static constexpr store::Sql kCorrupt{
      "test.coverage.corrupt",
      "UPDATE coverage_rollups SET employees = employees + 1 WHERE org_id = $1"};
  auto lease = db_->Acquire();
  ASSERT_OK(lease);
  ASSERT_OK((**lease).Execute(kCorrupt, Params(district_a_.id)));

  auto report = app_->coverage().Verify();

  ASSERT_OK(report);
  ASSERT_EQ(report->differences.size(), 1u);
  EXPECT_EQ(report->differences[0].org_id, district_a_.id);
  EXPECT_EQ(report->differences[0].figure, "employees");
  EXPECT_EQ(report->differences[0].stored, 31);
  EXPECT_EQ(report->differences[0].recounted, 30);
}

TEST_P(CoverageRollupTest, DissolvingAUnionLeavesItsEnterprisesWithoutOne) {
  const auto u = AddUnion("U-A3", streets_a_[0].id);
  const auto e = AddEnterprise(Enterprise(40, streets_a_[1].code, 50, u.org.id));
  app::OrgPatch patch;
  patch.status = "dissolved";

  ASSERT_OK(app_->orgs().Update(staff_a_, u.org.id, patch));

  auto after = app_->enterprises().Get(staff_a_, e.row.id);
  ASSERT_OK(after);
  EXPECT_FALSE(after->row.union_org_id.has_value());
  EXPECT_EQ(after->row.org_id, streets_a_[1].id);
  EXPECT_TRUE(FiguresOf(u.org.id).IsZero());
  EXPECT_EQ(FiguresOf(district_a_.id).founding_gap, 1);
  auto view = app_->orgs().Get(staff_a_, u.org.id);
  ASSERT_OK(view);
  EXPECT_EQ(view->org.status, "dissolved");  // kept, not deleted
  ExpectRollupsMatchRecount();
}

TEST_P(CoverageRollupTest, DemoEnterprisesRollUpCorrectlyAndLoadOnlyOnce) {
  app::DemoOptions options;
  options.admin_password = "Demo-Pass-2026";
  options.enterprises_per_street = 6;

  auto first = app_->demo().Load(options);
  auto second = app_->demo().Load(options);

  ASSERT_OK(first);
  ASSERT_OK(second);
  EXPECT_GT(first->enterprises_created, 1000);
  EXPECT_EQ(second->enterprises_created, 0);
  ExpectRollupsMatchRecount();
  const coverage::Figures city = FiguresOf(root_.id);
  EXPECT_EQ(city.enterprises, first->enterprises_created);
  EXPECT_GT(city.unionised_enterprises, 0);
  EXPECT_GT(city.founding_gap, 0);
  // Members were recorded through the registry, once, and count toward the city.
  EXPECT_EQ(second->members_created, 0);
  EXPECT_EQ(city.members, first->members_created);
  // Every district has enterprises, and its children's figures add up to its own.
  auto c = app_->coverage().Of(app::SystemActor(), district_a_.id);
  ASSERT_OK(c);
  coverage::Figures children;
  for (const auto& child : c->children) children += child.figures;
  EXPECT_GT(c->figures.enterprises, 0);
  EXPECT_EQ(children, c->figures);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(CoverageRollupTest);

}  // namespace
}  // namespace zj::test
