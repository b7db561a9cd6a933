// My help on both stores (issue 20): the worker sees the hardship file of their own household (the
// one whose "self" is their bound member) and its aid grants in their words — under approval,
// approved, paid on a day, not granted (never the approver's reason) — and never another
// household's; a closed file shows its reason; only workers, and only bound ones. The worker
// applies from My account: the file opens in stage applied at their union with them as "self",
// audited, through the cadres' own rules (a bad ID number is a field error, a second open file for
// the household is refused). A request of the worker's that became a file of their household shows
// it, and the aid granted to it, on its page in My requests (a colleague's file does not).
#include <gtest/gtest.h>

#include <set>

#include "hardship_active.h"
#include "served_check.h"
#include "worker_fixture.h"

namespace zj::test {
namespace {

constexpr std::int64_t kDibao = 145000;  // ¥1,450 a month (sample)

class MyHardshipTest : public WorkerRequestsTest {
 protected:
  void SetUp() override {
    WorkerRequestsTest::SetUp();
    if (HasFatalFailure()) return;
    district_cadre_ = MakeUser("cadre-district-a", "cadre", district_a_);
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    auto district = store::FindOrgById(**lease, district_a_.id);
    ASSERT_OK(district);
    ASSERT_TRUE(*district && (*district)->region_code);
    ASSERT_OK(app_->standards().Load(
        admin_, {*(*district)->region_code, 2026, kDibao, std::nullopt, std::nullopt, "样例"}));
    ASSERT_OK(
        app_->aid_rules().LoadRule(admin_, {root_.id, 2026, "living", "deep", "months_of_dibao", 10,
                                            0, 0, std::nullopt, "household"}));
    ASSERT_OK(app_->aid_rules().LoadRule(admin_, {root_.id, 2026, "festival", "deep", "fixed", 0,
                                                  50000, 0, std::nullopt, "household"}));
    for (const char* kind : {"living", "festival"}) {
      ASSERT_OK(app_->aid_rules().LoadLimit(admin_, {root_.id, kind, "grassroots", 200000}));
      ASSERT_OK(app_->aid_rules().LoadLimit(admin_, {root_.id, kind, "street", 1000000}));
      ASSERT_OK(app_->aid_rules().LoadBudget(admin_, {district_a_.id, 2026, kind, 10'000'000}));
    }
    worker_ = BoundWorker("13912345678", "张晓林", 11);
    ASSERT_TRUE(worker_.member_id.has_value());
  }

  //! A file opened by the district's cadre for the registry's member `member` (no income: 深度),
  //! with `others` more people, made active.
  std::int64_t OpenActive(std::int64_t member, int first_sequence, int others = 1,
                          std::optional<std::int64_t> request = std::nullopt) {
    app::NewHardshipFile f;
    f.member_id = member;
    f.request_id = request;
    f.year = 2026;
    f.main_cause = "illness";
    for (int i = 0; i < others; ++i) {
      f.household.push_back({"child", "张小明",
                             MakeIdNumber("110101", "20150612", first_sequence + i), 0,
                             std::nullopt});
    }
    auto opened = app_->hardship().Open(district_cadre_, f);
    EXPECT_TRUE(opened.has_value()) << Describe(opened.error());
    if (!opened) return 0;
    ActivateHardshipFile(*db_, opened->file.row.id);
    return opened->file.row.id;
  }

  std::int64_t Propose(std::int64_t file, const std::string& kind) {
    auto g = app_->aid().Propose(district_cadre_, {file, kind, "2026", std::nullopt, 0, 0});
    EXPECT_TRUE(g.has_value()) << Describe(g.error());
    return g ? g->grant.row.id : 0;
  }

  app::MyHardship Mine() {
    auto mine = app_->my_hardship().Get(worker_);
    EXPECT_TRUE(mine.has_value()) << Describe(mine.error());
    return mine ? *mine : app::MyHardship{};
  }

  app::MyHardshipApplication Application(int spouse_sequence) {
    app::MyHardshipApplication a;
    a.self_income_fen = 1'200'000;
    a.household.push_back({"spouse", "李红梅", MakeIdNumber("110101", "19910405", spouse_sequence),
                           0, std::string("unemployed")});
    a.expenses.push_back({"medical", 3'000'000});
    a.main_cause = "illness";
    a.secondary_causes = {"low_wage"};
    return a;
  }

  app::Actor district_cadre_;
  app::Actor worker_;
};

TEST_P(MyHardshipTest, TheWorkerSeesTheirOwnFileAndGrantsNeverAnotherHouseholds) {
  const std::int64_t mine = OpenActive(*worker_.member_id, 201);
  const auto other_member = Create(staff_a_, Person(union_a_, "赵大勇", 31));
  const std::int64_t other = OpenActive(other_member.row.id, 301);
  const std::int64_t living = Propose(mine, "living");  // ¥14,500: the district decides
  const std::int64_t festival = Propose(mine, "festival");
  Propose(other, "living");

  auto got = Mine();
  ASSERT_EQ(got.files.size(), 1u);
  const auto& f = got.files[0];
  EXPECT_EQ(f.id, mine);
  EXPECT_EQ(f.union_name, "甲公司工会");
  EXPECT_EQ(f.stage, "active");
  EXPECT_EQ(f.review_due_on, std::optional<std::string>("2027-11-25"));
  EXPECT_EQ(f.level, "deep");
  EXPECT_EQ(f.household_size, 2);
  EXPECT_FALSE(got.may_apply);
  ASSERT_EQ(f.grants.size(), 2u);
  EXPECT_EQ(f.grants[1].id, living);
  EXPECT_EQ(f.grants[1].status, "under_approval");
  EXPECT_EQ(f.grants[1].amount_fen, 10 * kDibao);

  ASSERT_OK(app_->aid().Approve(district_cadre_, living));
  ASSERT_OK(app_->aid().Refuse(district_cadre_, festival, "本年度预算已用于另一户"));
  got = Mine();
  ASSERT_EQ(got.files.size(), 1u);
  EXPECT_EQ(got.files[0].grants[1].status, "approved");
  EXPECT_EQ(got.files[0].grants[0].status, "not_granted");
  EXPECT_EQ(got.files[0].grants[0].id, festival);

  ASSERT_OK(
      app_->aid().Pay(district_cadre_, living, {"2026-11-20", "bank_transfer", std::nullopt}));
  got = Mine();
  EXPECT_EQ(got.files[0].grants[1].status, "paid");
  EXPECT_EQ(got.files[0].grants[1].paid_on, std::optional<std::string>("2026-11-20"));
}

TEST_P(MyHardshipTest, OnlyBoundWorkersSeeTheirHelp) {
  auto staff = app_->my_hardship().Get(district_cadre_);
  ASSERT_FALSE(staff.has_value());
  EXPECT_EQ(staff.error().code, ErrorCode::kPermissionDenied);
  auto applied = app_->my_hardship().Apply(district_cadre_, Application(41));
  ASSERT_FALSE(applied.has_value());
  EXPECT_EQ(applied.error().code, ErrorCode::kPermissionDenied);

  const auto unbound = SignIn("13900001111").actor;
  auto none = app_->my_hardship().Get(unbound);
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(none.error().message_key, "error.card.not_bound");

  const auto empty = Mine();
  EXPECT_TRUE(empty.files.empty());
  EXPECT_TRUE(empty.may_apply);
}

TEST_P(MyHardshipTest, AClosedFileShowsItsReason) {
  const std::int64_t id = OpenActive(*worker_.member_id, 201);
  ASSERT_OK(app_->hardship().Close(district_cadre_, id, "lifted", ""));
  const auto got = Mine();
  ASSERT_EQ(got.files.size(), 1u);
  EXPECT_EQ(got.files[0].stage, "closed");
  EXPECT_EQ(got.files[0].close_reason, std::optional<std::string>("lifted"));
  EXPECT_TRUE(got.files[0].closed_on.has_value());
  EXPECT_FALSE(got.files[0].review_due_on.has_value());
  EXPECT_TRUE(got.may_apply);
}

TEST_P(MyHardshipTest, TheWorkerAppliesAndTheFileOpensAtTheirUnion) {
  auto applied = app_->my_hardship().Apply(worker_, Application(41));
  ASSERT_OK(applied);
  EXPECT_EQ(applied->stage, "applied");
  EXPECT_EQ(applied->union_name, "甲公司工会");
  EXPECT_EQ(applied->household_size, 2);

  // The cadres see it as any file: the member as "self", the union's, the trail says who.
  auto file = app_->hardship().Get(district_cadre_, applied->id);
  ASSERT_OK(file);
  EXPECT_EQ(file->file.row.member_id, worker_.member_id);
  EXPECT_EQ(file->file.row.org_id, union_a_.id);
  EXPECT_FALSE(file->file.row.opened_by.has_value());
  ASSERT_EQ(file->household.size(), 2u);
  EXPECT_EQ(file->household[0].relation, "self");
  EXPECT_EQ(file->household[1].relation, "spouse");
  ASSERT_FALSE(file->steps.empty());
  EXPECT_NE(file->steps[0].detail.find("worker"), std::string::npos);
  auto lease = db_->Acquire();
  ASSERT_OK(lease);
  static constexpr store::Sql kAudits{
      "test.my_hardship.audits",
      "SELECT COUNT(*) FROM audit_log WHERE action = 'hardship.open' AND target_id = $1"};
  auto audits = (**lease).Query(kAudits, Params(std::to_string(applied->id)));
  ASSERT_OK(audits);
  EXPECT_EQ(audits->front().Int(0), 1);

  const auto mine = Mine();
  ASSERT_EQ(mine.files.size(), 1u);
  EXPECT_FALSE(mine.may_apply);

  // One open file per household: a second application is refused, naming no file.
  auto again = app_->my_hardship().Apply(worker_, Application(42));
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(again.error().message_key, "error.hardship.already_open");
  ASSERT_FALSE(again.error().fields.empty());
  EXPECT_EQ(again.error().fields[0].field, "member_id");
  EXPECT_EQ(again.error().fields[0].message_key, "error.hardship.already_open");
}

TEST_P(MyHardshipTest, ABadApplicationNamesItsFields) {
  auto a = Application(41);
  std::string wrong = a.household[0].id_number;  // its check digit changed
  wrong.back() = wrong.back() == '0' ? '1' : '0';
  a.household[0].id_number = wrong;
  a.household.push_back({"child", "", MakeIdNumber("110101", "20150612", 43), 0, std::nullopt});
  a.main_cause = "";
  auto bad = app_->my_hardship().Apply(worker_, a);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  std::set<std::string> fields;
  for (const auto& f : bad.error().fields) fields.insert(f.field);
  EXPECT_TRUE(fields.contains("household[0].id_number")) << testing::PrintToString(fields);
  EXPECT_TRUE(fields.contains("household[1].name")) << testing::PrintToString(fields);
  EXPECT_TRUE(fields.contains("main_cause")) << testing::PrintToString(fields);
  EXPECT_TRUE(Mine().files.empty());

  // The worker's own ID number again as a household member: the same person twice.
  auto twice = Application(41);
  twice.household[0].id_number = MakeIdNumber("110101", "19900307", 11);
  auto dup = app_->my_hardship().Apply(worker_, twice);
  ASSERT_FALSE(dup.has_value());
  EXPECT_EQ(dup.error().code, ErrorCode::kInvalidArgument);
}

TEST_P(MyHardshipTest, MyRequestShowsWhatItBecameForTheWorkersHousehold) {
  const std::int64_t request = SubmitRequest(worker_, Request("家里困难", "13912345678")).row.id;
  auto page = app_->requests().MineOne(worker_, request);
  ASSERT_OK(page);
  EXPECT_TRUE(page->became.empty());

  const std::int64_t file = OpenActive(*worker_.member_id, 201, 1, request);
  // A colleague's household opened from the same request is not the worker's to follow.
  const auto colleague = Create(staff_a_, Person(union_a_, "赵大勇", 31));
  OpenActive(colleague.row.id, 301, 1, request);
  const std::int64_t grant = Propose(file, "living");
  page = app_->requests().MineOne(worker_, request);
  ASSERT_OK(page);
  ASSERT_EQ(page->became.size(), 1u);
  EXPECT_EQ(page->became[0].kind, "hardship_file");
  EXPECT_EQ(page->became[0].stage, "active");

  ASSERT_OK(app_->aid().Approve(district_cadre_, grant));
  page = app_->requests().MineOne(worker_, request);
  ASSERT_OK(page);
  ASSERT_EQ(page->became.size(), 2u);
  EXPECT_EQ(page->became[1].kind, "aid_granted");
  EXPECT_EQ(page->became[1].aid_kind, "living");

  // Withdrawing (or rating, reopening) answers with the same timeline.
  auto withdrawn = app_->requests().WithdrawMine(worker_, request);
  ASSERT_OK(withdrawn);
  EXPECT_EQ(withdrawn->became.size(), 2u);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(MyHardshipTest);

// 有效覆盖: aid paid to a member's household marks the member served for a year; a grant
// approved but not yet paid does not.
TEST_P(MyHardshipTest, AidPaidToTheHouseholdMarksTheMemberServed) {
  const std::int64_t file = OpenActive(*worker_.member_id, 201);
  const std::int64_t living = Propose(file, "living");
  ASSERT_OK(app_->aid().Approve(district_cadre_, living));
  EXPECT_FALSE(IsServed(*db_, *worker_.member_id));
  ASSERT_OK(
      app_->aid().Pay(district_cadre_, living, {"2026-11-20", "bank_transfer", std::nullopt}));
  EXPECT_TRUE(IsServed(*db_, *worker_.member_id));
}

}  // namespace
}  // namespace zj::test
