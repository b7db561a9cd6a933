// Closing hardship files on both stores (issue 20): a closed file frees its household, so the same
// people may be opened again in a new file (the partial unique index would refuse it otherwise);
// the close is audited without its note and is a step on the trail; a second close is 409; bad
// reasons are field errors; outside the subtree it is 404. And the list's level filter.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hardship_fixture.h"

namespace zj::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class HardshipCloseTest : public HardshipTest {};

TEST_P(HardshipCloseTest, ClosingFreesTheHouseholdForANewFile) {
  LoadStandard(region_a_, 2026, kDibao);
  const auto in = ByHand(union_a_, 101, 2, 0);
  const auto file = Open(cadre_a_, in);
  const std::int64_t id = file.file.row.id;
  // While it is open, the same household is refused.
  ExpectError(app_->hardship().Open(cadre_a_, in), ErrorCode::kAlreadyExists,
              "error.hardship.already_open");

  auto closed = app_->hardship().Close(cadre_a_, id, "lifted", "本人已再就业，月收入 6000 元");
  ASSERT_OK(closed);
  EXPECT_EQ(closed->file.row.status, "closed");
  EXPECT_EQ(closed->file.row.close_reason, "lifted");
  EXPECT_TRUE(closed->file.row.closed_at.has_value());
  ASSERT_FALSE(closed->steps.empty());
  EXPECT_EQ(closed->steps.back().step, "closed");
  auto flow = app_->hardship_flow().Of(cadre_a_, id);
  ASSERT_OK(flow);
  EXPECT_EQ(flow->row.stage, "closed") << "the workflow ends with the file";
  EXPECT_TRUE(flow->offered.empty());
  EXPECT_THAT(closed->steps.back().detail, HasSubstr("再就业"));

  // The household may be opened again; the old file stays closed.
  const auto again = Open(cadre_a_, in);
  EXPECT_NE(again.file.row.id, id);
  EXPECT_EQ(again.file.row.status, "open");
  auto old = app_->hardship().Get(staff_a_, id);
  ASSERT_OK(old);
  EXPECT_EQ(old->file.row.status, "closed");

  // A closed file is not closed twice.
  ExpectError(app_->hardship().Close(cadre_a_, id, "died", ""), ErrorCode::kConflict,
              "error.hardship.closed");

  app::AuditFilter filter;
  filter.action = "hardship.close";
  auto entries = app_->audit().Search(staff_root_, filter);
  ASSERT_OK(entries);
  ASSERT_EQ(entries->entries.size(), 1u);
  EXPECT_THAT(entries->entries[0].detail, HasSubstr("lifted"));
  EXPECT_THAT(entries->entries[0].detail, Not(HasSubstr("再就业")));  // the note may be personal
}

TEST_P(HardshipCloseTest, ReasonsAreCheckedAndOtherNeedsANote) {
  LoadStandard(region_a_, 2026, kDibao);
  const std::int64_t id = Open(cadre_a_, ByHand(union_a_, 101, 1, 0)).file.row.id;
  ExpectFieldError(app_->hardship().Close(cadre_a_, id, "rich", ""), "reason",
                   "error.hardship.close_reason");
  ExpectFieldError(app_->hardship().Close(cadre_a_, id, "other", " "), "note",
                   "error.personal_data.reason");
  ExpectError(app_->hardship().Close(operator_a_, id, "lifted", ""), ErrorCode::kPermissionDenied,
              "error.hardship.forbidden");
  auto still = app_->hardship().Get(cadre_a_, id);
  ASSERT_OK(still);
  EXPECT_EQ(still->file.row.status, "open");
  ASSERT_OK(app_->hardship().Close(cadre_a_, id, "other", "户籍迁出本市"));
}

TEST_P(HardshipCloseTest, OutsideTheSubtreeClosingIsNotFoundAndChangesNothing) {
  LoadStandard(region_a_, 2026, kDibao);
  const auto in = ByHand(union_a_, 101, 1, 0);
  const std::int64_t id = Open(cadre_a_, in).file.row.id;
  ExpectError(app_->hardship().Close(staff_b_, id, "lifted", ""), ErrorCode::kNotFound,
              "error.not_found");
  auto still = app_->hardship().Get(cadre_a_, id);
  ASSERT_OK(still);
  EXPECT_EQ(still->file.row.status, "open");
  // The household is still held by the open file.
  ExpectError(app_->hardship().Open(cadre_a_, in), ErrorCode::kAlreadyExists,
              "error.hardship.already_open");
}

TEST_P(HardshipCloseTest, TheListFiltersByTheFinalLevel) {
  LoadStandard(region_a_, 2026, kDibao);
  const std::int64_t deep = Open(cadre_a_, ByHand(union_a_, 101, 1, 0)).file.row.id;
  const std::int64_t changed = Open(cadre_a_, ByHand(union_a_, 201, 1, 0)).file.row.id;
  ASSERT_OK(app_->hardship().Override(cadre_a_, changed, "relative", "入户核查后调整"));
  app::HardshipFilter filter;
  filter.level = "relative";
  auto relative = app_->hardship().List(staff_a_, filter);
  ASSERT_OK(relative);
  ASSERT_EQ(relative->items.size(), 1u);
  EXPECT_EQ(relative->items[0].row.id, changed);
  filter.level = "deep";
  auto deeps = app_->hardship().List(staff_a_, filter);
  ASSERT_OK(deeps);
  ASSERT_EQ(deeps->items.size(), 1u);
  EXPECT_EQ(deeps->items[0].row.id, deep);
  filter.level = "rich";
  ExpectFieldError(app_->hardship().List(staff_a_, filter), "level", "error.hardship.level");
}

ZJ_INSTANTIATE_ON_BOTH_STORES(HardshipCloseTest);

}  // namespace
}  // namespace zj::test
