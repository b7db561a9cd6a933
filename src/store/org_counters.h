// Rows of `org_counters` (migration 0033): the case modules' dashboard figures per org, each
// for the org's whole subtree, changed only by deltas on the caller's connection (in the
// transaction of the change they count). Metric names are the constants below: one list, so a
// dashboard and a recount name the same things.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace zj::store {

namespace metric {
//! Households in open hardship files now (standing; dim1 the final level, dim2 the main cause).
inline constexpr std::string_view kHouseholds = "hardship.households";
//! Hardship files opened in the month (dim1 the level computed at opening).
inline constexpr std::string_view kFilesOpened = "hardship.opened";
//! Hardship files closed in the month (dim1 the close reason).
inline constexpr std::string_view kFilesClosed = "hardship.closed";
//! Aid approved in the month of the decision, in fen and in grants (dim1 the kind).
inline constexpr std::string_view kAidApprovedFen = "aid.approved_fen";
inline constexpr std::string_view kAidApproved = "aid.approved";
//! Aid paid in the month of the payment, in fen (dim1 the kind).
inline constexpr std::string_view kAidPaidFen = "aid.paid_fen";
//! Hardship files in each workflow stage now (standing; dim1 the stage of hardship_flows).
inline constexpr std::string_view kFlowStages = "hardship.stage";
//! Legal cases now (standing; dim1 the type, dim2 the stage, "closed" included).
inline constexpr std::string_view kLegalCases = "legal.cases";
//! Money of every legal case, in fen (standing; dim1 the type).
inline constexpr std::string_view kLegalClaimedFen = "legal.claimed_fen";
inline constexpr std::string_view kLegalRecoveredFen = "legal.recovered_fen";
//! Collective disputes (standing; dim1 "open" or "closed").
inline constexpr std::string_view kLegalCollective = "legal.collective";
//! Legal cases opened and closed in the month (dim1 "").
inline constexpr std::string_view kLegalOpened = "legal.opened";
inline constexpr std::string_view kLegalClosed = "legal.closed";
}  // namespace metric

struct CounterDelta {
  std::string_view metric;
  std::string period;  //!< "" standing, YYYY-MM monthly
  std::string dim1;
  std::string dim2;
  std::int64_t value = 0;
};

struct CounterRow {
  std::string metric;
  std::string period;
  std::string dim1;
  std::string dim2;
  std::int64_t value = 0;
};

//! Adds each delta to the row of every org in `org_ids` (a path's ids: the org and its
//! ancestors), creating rows as needed. Zero deltas are skipped.
Result<void> AddCounters(Connection& conn, const std::vector<std::int64_t>& org_ids,
                         std::int64_t federation_id, const std::vector<CounterDelta>& deltas);

//! Adds `sign` (+1 or -1) times every row of `from_org_id` to the same rows of each org in
//! `org_ids`: a moved subtree's figures leave its old ancestors and join the new.
Result<void> AddCountersOf(Connection& conn, std::int64_t from_org_id,
                           const std::vector<std::int64_t>& org_ids, int sign,
                           std::int64_t federation_id);

//! The rows of one org whose metric starts with `prefix` (e.g. "hardship."), standing ones and
//! monthly ones from `from_period` (YYYY-MM) on.
Result<std::vector<CounterRow>> CountersOf(Connection& conn, std::int64_t org_id,
                                           const std::string& prefix,
                                           const std::string& from_period);

}  // namespace zj::store
