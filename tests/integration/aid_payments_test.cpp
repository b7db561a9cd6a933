// The finance office's side of aid on both stores (issue 20): the payment list of approved
// grants not yet paid, as an XLSX workbook with the household head's full name and a masked ID,
// only with a reason and audited, only the caller's subtree; then one round's payments recorded
// as a batch, each grant's outcome reported (one decided meanwhile does not undo the others).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "aid_fixture.h"
#include "app/imports/table_stream.h"

namespace zj::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class AidPaymentsTest : public AidTest {
 protected:
  std::vector<std::vector<std::string>> Rows(const std::string& bytes) {
    std::vector<std::vector<std::string>> out;
    auto table = app::OpenTableBytes(bytes);
    EXPECT_TRUE(table.has_value());
    if (!table) return out;
    app::TableRow row;
    for (;;) {
      auto more = (*table)->Next(row);
      EXPECT_TRUE(more.has_value());
      if (!more || !*more) break;
      out.push_back(row.cells);
    }
    return out;
  }
};

TEST_P(AidPaymentsTest, TheListHoldsTheApprovedUnpaidGrantsOfTheSubtreeAndIsAudited) {
  const auto a1 = OpenFile(cadre_a_, union_a_, 101);
  const auto a2 = OpenFile(cadre_a_, union_a_, 111);
  const auto b1 = OpenFile(cadre_b_, union_b_, 121);
  const auto g1 = Propose(union_cadre_, a1.file.row.id, "festival");
  const auto g2 = Propose(union_cadre_, a2.file.row.id, "festival");
  const auto g3 = Propose(cadre_b_, b1.file.row.id, "festival");
  for (const auto* g : {&g1, &g2}) ASSERT_OK(app_->aid().Approve(cadre_a_, g->grant.row.id));
  ASSERT_OK(app_->hardship_bank_cards().Set(cadre_a_, a1.file.row.id, "中国工商银行东城支行",
                                            "6222 0202 0011 2233 445"));
  ASSERT_OK(app_->aid().Approve(cadre_b_, g3.grant.row.id));

  ExpectFieldError(app_->aid_payment_list().Workbook(cadre_a_, "", ""), "reason",
                   "error.personal_data.reason");
  ExpectFieldError(app_->aid_payment_list().Workbook(cadre_a_, "gold", "发放"), "kind",
                   "error.aid.kind");
  auto bytes = app_->aid_payment_list().Workbook(cadre_a_, "festival", "十二月送温暖发放");
  ASSERT_OK(bytes);
  const auto rows = Rows(*bytes);
  ASSERT_EQ(rows.size(), 3u) << "the header and district A's two grants";
  EXPECT_EQ(rows[0][3], "户主姓名");
  // Newest grant first: g2's file has no card, g1's has.
  EXPECT_EQ(rows[1][5], "");
  EXPECT_EQ(rows[2][5], "中国工商银行东城支行");
  EXPECT_EQ(rows[2][6], "6222020200112233445") << "in full, for the transfer";
  std::vector<std::string> ids;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    ids.push_back(rows[i][1]);
    EXPECT_EQ(rows[i][3], "王秀英") << "the full name, for the transfer";
    EXPECT_THAT(rows[i][4], HasSubstr("****")) << "the ID number masked";
    EXPECT_EQ(rows[i][7], "送温暖");
    EXPECT_EQ(rows[i][9], "500.00");
  }
  EXPECT_THAT(ids, ElementsAre(std::to_string(g2.grant.row.id), std::to_string(g1.grant.row.id)));
  app::AuditFilter filter;
  filter.action = "aid.payment_list";
  auto entries = app_->audit().Search(staff_root_, filter);
  ASSERT_OK(entries);
  ASSERT_EQ(entries->entries.size(), 1u);
  EXPECT_THAT(entries->entries[0].detail, HasSubstr("十二月送温暖发放"));
  EXPECT_THAT(entries->entries[0].detail, HasSubstr("\"rows\":\"2\""));

  // The batch: g1 paid before by someone else, g2 paid now; district B's grant is not ours.
  ASSERT_OK(app_->aid().Pay(cadre_a_, g1.grant.row.id, {"2026-11-20", "cash", std::nullopt}));
  ExpectFieldError(app_->aid_payment_list().PayBatch(cadre_a_, {}, {"2026-11-24", "cash", {}}),
                   "grant_ids", "error.aid.batch");
  ExpectFieldError(app_->aid_payment_list().PayBatch(cadre_a_, {g2.grant.row.id, g2.grant.row.id},
                                                     {"2026-11-24", "cash", {}}),
                   "grant_ids", "error.aid.batch");
  ExpectFieldError(
      app_->aid_payment_list().PayBatch(cadre_a_, {g2.grant.row.id}, {"2099-01-01", "cash", {}}),
      "paid_on", "error.aid.paid_on_future");
  auto batch = app_->aid_payment_list().PayBatch(
      cadre_a_, {g1.grant.row.id, g2.grant.row.id, g3.grant.row.id},
      {"2026-11-24", "bank_transfer", std::string("B-2026-12")});
  ASSERT_OK(batch);
  ASSERT_EQ(batch->size(), 3u);
  ASSERT_TRUE((*batch)[0].error.has_value());
  EXPECT_EQ((*batch)[0].error->message_key, "error.aid.not_approved");
  EXPECT_FALSE((*batch)[1].error.has_value());
  ASSERT_TRUE((*batch)[2].error.has_value());
  EXPECT_EQ((*batch)[2].error->code, ErrorCode::kNotFound);
  auto g2_now = app_->aid().Get(cadre_a_, g2.grant.row.id);
  ASSERT_OK(g2_now);
  EXPECT_EQ(g2_now->grant.row.status, "paid");
  ASSERT_EQ(g2_now->payments.size(), 1u);
  EXPECT_EQ(g2_now->payments[0].batch_id, "B-2026-12");
  // Paid grants leave the list.
  auto after = app_->aid_payment_list().Workbook(cadre_a_, "", "核对");
  ASSERT_OK(after);
  EXPECT_EQ(Rows(*after).size(), 1u) << "the header only";
}

ZJ_INSTANTIATE_ON_BOTH_STORES(AidPaymentsTest);

}  // namespace
}  // namespace zj::test
