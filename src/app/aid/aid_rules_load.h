// The loads of AidRulesService (aid_rules_service.h) on a caller's connection, so that a table
// of rules, limits and budgets (aid_rules_table.h) goes through the very checks and audit
// entries of the API's routes while all of its rows share one transaction. Each one checks that
// the actor may load (kPermissionDenied "error.aid.rules_forbidden"), then the input (field
// errors before any statement), then writes the row and its audit entry on `conn`.
#pragma once

#include "app/aid/aid_rules_service.h"

namespace zj::app {

Result<store::AidRuleRow> LoadAidRuleOn(store::Connection& conn, const Clock& clock,
                                        AuditService& audit, const Actor& actor,
                                        const AidRuleInput& input);
Result<store::ApprovalLimitRow> LoadApprovalLimitOn(store::Connection& conn, const Clock& clock,
                                                    AuditService& audit, const Actor& actor,
                                                    const ApprovalLimitInput& input);
Result<store::BudgetRow> LoadBudgetOn(store::Connection& conn, const Clock& clock,
                                      AuditService& audit, const Actor& actor,
                                      const BudgetInput& input);

//! kPermissionDenied "error.aid.rules_forbidden" unless an administrator.
Result<void> MustLoadAidRules(const Actor& actor);

}  // namespace zj::app
