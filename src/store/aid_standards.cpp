#include "store/aid_standards.h"

namespace zj::store {

namespace {

#define ZJ_RULE_COLUMNS                                                                   \
  "r.scope_org_id, r.year, r.kind, r.level, r.rule, r.months, r.amount_fen, r.share_pct," \
  " r.cap_fen, r.per_unit, r.loaded_by, r.loaded_at"
#define ZJ_LIMIT_COLUMNS "l.scope_org_id, l.kind, l.org_level, l.max_fen, l.loaded_by, l.loaded_at"
#define ZJ_BUDGET_COLUMNS                                                             \
  "b.org_id, b.year, b.kind, b.amount_fen, b.committed_fen, b.paid_fen, b.loaded_by," \
  " b.loaded_at"

constexpr Sql kUpsertRule{
    "aid_kind_rules.upsert",
    "INSERT INTO aid_kind_rules (scope_org_id, year, kind, level, rule, months, amount_fen,"
    " share_pct, cap_fen, per_unit, loaded_by, loaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7,"
    " $8, $9, $10, $11, $12) ON CONFLICT (scope_org_id, year, kind, level) DO UPDATE SET"
    " rule = excluded.rule, months = excluded.months, amount_fen = excluded.amount_fen,"
    " share_pct = excluded.share_pct, cap_fen = excluded.cap_fen, per_unit = excluded.per_unit,"
    " loaded_by = excluded.loaded_by, loaded_at = excluded.loaded_at"};
constexpr Sql kUpsertLimit{
    "approval_limits.upsert",
    "INSERT INTO approval_limits (scope_org_id, kind, org_level, max_fen, loaded_by, loaded_at)"
    " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (scope_org_id, kind, org_level) DO UPDATE SET"
    " max_fen = excluded.max_fen, loaded_by = excluded.loaded_by, loaded_at = excluded.loaded_at"};
constexpr Sql kUpsertBudget{
    "budgets.upsert",
    "INSERT INTO budgets (org_id, year, kind, amount_fen, committed_fen, paid_fen, loaded_by,"
    " loaded_at) VALUES ($1, $2, $3, $4, 0, 0, $5, $6) ON CONFLICT (org_id, year, kind) DO UPDATE"
    " SET amount_fen = excluded.amount_fen, loaded_by = excluded.loaded_by,"
    " loaded_at = excluded.loaded_at"};
constexpr Sql kRulesIn{"aid_kind_rules.in",
                       "SELECT " ZJ_RULE_COLUMNS
                       " FROM aid_kind_rules r JOIN orgs o ON o.id = r.scope_org_id"
                       " WHERE o.path >= $1 AND o.path < $2"
                       " ORDER BY r.scope_org_id, r.year, r.kind, r.level LIMIT 1000"};
constexpr Sql kLimitsIn{"approval_limits.in",
                        "SELECT " ZJ_LIMIT_COLUMNS
                        " FROM approval_limits l JOIN orgs o ON o.id = l.scope_org_id"
                        " WHERE o.path >= $1 AND o.path < $2"
                        " ORDER BY l.scope_org_id, l.kind, l.max_fen LIMIT 1000"};
constexpr Sql kBudgetsIn{"budgets.in", "SELECT " ZJ_BUDGET_COLUMNS
                                       " FROM budgets b JOIN orgs o ON o.id = b.org_id"
                                       " WHERE o.path >= $1 AND o.path < $2"
                                       " ORDER BY b.org_id, b.year, b.kind LIMIT 1000"};
constexpr Sql kRuleOf{"aid_kind_rules.of",
                      "SELECT " ZJ_RULE_COLUMNS
                      " FROM aid_kind_rules r WHERE r.scope_org_id = $1 AND r.year = $2"
                      " AND r.kind = $3 AND r.level = $4"};
constexpr Sql kLimitsOf{"approval_limits.of",
                        "SELECT " ZJ_LIMIT_COLUMNS
                        " FROM approval_limits l WHERE l.scope_org_id = $1 AND l.kind = $2"};
constexpr Sql kBudgetOf{"budgets.of",
                        "SELECT " ZJ_BUDGET_COLUMNS
                        " FROM budgets b WHERE b.org_id = $1 AND b.year = $2 AND b.kind = $3"};
constexpr Sql kCommit{"budgets.commit",
                      "UPDATE budgets SET committed_fen = committed_fen + $4 WHERE org_id = $1"
                      " AND year = $2 AND kind = $3 AND committed_fen + $4 <= amount_fen"};
constexpr Sql kPay{"budgets.pay",
                   "UPDATE budgets SET paid_fen = paid_fen + $4 WHERE org_id = $1 AND year = $2"
                   " AND kind = $3"};

#undef ZJ_RULE_COLUMNS
#undef ZJ_LIMIT_COLUMNS
#undef ZJ_BUDGET_COLUMNS

Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }

AidRuleRow RuleFromRow(const RowView& r) {
  AidRuleRow a;
  a.scope_org_id = r.Int(0);
  a.year = static_cast<int>(r.Int(1));
  a.kind = r.Text(2);
  a.level = r.Text(3);
  a.rule = r.Text(4);
  a.months = static_cast<int>(r.Int(5));
  a.amount_fen = r.Int(6);
  a.share_pct = static_cast<int>(r.Int(7));
  a.cap_fen = r.OptInt(8);
  a.per_unit = r.Text(9);
  a.loaded_by = r.OptInt(10);
  a.loaded_at = r.Int(11);
  return a;
}

ApprovalLimitRow LimitFromRow(const RowView& r) {
  return ApprovalLimitRow{r.Int(0), r.Text(1), r.Text(2), r.Int(3), r.OptInt(4), r.Int(5)};
}

BudgetRow BudgetFromRow(const RowView& r) {
  return BudgetRow{
      r.Int(0), static_cast<int>(r.Int(1)), r.Text(2), r.Int(3), r.Int(4), r.Int(5), r.OptInt(6),
      r.Int(7)};
}

}  // namespace

Result<void> UpsertAidRule(Connection& conn, const AidRuleRow& a) {
  const std::vector<Value> p{a.scope_org_id,   static_cast<std::int64_t>(a.year),
                             a.kind,           a.level,
                             a.rule,           static_cast<std::int64_t>(a.months),
                             a.amount_fen,     static_cast<std::int64_t>(a.share_pct),
                             Opt(a.cap_fen),   a.per_unit,
                             Opt(a.loaded_by), a.loaded_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kUpsertRule, p));
  return {};
}

Result<void> UpsertApprovalLimit(Connection& conn, const ApprovalLimitRow& l) {
  const std::vector<Value> p{l.scope_org_id, l.kind,           l.org_level,
                             l.max_fen,      Opt(l.loaded_by), l.loaded_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kUpsertLimit, p));
  return {};
}

Result<void> UpsertBudget(Connection& conn, const BudgetRow& b) {
  const std::vector<Value> p{b.org_id,         static_cast<std::int64_t>(b.year),
                             b.kind,           b.amount_fen,
                             Opt(b.loaded_by), b.loaded_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kUpsertBudget, p));
  return {};
}

Result<std::vector<AidRuleRow>> AidRulesIn(Connection& conn, const std::string& low,
                                           const std::string& high) {
  const std::vector<Value> p{low, high};
  return Collect<AidRuleRow>(conn, kRulesIn, p, RuleFromRow);
}

Result<std::vector<ApprovalLimitRow>> ApprovalLimitsIn(Connection& conn, const std::string& low,
                                                       const std::string& high) {
  const std::vector<Value> p{low, high};
  return Collect<ApprovalLimitRow>(conn, kLimitsIn, p, LimitFromRow);
}

Result<std::vector<BudgetRow>> BudgetsIn(Connection& conn, const std::string& low,
                                         const std::string& high) {
  const std::vector<Value> p{low, high};
  return Collect<BudgetRow>(conn, kBudgetsIn, p, BudgetFromRow);
}

Result<std::optional<AidRuleRow>> NearestAidRule(Connection& conn,
                                                 const std::vector<std::int64_t>& path_ids,
                                                 int year, const std::string& kind,
                                                 const std::string& level) {
  for (const std::int64_t id : path_ids) {
    const std::vector<Value> p{id, static_cast<std::int64_t>(year), kind, level};
    ZJ_ASSIGN_OR_RETURN(auto rows, Collect<AidRuleRow>(conn, kRuleOf, p, RuleFromRow));
    if (!rows.empty()) return std::optional<AidRuleRow>{std::move(rows.front())};
  }
  return std::optional<AidRuleRow>{};
}

Result<std::vector<ApprovalLimitRow>> NearestApprovalLimits(
    Connection& conn, const std::vector<std::int64_t>& path_ids, const std::string& kind) {
  for (const std::int64_t id : path_ids) {
    const std::vector<Value> p{id, kind};
    ZJ_ASSIGN_OR_RETURN(auto rows, Collect<ApprovalLimitRow>(conn, kLimitsOf, p, LimitFromRow));
    if (!rows.empty()) return rows;
  }
  return std::vector<ApprovalLimitRow>{};
}

Result<std::optional<BudgetRow>> FindBudget(Connection& conn, std::int64_t org_id, int year,
                                            const std::string& kind) {
  const std::vector<Value> p{org_id, static_cast<std::int64_t>(year), kind};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<BudgetRow>(conn, kBudgetOf, p, BudgetFromRow));
  if (rows.empty()) return std::optional<BudgetRow>{};
  return std::optional<BudgetRow>{std::move(rows.front())};
}

Result<std::optional<BudgetRow>> NearestBudget(Connection& conn,
                                               const std::vector<std::int64_t>& path_ids, int year,
                                               const std::string& kind) {
  for (const std::int64_t id : path_ids) {
    ZJ_ASSIGN_OR_RETURN(auto found, FindBudget(conn, id, year, kind));
    if (found) return found;
  }
  return std::optional<BudgetRow>{};
}

Result<bool> CommitBudget(Connection& conn, std::int64_t org_id, int year, const std::string& kind,
                          std::int64_t fen) {
  const std::vector<Value> p{org_id, static_cast<std::int64_t>(year), kind, fen};
  ZJ_ASSIGN_OR_RETURN(std::int64_t changed, conn.Execute(kCommit, p));
  return changed == 1;
}

Result<void> PayFromBudget(Connection& conn, std::int64_t org_id, int year, const std::string& kind,
                           std::int64_t fen) {
  const std::vector<Value> p{org_id, static_cast<std::int64_t>(year), kind, fen};
  ZJ_RETURN_IF_ERROR(conn.Execute(kPay, p));
  return {};
}

}  // namespace zj::store
