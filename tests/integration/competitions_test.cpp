// Labour and skills competitions on both stores (issue 21 slice 2): a competition's whole life
// (create with groups and sheets, enrol, freeze the list with numbers per group, judges, marks,
// a veto with its reason, preview, publish, the written ranking); a judge from the entrant's
// enterprise is refused its marks (403) and told of the conflict at assignment; marks for an
// entry not on the frozen list, after publication or from a judge not assigned are refused;
// another district sees none of it.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/competitions/competition_service.h"
#include "core/enterprises/uscc.h"
#include "members_fixture.h"
#include "store/orgs.h"

namespace zj::test {
namespace {

namespace cp = competitions;

cp::Sheet PointsSheet() {
  return {{{"awareness", "认知度", 35 * cp::kCenti, 35},
           {"participation", "参与度", 35 * cp::kCenti, 35},
           {"effect", "实际效果", 30 * cp::kCenti, 30}}};
}

std::vector<cp::Mark> Marks(std::int64_t a, std::int64_t p, std::int64_t e) {
  return {
      {"awareness", a * cp::kCenti}, {"participation", p * cp::kCenti}, {"effect", e * cp::kCenti}};
}

class CompetitionsTest : public MembersTest {
 protected:
  void SetUp() override {
    MembersTest::SetUp();
    if (HasFatalFailure()) return;
    std::string street_code;
    {
      auto lease = db_->Acquire();
      ASSERT_OK(lease);
      auto street = store::FindOrgById(**lease, street_a_.id);
      ASSERT_OK(street);
      ASSERT_TRUE(*street && (*street)->region_code);
      street_code = *(*street)->region_code;
    }
    ent_1_ = AddEnterprise(1, street_code, union_a_.id);
    ent_2_ = AddEnterprise(2, street_code, std::nullopt);
    auto p1 = Person(union_a_, "王一", 11);
    p1.employer_id = ent_1_;
    member_1_ = Create(staff_a_, p1).row.id;
    member_2_ = Create(staff_a_, Person(union_a_, "王二", 12)).row.id;
    member_b_ = Create(staff_b_, Person(union_b_, "王三", 13)).row.id;
    judge_1_ = MakeUser("judge-1", "cadre", district_a_);  // works for enterprise 1
    judge_2_ = MakeUser("judge-2", "cadre", district_a_);
    judge_3_ = MakeUser("judge-3", "staff", district_a_);
  }

  std::int64_t AddEnterprise(int serial, const std::string& street,
                             std::optional<std::int64_t> union_id) {
    std::string first17 = "9111010100000010" + std::to_string(serial);
    app::NewEnterprise e{"参赛企业" + std::to_string(serial),
                         first17 + *enterprises::UsccCheckCharacter(first17),
                         street,
                         "E",
                         "private",
                         300,
                         "2026-06-30",
                         union_id};
    auto created = app_->enterprises().Create(app::SystemActor(), e);
    EXPECT_TRUE(created.has_value()) << (created ? "" : Describe(created.error()));
    return created ? created->row.id : 0;
  }

  app::NewCompetition Competition() {
    app::NewCompetition c;
    c.org_id = district_a_.id;
    c.title = "园区劳动竞赛";
    c.groups = {{"enterprises", "企业组", "enterprise", PointsSheet()},
                {"workers", "个人组", "individual", PointsSheet()}};
    c.veto_items = {{"wage_arrears", "拖欠工资"}, {"safety_accident", "安全事故"}};
    return c;
  }

  std::int64_t Create(const app::NewCompetition& c) {
    auto created = app_->competitions().Create(staff_a_, c);
    EXPECT_TRUE(created.has_value()) << (created ? "" : Describe(created.error()));
    return created ? created->row.id : 0;
  }
  using MembersTest::Create;

  std::int64_t Enrol(std::int64_t id, const app::NewEntry& e) {
    auto entered = app_->competitions().Enrol(staff_a_, id, e);
    EXPECT_TRUE(entered.has_value()) << (entered ? "" : Describe(entered.error()));
    return entered ? entered->row.id : 0;
  }

  void Judge(std::int64_t id, const app::Actor& judge, std::vector<std::string> groups,
             std::optional<std::int64_t> enterprise = std::nullopt) {
    auto added = app_->competitions().AddJudge(staff_a_, id,
                                               {judge.user_id, enterprise, std::nullopt, groups});
    EXPECT_TRUE(added.has_value()) << (added ? "" : Describe(added.error()));
  }

  void Score(const app::Actor& judge, std::int64_t entry, std::vector<cp::Mark> marks) {
    auto scored = app_->competitions().Score(judge, entry, marks);
    EXPECT_TRUE(scored.has_value()) << (scored ? "" : Describe(scored.error()));
  }

  std::int64_t ent_1_ = 0, ent_2_ = 0, member_1_ = 0, member_2_ = 0, member_b_ = 0;
  app::Actor judge_1_, judge_2_, judge_3_;
};

TEST_P(CompetitionsTest, ACompetitionsWholeLife) {
  const std::int64_t id = Create(Competition());
  auto& comps = app_->competitions();
  const std::int64_t e1 = Enrol(id, {"enterprises", ent_1_, {}, "", {}});
  const std::int64_t e2 = Enrol(id, {"enterprises", ent_2_, {}, "", {}});
  const std::int64_t w1 = Enrol(id, {"workers", {}, member_1_, "", {}});
  const std::int64_t w2 = Enrol(id, {"workers", {}, member_2_, "", {}});
  ExpectError(comps.Enrol(staff_a_, id, {"enterprises", ent_1_, {}, "", {}}),
              ErrorCode::kAlreadyExists, "error.competition.entered_twice");
  Judge(id, judge_2_, {"enterprises", "workers"});
  Judge(id, judge_3_, {"enterprises", "workers"});
  ExpectError(comps.AddJudge(staff_a_, id, {judge_3_.user_id, {}, {}, {"workers"}}),
              ErrorCode::kAlreadyExists, "error.competition.judge_twice");

  // Before the freeze nothing is on the list: no marks.
  ExpectError(comps.Score(judge_2_, e1, Marks(30, 30, 25)), ErrorCode::kConflict,
              "error.competition.not_listed");
  ExpectError(comps.Publish(staff_a_, id), ErrorCode::kConflict, "error.competition.not_frozen");

  auto frozen = comps.Freeze(staff_a_, id);
  ASSERT_OK(frozen);
  EXPECT_EQ(frozen->row.status, "listed");
  auto entries = comps.Entries(staff_a_, id);
  ASSERT_OK(entries);
  ASSERT_EQ(entries->size(), 4u);
  for (const auto& e : *entries) {
    EXPECT_EQ(e.row.status, "listed");
    const std::int64_t first = e.row.id == e1 || e.row.id == w1 ? 1 : 2;  // numbered per group
    EXPECT_EQ(e.row.number.value_or(0), first) << e.group;
  }
  ExpectError(comps.Enrol(staff_a_, id, {"workers", {}, member_2_, "", {}}), ErrorCode::kConflict,
              "error.competition.list_frozen");
  ExpectError(comps.Freeze(staff_a_, id), ErrorCode::kConflict, "error.competition.list_frozen");

  Score(judge_2_, e1, Marks(30, 30, 25));  // 85
  Score(judge_3_, e1, Marks(32, 30, 25));  // 87
  Score(judge_2_, e2, Marks(20, 20, 20));  // 60
  Score(judge_3_, e2, Marks(35, 35, 30));  // 100 → mean 80
  Score(judge_2_, w1, Marks(10, 10, 10));
  Score(judge_2_, w2, Marks(35, 35, 30));
  auto revised = comps.Score(judge_3_, e1, Marks(33, 30, 25));  // 88 → mean 86.5
  ASSERT_OK(revised);
  EXPECT_TRUE(revised->revised);
  EXPECT_EQ(revised->total_e4, 88 * cp::kE4);

  // A veto takes the reason and is out of the ranking; the veto item must be the competition's.
  ExpectError(comps.Veto(staff_a_, id, w2, "drunk", "醉酒上岗"), ErrorCode::kInvalidArgument,
              "error.invalid_input");
  ASSERT_OK(comps.Veto(staff_a_, id, w2, "safety_accident", "发生一起安全事故"));
  ExpectError(comps.Score(judge_3_, w2, Marks(1, 1, 1)), ErrorCode::kConflict,
              "error.competition.vetoed");

  auto preview = comps.Ranking(staff_a_, id);
  ASSERT_OK(preview);
  EXPECT_FALSE(preview->published);
  auto published = comps.Publish(staff_a_, id);
  ASSERT_OK(published);
  EXPECT_TRUE(published->published);

  auto ranking = comps.Ranking(staff_a_, id);
  ASSERT_OK(ranking);
  EXPECT_TRUE(ranking->published);
  ASSERT_EQ(ranking->lines.size(), 3u);
  EXPECT_EQ(ranking->lines[0].entry_id, e1);
  EXPECT_EQ(ranking->lines[0].result_e4, 865'000);
  EXPECT_EQ(ranking->lines[0].rank_overall, 1);
  EXPECT_EQ(ranking->lines[0].rank_group, 1);
  EXPECT_EQ(ranking->lines[1].entry_id, e2);
  EXPECT_EQ(ranking->lines[1].result_e4, 800'000);
  EXPECT_EQ(ranking->lines[1].rank_group, 2);
  EXPECT_EQ(ranking->lines[2].entry_id, w1);
  EXPECT_EQ(ranking->lines[2].rank_group, 1);
  EXPECT_EQ(ranking->lines[2].rank_overall, 3);
  ASSERT_EQ(ranking->vetoed.size(), 1u);
  EXPECT_EQ(ranking->vetoed[0].entry_id, w2);
  EXPECT_EQ(ranking->vetoed[0].reason, "safety_accident");
  EXPECT_EQ(ranking->vetoed[0].note, "发生一起安全事故");
  EXPECT_EQ(preview->lines.size(), ranking->lines.size());

  // Published is final.
  ExpectError(comps.Score(judge_2_, e2, Marks(1, 1, 1)), ErrorCode::kConflict,
              "error.competition.published");
  ExpectError(comps.Publish(staff_a_, id), ErrorCode::kConflict, "error.competition.published");
  ExpectError(comps.Veto(staff_a_, id, e2, "wage_arrears", "欠薪两个月"), ErrorCode::kConflict,
              "error.competition.published");
}

TEST_P(CompetitionsTest, AJudgeFromTheEntrantsEnterpriseIsRefused) {
  const std::int64_t id = Create(Competition());
  auto& comps = app_->competitions();
  const std::int64_t e1 = Enrol(id, {"enterprises", ent_1_, {}, "", {}});
  const std::int64_t e2 = Enrol(id, {"enterprises", ent_2_, {}, "", {}});
  const std::int64_t w1 = Enrol(id, {"workers", {}, member_1_, "", {}});  // employed by ent 1
  auto added = comps.AddJudge(staff_a_, id, {judge_1_.user_id, ent_1_, {}, {"enterprises"}});
  ASSERT_OK(added);
  EXPECT_EQ(added->conflicts, std::vector<std::int64_t>{e1});
  Judge(id, judge_2_, {"workers"}, ent_1_);
  ASSERT_OK(comps.Freeze(staff_a_, id));

  auto refused = comps.Score(judge_1_, e1, Marks(30, 30, 30));
  ExpectError(refused, ErrorCode::kPermissionDenied, "error.competition.conflict");
  ASSERT_FALSE(refused.has_value());
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].message_key, "error.competition.conflict_enterprise");
  ExpectError(comps.Score(judge_2_, w1, Marks(30, 30, 30)), ErrorCode::kPermissionDenied,
              "error.competition.conflict");
  Score(judge_1_, e2, Marks(30, 30, 30));  // the other entry is the judge's to score
  // Not assigned to the group, or not a judge at all: no such entry.
  ExpectError(comps.Score(judge_1_, w1, Marks(30, 30, 30)), ErrorCode::kNotFound,
              "error.not_found");
  ExpectError(comps.Score(judge_3_, e2, Marks(30, 30, 30)), ErrorCode::kNotFound,
              "error.not_found");
  // Marks off the sheet are field errors.
  auto above = comps.Score(judge_1_, e2, Marks(36, 30, 30));
  ExpectError(above, ErrorCode::kInvalidArgument, "error.competition.score");
}

TEST_P(CompetitionsTest, AnotherDistrictSeesNothing) {
  const std::int64_t id = Create(Competition());
  auto& comps = app_->competitions();
  const std::int64_t e1 = Enrol(id, {"enterprises", ent_1_, {}, "", {}});
  ExpectError(comps.Get(staff_b_, id), ErrorCode::kNotFound, "error.not_found");
  ExpectError(comps.Entries(staff_b_, id), ErrorCode::kNotFound, "error.not_found");
  ExpectError(comps.Enrol(staff_b_, id, {"workers", {}, member_b_, "", {}}), ErrorCode::kNotFound,
              "error.not_found");
  ExpectError(comps.Freeze(staff_b_, id), ErrorCode::kNotFound, "error.not_found");
  ExpectError(comps.Veto(staff_b_, id, e1, "wage_arrears", "欠薪两个月"), ErrorCode::kNotFound,
              "error.not_found");
  ExpectError(comps.Publish(staff_b_, id), ErrorCode::kNotFound, "error.not_found");
  ExpectError(comps.Ranking(staff_b_, id), ErrorCode::kNotFound, "error.not_found");
  auto list = comps.List(staff_b_, 0, 50);
  ASSERT_OK(list);
  EXPECT_TRUE(list->items.empty());
  // The district's own organiser cannot enrol a member of another district.
  ExpectError(comps.Enrol(staff_a_, id, {"workers", {}, member_b_, "", {}}), ErrorCode::kNotFound,
              "error.not_found");
  // A competition of another district's org cannot be created.
  auto other = Competition();
  other.org_id = union_b_.id;
  ExpectError(comps.Create(staff_a_, other), ErrorCode::kNotFound, "error.org.not_found");
}

TEST_P(CompetitionsTest, ABadSheetIsRefusedWithFieldErrors) {
  auto c = Competition();
  c.groups[1].sheet.indicators[0].weight = 30;  // weights add up to 95
  c.groups[0].code = "Bad Code";
  auto refused = app_->competitions().Create(staff_a_, c);
  ExpectError(refused, ErrorCode::kInvalidArgument, "error.invalid_input");
  ASSERT_FALSE(refused.has_value());
  std::vector<std::string> fields;
  for (const auto& f : refused.error().fields) fields.push_back(f.field);
  EXPECT_NE(std::find(fields.begin(), fields.end(), "groups.0.code"), fields.end());
  EXPECT_NE(std::find(fields.begin(), fields.end(), "groups.1.sheet.indicators"), fields.end());
}

ZJ_INSTANTIATE_ON_BOTH_STORES(CompetitionsTest);

}  // namespace
}  // namespace zj::test
