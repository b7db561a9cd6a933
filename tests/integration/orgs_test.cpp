// The union tree and enterprises as use cases on both stores: bad input is refused with field
// errors and changes nothing; staff of one district never reach another district's orgs,
// enterprises, coverage or founding list (kNotFound, and list filters never leak); and after a
// seeded random sequence of changes every rollup still equals a recount from scratch.
#include "store/orgs.h"

#include <random>

#include "core/members/national_id.h"
#include "coverage_fixture.h"
#include "store/members.h"

namespace zj::test {
namespace {

using OrgsTest = CoverageTest;

//! The field names of an error, for checking which input it blames.
std::vector<std::string> Fields(const Error& e) {
  std::vector<std::string> out;
  for (const auto& f : e.fields) out.push_back(f.field);
  return out;
}

TEST_P(OrgsTest, CreatesAGrassrootsUnionUnderAStreetWithItsDetails) {
  app::NewOrg org{"GR-001",           "某某公司工会", "grassroots", streets_a_[0].id,
                  streets_a_[0].code, "2020-05-01",   "张三",       "010-12345678"};

  auto created = app_->orgs().Create(staff_a_, org);

  ASSERT_OK(created);
  EXPECT_EQ(created->org.parent_id, streets_a_[0].id);
  EXPECT_EQ(created->org.founded_on, "2020-05-01");
  ASSERT_TRUE(created->parent.has_value());
  EXPECT_EQ(created->parent->id, streets_a_[0].id);
  // Staff of district A see their district and the street above the new union, not the city.
  ASSERT_EQ(created->ancestors.size(), 2u);
  EXPECT_EQ(created->ancestors[0].id, district_a_.id);
  EXPECT_FALSE(created->region_name.empty());
}

TEST_P(OrgsTest, TheChairIsAPersonsNameNormalisedOrAFieldError) {
  auto formula = app_->orgs().Create(staff_a_, app::NewOrg{"GR-CH1",
                                                           "某公司工会",
                                                           "grassroots",
                                                           streets_a_[0].id,
                                                           {},
                                                           {},
                                                           "=HYPERLINK(\"http://x\",\"点\")",
                                                           {}});
  ExpectError(formula, ErrorCode::kInvalidArgument, "error.invalid_input");
  ASSERT_FALSE(formula.has_value());
  EXPECT_EQ(Fields(formula.error()), std::vector<std::string>{"chair"});

  auto dotted = app_->orgs().Create(
      staff_a_,
      app::NewOrg{
          "GR-CH2", "某公司工会", "grassroots", streets_a_[0].id, {}, {}, "阿依古丽•买买提", {}});
  ASSERT_OK(dotted);
  EXPECT_EQ(dotted->org.chair, "阿依古丽·买买提");
}

TEST_P(OrgsTest, ADuplicateCodeIsRefusedOnTheCodeField) {
  AddUnion("DUP-1", streets_a_[0].id);

  auto again = app_->orgs().Create(
      staff_a_, app::NewOrg{"DUP-1", "另一个", "grassroots", streets_a_[1].id, {}, {}, {}, {}});

  ExpectError(again, ErrorCode::kAlreadyExists, "error.org.code_taken");
  EXPECT_EQ(Fields(again.error()), std::vector<std::string>{"code"});
}

TEST_P(OrgsTest, AnUnknownRegionCodeIsRefusedAndNothingIsAdded) {
  auto lease = db_->Acquire();
  ASSERT_OK(lease);
  const std::int64_t before = store::CountOrgs(**lease).value();

  auto created = app_->orgs().Create(
      staff_a_,
      app::NewOrg{"R-1", "某工会", "grassroots", streets_a_[0].id, "110199999", {}, {}, {}});

  ExpectError(created, ErrorCode::kInvalidArgument, "error.invalid_input");
  EXPECT_EQ(Fields(created.error()), std::vector<std::string>{"region_code"});
  EXPECT_EQ(store::CountOrgs(**lease).value(), before);
}

TEST_P(OrgsTest, AKindThatCannotSitUnderTheParentIsRefused) {
  auto created = app_->orgs().Create(
      staff_a_, app::NewOrg{"ST-X", "街道", "street", streets_a_[0].id, {}, {}, {}, {}});

  ExpectError(created, ErrorCode::kInvalidArgument, "error.org.parent_kind");
  EXPECT_EQ(Fields(created.error()), std::vector<std::string>{"parent_id"});
}

TEST_P(OrgsTest, MovingAnOrgUnderItsOwnDescendantIsACycleAndChangesNothing) {
  const auto u = AddUnion("CYC-1", streets_a_[0].id);
  auto group = app_->orgs().Create(staff_a_,
                                   app::NewOrg{"CYC-G", "小组", "group", u.org.id, {}, {}, {}, {}});
  ASSERT_OK(group);
  AddEnterprise(Enterprise(50, streets_a_[0].code, 30, u.org.id));

  auto moved = app_->orgs().Move(staff_a_, u.org.id, group->org.id);
  auto onto_itself = app_->orgs().Move(staff_a_, u.org.id, u.org.id);

  ExpectError(moved, ErrorCode::kInvalidArgument, "error.org.cycle");
  EXPECT_EQ(Fields(moved.error()), std::vector<std::string>{"parent_id"});
  ExpectError(onto_itself, ErrorCode::kInvalidArgument, "error.org.cycle");
  auto after = app_->orgs().Get(staff_a_, u.org.id);
  ASSERT_OK(after);
  EXPECT_EQ(after->org.path, u.org.path);
  EXPECT_EQ(after->org.parent_id, streets_a_[0].id);
  ExpectRollupsMatchRecount();
}

TEST_P(OrgsTest, MovingAStreetToAnotherDistrictCarriesItsFigures) {
  // Its region lies in district A's: a re-division clears it before the street moves.
  app::OrgPatch clear;
  clear.region_code = "";
  ASSERT_OK(app_->orgs().Update(app::SystemActor(), streets_a_[0].id, clear));
  const auto u = AddUnion("MV-1", streets_a_[0].id);
  AddEnterprise(Enterprise(60, streets_a_[0].code, 100, u.org.id));
  AddEnterprise(Enterprise(61, streets_a_[0].code, 40, u.org.id));

  auto moved = app_->orgs().Move(app::SystemActor(), streets_a_[0].id, district_b_.id);

  ASSERT_OK(moved);
  EXPECT_EQ(moved->org.parent_id, district_b_.id);
  EXPECT_TRUE(FiguresOf(district_a_.id).IsZero());
  EXPECT_EQ(FiguresOf(district_b_.id).enterprises, 2);
  EXPECT_EQ(FiguresOf(district_b_.id).employees, 140);
  EXPECT_EQ(FiguresOf(root_.id).enterprises, 2);
  // The union came along: its path now lies under district B.
  auto union_view = app_->orgs().Get(staff_b_, u.org.id);
  ASSERT_OK(union_view);
  ExpectError(app_->orgs().Get(staff_a_, u.org.id), ErrorCode::kNotFound, "error.org.not_found");
  ExpectRollupsMatchRecount();
}

TEST_P(OrgsTest, AnInvalidUsccIsRefusedAndNothingIsAdded) {
  app::NewEnterprise e = Enterprise(70, streets_a_[0].code, 30);
  e.uscc.back() = e.uscc.back() == '0' ? '1' : '0';  // a wrong check character

  auto created = app_->enterprises().Create(staff_a_, e);

  ExpectError(created, ErrorCode::kInvalidArgument, "error.invalid_input");
  EXPECT_EQ(Fields(created.error()), std::vector<std::string>{"uscc"});
  EXPECT_TRUE(FiguresOf(root_.id).IsZero());
}

TEST_P(OrgsTest, AnEnterpriseNeedsAStreetLevelRegionCode) {
  auto district_level = app_->enterprises().Create(staff_a_, Enterprise(71, "110101", 30));
  auto unknown = app_->enterprises().Create(staff_a_, Enterprise(72, "110101999", 30));

  ExpectError(district_level, ErrorCode::kInvalidArgument, "error.invalid_input");
  EXPECT_EQ(district_level.error().fields.at(0).message_key, "error.region.not_street");
  ExpectError(unknown, ErrorCode::kInvalidArgument, "error.invalid_input");
  EXPECT_EQ(unknown.error().fields.at(0).message_key, "error.region.unknown");
}

TEST_P(OrgsTest, ADuplicateUsccIsRefusedOnTheUsccField) {
  AddEnterprise(Enterprise(73, streets_a_[0].code, 30));

  auto again = app_->enterprises().Create(staff_a_, Enterprise(73, streets_a_[1].code, 5));

  ExpectError(again, ErrorCode::kAlreadyExists, "error.uscc.taken");
  EXPECT_EQ(FiguresOf(district_a_.id).enterprises, 1);
}

TEST_P(OrgsTest, StaffOfAnotherDistrictFindNothingOfDistrictA) {
  const auto u = AddUnion("X-1", streets_a_[0].id);
  const auto e = AddEnterprise(Enterprise(80, streets_a_[0].code, 30));
  AddEnterprise(Enterprise(81, streets_a_[0].code, 40, u.org.id));

  ExpectError(app_->orgs().Get(staff_b_, district_a_.id), ErrorCode::kNotFound,
              "error.org.not_found");
  ExpectError(app_->orgs().Get(staff_b_, u.org.id), ErrorCode::kNotFound, "error.org.not_found");
  ExpectError(app_->orgs().Children(staff_b_, district_a_.id), ErrorCode::kNotFound,
              "error.org.not_found");
  ExpectError(app_->enterprises().Get(staff_b_, e.row.id), ErrorCode::kNotFound, "error.not_found");
  ExpectError(app_->coverage().Of(staff_b_, district_a_.id), ErrorCode::kNotFound,
              "error.org.not_found");
  ExpectError(app_->coverage().FoundingList(staff_b_, district_a_.id, {}), ErrorCode::kNotFound,
              "error.org.not_found");
  ExpectError(app_->coverage().ExportFoundingList(staff_b_, district_a_.id, {}),
              ErrorCode::kNotFound, "error.org.not_found");
  app::EnterpriseFilter by_org;
  by_org.org_id = district_a_.id;
  ExpectError(app_->enterprises().List(staff_b_, by_org), ErrorCode::kNotFound,
              "error.org.not_found");
  app::EnterprisePatch patch;
  patch.employees = 1;
  ExpectError(app_->enterprises().Update(staff_b_, e.row.id, patch), ErrorCode::kNotFound,
              "error.not_found");
  ExpectError(app_->orgs().Move(staff_b_, u.org.id, streets_b_[0].id), ErrorCode::kNotFound,
              "error.org.not_found");
  // Creating an enterprise in district A's street, or under its union, is as if neither existed.
  ExpectError(app_->enterprises().Create(staff_b_, Enterprise(82, streets_a_[1].code, 30)),
              ErrorCode::kNotFound, "error.region.not_in_scope");
  ExpectError(
      app_->enterprises().Create(staff_b_, Enterprise(83, streets_b_[0].code, 30, u.org.id)),
      ErrorCode::kNotFound, "error.org.not_found");

  // Unfiltered lists of B never hold A's enterprises, whatever the search text.
  app::EnterpriseFilter all;
  all.q = "企业";
  auto list = app_->enterprises().List(staff_b_, all);
  ASSERT_OK(list);
  EXPECT_TRUE(list->items.empty());
  auto list_a = app_->enterprises().List(staff_a_, all);
  ASSERT_OK(list_a);
  EXPECT_EQ(list_a->items.size(), 2u);
  auto tree = app_->orgs().Children(staff_b_, std::nullopt);
  ASSERT_OK(tree);
  ASSERT_EQ(tree->size(), 1u);
  EXPECT_EQ(tree->at(0).id, district_b_.id);
}

TEST_P(OrgsTest, AWorkerSeesNoOrgsAtAll) {
  const app::Actor worker = MakeUser("worker.x", "worker", std::nullopt);

  ExpectError(app_->orgs().Get(worker, root_.id), ErrorCode::kNotFound, "error.org.not_found");
  auto tree = app_->orgs().Children(worker, std::nullopt);
  ASSERT_OK(tree);
  EXPECT_TRUE(tree->empty());
}

// A deterministic random sequence of the changes that move figures: enterprises added, their
// headcounts edited, unionised and de-unionised, unions and streets moved, unions dissolved,
// members joining, leaving and transferring. After it, every rollup (totals and per industry) must
// equal a recount from scratch.
TEST_P(OrgsTest, RollupsEqualARecountAfterARandomSequenceOfChanges) {
  std::mt19937_64 rng(5);
  const auto pick = [&rng](std::size_t n) {
    return static_cast<std::size_t>(std::uniform_int_distribution<std::size_t>(0, n - 1)(rng));
  };
  std::vector<Street> streets = {streets_a_[0], streets_a_[1], streets_b_[0], streets_b_[1]};
  std::vector<std::int64_t> districts = {district_a_.id, district_b_.id};
  std::vector<std::int64_t> unions;
  for (int i = 0; i < 4; ++i) {
    unions.push_back(AddUnion("P-U" + std::to_string(i), streets[i].id).org.id);
  }
  std::vector<std::int64_t> enterprises;
  const app::Actor admin = app::SystemActor();
  int serial = 1000;
  const char* kSections = "ACFGIL";
  // Members join, leave and transfer between the unions on a generator of their own, so the
  // enterprise sequence above stays what it was.
  std::mt19937_64 member_rng(7);
  const auto member_pick = [&member_rng](std::size_t n) {
    return static_cast<std::size_t>(
        std::uniform_int_distribution<std::size_t>(0, n - 1)(member_rng));
  };
  std::vector<std::int64_t> members;
  int person = 0;
  const auto member_step = [&] {
    const std::size_t op = members.empty() ? 0 : member_pick(4);
    if (op <= 1) {  // join
      const std::string body = "11010119850101" + std::to_string(100 + ++person % 900).substr(0, 3);
      app::NewMember m;
      m.union_id = unions[member_pick(unions.size())];
      m.name = PersonName(person);
      m.id_number = body + members::IdCheckCharacter(body);
      auto created = app_->members().Create(admin, m);
      if (created) {
        members.push_back(created->row.id);
      } else {
        EXPECT_EQ(created.error().message_key, "error.invalid_input") << Describe(created.error());
      }
    } else if (op == 2) {  // leave
      app::MemberPatch patch;
      patch.status = "left";
      auto left = app_->members().Update(admin, members[member_pick(members.size())], patch);
      // Refused only for one who left already or has a transfer waiting.
      if (!left) {
        EXPECT_TRUE(left.error().code == ErrorCode::kInvalidArgument ||
                    left.error().code == ErrorCode::kFailedPrecondition)
            << Describe(left.error());
      }
    } else {  // transfer, decided once overdue by the administrator above both unions
      auto t = app_->transfers().RequestByMember(admin, members[member_pick(members.size())],
                                                 unions[member_pick(unions.size())], "调动",
                                                 std::nullopt);
      if (t) {
        clock_.Advance(t->row.due_at - clock_.NowMs() + 1);
        auto approved = app_->transfers().Approve(admin, t->row.id, "");
        if (!approved) {
          EXPECT_EQ(approved.error().message_key, "error.members.union_inactive")
              << Describe(approved.error());
        }
      }
    }
  };
  for (int step = 0; step < 120; ++step) {
    if (step % 3 == 0) member_step();
    const std::size_t op = enterprises.empty() ? 0 : pick(10);
    if (op <= 3) {  // add
      const std::int64_t employees =
          static_cast<std::int64_t>(pick(8) == 0 ? 200 + pick(2000) : pick(60));
      std::optional<std::int64_t> union_id;
      if (pick(2) == 0) union_id = unions[pick(unions.size())];
      auto e = Enterprise(++serial, streets[pick(streets.size())].code, employees, union_id,
                          std::string(1, kSections[pick(6)]));
      auto created = app_->enterprises().Create(admin, e);
      if (created) {
        enterprises.push_back(created->row.id);
      } else {
        // Only a dissolved union may refuse the enterprise.
        EXPECT_EQ(created.error().message_key, "error.enterprise.union_kind")
            << Describe(created.error());
      }
    } else if (op <= 5) {  // headcount
      app::EnterprisePatch patch;
      patch.employees = static_cast<std::int64_t>(pick(80));
      ASSERT_OK(app_->enterprises().Update(admin, enterprises[pick(enterprises.size())], patch));
    } else if (op <= 7) {  // unionise or de-unionise
      app::EnterprisePatch patch;
      patch.union_set = true;
      if (pick(2) == 0) patch.union_org_id = unions[pick(unions.size())];
      auto updated =
          app_->enterprises().Update(admin, enterprises[pick(enterprises.size())], patch);
      if (!updated) {
        EXPECT_EQ(updated.error().message_key, "error.enterprise.union_kind")
            << Describe(updated.error());
      }
    } else if (op == 8) {  // move a union to another street, or a street to another district
      if (pick(2) == 0) {
        auto moved =
            app_->orgs().Move(admin, unions[pick(unions.size())], streets[pick(streets.size())].id);
        if (!moved) {
          EXPECT_EQ(moved.error().message_key, "error.org.parent_inactive")
              << Describe(moved.error());
        }
      } else {  // a re-division: the street's region is cleared, then it moves
        const std::int64_t street = streets[pick(streets.size())].id;
        const std::int64_t district = districts[pick(districts.size())];
        app::OrgPatch clear;
        clear.region_code = "";
        ASSERT_OK(app_->orgs().Update(admin, street, clear));
        ASSERT_OK(app_->orgs().Move(admin, street, district));
      }
    } else {  // dissolve a union, or bring one back
      app::OrgPatch patch;
      patch.status = pick(3) == 0 ? "active" : "dissolved";
      ASSERT_OK(app_->orgs().Update(admin, unions[pick(unions.size())], patch));
    }
  }
  ASSERT_GT(enterprises.size(), 20u);
  ExpectRollupsMatchRecount();
  // And the root's figures are what the enterprises themselves add up to.
  app::EnterpriseFilter all;
  all.limit = 200;
  auto list = app_->enterprises().List(admin, all);
  ASSERT_OK(list);
  coverage::Figures sum;
  for (const auto& e : list->items) {
    sum += coverage::Contribution(e.row.employees, e.row.union_org_id.has_value());
  }
  {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    auto per_union = store::ActiveMembersPerUnion(**lease);
    ASSERT_OK(per_union);
    for (const auto& [union_id, active] : *per_union) sum.members += active;
  }
  EXPECT_GT(sum.members, 0);
  EXPECT_EQ(FiguresOf(root_.id), sum);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(OrgsTest);

}  // namespace
}  // namespace zj::test
