// Claims of mutual-aid plans (issue 22): filed by a cadre for a member of the subtree or by the
// worker from My account, decided and paid at the plan's level; the worker's plans this period.
#include <nlohmann/json.hpp>

#include "app/beijing_day.h"
#include "app/coverage/served.h"
#include "app/members/member_access.h"
#include "app/mutual_aid/mutual_aid_rules.h"
#include "app/mutual_aid/mutual_aid_service.h"
#include "app/orgs/org_scope.h"
#include "app/worker_accounts/worker_errors.h"
#include "core/orgs/org_path.h"
#include "store/case_links.h"
#include "store/members.h"
#include "store/service_requests.h"
#include "store/worker_accounts.h"

namespace zj::app {

namespace {

constexpr int kMaxLimit = 200;

Result<store::MemberRow> BoundMember(store::Connection& conn, const Actor& worker) {
  if (!IsWorker(worker)) return Fail(NotAWorker());
  ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccount(conn, *worker.worker_id));
  if (!account || !account->member_id) return Fail(NotBound());
  ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(conn, *account->member_id));
  if (!member) return Fail(NotBound());
  return std::move(*member);
}

Result<MaClaimView> ClaimView(store::Connection& conn, store::MaClaimRow row) {
  MaClaimView v;
  ZJ_ASSIGN_OR_RETURN(auto plan, store::FindMaPlan(conn, row.plan_id));
  if (plan) v.plan_title = plan->title;
  try {
    const auto facts = nlohmann::json::parse(row.facts_json);
    v.loss_fen = facts.value("loss_fen", std::int64_t{0});
    if (facts.contains("items")) v.items = facts["items"].get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception& e) {
    return Fail(ErrorCode::kInternal, "error.internal", std::string("stored facts: ") + e.what());
  }
  v.row = std::move(row);
  return v;
}

}  // namespace

Result<store::MaClaimRow> MutualAidService::LoadClaim(store::Connection& conn, const Actor& actor,
                                                      std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindMaClaim(conn, id));
  if (!row || !PathInScope(actor, row->org_path)) {
    return Fail(MaNotFound("claim " + std::to_string(id)));
  }
  return std::move(*row);
}

Result<MaClaimView> MutualAidService::File(const Actor& actor, const NewMaClaim& in,
                                           const std::string& filed_by, bool preview) {
  const auto date = ParseDay(in.incident_date);
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "claim", {}, {}};
  if (!date) invalid.fields.push_back({"incident_date", "error.mutual_aid.day", {}});
  if (date && in.incident_date > BeijingDay(clock_.NowMs())) {
    invalid.fields.push_back({"incident_date", "error.mutual_aid.incident_future", {}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  auto filed = store::InTransaction(db_, [&](store::Connection& c) -> Result<MaClaimView> {
    store::MemberRow member;
    store::MaPlanRow plan;
    if (filed_by == "worker") {
      ZJ_ASSIGN_OR_RETURN(member, BoundMember(c, actor));
      ZJ_ASSIGN_OR_RETURN(auto found, store::FindMaPlan(c, in.plan_id));
      ZJ_ASSIGN_OR_RETURN(auto mine, store::EnrolmentsOfMember(c, member.id, in.plan_id));
      if (!found ||
          (mine.empty() &&
           !OrgPath::FromStored(found->org_path).Contains(OrgPath::FromStored(member.org_path)))) {
        return Fail(MaNotFound("plan " + std::to_string(in.plan_id)));
      }
      plan = std::move(*found);
    } else {
      ZJ_ASSIGN_OR_RETURN(plan, LoadPlan(c, actor, in.plan_id));
      ZJ_ASSIGN_OR_RETURN(auto found, store::FindMemberById(c, in.member_id));
      if (!found || !PathInScope(actor, found->org_path)) {
        return Fail(MemberNotFound(in.member_id));
      }
      member = std::move(*found);
      if (in.request_id) {
        // The request the claim comes from (the 12351 prompt): one the actor sees, whose
        // requester is the claim's member.
        ZJ_ASSIGN_OR_RETURN(auto request, store::FindRequestById(c, *in.request_id));
        if (!request || !PathInScope(actor, request->home_path)) {
          return Fail(FieldProblem("request_id", "error.not_found"));
        }
        if (request->member_id != member.id) {
          return Fail(FieldProblem("request_id", "error.mutual_aid.request_member"));
        }
      }
    }
    ZJ_ASSIGN_OR_RETURN(auto benefits, store::BenefitsOfPlan(c, plan.id));
    std::optional<mutual_aid::BenefitRule> rule;
    for (const auto& b : benefits) {
      if (b.code != in.benefit_code) continue;
      ZJ_ASSIGN_OR_RETURN(rule, BenefitFromRow(b));
    }
    if (!rule) return Fail(FieldProblem("benefit_code", "error.mutual_aid.benefit_unknown"));
    // Covered on the incident's date: enrolled then, and still a member that day.
    ZJ_ASSIGN_OR_RETURN(auto enrolled, store::EnrolmentsOfMember(c, member.id, plan.id));
    std::vector<mutual_aid::Enrolment> spans;
    std::optional<std::int64_t> period_id;
    for (const auto& e : enrolled) {
      const auto starts = ParseDay(e.period.starts_on), ends = ParseDay(e.period.ends_on);
      const auto from = ParseDay(e.enrolment.covered_from);
      if (!starts || !ends || !from) continue;
      mutual_aid::Enrolment span{{*starts, *ends}, *from, std::nullopt};
      if (e.enrolment.removed_on) span.removed_on = ParseDay(*e.enrolment.removed_on);
      if (span.period.Contains(*date)) period_id = e.period.id;
      spans.push_back(span);
    }
    std::vector<mutual_aid::StatusChange> changes;
    if (member.status != "active" && member.status_changed_on) {
      if (const auto on = ParseDay(*member.status_changed_on)) {
        changes.push_back({*on, member.status});
      }
    }
    const auto joined = member.join_date ? ParseDay(*member.join_date) : std::nullopt;
    if (auto refusal = mutual_aid::CoverageRefusal(spans, joined, changes, *date)) {
      Error e{ErrorCode::kUnprocessable, "error.mutual_aid.not_covered", "not covered", {}, {}};
      e.fields.push_back(std::move(*refusal));
      return Fail(std::move(e));
    }
    mutual_aid::ClaimFacts facts{in.loss_fen, in.items};
    ZJ_ASSIGN_OR_RETURN(auto benefit, mutual_aid::Compute(*rule, facts));
    const std::string key = mutual_aid::IncidentKey(plan.id, rule->code, member.id, *date);
    ZJ_ASSIGN_OR_RETURN(auto first, store::FindMaClaimByKey(c, key));
    if (first) {
      Error e{ErrorCode::kConflict, "error.mutual_aid.claimed_twice", key, {}, {}};
      const bool sees = filed_by == "worker" ? first->member_id == member.id
                                             : PathInScope(actor, first->org_path);
      if (sees) e.args.emplace_back("first_claim.id", std::to_string(first->id));
      return Fail(std::move(e));
    }
    store::MaClaimRow row;
    row.id = NewId(clock_, random_);
    row.plan_id = plan.id;
    row.period_id = period_id.value_or(0);
    row.member_id = member.id;
    row.org_path = member.org_path;
    row.federation_id = member.federation_id;
    row.benefit_code = rule->code;
    row.incident_date = in.incident_date;
    row.incident_key = key;
    nlohmann::json f = rule->kind == mutual_aid::BenefitKind::kShareOfLoss
                           ? nlohmann::json{{"loss_fen", in.loss_fen}}
                           : nlohmann::json{{"items", in.items}};
    row.facts_json = f.dump();
    row.amount_fen = benefit.fen;
    row.capped = benefit.capped;
    row.request_id = in.request_id;
    row.filed_by = filed_by;
    if (actor.user_id != 0) row.filed_by_user = actor.user_id;
    row.created_at = clock_.NowMs();
    if (preview) return ClaimView(c, std::move(row));
    ZJ_RETURN_IF_ERROR(store::InsertMaClaim(c, row));
    if (row.request_id) {
      store::CaseLinkRow link{NewId(clock_, random_),
                              *row.request_id,
                              std::string(store::kLinkMutualAidClaim),
                              row.id,
                              row.org_path,
                              row.filed_by_user,
                              row.created_at};
      ZJ_RETURN_IF_ERROR(store::InsertCaseLink(c, link));
    }
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "mutual_aid.claim.file", "ma_claim", row.id,
                             {{"plan", std::to_string(plan.id)}, {"by", filed_by}}));
    return ClaimView(c, std::move(row));
  });
  // Two claims of one incident at once: the unique key refuses the second.
  if (!filed && filed.error().code == ErrorCode::kAlreadyExists) {
    return Fail(ErrorCode::kConflict, "error.mutual_aid.claimed_twice", filed.error().detail);
  }
  return filed;
}

Result<MaClaimView> MutualAidService::FileClaim(const Actor& actor, const NewMaClaim& in) {
  ZJ_RETURN_IF_ERROR(MustRunMa(actor));
  return File(actor, in, "cadre");
}

Result<MaClaimView> MutualAidService::FileMyClaim(const Actor& worker, NewMaClaim in) {
  if (!IsWorker(worker)) return Fail(NotAWorker());
  in.member_id = 0;
  in.request_id.reset();
  return File(worker, in, "worker");
}

Result<MaClaimView> MutualAidService::ComputeClaim(const Actor& actor, const NewMaClaim& in) {
  ZJ_RETURN_IF_ERROR(MustRunMa(actor));
  return File(actor, in, "cadre", true);
}

Result<MaClaimView> MutualAidService::ComputeMyClaim(const Actor& worker, NewMaClaim in) {
  if (!IsWorker(worker)) return Fail(NotAWorker());
  in.member_id = 0;
  in.request_id.reset();
  return File(worker, in, "worker", true);
}

Result<MaClaimPage> MutualAidService::Claims(const Actor& actor, const std::string& status,
                                             std::int64_t before_id, int limit) {
  ZJ_RETURN_IF_ERROR(MustRunMa(actor));
  if (limit < 1 || limit > kMaxLimit) {
    return Fail(FieldProblem("limit", "error.field.limit", {{"max", std::to_string(kMaxLimit)}}));
  }
  if (!status.empty() && status != "filed" && status != "approved" && status != "refused" &&
      status != "paid") {
    return Fail(FieldProblem("status", "error.field.one_of",
                             {{"values", "filed, approved, refused, paid"}}));
  }
  MaClaimPage page;
  const auto range = ScopeRange(actor);
  if (!range) return page;
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto rows, store::ListMaClaims(*lease, range->first, range->second, status,
                                                     before_id, limit + 1));
  if (static_cast<int>(rows.size()) > limit) {
    rows.pop_back();
    page.next_cursor = rows.back().id;
  }
  for (auto& r : rows) {
    ZJ_ASSIGN_OR_RETURN(auto v, ClaimView(*lease, std::move(r)));
    page.items.push_back(std::move(v));
  }
  return page;
}

Result<MaClaimView> MutualAidService::Decide(const Actor& actor, std::int64_t id,
                                             const std::string& to, const std::string& reason,
                                             const std::string& reference,
                                             const std::string& paid_on) {
  ZJ_RETURN_IF_ERROR(MustDecideMa(actor));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<MaClaimView> {
    ZJ_ASSIGN_OR_RETURN(auto row, LoadClaim(c, actor, id));
    ZJ_ASSIGN_OR_RETURN(auto plan, store::FindMaPlan(c, row.plan_id));
    if (!plan || !PathInScope(actor, plan->org_path)) return Fail(NotPlanLevel());
    const std::string from = to == "paid" ? "approved" : "filed";
    if (row.status != from) {
      return Fail(ErrorCode::kConflict, "error.mutual_aid.claim_state",
                  "claim " + row.status + ", not " + from);
    }
    row.status = to;
    if (to == "paid") {
      row.paid_on = paid_on;
      row.payment_ref = reference;
    } else {
      if (actor.user_id != 0) row.decided_by = actor.user_id;
      row.decided_at = clock_.NowMs();
      if (to == "refused") row.refused_reason = reason;
    }
    ZJ_ASSIGN_OR_RETURN(bool moved, store::MoveMaClaim(c, row, from));
    if (!moved) return Fail(ErrorCode::kConflict, "error.mutual_aid.claim_state", "moved");
    std::vector<std::pair<std::string, std::string>> detail{
        {"amount_fen", std::to_string(row.amount_fen)}};
    if (to == "paid") {
      // 有效覆盖: the payment reached the member.
      ZJ_RETURN_IF_ERROR(MarkServed(c, row.member_id, clock_.NowMs()));
      detail.emplace_back("paid_on", paid_on);
    }
    const std::string action = to == "approved"  ? "mutual_aid.claim.approve"
                               : to == "refused" ? "mutual_aid.claim.refuse"
                                                 : "mutual_aid.claim.pay";
    ZJ_RETURN_IF_ERROR(Audit(c, actor, action, "ma_claim", row.id, std::move(detail)));
    return ClaimView(c, std::move(row));
  });
}

Result<MaClaimView> MutualAidService::Approve(const Actor& actor, std::int64_t id) {
  return Decide(actor, id, "approved", "", "", "");
}

Result<MaClaimView> MutualAidService::Refuse(const Actor& actor, std::int64_t id,
                                             const std::string& reason) {
  const std::size_t chars = [&] {
    std::size_t n = 0;
    for (const unsigned char ch : reason) n += (ch & 0xC0) != 0x80 ? 1 : 0;
    return n;
  }();
  if (chars < 2 || chars > 500) {
    return Fail(FieldProblem("reason", "error.field.out_of_range", {{"min", "2"}, {"max", "500"}}));
  }
  return Decide(actor, id, "refused", reason, "", "");
}

Result<MaClaimView> MutualAidService::Pay(const Actor& actor, std::int64_t id,
                                          const std::string& reference,
                                          const std::string& paid_on) {
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "payment", {}, {}};
  if (reference.empty() || reference.size() > 100) {
    invalid.fields.push_back(
        {"reference", "error.field.out_of_range", {{"min", "1"}, {"max", "100"}}});
  }
  const std::string day = paid_on.empty() ? BeijingDay(clock_.NowMs()) : paid_on;
  if (!ParseDay(day)) invalid.fields.push_back({"paid_on", "error.mutual_aid.day", {}});
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  return Decide(actor, id, "paid", "", reference, day);
}

Result<std::vector<MyMaPlan>> MutualAidService::MyPlans(const Actor& worker) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto member, BoundMember(*lease, worker));
  ZJ_ASSIGN_OR_RETURN(auto enrolled, store::EnrolmentsOfMember(*lease, member.id, std::nullopt));
  const std::string today = BeijingDay(clock_.NowMs());
  std::vector<MyMaPlan> out;
  for (auto& e : enrolled) {
    if (e.period.starts_on > today || e.period.ends_on < today) continue;
    ZJ_ASSIGN_OR_RETURN(auto plan, store::FindMaPlan(*lease, e.period.plan_id));
    if (!plan) continue;
    MyMaPlan p{std::move(*plan), e.period, e.enrolment.covered_from, e.enrolment.removed_on, {}};
    ZJ_ASSIGN_OR_RETURN(auto benefits, store::BenefitsOfPlan(*lease, p.plan.id));
    for (const auto& b : benefits) {
      ZJ_ASSIGN_OR_RETURN(auto rule, BenefitFromRow(b));
      p.benefits.push_back(std::move(rule));
    }
    out.push_back(std::move(p));
  }
  return out;
}

Result<std::vector<MaClaimView>> MutualAidService::MyClaims(const Actor& worker) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto member, BoundMember(*lease, worker));
  ZJ_ASSIGN_OR_RETURN(auto rows, store::ClaimsOfMember(*lease, member.id));
  std::vector<MaClaimView> out;
  for (auto& r : rows) {
    ZJ_ASSIGN_OR_RETURN(auto v, ClaimView(*lease, std::move(r)));
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace zj::app
