// Aid grants on both stores: the life of a grant (proposed with the rule's amount, approved with
// the budget's committed counter, paid with its paid counter and a payment row, each step
// audited); the approval chain (a grassroots cadre cannot approve what needs the street, the
// street what needs the district; each level's queue); no double aid across districts (a file
// closed in district A with a grant, a new file in district B with one of its people: refused
// as "already granted in period P", the other grant named only to someone who sees it; a
// refusal frees the period); a budget exceeded (409 naming what remains); the rule's cap; files
// not eligible; 404 outside the subtree on every use case; rules loaded by administrators only;
// the workbench card counting each level's queue.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "aid_fixture.h"

namespace zj::test {
namespace {

TEST_P(AidTest, ProposedApprovedPaidWithTheBudgetsCounters) {
  const auto file = OpenFile(cadre_a_, union_a_, 101, 2);
  const auto proposed = Propose(union_cadre_, file.file.row.id, "living");
  const auto& g = proposed.grant.row;
  EXPECT_EQ(g.amount_fen, kLiving);
  EXPECT_EQ(g.status, "proposed");
  EXPECT_EQ(g.approver_level, "district");  // ¥14,500 is above the street's ¥10,000
  EXPECT_EQ(g.budget_org_id, district_a_.id);
  EXPECT_EQ(g.rule_text, "aid.rule.months_of_dibao");
  EXPECT_EQ(Budget(district_a_, "living").committed_fen, 0);

  auto approved = app_->aid().Approve(cadre_a_, g.id);
  ASSERT_OK(approved);
  EXPECT_EQ(approved->grant.row.status, "approved");
  EXPECT_EQ(approved->grant.row.decided_by, cadre_a_.user_id);
  EXPECT_EQ(Budget(district_a_, "living").committed_fen, kLiving);
  EXPECT_EQ(Budget(district_a_, "living").paid_fen, 0);
  // Decided once.
  ExpectError(app_->aid().Approve(cadre_a_, g.id), ErrorCode::kConflict, "error.aid.not_proposed");

  // The grassroots union sees the grant but does not pay from the district's budget.
  ExpectError(app_->aid().Pay(union_cadre_, g.id, {"2026-03-02", "bank_transfer", std::nullopt}),
              ErrorCode::kPermissionDenied, "error.aid.pay_forbidden");
  ExpectFieldError(app_->aid().Pay(cadre_a_, g.id, {"2026-02-30", "cash", std::nullopt}), "paid_on",
                   "error.aid.paid_on");
  auto paid = app_->aid().Pay(cadre_a_, g.id, {"2026-03-02", "bank_transfer", "B-2026-03"});
  ASSERT_OK(paid);
  EXPECT_EQ(paid->grant.row.status, "paid");
  ASSERT_EQ(paid->payments.size(), 1u);
  EXPECT_EQ(paid->payments[0].amount_fen, kLiving);
  EXPECT_EQ(paid->payments[0].batch_id, "B-2026-03");
  EXPECT_EQ(Budget(district_a_, "living").committed_fen, kLiving);
  EXPECT_EQ(Budget(district_a_, "living").paid_fen, kLiving);
  ExpectError(app_->aid().Pay(cadre_a_, g.id, {"2026-03-02", "cash", std::nullopt}),
              ErrorCode::kConflict, "error.aid.not_approved");
  for (const char* action : {"aid.propose", "aid.approve", "aid.pay"}) {
    EXPECT_EQ(AuditCount(action, g.id), 1) << action;
  }
}

TEST_P(AidTest, EachLevelApprovesUpToItsLimitAndHasItsQueue) {
  const auto file = OpenFile(cadre_a_, union_a_, 201);
  // ¥3,000: above the grassroots' ¥2,000, the street's to decide.
  const auto street = Propose(union_cadre_, file.file.row.id, "living", 300000).grant.row;
  EXPECT_EQ(street.approver_level, "street");
  const auto small = OpenFile(cadre_a_, union_a_, 202);
  // Exactly at the grassroots' limit: its own.
  const auto own = Propose(union_cadre_, small.file.row.id, "living", 200000).grant.row;
  EXPECT_EQ(own.approver_level, "grassroots");
  const auto big = OpenFile(cadre_a_, union_a_, 203);
  const auto district = Propose(union_cadre_, big.file.row.id, "living").grant.row;
  EXPECT_EQ(district.approver_level, "district");

  auto queue = [&](const app::Actor& actor) {
    app::AidFilter f;
    f.to_decide = true;
    auto page = app_->aid().List(actor, f);
    EXPECT_TRUE(page.has_value());
    std::vector<std::int64_t> ids;
    if (page) {
      for (const auto& v : page->items) ids.push_back(v.row.id);
    }
    return ids;
  };
  EXPECT_THAT(queue(union_cadre_), ::testing::ElementsAre(own.id));
  EXPECT_THAT(queue(street_cadre_), ::testing::ElementsAre(street.id));
  EXPECT_THAT(queue(cadre_a_), ::testing::ElementsAre(district.id));
  EXPECT_TRUE(queue(cadre_b_).empty());
  // The workbench's card counts each level's queue.
  auto card = [&](const app::Actor& actor) -> std::optional<std::int64_t> {
    auto cards = app_->workbench().Of(actor);
    EXPECT_TRUE(cards.has_value());
    if (cards) {
      for (const auto& c : *cards) {
        if (c.id == "aid_grants_to_decide") return c.count;
      }
    }
    return std::nullopt;
  };
  EXPECT_EQ(card(union_cadre_), 1);
  EXPECT_EQ(card(street_cadre_), 1);
  EXPECT_EQ(card(cadre_a_), 1);
  EXPECT_EQ(card(cadre_b_), 0);
  EXPECT_EQ(card(admin_), 3);

  const auto low = app_->aid().Approve(union_cadre_, street.id);
  ExpectError(low, ErrorCode::kPermissionDenied, "error.aid.level_too_low");
  ASSERT_FALSE(low.has_value());
  EXPECT_THAT(low.error().args,
              ::testing::Contains(std::pair<std::string, std::string>("level", "street")));
  ExpectError(app_->aid().Approve(street_cadre_, district.id), ErrorCode::kPermissionDenied,
              "error.aid.level_too_low");
  ExpectError(app_->aid().Refuse(union_cadre_, district.id, "材料不全"),
              ErrorCode::kPermissionDenied, "error.aid.level_too_low");
  ASSERT_OK(app_->aid().Approve(union_cadre_, own.id));
  ASSERT_OK(app_->aid().Approve(street_cadre_, street.id));
  ASSERT_OK(app_->aid().Approve(cadre_a_, district.id));
  EXPECT_EQ(Budget(district_a_, "living").committed_fen, 200000 + 300000 + kLiving);
}

TEST_P(AidTest, NoDoubleAidAcrossDistricts) {
  // District A: a file with a grant for 2026, then closed (the household moved).
  const auto in_a = OpenFile(cadre_a_, union_a_, 301, 2);
  const auto first = Propose(cadre_a_, in_a.file.row.id, "living").grant.row;
  ASSERT_OK(app_->aid().Approve(cadre_a_, first.id));
  {
    static constexpr store::Sql kClose{"test.aid.close_file",
                                       "UPDATE hardship_files SET status = 'closed' WHERE id = $1"};
    static constexpr store::Sql kFree{"test.aid.free_people",
                                      "UPDATE household_members SET file_open = 0"
                                      " WHERE file_id = $1"};
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    ASSERT_OK((**lease).Execute(kClose, Params(in_a.file.row.id)));
    ASSERT_OK((**lease).Execute(kFree, Params(in_a.file.row.id)));
  }
  // District B: a new household with the child of A's (sequence 302) and someone new.
  app::NewHardshipFile f;
  f.org_id = union_b_.id;
  f.year = 2026;
  f.main_cause = "illness";
  f.household.push_back({"self", "李红", MakeIdNumber("110101", "19900101", 399), 0, std::nullopt});
  f.household.push_back(
      {"child", "王小明", MakeIdNumber("110101", "19850612", 302), 0, std::nullopt});
  auto in_b = app_->hardship().Open(cadre_b_, f);
  ASSERT_OK(in_b);
  ActivateHardshipFile(*db_, in_b->file.row.id);
  const std::int64_t file_b = in_b->file.row.id;

  const auto refused = app_->aid().Propose(cadre_b_, {file_b, "living", "2026", {}, 0, 0});
  ExpectError(refused, ErrorCode::kAlreadyExists, "error.aid.already_granted");
  ASSERT_FALSE(refused.has_value());
  EXPECT_THAT(refused.error().args,
              ::testing::Contains(std::pair<std::string, std::string>("period", "2026")));
  // B does not see A's grant: not named.
  for (const auto& [k, v] : refused.error().args) EXPECT_NE(k, "aid_grant.id");
  // Someone above both is told which grant it is.
  const auto named = app_->aid().Propose(admin_, {file_b, "living", "2026", {}, 0, 0});
  ASSERT_FALSE(named.has_value());
  EXPECT_THAT(named.error().args, ::testing::Contains(std::pair<std::string, std::string>(
                                      "aid_grant.id", std::to_string(first.id))));
  // Another kind in the same period is another slot; nothing of the refused try was kept.
  ASSERT_OK(app_->aid().Propose(cadre_b_, {file_b, "festival", "2026", {}, 0, 0}));
  app::AidFilter all;
  auto listed = app_->aid().List(cadre_b_, all);
  ASSERT_OK(listed);
  EXPECT_EQ(listed->items.size(), 1u);
}

TEST_P(AidTest, ARefusalFreesThePeriod) {
  const auto file = OpenFile(cadre_a_, union_a_, 401);
  const auto first = Propose(union_cadre_, file.file.row.id, "living").grant.row;
  ExpectError(app_->aid().Propose(union_cadre_, {file.file.row.id, "living", "2026", {}, 0, 0}),
              ErrorCode::kAlreadyExists, "error.aid.already_granted");
  ExpectFieldError(app_->aid().Refuse(cadre_a_, first.id, ""), "reason",
                   "error.personal_data.reason");
  auto refused = app_->aid().Refuse(cadre_a_, first.id, "已享受民政临时救助");
  ASSERT_OK(refused);
  EXPECT_EQ(refused->grant.row.status, "refused");
  EXPECT_EQ(refused->grant.row.refuse_reason, "已享受民政临时救助");
  EXPECT_EQ(AuditCount("aid.refuse", first.id), 1);
  EXPECT_EQ(Budget(district_a_, "living").committed_fen, 0);
  Propose(union_cadre_, file.file.row.id, "living");
}

TEST_P(AidTest, ABudgetExceededIsRefusedNamingWhatRemains) {
  ASSERT_OK(app_->aid_rules().LoadBudget(admin_, {district_a_.id, 2026, "living", 2'000'000}));
  const auto one = OpenFile(cadre_a_, union_a_, 501);
  const auto two = OpenFile(cadre_a_, union_a_, 502);
  const auto first = Propose(cadre_a_, one.file.row.id, "living").grant.row;
  const auto second = Propose(cadre_a_, two.file.row.id, "living").grant.row;
  ASSERT_OK(app_->aid().Approve(cadre_a_, first.id));
  const auto over = app_->aid().Approve(cadre_a_, second.id);
  ExpectError(over, ErrorCode::kConflict, "error.aid.over_budget");
  ASSERT_FALSE(over.has_value());
  EXPECT_THAT(over.error().args, ::testing::Contains(std::pair<std::string, std::string>(
                                     "remaining_fen", std::to_string(2'000'000 - kLiving))));
  EXPECT_EQ(Budget(district_a_, "living").committed_fen, kLiving);
  // The budget cannot be cut below what is committed; raised, the grant goes through.
  ExpectFieldError(app_->aid_rules().LoadBudget(admin_, {district_a_.id, 2026, "living", 100}),
                   "amount_fen", "error.aid.budget_below_committed");
  ASSERT_OK(app_->aid_rules().LoadBudget(admin_, {district_a_.id, 2026, "living", 3'000'000}));
  ASSERT_OK(app_->aid().Approve(cadre_a_, second.id));
  EXPECT_EQ(Budget(district_a_, "living").committed_fen, 2 * kLiving);
}

TEST_P(AidTest, TheRulesCapAndTheFilesEligibility) {
  const auto file = OpenFile(cadre_a_, union_a_, 601);
  auto above =
      app_->aid().Propose(cadre_a_, {file.file.row.id, "living", "2026", kLiving + 1, 0, 0});
  ExpectFieldError(above, "amount_fen", "error.aid.above_cap");
  ASSERT_FALSE(above.has_value());
  EXPECT_EQ(above.error().fields.at(0).args.at(0).second, "14,500.00");
  ExpectFieldError(app_->aid().Propose(cadre_a_, {file.file.row.id, "living", "2026-03", {}, 0, 0}),
                   "period", "error.aid.period_year");
  ExpectError(app_->aid().Propose(cadre_a_, {file.file.row.id, "medical", "2026", {}, 0, 0}),
              ErrorCode::kUnprocessable, "error.aid.no_rule");
  // A file whose level is none gets nothing.
  ASSERT_OK(app_->hardship().Override(cadre_a_, file.file.row.id, "none", "入户核查收入已超标"));
  ExpectError(app_->aid().Propose(cadre_a_, {file.file.row.id, "living", "2026", {}, 0, 0}),
              ErrorCode::kConflict, "error.aid.file_not_eligible");
}

TEST_P(AidTest, OutsideTheSubtreeIsNotFound) {
  const auto file = OpenFile(cadre_a_, union_a_, 701);
  const auto g = Propose(cadre_a_, file.file.row.id, "living").grant.row;
  ExpectError(app_->aid().Propose(cadre_b_, {file.file.row.id, "festival", "2026", {}, 0, 0}),
              ErrorCode::kNotFound, "error.not_found");
  ExpectError(app_->aid().Get(cadre_b_, g.id), ErrorCode::kNotFound, "error.not_found");
  ExpectError(app_->aid().Approve(cadre_b_, g.id), ErrorCode::kNotFound, "error.not_found");
  ExpectError(app_->aid().Refuse(cadre_b_, g.id, "不符合条件"), ErrorCode::kNotFound,
              "error.not_found");
  ExpectError(app_->aid().Pay(cadre_b_, g.id, {"2026-03-02", "cash", std::nullopt}),
              ErrorCode::kNotFound, "error.not_found");
  auto listed = app_->aid().List(cadre_b_, app::AidFilter{});
  ASSERT_OK(listed);
  EXPECT_TRUE(listed->items.empty());
  // Rules: administrators load them; no one loads one for an org they cannot see.
  ExpectError(app_->aid_rules().LoadBudget(cadre_a_, {district_a_.id, 2026, "living", 1}),
              ErrorCode::kPermissionDenied, "error.aid.rules_forbidden");
  auto rules = app_->aid_rules().Rules(cadre_b_);
  ASSERT_OK(rules);
  EXPECT_TRUE(rules->empty());  // the federation's rules lie at the root, above district B
  auto budgets = app_->aid_rules().Budgets(cadre_b_);
  ASSERT_OK(budgets);
  for (const auto& b : *budgets) EXPECT_EQ(b.org_id, district_b_.id);
}

TEST_P(AidTest, OnlyAFileApprovedThroughItsWorkflowReceivesAid) {
  app::NewHardshipFile f;
  f.org_id = union_a_.id;
  f.year = 2026;
  f.main_cause = "illness";
  f.household.push_back(
      {"self", "王秀英", MakeIdNumber("110101", "19850612", 901), 0, std::nullopt});
  auto applied = app_->hardship().Open(cadre_a_, f);
  ASSERT_OK(applied);
  const auto refused =
      app_->aid().Propose(cadre_a_, {applied->file.row.id, "living", "2026", {}, 0, 0});
  ExpectError(refused, ErrorCode::kConflict, "error.aid.file_not_active");
  ActivateHardshipFile(*db_, applied->file.row.id);
  EXPECT_TRUE(app_->aid().Propose(cadre_a_, {applied->file.row.id, "living", "2026", {}, 0, 0}));
}

ZJ_INSTANTIATE_ON_BOTH_STORES(AidTest);

}  // namespace
}  // namespace zj::test
