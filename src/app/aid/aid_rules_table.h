// The rules of aid from a table (`zhijia aid load FILE`, issue 20): amount rules, approval
// limits and budgets in one CSV (UTF-8 or GBK) or XLSX sheet, a `table` column saying which
// each row is. Every row goes through the loads of AidRulesService (aid_rules_load.h: the same
// checks and audit entries as the API's routes), all of them in ONE transaction: the file is
// loaded whole or not at all. Every row is checked even after a bad one, so that one run names
// every problem (file row and column as the file writes them); then, if any row failed, the
// transaction is rolled back and nothing is kept. Loading a file again replaces its rows
// (rules, limits and budgets are upserts; a budget keeps its counters).
//
// Columns (English or Chinese header; any order; unknown columns ignored):
//   table 表            rule | limit | budget (or 帮扶标准 | 审批权限 | 预算)
//   org_code 组织代码   the code of the scope org (rule, limit) or of the budget's org
//   year 年度           rule, budget
//   kind 帮扶类别       living | medical | schooling | festival | emergency
//   level 困难类别      rule: deep | relative | sudden
//   rule 计算方式       rule: months_of_dibao | fixed | share_of_cost
//   months 月数         rule: months of 低保 (months_of_dibao)
//   amount_yuan 金额（元）  rule: the fixed amount; limit: the most that level approves;
//                          budget: the year's amount
//   share_pct 比例（%）  rule: the share of the cost (share_of_cost)
//   cap_yuan 封顶（元）  rule: the cap of a grant (optional)
//   per 计发单位        rule: household | student | person (default household)
//   org_level 审批层级  limit: grassroots | street | district | municipal
//   note 说明           ignored (where a figure comes from, "sample")
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/accounts/actor.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "app/imports/table_file.h"
#include "app/imports/table_import.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

struct AidRulesTableReport {
  std::string encoding;
  int rows = 0;  //!< data rows read
  int rules = 0;
  int limits = 0;
  int budgets = 0;
  int failed_rows = 0;
  bool loaded = false;  //!< committed: no row failed
  std::vector<RowProblem> problems;
};

//! kPermissionDenied "error.aid.rules_forbidden" unless an administrator; kInvalidArgument
//! "error.import.empty" without a header, "error.import.missing_column" {column} when table,
//! org_code or kind is missing (before any row). Row problems are in the report (nothing
//! loaded then); an error that is no row's problem (the database) is returned as is.
Result<AidRulesTableReport> LoadAidRulesTable(store::Database& db, const Clock& clock,
                                              AuditService& audit, const Actor& actor,
                                              const Table& table);

//! docs/samples/aid-rules-beijing.csv, embedded at build time: what the demo loads.
std::string_view EmbeddedAidRulesSample();

}  // namespace zj::app
