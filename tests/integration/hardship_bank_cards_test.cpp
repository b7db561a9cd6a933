// A hardship file's bank card on both stores (issue 20): recorded sealed and shown masked, the
// number never in the audit log nor in the table in clear, revealed in full only with a reason
// (audited), replaced by a second card, refused for bad input with field errors, for a closed
// file with 409, and outside the subtree with 404.
#include "store/hardship_bank_cards.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hardship_fixture.h"

namespace zj::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class HardshipBankCardsTest : public HardshipTest {};

TEST_P(HardshipBankCardsTest, RecordedSealedShownMaskedRevealedWithAReason) {
  LoadStandard(region_a_, 2026, kDibao);
  const std::int64_t id = Open(cadre_a_, ByHand(union_a_, 601, 1, 0)).file.row.id;
  auto& cards = app_->hardship_bank_cards();
  auto none = cards.Of(cadre_a_, id);
  ASSERT_OK(none);
  EXPECT_FALSE(none->has_value());

  ExpectFieldError(cards.Set(cadre_a_, id, "工行", "6222 0202 ABCD 3344"), "card_number",
                   "error.hardship.bank_card");
  ExpectFieldError(cards.Set(cadre_a_, id, "工行", "62220202"), "card_number",
                   "error.hardship.bank_card");
  ExpectFieldError(cards.Set(cadre_a_, id, "", "6222020200112233"), "bank_name",
                   "error.hardship.bank_name");
  auto set = cards.Set(cadre_a_, id, "中国工商银行", "６２２２-０２０２-００１１-２２３３");
  ASSERT_OK(set);
  EXPECT_EQ(set->card_masked, "**** **** **** 2233");
  ExpectError(cards.Set(staff_b_, id, "中国工商银行", "6222020200112233"), ErrorCode::kNotFound,
              "error.not_found");
  ExpectError(cards.Of(staff_b_, id), ErrorCode::kNotFound, "error.not_found");

  // Sealed in the table: the digits appear nowhere in clear.
  {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    auto row = store::FindBankCard(**lease, id);
    ASSERT_OK(row);
    ASSERT_TRUE(row->has_value());
    const std::string stored((*row)->card_cipher.begin(), (*row)->card_cipher.end());
    EXPECT_THAT(stored, Not(HasSubstr("6222020200112233")));
    EXPECT_EQ((*row)->card_last4, "2233");
  }
  ExpectFieldError(cards.Reveal(cadre_a_, id, ""), "reason", "error.personal_data.reason");
  ExpectError(cards.Reveal(staff_b_, id, "核对账户"), ErrorCode::kNotFound, "error.not_found");
  auto full = cards.Reveal(cadre_a_, id, "核对发放账户");
  ASSERT_OK(full);
  EXPECT_EQ(*full, "6222020200112233");

  // A second card replaces the first.
  ASSERT_OK(cards.Set(cadre_a_, id, "中国建设银行", "6217000010001234567"));
  auto now = cards.Of(cadre_a_, id);
  ASSERT_OK(now);
  ASSERT_TRUE(now->has_value());
  EXPECT_EQ((*now)->bank_name, "中国建设银行");
  EXPECT_EQ((*now)->card_masked, "**** **** **** 4567");

  app::AuditFilter filter;
  filter.target_type = "hardship_file";
  auto entries = app_->audit().Search(staff_root_, filter);
  ASSERT_OK(entries);
  int recorded = 0, revealed = 0;
  for (const auto& e : entries->entries) {
    EXPECT_THAT(e.detail, Not(HasSubstr("0202"))) << e.action;
    EXPECT_THAT(e.detail, Not(HasSubstr("1234567"))) << e.action;
    if (e.action == "hardship.bank_card") ++recorded;
    if (e.action == "personal_data.reveal" && e.detail.find("bank_card") != std::string::npos) {
      ++revealed;
    }
  }
  EXPECT_EQ(recorded, 2);
  EXPECT_EQ(revealed, 1);

  ASSERT_OK(app_->hardship().Close(cadre_a_, id, "lifted", ""));
  ExpectError(cards.Set(cadre_a_, id, "中国建设银行", "6217000010001234567"), ErrorCode::kConflict,
              "error.hardship.closed");
}

ZJ_INSTANTIATE_ON_BOTH_STORES(HardshipBankCardsTest);

}  // namespace
}  // namespace zj::test
