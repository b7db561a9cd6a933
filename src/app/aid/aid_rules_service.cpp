#include "app/aid/aid_rules_service.h"

#include "app/aid/aid_rules_load.h"
#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "core/aid/aid_rules.h"
#include "core/hardship/hardship_level.h"

namespace zj::app {

namespace {

constexpr std::int64_t kMaxFen = 10'000'000'000;  // ¥100,000,000

void CheckKind(const std::string& kind, Error& invalid) {
  if (!aid::ParseKind(kind)) invalid.fields.push_back({"kind", "error.aid.kind", {}});
}

void CheckYear(int year, Error& invalid) {
  if (year < 2000 || year > 2100) invalid.fields.push_back({"year", "error.standards.year", {}});
}

void CheckFen(const std::string& field, std::int64_t fen, Error& invalid) {
  if (fen < 0 || fen > kMaxFen) invalid.fields.push_back({field, "error.hardship.amount", {}});
}

std::optional<std::int64_t> By(const Actor& actor) {
  return actor.user_id != 0 ? std::optional<std::int64_t>(actor.user_id) : std::nullopt;
}

}  // namespace

Result<void> MustLoadAidRules(const Actor& actor) {
  if (actor.role == "admin") return {};
  return Fail(ErrorCode::kPermissionDenied, "error.aid.rules_forbidden",
              actor.role + " does not load the rules of aid");
}

Result<void> MustWorkWithAid(const Actor& actor) {
  if (actor.role == "admin" || actor.role == "staff" || actor.role == "cadre") return {};
  return Fail(ErrorCode::kPermissionDenied, "error.aid.forbidden",
              actor.role + " does not work with aid");
}

Result<store::AidRuleRow> LoadAidRuleOn(store::Connection& c, const Clock& clock,
                                        AuditService& audit, const Actor& actor,
                                        const AidRuleInput& in) {
  ZJ_RETURN_IF_ERROR(MustLoadAidRules(actor));
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "aid rule", {}, {}};
  CheckKind(in.kind, invalid);
  CheckYear(in.year, invalid);
  const auto level = hardship::ParseLevel(in.level);
  if (!level || *level == hardship::Level::kNone || *level == hardship::Level::kExcluded) {
    invalid.fields.push_back({"level", "error.aid.level", {}});
  }
  const auto rule = aid::ParseRuleKind(in.rule);
  if (!rule) invalid.fields.push_back({"rule", "error.aid.rule", {}});
  const auto per = aid::ParsePer(in.per);
  if (!per) invalid.fields.push_back({"per", "error.aid.per", {}});
  if (rule && per) {
    const aid::Rule r{*rule, in.months, in.amount_fen, in.share_pct, in.cap_fen, *per};
    for (auto& e : aid::CheckRule(r)) invalid.fields.push_back(std::move(e));
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_RETURN_IF_ERROR(LoadOrgInScope(c, actor, in.scope_org_id, "scope_org_id"));
  store::AidRuleRow row{in.scope_org_id, in.year,   in.kind,       in.level,
                        in.rule,         in.months, in.amount_fen, in.share_pct,
                        in.cap_fen,      in.per,    By(actor),     clock.NowMs()};
  // Only the numbers the rule uses are kept, so the page never shows a stray one.
  if (*rule != aid::RuleKind::kMonthsOfDibao) row.months = 0;
  if (*rule != aid::RuleKind::kFixed) row.amount_fen = 0;
  if (*rule != aid::RuleKind::kShareOfCost) row.share_pct = 0;
  ZJ_RETURN_IF_ERROR(store::UpsertAidRule(c, row));
  const AuditEvent event{"aid.rule.load",
                         "org",
                         std::to_string(in.scope_org_id),
                         "ok",
                         actor.remote_addr,
                         {{"year", std::to_string(in.year)},
                          {"kind", in.kind},
                          {"level", in.level},
                          {"rule", in.rule}}};
  ZJ_RETURN_IF_ERROR(audit.Record(c, AuditActor::From(actor), event));
  return row;
}

Result<store::ApprovalLimitRow> LoadApprovalLimitOn(store::Connection& c, const Clock& clock,
                                                    AuditService& audit, const Actor& actor,
                                                    const ApprovalLimitInput& in) {
  ZJ_RETURN_IF_ERROR(MustLoadAidRules(actor));
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "approval limit", {}, {}};
  CheckKind(in.kind, invalid);
  if (!aid::ParseOrgLevel(in.org_level)) {
    invalid.fields.push_back({"org_level", "error.aid.org_level", {}});
  }
  CheckFen("max_fen", in.max_fen, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_RETURN_IF_ERROR(LoadOrgInScope(c, actor, in.scope_org_id, "scope_org_id"));
  store::ApprovalLimitRow row{in.scope_org_id, in.kind,   in.org_level,
                              in.max_fen,      By(actor), clock.NowMs()};
  ZJ_RETURN_IF_ERROR(store::UpsertApprovalLimit(c, row));
  const AuditEvent event{
      "aid.limit.load",
      "org",
      std::to_string(in.scope_org_id),
      "ok",
      actor.remote_addr,
      {{"kind", in.kind}, {"org_level", in.org_level}, {"max_fen", std::to_string(in.max_fen)}}};
  ZJ_RETURN_IF_ERROR(audit.Record(c, AuditActor::From(actor), event));
  return row;
}

Result<store::BudgetRow> LoadBudgetOn(store::Connection& c, const Clock& clock, AuditService& audit,
                                      const Actor& actor, const BudgetInput& in) {
  ZJ_RETURN_IF_ERROR(MustLoadAidRules(actor));
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "budget", {}, {}};
  CheckKind(in.kind, invalid);
  CheckYear(in.year, invalid);
  CheckFen("amount_fen", in.amount_fen, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_RETURN_IF_ERROR(LoadOrgInScope(c, actor, in.org_id, "org_id"));
  ZJ_ASSIGN_OR_RETURN(auto before, store::FindBudget(c, in.org_id, in.year, in.kind));
  if (before && in.amount_fen < before->committed_fen) {
    return Fail(FieldProblem("amount_fen", "error.aid.budget_below_committed",
                             {{"committed", hardship::Yuan(before->committed_fen)}}));
  }
  store::BudgetRow row{in.org_id, in.year, in.kind, in.amount_fen, 0, 0, By(actor), clock.NowMs()};
  ZJ_RETURN_IF_ERROR(store::UpsertBudget(c, row));
  const AuditEvent event{"aid.budget.load",
                         "org",
                         std::to_string(in.org_id),
                         "ok",
                         actor.remote_addr,
                         {{"year", std::to_string(in.year)},
                          {"kind", in.kind},
                          {"amount_fen", std::to_string(in.amount_fen)}}};
  ZJ_RETURN_IF_ERROR(audit.Record(c, AuditActor::From(actor), event));
  ZJ_ASSIGN_OR_RETURN(auto after, store::FindBudget(c, in.org_id, in.year, in.kind));
  return after.value_or(row);
}

Result<store::AidRuleRow> AidRulesService::LoadRule(const Actor& actor, const AidRuleInput& in) {
  return store::InTransaction(
      db_, [&](store::Connection& c) { return LoadAidRuleOn(c, clock_, audit_, actor, in); });
}

Result<store::ApprovalLimitRow> AidRulesService::LoadLimit(const Actor& actor,
                                                           const ApprovalLimitInput& in) {
  return store::InTransaction(
      db_, [&](store::Connection& c) { return LoadApprovalLimitOn(c, clock_, audit_, actor, in); });
}

Result<store::BudgetRow> AidRulesService::LoadBudget(const Actor& actor, const BudgetInput& in) {
  return store::InTransaction(
      db_, [&](store::Connection& c) { return LoadBudgetOn(c, clock_, audit_, actor, in); });
}

Result<std::vector<store::AidRuleRow>> AidRulesService::Rules(const Actor& actor) {
  ZJ_RETURN_IF_ERROR(MustWorkWithAid(actor));
  const auto range = ScopeRange(actor);
  if (!range) return std::vector<store::AidRuleRow>{};
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  return store::AidRulesIn(*lease, range->first, range->second);
}

Result<std::vector<store::ApprovalLimitRow>> AidRulesService::Limits(const Actor& actor) {
  ZJ_RETURN_IF_ERROR(MustWorkWithAid(actor));
  const auto range = ScopeRange(actor);
  if (!range) return std::vector<store::ApprovalLimitRow>{};
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  return store::ApprovalLimitsIn(*lease, range->first, range->second);
}

Result<std::vector<store::BudgetRow>> AidRulesService::Budgets(const Actor& actor) {
  ZJ_RETURN_IF_ERROR(MustWorkWithAid(actor));
  const auto range = ScopeRange(actor);
  if (!range) return std::vector<store::BudgetRow>{};
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  return store::BudgetsIn(*lease, range->first, range->second);
}

}  // namespace zj::app
