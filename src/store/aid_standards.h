// Rows of the rules of aid (migration 0027): the amount rules per scope org, year, kind and level,
// the approval limits per scope org, kind and org level, and the budgets per org, year and kind
// with their committed and paid counters. The "nearest scope" lookups take the ids of an org's
// path nearest first and probe each (a path is a handful of orgs deep).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct AidRuleRow {
  std::int64_t scope_org_id = 0;
  int year = 0;
  std::string kind;
  std::string level;
  std::string rule;
  int months = 0;
  std::int64_t amount_fen = 0;
  int share_pct = 0;
  std::optional<std::int64_t> cap_fen;
  std::string per_unit = "household";
  std::optional<std::int64_t> loaded_by;
  std::int64_t loaded_at = 0;
};

struct ApprovalLimitRow {
  std::int64_t scope_org_id = 0;
  std::string kind;
  std::string org_level;
  std::int64_t max_fen = 0;
  std::optional<std::int64_t> loaded_by;
  std::int64_t loaded_at = 0;
};

struct BudgetRow {
  std::int64_t org_id = 0;
  int year = 0;
  std::string kind;
  std::int64_t amount_fen = 0;
  std::int64_t committed_fen = 0;
  std::int64_t paid_fen = 0;
  std::optional<std::int64_t> loaded_by;
  std::int64_t loaded_at = 0;
};

//! Inserts or replaces the rule of (scope, year, kind, level).
Result<void> UpsertAidRule(Connection& conn, const AidRuleRow& row);
//! Inserts or replaces the limit of (scope, kind, level).
Result<void> UpsertApprovalLimit(Connection& conn, const ApprovalLimitRow& row);
//! Inserts a budget or sets its amount (the counters are kept); kFailedPrecondition never: a
//! budget below what is committed is the caller's to refuse.
Result<void> UpsertBudget(Connection& conn, const BudgetRow& row);

//! Rules, limits and budgets of orgs whose path lies in [low, high), for the pages.
Result<std::vector<AidRuleRow>> AidRulesIn(Connection& conn, const std::string& low,
                                           const std::string& high);
Result<std::vector<ApprovalLimitRow>> ApprovalLimitsIn(Connection& conn, const std::string& low,
                                                       const std::string& high);
Result<std::vector<BudgetRow>> BudgetsIn(Connection& conn, const std::string& low,
                                         const std::string& high);

//! The rule of the first org of `path_ids` (nearest first) that has one for year, kind, level.
Result<std::optional<AidRuleRow>> NearestAidRule(Connection& conn,
                                                 const std::vector<std::int64_t>& path_ids,
                                                 int year, const std::string& kind,
                                                 const std::string& level);
//! The limits of the first org of `path_ids` (nearest first) that has any for the kind.
Result<std::vector<ApprovalLimitRow>> NearestApprovalLimits(
    Connection& conn, const std::vector<std::int64_t>& path_ids, const std::string& kind);
//! The budget of the first org of `path_ids` (nearest first) that has one for year and kind.
Result<std::optional<BudgetRow>> NearestBudget(Connection& conn,
                                               const std::vector<std::int64_t>& path_ids, int year,
                                               const std::string& kind);
Result<std::optional<BudgetRow>> FindBudget(Connection& conn, std::int64_t org_id, int year,
                                            const std::string& kind);

//! Adds `fen` to the budget's committed counter when it stays within the amount; false (nothing
//! written) when it would not.
Result<bool> CommitBudget(Connection& conn, std::int64_t org_id, int year, const std::string& kind,
                          std::int64_t fen);
//! Adds `fen` to the budget's paid counter.
Result<void> PayFromBudget(Connection& conn, std::int64_t org_id, int year, const std::string& kind,
                           std::int64_t fen);

}  // namespace zj::store
