// The workbench's "transfers to decide" and "imports running" read the partial indexes of
// migration 0023 on both stores, and "aid to decide" the queue index of 0027, so their cost
// follows the open rows, not the history. Checked
// on the query plans the backends choose (PostgreSQL with sequential scans priced out, as its
// planner rightly prefers them on a test's few rows), for every pending-transfer box.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app_fixture.h"
#include "store/hardship_flow.h"
#include "store/members.h"
#include "store/workbench_counts.h"

namespace zj::test {
namespace {

class OpenWorkPlansTest : public AppTest {
 protected:
  // The plan the backend chooses for `sql` with `params`, its lines joined.
  std::string PlanOf(const store::Sql& sql, const std::vector<store::Value>& params) {
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    if (!lease) return "";
    const bool pg = GetParam() == store::Backend::kPostgres;
    if (pg) {
      EXPECT_TRUE((*lease)->ExecScript("SET enable_seqscan = off").has_value());
    }
    const std::string name = "test.plan." + std::string(sql.name);
    const std::string text = (pg ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + std::string(sql.text);
    auto rows = (*lease)->Query(store::Sql{name, text}, params);
    EXPECT_TRUE(rows.has_value()) << (rows ? "" : Describe(rows.error()));
    std::string plan;
    if (rows) {
      for (const auto& row : *rows) plan += row.Text(pg ? 0 : row.size() - 1) + "\n";
    }
    if (pg) {
      EXPECT_TRUE((*lease)->ExecScript("RESET enable_seqscan").has_value());
    }
    return plan;
  }
};

// The transfers are read through an index of pending ones only (the new path ones; PostgreSQL
// may take the older one-pending-per-member index, as pending-only too), never through an
// index or scan of all transfers.
void ExpectOnlyPendingTransfersRead(const std::string& plan) {
  EXPECT_TRUE(plan.find("member_transfers_pending_") != std::string::npos ||
              plan.find("member_transfers_one_pending") != std::string::npos)
      << plan;
  for (const char* all :
       {"member_transfers_from ", "member_transfers_to ", "member_transfers_member",
        "member_transfers_pkey", "Seq Scan on member_transfers", "SCAN t"}) {
    EXPECT_EQ(plan.find(all), std::string::npos) << all << "\n" << plan;
  }
}

TEST_P(OpenWorkPlansTest, PendingTransferBoxesReadOnlyPendingTransfers) {
  const std::vector<store::Value> params{std::string("/1/"), std::string("/10"), std::int64_t{0},
                                         std::int64_t{51}};
  for (const auto box : {store::TransferBox::kIncoming, store::TransferBox::kOutgoing,
                         store::TransferBox::kDecidable}) {
    SCOPED_TRACE(static_cast<int>(box));
    ExpectOnlyPendingTransfersRead(PlanOf(store::PendingTransfersStatement(box), params));
  }
}

TEST_P(OpenWorkPlansTest, RunningImportsAreCountedFromTheRunningOnes) {
  const std::string plan =
      PlanOf(store::RunningImportsStatement(), {std::string("/1/"), std::string("/10")});
  EXPECT_NE(plan.find("member_imports_running"), std::string::npos) << plan;
}

TEST_P(OpenWorkPlansTest, AidToDecideIsCountedFromTheQueueIndex) {
  const std::string plan = PlanOf(store::AidToDecideStatement(),
                                  {std::string("/1/"), std::string("/10"), std::string("street")});
  EXPECT_NE(plan.find("aid_grants_queue"), std::string::npos) << plan;
}

// The hardship cards (migration 0048): files waiting for a first check through (stage,
// org_path), reviews due through the active files' review day, spot checks through 0032's index;
// never the index of every file of the subtree (what cost 60-85 ms at 50,000 files).
TEST_P(OpenWorkPlansTest, HardshipQueuesAreCountedFromTheirOwnIndexes) {
  const std::string low("/1/"), high("/10");
  const std::string applied = PlanOf(store::HardshipQueueStatement(store::HardshipQueue::kAtStage),
                                     {low, high, std::string("applied")});
  EXPECT_NE(applied.find("hardship_flows_queue"), std::string::npos) << applied;
  const std::string reviews =
      PlanOf(store::HardshipQueueStatement(store::HardshipQueue::kReviewsDue),
             {low, high, std::string("2026-12-31")});
  EXPECT_NE(reviews.find("hardship_flows_reviews"), std::string::npos) << reviews;
  const std::string spot =
      PlanOf(store::HardshipQueueStatement(store::HardshipQueue::kSpotChecks), {low, high});
  EXPECT_NE(spot.find("hardship_flows_spot_check"), std::string::npos) << spot;
}

}  // namespace

ZJ_INSTANTIATE_ON_BOTH_STORES(OpenWorkPlansTest);

}  // namespace zj::test
