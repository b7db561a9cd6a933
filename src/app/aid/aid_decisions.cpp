// The decisions on an aid grant after its proposal: approval by an org of the needed level on
// the file's path (the budget's committed counter in the same transaction), refusal with a
// reason (freeing the household's no-double-aid rows), and the payment (the budget's paid
// counter with it). Each audited in its transaction.
#include <chrono>

#include "app/aid/aid_rules_service.h"
#include "app/aid/aid_service.h"
#include "app/coverage/served.h"
#include "app/hardship/case_figures.h"
#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "core/aid/aid_rules.h"
#include "core/hardship/hardship_level.h"
#include "store/aid_standards.h"
#include "store/hardship.h"
#include "store/orgs.h"

namespace zj::app {

namespace {

constexpr std::size_t kMaxBatchId = 64;

bool IsMethod(const std::string& m) { return m == "bank_transfer" || m == "cash" || m == "other"; }

//! A strict YYYY-MM-DD date.
std::optional<std::chrono::year_month_day> ParseIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  const std::chrono::year_month_day d{
      std::chrono::year{std::stoi(s.substr(0, 4))},
      std::chrono::month{static_cast<unsigned>(std::stoi(s.substr(5, 2)))},
      std::chrono::day{static_cast<unsigned>(std::stoi(s.substr(8, 2)))}};
  if (!d.ok()) return std::nullopt;
  return d;
}

}  // namespace

Result<store::AidGrantRow> AidService::Decidable(store::Connection& c, const Actor& actor,
                                                 std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(auto grant, store::FindAidGrant(c, id));
  if (!grant || !PathInScope(actor, grant->org_path)) return Fail(AidGrantNotFound(id));
  if (grant->status != "proposed") {
    return Fail(Error{ErrorCode::kConflict,
                      "error.aid.not_proposed",
                      "the grant is decided",
                      {},
                      {{"status", grant->status}}});
  }
  if (SeesEverything(actor)) return *grant;
  const auto needed = aid::ParseOrgLevel(grant->approver_level);
  std::optional<aid::OrgLevel> own;
  if (actor.org_id) {
    ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(c, *actor.org_id));
    if (org) own = aid::LevelOfOrgKind(org->kind);
  }
  if (!needed || !own || *own < *needed) {
    return Fail(Error{ErrorCode::kPermissionDenied,
                      "error.aid.level_too_low",
                      "the grant needs an org of a higher level",
                      {},
                      {{"level", grant->approver_level}}});
  }
  return *grant;
}

Result<AidGrantDetail> AidService::Approve(const Actor& actor, std::int64_t id) {
  ZJ_RETURN_IF_ERROR(MustWorkWithAid(actor));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<AidGrantDetail> {
    ZJ_ASSIGN_OR_RETURN(store::AidGrantRow g, Decidable(c, actor, id));
    const int year = aid::PeriodYear(g.period);
    ZJ_ASSIGN_OR_RETURN(bool committed,
                        store::CommitBudget(c, g.budget_org_id, year, g.kind, g.amount_fen));
    if (!committed) {
      ZJ_ASSIGN_OR_RETURN(auto budget, store::FindBudget(c, g.budget_org_id, year, g.kind));
      const std::int64_t remaining = budget ? budget->amount_fen - budget->committed_fen : 0;
      return Fail(Error{ErrorCode::kConflict,
                        "error.aid.over_budget",
                        "the budget cannot take the grant",
                        {},
                        {{"remaining", hardship::Yuan(remaining)},
                         {"remaining_fen", std::to_string(remaining)}}});
    }
    const std::optional<std::int64_t> by =
        actor.user_id != 0 ? std::optional<std::int64_t>(actor.user_id) : std::nullopt;
    ZJ_ASSIGN_OR_RETURN(bool moved, store::DecideAidGrant(c, id, "proposed", "approved", by,
                                                          clock_.NowMs(), std::nullopt));
    if (!moved) return Fail(ErrorCode::kConflict, "error.aid.not_proposed", "decided meanwhile");
    ZJ_RETURN_IF_ERROR(CountAidApproved(c, g, clock_.NowMs()));
    const AuditEvent event{"aid.approve",
                           "aid_grant",
                           std::to_string(id),
                           "ok",
                           actor.remote_addr,
                           {{"amount_fen", std::to_string(g.amount_fen)},
                            {"budget_org", std::to_string(g.budget_org_id)}}};
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor), event));
    return Load(c, actor, id);
  });
}

Result<AidGrantDetail> AidService::Refuse(const Actor& actor, std::int64_t id,
                                          const std::string& reason) {
  ZJ_RETURN_IF_ERROR(MustWorkWithAid(actor));
  ZJ_ASSIGN_OR_RETURN(std::string why, CheckReason("reason", reason));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<AidGrantDetail> {
    ZJ_ASSIGN_OR_RETURN(store::AidGrantRow g, Decidable(c, actor, id));
    const std::optional<std::int64_t> by =
        actor.user_id != 0 ? std::optional<std::int64_t>(actor.user_id) : std::nullopt;
    ZJ_ASSIGN_OR_RETURN(
        bool moved, store::DecideAidGrant(c, id, "proposed", "refused", by, clock_.NowMs(), why));
    if (!moved) return Fail(ErrorCode::kConflict, "error.aid.not_proposed", "decided meanwhile");
    // A refused grant holds no period: the household may be proposed again.
    ZJ_RETURN_IF_ERROR(store::DeleteAidOnceOf(c, id));
    const AuditEvent event{"aid.refuse", "aid_grant",       std::to_string(id),
                           "ok",         actor.remote_addr, {{"reason", why}, {"kind", g.kind}}};
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor), event));
    return Load(c, actor, id);
  });
}

Result<AidGrantDetail> AidService::Pay(const Actor& actor, std::int64_t id,
                                       const AidPaymentInput& in) {
  ZJ_RETURN_IF_ERROR(MustWorkWithAid(actor));
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "aid payment", {}, {}};
  const auto date = ParseIsoDate(in.paid_on);
  if (!date) {
    invalid.fields.push_back({"paid_on", "error.aid.paid_on", {}});
  } else if (std::chrono::sys_days{*date} > std::chrono::sys_days{TodayInChina(clock_)}) {
    invalid.fields.push_back({"paid_on", "error.aid.paid_on_future", {}});
  }
  if (!IsMethod(in.method)) invalid.fields.push_back({"method", "error.aid.method", {}});
  if (in.batch_id && (in.batch_id->empty() || in.batch_id->size() > kMaxBatchId)) {
    invalid.fields.push_back(
        {"batch_id", "error.field.too_long", {{"max", std::to_string(kMaxBatchId)}}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<AidGrantDetail> {
    ZJ_ASSIGN_OR_RETURN(auto g, store::FindAidGrant(c, id));
    if (!g || !PathInScope(actor, g->org_path)) return Fail(AidGrantNotFound(id));
    // The office holding the budget (or one above it) pays, not a union below it.
    ZJ_ASSIGN_OR_RETURN(auto budget_org, store::FindOrgById(c, g->budget_org_id));
    if (!budget_org || !PathInScope(actor, budget_org->path)) {
      return Fail(Error{ErrorCode::kPermissionDenied,
                        "error.aid.pay_forbidden",
                        "only the budget's org pays",
                        {},
                        {{"org", budget_org ? budget_org->name : ""}}});
    }
    const std::int64_t now = clock_.NowMs();
    ZJ_ASSIGN_OR_RETURN(bool moved, store::MarkAidGrantPaid(c, id, now));
    if (!moved) {
      return Fail(Error{ErrorCode::kConflict,
                        "error.aid.not_approved",
                        "only an approved grant is paid",
                        {},
                        {{"status", g->status}}});
    }
    ZJ_RETURN_IF_ERROR(store::PayFromBudget(c, g->budget_org_id, aid::PeriodYear(g->period),
                                            g->kind, g->amount_fen));
    store::AidPaymentRow p;
    p.id = NewId(clock_, random_);
    p.grant_id = id;
    p.paid_on = in.paid_on;
    p.amount_fen = g->amount_fen;
    p.method = in.method;
    p.batch_id = in.batch_id;
    if (actor.user_id != 0) p.paid_by = actor.user_id;
    p.paid_at = now;
    ZJ_RETURN_IF_ERROR(store::InsertAidPayment(c, p));
    ZJ_RETURN_IF_ERROR(CountAidPaid(c, *g, p.amount_fen, now));
    // 有效覆盖: aid paid to a member's household serves the member.
    ZJ_ASSIGN_OR_RETURN(auto file, store::FindHardshipFile(c, g->file_id));
    if (file && file->member_id) ZJ_RETURN_IF_ERROR(MarkServed(c, *file->member_id, now));
    const AuditEvent event{"aid.pay",
                           "aid_grant",
                           std::to_string(id),
                           "ok",
                           actor.remote_addr,
                           {{"amount_fen", std::to_string(g->amount_fen)},
                            {"method", in.method},
                            {"paid_on", in.paid_on}}};
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor), event));
    return Load(c, actor, id);
  });
}

}  // namespace zj::app
