// The hardship workflow's job on both stores (issue 20 slice 3): the yearly spot-check draw —
// the federation's share of its active files, drawn once a year however often the job runs,
// shown on the workbench and in the list, offered as a step only on a drawn file — and the
// erasure of a closed file once its retention years are over: the household and the trail's
// notes gone, a tombstone and an audit entry left, and nothing erased a day early.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hardship_active.h"
#include "hardship_fixture.h"
#include "store/hardship_flow.h"

namespace zj::test {
namespace {

using ::testing::Contains;
using ::testing::Not;

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

class HardshipSweepTest : public HardshipTest {
 protected:
  std::int64_t CardCount(const app::Actor& actor, const std::string& id) {
    auto cards = app_->workbench().Of(actor);
    EXPECT_TRUE(cards.has_value());
    for (const auto& c : *cards) {
      if (c.id == id) return c.count.value_or(-1);
    }
    return -1;
  }
  //! Entries of `action` in the log (the system's entries belong to no org's subtree).
  std::int64_t AuditCount(const std::string& action) {
    static constexpr store::Sql kCount{"test.hardship_sweep.audit_count",
                                       "SELECT COUNT(*) FROM audit_log WHERE action = $1"};
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto rows = (**lease).Query(kCount, Params(action));
    EXPECT_TRUE(rows.has_value());
    return rows ? rows->front().Int(0) : -1;
  }
};

TEST_P(HardshipSweepTest, TheYearsSpotChecksAreDrawnOnceAndOfferedOnlyOnDrawnFiles) {
  LoadStandard(region_a_, 2026, kDibao);
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 4; ++i) {
    ids.push_back(Open(cadre_a_, ByHand(union_a_, 300 + i * 10, 1, 0)).file.row.id);
    ActivateHardshipFile(*db_, ids.back());
  }
  // The default rule draws 30 % of the active files, rounded up: 2 of 4.
  auto first = app_->hardship_sweep().Run();
  ASSERT_OK(first);
  EXPECT_EQ(first->drawn, 2);
  auto again = app_->hardship_sweep().Run();
  ASSERT_OK(again);
  EXPECT_EQ(again->drawn, 0) << "one draw a year";
  EXPECT_EQ(AuditCount("hardship.spot_draw"), 1);

  EXPECT_EQ(CardCount(staff_a_, "hardship_spot_checks"), 2);
  EXPECT_EQ(CardCount(staff_b_, "hardship_spot_checks"), 0);
  app::HardshipFilter spot;
  spot.spot_check_due = true;
  auto listed = app_->hardship().List(staff_a_, spot);
  ASSERT_OK(listed);
  ASSERT_EQ(listed->items.size(), 2u);
  const std::int64_t drawn = listed->items[0].row.id;
  std::int64_t not_drawn = 0;
  for (const std::int64_t id : ids) {
    if (id != listed->items[0].row.id && id != listed->items[1].row.id) not_drawn = id;
  }
  auto drawn_flow = app_->hardship_flow().Of(cadre_a_, drawn);
  ASSERT_OK(drawn_flow);
  EXPECT_TRUE(drawn_flow->row.spot_check_due);
  EXPECT_THAT(drawn_flow->offered, Contains("spot_check"));
  auto other_flow = app_->hardship_flow().Of(cadre_a_, not_drawn);
  ASSERT_OK(other_flow);
  EXPECT_THAT(other_flow->offered, Not(Contains("spot_check")));

  app::FlowStepInput check;
  check.step = "spot_check";
  check.note = "入户核实，情况属实";
  ExpectError(app_->hardship_flow().Take(cadre_a_, not_drawn, check), ErrorCode::kConflict,
              "error.hardship.step_not_allowed");
  ExpectError(app_->hardship_flow().Take(staff_b_, drawn, check), ErrorCode::kNotFound,
              "error.not_found");
  auto checked = app_->hardship_flow().Take(cadre_a_, drawn, check);
  ASSERT_OK(checked);
  EXPECT_FALSE(checked->row.spot_check_due);
  EXPECT_EQ(checked->row.stage, "active");
  EXPECT_EQ(CardCount(staff_a_, "hardship_spot_checks"), 1);
  ExpectError(app_->hardship_flow().Take(cadre_a_, drawn, check), ErrorCode::kConflict,
              "error.hardship.step_not_allowed");
}

TEST_P(HardshipSweepTest, AClosedFileIsErasedWhenItsRetentionYearsAreOverAndNotADayEarlier) {
  LoadStandard(region_a_, 2026, kDibao);
  const std::int64_t id = Open(cadre_a_, ByHand(union_a_, 500, 2, 0)).file.row.id;
  ASSERT_OK(app_->hardship_bank_cards().Set(cadre_a_, id, "中国工商银行", "6222020200112233"));
  ASSERT_OK(app_->hardship().Close(cadre_a_, id, "lifted", "本人已再就业"));
  const std::int64_t closed_at = clock_.NowMs();

  // Ten years on (the default rule) less a day: kept.
  clock_.Set(closed_at + (3652 - 1) * kDayMs);
  auto early = app_->hardship_sweep().Run();
  ASSERT_OK(early);
  EXPECT_EQ(early->erased, 0);
  auto kept = app_->hardship().Get(staff_a_, id);
  ASSERT_OK(kept);
  EXPECT_EQ(kept->household.size(), 2u);

  clock_.Set(closed_at + 3653 * kDayMs);
  auto swept = app_->hardship_sweep().Run();
  ASSERT_OK(swept);
  EXPECT_EQ(swept->erased, 1);
  auto tombstone = app_->hardship().Get(staff_a_, id);
  ASSERT_OK(tombstone);
  EXPECT_TRUE(tombstone->household.empty());
  EXPECT_TRUE(tombstone->expenses.empty());
  EXPECT_EQ(tombstone->file.head_name_masked, "");
  EXPECT_FALSE(tombstone->file.row.member_id.has_value());
  EXPECT_EQ(tombstone->file.row.stage, "erased");
  EXPECT_EQ(tombstone->file.row.level_final, kept->file.row.level_final) << "the figures stay";
  for (const auto& step : tombstone->steps) EXPECT_EQ(step.detail, "{}") << step.step;
  auto card = app_->hardship_bank_cards().Of(staff_a_, id);
  ASSERT_OK(card);
  EXPECT_FALSE(card->has_value()) << "the bank card goes with the household";
  auto flow = app_->hardship_flow().Of(staff_a_, id);
  ASSERT_OK(flow);
  EXPECT_EQ(flow->row.stage, "erased");
  EXPECT_EQ(AuditCount("hardship.erase"), 1);
  // Erased once: a later run finds nothing more to do.
  auto later = app_->hardship_sweep().Run();
  ASSERT_OK(later);
  EXPECT_EQ(later->erased, 0);
  EXPECT_EQ(AuditCount("hardship.erase"), 1);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(HardshipSweepTest);

}  // namespace
}  // namespace zj::test
