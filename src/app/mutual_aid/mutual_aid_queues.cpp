// What waits in mutual aid (issue 22): the claims the actor's level decides, the lists the
// actor's union owes before ChangesDueOn (both are workbench cards and the queues they open),
// and the 12351 prompt: a request whose words suggest a claim offers one, prefilled.
#include <algorithm>

#include "app/beijing_day.h"
#include "app/members/member_access.h"
#include "app/mutual_aid/mutual_aid_rules.h"
#include "app/mutual_aid/mutual_aid_service.h"
#include "app/orgs/org_scope.h"
#include "core/members/calendar_date.h"
#include "core/orgs/org_path.h"
#include "store/members.h"
#include "store/service_requests.h"

namespace zj::app {

namespace {

constexpr int kMaxLimit = 200;

}  // namespace

Result<MaClaimPage> MutualAidService::ClaimsToDecide(const Actor& actor, std::int64_t before_id,
                                                     int limit) {
  ZJ_RETURN_IF_ERROR(MustRunMa(actor));
  if (limit < 1 || limit > kMaxLimit) {
    return Fail(FieldProblem("limit", "error.field.limit", {{"max", std::to_string(kMaxLimit)}}));
  }
  MaClaimPage page;
  const auto range = ScopeRange(actor);
  if (!range) return page;
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto rows, store::ListMaClaimsToDecide(*lease, range->first, range->second,
                                                             before_id, limit + 1));
  if (static_cast<int>(rows.size()) > limit) {
    rows.pop_back();
    page.next_cursor = rows.back().id;
  }
  for (auto& r : rows) {
    MaClaimView v;
    ZJ_ASSIGN_OR_RETURN(auto plan, store::FindMaPlan(*lease, r.plan_id));
    if (plan) v.plan_title = plan->title;
    v.row = std::move(r);
    page.items.push_back(std::move(v));
  }
  return page;
}

Result<std::vector<MaListDue>> MutualAidService::ListsDue(const Actor& actor) {
  ZJ_RETURN_IF_ERROR(MustRunMa(actor));
  std::vector<MaListDue> out;
  if (!actor.org_id || actor.org_path.empty()) return out;
  const auto today = ParseDay(BeijingDay(clock_.NowMs()));
  if (!today) return out;
  ZJ_ASSIGN_OR_RETURN(auto plans, ListPlans(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  const OrgPath own = OrgPath::FromStored(actor.org_path);
  for (auto& plan : plans) {
    // The union makes the list of its own org, which must lie in the plan's area.
    if (plan.status != "active" || !OrgPath::FromStored(plan.org_path).Contains(own)) continue;
    ZJ_ASSIGN_OR_RETURN(auto periods, store::PeriodsOfPlan(*lease, plan.id));
    for (auto& period : periods) {
      const auto starts = ParseDay(period.starts_on), ends = ParseDay(period.ends_on);
      if (period.status != "open" || !starts || !ends ||
          !mutual_aid::Period{*starts, *ends}.Contains(*today)) {
        continue;
      }
      const auto due = mutual_aid::ChangesDueOn({*starts, *ends}, plan.changes_days_before);
      const std::string window_opens =
          members::FormatDate(std::chrono::sys_days(due) - std::chrono::days(kListDueWindowDays));
      if (members::FormatDate(*today) < window_opens) continue;
      ZJ_ASSIGN_OR_RETURN(auto lists, store::ListsOfPeriod(*lease, period.id, actor.org_id));
      const bool sent = std::any_of(lists.begin(), lists.end(), [&](const store::MaListRow& l) {
        return l.status != "draft" && l.to_on >= window_opens;
      });
      if (sent) continue;
      out.push_back({plan, std::move(period), *actor.org_id, members::FormatDate(due)});
    }
  }
  return out;
}

Result<std::optional<MaClaimPrompt>> MutualAidService::PromptOf(const Actor& actor,
                                                                std::int64_t request_id) {
  ZJ_RETURN_IF_ERROR(MustRunMa(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto request, store::FindRequestById(*lease, request_id));
  if (!request || !PathInScope(actor, request->home_path)) {
    return Fail(MaNotFound("request " + std::to_string(request_id)));
  }
  std::optional<MaClaimPrompt> none;
  if (!request->member_id) return none;
  // The words are matched in the request's own text, which is never logged.
  ZJ_ASSIGN_OR_RETURN(auto words, store::MaPromptWords(*lease));
  MaClaimPrompt prompt;
  for (auto& w : words) {
    if (w.empty()) continue;
    if (request->title.find(w) != std::string::npos ||
        request->description.find(w) != std::string::npos) {
      prompt.words.push_back(std::move(w));
    }
  }
  if (prompt.words.empty()) return none;
  ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(*lease, *request->member_id));
  if (!member || !PathInScope(actor, member->org_path)) return none;
  prompt.request_id = request->id;
  prompt.member_id = member->id;
  prompt.incident_date = BeijingDay(request->created_at);
  const auto day = ParseDay(prompt.incident_date);
  ZJ_ASSIGN_OR_RETURN(auto enrolled, store::EnrolmentsOfMember(*lease, member->id, std::nullopt));
  for (const auto& e : enrolled) {
    const auto starts = ParseDay(e.period.starts_on), ends = ParseDay(e.period.ends_on);
    if (!day || !starts || !ends || !mutual_aid::Period{*starts, *ends}.Contains(*day)) continue;
    if (e.enrolment.covered_from > prompt.incident_date) continue;
    if (e.enrolment.removed_on && *e.enrolment.removed_on <= prompt.incident_date) continue;
    const bool listed =
        std::any_of(prompt.plans.begin(), prompt.plans.end(),
                    [&](const MaPlanDetail& p) { return p.row.id == e.period.plan_id; });
    if (listed) continue;
    ZJ_ASSIGN_OR_RETURN(auto plan, store::FindMaPlan(*lease, e.period.plan_id));
    if (!plan || !PlanVisible(actor, plan->org_path)) continue;
    MaPlanDetail detail;
    detail.row = std::move(*plan);
    ZJ_ASSIGN_OR_RETURN(auto benefits, store::BenefitsOfPlan(*lease, detail.row.id));
    for (const auto& b : benefits) {
      ZJ_ASSIGN_OR_RETURN(auto rule, BenefitFromRow(b));
      detail.benefits.push_back(std::move(rule));
    }
    prompt.plans.push_back(std::move(detail));
  }
  if (prompt.plans.empty()) return none;
  return std::optional(std::move(prompt));
}

}  // namespace zj::app
