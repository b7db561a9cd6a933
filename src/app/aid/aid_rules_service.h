// The rules of aid as data (issue 20 slice 3): amount rules per scope org, year, kind and level,
// approval limits per scope org, kind and org level, and budgets per org, year and kind. Loaded
// by an administrator (kPermissionDenied "error.aid.rules_forbidden" else), each load audited
// (aid.rule.load, aid.limit.load, aid.budget.load); read by cadres, staff and administrators,
// the rows of the orgs in their subtree. A scope org outside the actor's subtree is kNotFound.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/actor.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "core/result.h"
#include "store/aid_standards.h"
#include "store/database.h"

namespace zj::app {

struct AidRuleInput {
  std::int64_t scope_org_id = 0;
  int year = 0;
  std::string kind;   //!< living, medical, schooling, festival, emergency
  std::string level;  //!< deep, relative, sudden
  std::string rule;   //!< months_of_dibao, fixed, share_of_cost
  int months = 0;
  std::int64_t amount_fen = 0;
  int share_pct = 0;
  std::optional<std::int64_t> cap_fen;
  std::string per = "household";  //!< household, student, person
};

struct ApprovalLimitInput {
  std::int64_t scope_org_id = 0;
  std::string kind;
  std::string org_level;  //!< grassroots, street, district, municipal
  std::int64_t max_fen = 0;
};

struct BudgetInput {
  std::int64_t org_id = 0;
  int year = 0;
  std::string kind;
  std::int64_t amount_fen = 0;
};

class AidRulesService {
 public:
  AidRulesService(store::Database& db, const Clock& clock, AuditService& audit)
      : db_(db), clock_(clock), audit_(audit) {}

  //! Field errors: kind, level, rule or per unknown; the rule's own numbers (core CheckRule);
  //! a year outside 2000..2100. Replaces the rule of the same scope, year, kind and level.
  Result<store::AidRuleRow> LoadRule(const Actor& actor, const AidRuleInput& input);
  //! Field errors: kind or level unknown, max outside ¥0..¥100,000,000.
  Result<store::ApprovalLimitRow> LoadLimit(const Actor& actor, const ApprovalLimitInput& input);
  //! Field errors: kind unknown, year, amount outside ¥0..¥100,000,000 or below what the budget
  //! has committed already ("error.aid.budget_below_committed"). The counters are kept.
  Result<store::BudgetRow> LoadBudget(const Actor& actor, const BudgetInput& input);

  Result<std::vector<store::AidRuleRow>> Rules(const Actor& actor);
  Result<std::vector<store::ApprovalLimitRow>> Limits(const Actor& actor);
  Result<std::vector<store::BudgetRow>> Budgets(const Actor& actor);

 private:
  store::Database& db_;
  const Clock& clock_;
  AuditService& audit_;
};

//! kPermissionDenied "error.aid.forbidden" unless a cadre, staff or administrator.
Result<void> MustWorkWithAid(const Actor& actor);

}  // namespace zj::app
