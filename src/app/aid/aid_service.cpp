#include "app/aid/aid_service.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/aid/aid_rules_service.h"
#include "app/hardship/hardship_service.h"
#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "core/aid/aid_rules.h"
#include "core/hardship/hardship_level.h"
#include "core/orgs/org_path.h"
#include "store/aid_standards.h"
#include "store/hardship.h"
#include "store/hardship_flow.h"

namespace zj::app {

namespace {

constexpr int kMaxLimit = 200;
constexpr std::int64_t kMaxFen = 10'000'000'000;  // ¥100,000,000
constexpr int kMaxStudents = 20;                  // a household's people at most

std::vector<std::pair<std::string, std::string>> ArgsOf(const std::string& json) {
  std::vector<std::pair<std::string, std::string>> args;
  const auto parsed = nlohmann::json::parse(json, nullptr, false);
  if (!parsed.is_object()) return args;
  for (const auto& [k, v] : parsed.items()) {
    if (v.is_string()) args.emplace_back(k, v.get<std::string>());
  }
  return args;
}

AidGrantView ViewOf(store::AidGrantRow row) {
  AidGrantView v;
  v.rule_args = ArgsOf(row.rule_params);
  v.row = std::move(row);
  return v;
}

//! The ids of a path, nearest org first.
std::vector<std::int64_t> NearestFirst(const std::string& path) {
  auto ids = OrgPath::FromStored(path).Ids();
  std::reverse(ids.begin(), ids.end());
  return ids;
}

Error AlreadyGranted(const Actor& actor, const store::AidOnceHolder& other,
                     const std::string& period) {
  Error e{ErrorCode::kAlreadyExists,
          "error.aid.already_granted",
          "a person of the household has this aid in the period",
          {},
          {{"period", period}}};
  if (other.grant_id != 0 && PathInScope(actor, other.org_path)) {
    e.args.emplace_back("aid_grant.id", std::to_string(other.grant_id));
  }
  return e;
}

}  // namespace

Error AidGrantNotFound(std::int64_t id) {
  return Error{ErrorCode::kNotFound, "error.not_found", "aid grant " + std::to_string(id), {}, {}};
}

Result<AidGrantDetail> AidService::Load(store::Connection& conn, const Actor& actor,
                                        std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindAidGrant(conn, id));
  if (!row || !PathInScope(actor, row->org_path)) return Fail(AidGrantNotFound(id));
  AidGrantDetail d;
  d.grant = ViewOf(std::move(*row));
  ZJ_ASSIGN_OR_RETURN(d.payments, store::PaymentsOf(conn, id));
  return d;
}

Result<void> AidService::ReserveOnce(store::Connection& conn, const Actor& actor,
                                     const store::AidGrantRow& grant) {
  ZJ_ASSIGN_OR_RETURN(auto household, store::HouseholdOf(conn, grant.file_id));
  for (const auto& person : household) {
    // Every key version's index: a rotation in progress leaves rows under the older one.
    ZJ_ASSIGN_OR_RETURN(std::string number, vault_.Open(kHouseholdIdField, person.id_cipher));
    const auto lookups = vault_.BlindIndexes(kHouseholdIdField, number);
    if (lookups.empty()) return Fail(ErrorCode::kFailedPrecondition, "error.keys.missing", "");
    ZJ_ASSIGN_OR_RETURN(auto other, store::FindAidOnce(conn, lookups, grant.kind, grant.period));
    if (other) return Fail(AlreadyGranted(actor, *other, grant.period));
    auto inserted = store::InsertAidOnce(conn, lookups.front(), grant.kind, grant.period, grant.id);
    if (!inserted && inserted.error().code == ErrorCode::kAlreadyExists) {
      // Another transaction granted the person meanwhile: the key is the guard.
      return Fail(AlreadyGranted(actor, store::AidOnceHolder{}, grant.period));
    }
    ZJ_RETURN_IF_ERROR(inserted);
  }
  return {};
}

Result<AidGrantDetail> AidService::Propose(const Actor& actor, const NewAidGrant& in) {
  ZJ_RETURN_IF_ERROR(MustWorkWithAid(actor));
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "aid grant", {}, {}};
  const auto kind = aid::ParseKind(in.kind);
  if (!kind) invalid.fields.push_back({"kind", "error.aid.kind", {}});
  if (kind && !aid::IsPeriodOf(*kind, in.period)) {
    invalid.fields.push_back(
        {"period",
         *kind == aid::Kind::kEmergency ? "error.aid.period_month" : "error.aid.period_year",
         {}});
  }
  if (in.amount_fen && (*in.amount_fen < 1 || *in.amount_fen > kMaxFen)) {
    invalid.fields.push_back({"amount_fen", "error.hardship.amount", {}});
  }
  if (in.cost_fen < 0 || in.cost_fen > kMaxFen) {
    invalid.fields.push_back({"cost_fen", "error.hardship.amount", {}});
  }
  if (in.students < 0 || in.students > kMaxStudents) {
    invalid.fields.push_back(
        {"students", "error.aid.students", {{"max", std::to_string(kMaxStudents)}}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));

  return store::InTransaction(db_, [&](store::Connection& c) -> Result<AidGrantDetail> {
    ZJ_ASSIGN_OR_RETURN(auto file, store::FindHardshipFile(c, in.file_id));
    if (!file || !PathInScope(actor, file->org_path)) {
      // 404 like every record outside the subtree, with the field named for the form.
      return Fail(Error{ErrorCode::kNotFound,
                        "error.not_found",
                        "hardship file " + std::to_string(in.file_id),
                        {{"file_id", "error.aid.file_unknown", {}}},
                        {}});
    }
    const auto level = hardship::ParseLevel(file->level_final);
    if (file->status != "open" || !level || *level == hardship::Level::kNone ||
        *level == hardship::Level::kExcluded) {
      return Fail(Error{ErrorCode::kConflict,
                        "error.aid.file_not_eligible",
                        "the file is closed or its level is none or excluded",
                        {},
                        {{"level", file->level_final}, {"status", file->status}}});
    }
    // Aid goes to households whose file went through the workflow (publicity and approval).
    ZJ_ASSIGN_OR_RETURN(auto flow, store::FindHardshipFlow(c, file->id));
    if (!flow || flow->stage != "active") {
      return Fail(Error{ErrorCode::kConflict,
                        "error.aid.file_not_active",
                        "the file is not approved (active) yet",
                        {},
                        {{"stage", flow ? flow->stage : std::string("applied")}}});
    }
    const int year = aid::PeriodYear(in.period);
    const auto path = NearestFirst(file->org_path);
    ZJ_ASSIGN_OR_RETURN(auto rule,
                        store::NearestAidRule(c, path, year, in.kind, file->level_final));
    if (!rule) {
      return Fail(
          Error{ErrorCode::kUnprocessable,
                "error.aid.no_rule",
                "no aid rule for the file's level",
                {},
                {{"kind", in.kind}, {"level", file->level_final}, {"year", std::to_string(year)}}});
    }
    const aid::Rule r{*aid::ParseRuleKind(rule->rule),
                      rule->months,
                      rule->amount_fen,
                      rule->share_pct,
                      rule->cap_fen,
                      *aid::ParsePer(rule->per_unit)};
    const aid::Amount allowed = aid::Compute(
        r,
        aid::GrantFacts{file->standard_dibao_fen, file->household_size, in.students, in.cost_fen});
    if (in.amount_fen && *in.amount_fen > allowed.fen) {
      return Fail(FieldProblem("amount_fen", "error.aid.above_cap",
                               {{"cap", hardship::Yuan(allowed.fen)}}));
    }
    const std::int64_t amount = in.amount_fen.value_or(allowed.fen);
    if (amount <= 0) return Fail(FieldProblem("amount_fen", "error.aid.zero"));
    ZJ_ASSIGN_OR_RETURN(auto limit_rows, store::NearestApprovalLimits(c, path, in.kind));
    std::vector<aid::Limit> limits;
    for (const auto& l : limit_rows) {
      if (auto lv = aid::ParseOrgLevel(l.org_level)) limits.push_back({*lv, l.max_fen});
    }
    const auto approver = aid::ApproverLevel(limits, amount);
    if (!approver) {
      return Fail(Error{ErrorCode::kUnprocessable,
                        "error.aid.no_limits",
                        "no approval limits for the kind",
                        {},
                        {{"kind", in.kind}}});
    }
    ZJ_ASSIGN_OR_RETURN(auto budget, store::NearestBudget(c, path, year, in.kind));
    if (!budget) {
      return Fail(Error{ErrorCode::kUnprocessable,
                        "error.aid.no_budget",
                        "no budget for the kind and year on the file's path",
                        {},
                        {{"kind", in.kind}, {"year", std::to_string(year)}}});
    }

    store::AidGrantRow g;
    g.id = NewId(clock_, random_);
    g.federation_id = file->federation_id;
    g.file_id = file->id;
    g.org_id = file->org_id;
    g.org_path = file->org_path;
    g.kind = in.kind;
    g.period = in.period;
    g.amount_fen = amount;
    g.rule_text = allowed.rule_key;
    auto params = allowed.rule_args;
    params.emplace_back("allowed", hardship::Yuan(allowed.fen));
    g.rule_params = JsonObjectOfStrings(params);
    g.status = "proposed";
    g.approver_level = std::string(aid::OrgLevelCode(*approver));
    g.budget_org_id = budget->org_id;
    if (actor.user_id != 0) g.proposed_by = actor.user_id;
    g.proposed_at = g.updated_at = clock_.NowMs();
    ZJ_RETURN_IF_ERROR(store::InsertAidGrant(c, g));
    ZJ_RETURN_IF_ERROR(ReserveOnce(c, actor, g));
    const AuditEvent event{"aid.propose",
                           "aid_grant",
                           std::to_string(g.id),
                           "ok",
                           actor.remote_addr,
                           {{"file", std::to_string(g.file_id)},
                            {"kind", g.kind},
                            {"period", g.period},
                            {"amount_fen", std::to_string(g.amount_fen)},
                            {"approver_level", g.approver_level}}};
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor), event));
    return Load(c, actor, g.id);
  });
}

Result<AidGrantDetail> AidService::Get(const Actor& actor, std::int64_t id) {
  ZJ_RETURN_IF_ERROR(MustWorkWithAid(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  return Load(*lease, actor, id);
}

Result<AidPage> AidService::List(const Actor& actor, const AidFilter& filter) {
  ZJ_RETURN_IF_ERROR(MustWorkWithAid(actor));
  if (filter.limit < 1 || filter.limit > kMaxLimit) {
    return Fail(FieldProblem("limit", "error.field.limit", {{"max", std::to_string(kMaxLimit)}}));
  }
  static constexpr std::string_view kStatuses[] = {"proposed", "approved", "paid", "refused"};
  if (!filter.status.empty() &&
      std::find(std::begin(kStatuses), std::end(kStatuses), filter.status) == std::end(kStatuses)) {
    return Fail(FieldProblem("status", "error.aid.status"));
  }
  if (!filter.kind.empty() && !aid::ParseKind(filter.kind)) {
    return Fail(FieldProblem("kind", "error.aid.kind"));
  }
  AidPage page;
  const auto range = ScopeRange(actor);
  if (!range) return page;
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::AidGrantQuery q;
  q.low = range->first;
  q.high = range->second;
  q.status = filter.status;
  q.kind = filter.kind;
  q.file_id = filter.file_id;
  q.before_id = filter.before_id;
  q.limit = filter.limit + 1;
  if (filter.to_decide) {
    q.status = "proposed";
    // An administrator decides at any level; anyone else the grants waiting for their org's.
    if (!SeesEverything(actor)) {
      std::optional<aid::OrgLevel> level;
      if (actor.org_id) {
        ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(*lease, *actor.org_id));
        if (org) level = aid::LevelOfOrgKind(org->kind);
      }
      if (!level) return page;
      q.approver_level = std::string(aid::OrgLevelCode(*level));
    }
  }
  ZJ_ASSIGN_OR_RETURN(auto rows, store::ListAidGrants(*lease, q));
  if (static_cast<int>(rows.size()) > filter.limit) {
    rows.pop_back();
    page.next_cursor = rows.back().id;
  }
  for (auto& r : rows) page.items.push_back(ViewOf(std::move(r)));
  return page;
}

}  // namespace zj::app
