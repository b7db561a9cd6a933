#include "app/mutual_aid/mutual_aid_rules.h"

#include <set>

#include "app/orgs/org_scope.h"
#include "core/orgs/org_path.h"

namespace zj::app {

namespace {

bool IsCode(const std::string& code) {
  if (code.empty() || code.size() > 40) return false;
  for (const char c : code) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

//! Characters of UTF-8 text (code points).
std::size_t Chars(const std::string& text) {
  std::size_t n = 0;
  for (const unsigned char c : text) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

}  // namespace

Result<void> MustRunMa(const Actor& actor) {
  if (actor.role == "admin" || actor.role == "staff" || actor.role == "cadre") return {};
  return Fail(ErrorCode::kPermissionDenied, "error.mutual_aid.forbidden",
              actor.role + " does not run mutual-aid plans");
}

Result<void> MustDecideMa(const Actor& actor) {
  if (actor.role == "admin" || actor.role == "staff") return {};
  return Fail(ErrorCode::kPermissionDenied, "error.mutual_aid.forbidden",
              actor.role + " does not decide mutual-aid plans");
}

bool PlanVisible(const Actor& actor, const std::string& plan_path) {
  if (PathInScope(actor, plan_path)) return true;
  return !actor.org_path.empty() && !IsWorker(actor) &&
         OrgPath::FromStored(plan_path).Contains(OrgPath::FromStored(actor.org_path));
}

Error MaNotFound(const std::string& what) {
  return Error{ErrorCode::kNotFound, "error.not_found", what, {}, {}};
}

Error NotPlanLevel() {
  return Error{ErrorCode::kPermissionDenied,
               "error.mutual_aid.not_plan_level",
               "decided at the plan's org or above",
               {},
               {}};
}

Result<void> CheckNewPlan(const NewMaPlan& in) {
  Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "plan", {}, {}};
  if (!IsCode(in.code)) e.fields.push_back({"code", "error.mutual_aid.plan_code", {}});
  if (in.title.empty()) e.fields.push_back({"title", "error.field.required", {}});
  if (Chars(in.title) > 200)
    e.fields.push_back({"title", "error.field.too_long", {{"max", "200"}}});
  if (in.kind != "medical" && in.kind != "accident" && in.kind != "property") {
    e.fields.push_back({"kind", "error.field.one_of", {{"values", "medical, accident, property"}}});
  }
  if (in.eligibility != "card_holders" && in.eligibility != "in_service_medical") {
    e.fields.push_back(
        {"eligibility", "error.field.one_of", {{"values", "card_holders, in_service_medical"}}});
  }
  if (!mutual_aid::IsPeriodStart({in.period_month, in.period_day})) {
    e.fields.push_back({"period_start", "error.mutual_aid.period_start", {}});
  }
  if (in.per_head_fen < 0 || in.per_head_fen > 1'000'000) {
    e.fields.push_back(
        {"per_head_fen", "error.field.out_of_range", {{"min", "0"}, {"max", "1000000"}}});
  }
  if (in.changes_days_before < 0 || in.changes_days_before > 90) {
    e.fields.push_back(
        {"changes_days_before", "error.field.out_of_range", {{"min", "0"}, {"max", "90"}}});
  }
  for (auto& f : mutual_aid::CheckPayers(in.payers)) e.fields.push_back(std::move(f));
  if (in.benefits.empty() || in.benefits.size() > 20) {
    e.fields.push_back({"benefits", "error.mutual_aid.benefits", {{"max", "20"}}});
  }
  std::set<std::string> codes;
  for (std::size_t i = 0; i < in.benefits.size() && i < 20; ++i) {
    for (auto& f : mutual_aid::CheckBenefitRule(in.benefits[i], i))
      e.fields.push_back(std::move(f));
    if (!codes.insert(in.benefits[i].code).second) {
      e.fields.push_back(
          {"benefits." + std::to_string(i) + ".code", "error.mutual_aid.benefit_twice", {}});
    }
  }
  if (!e.fields.empty()) return Fail(std::move(e));
  return {};
}

}  // namespace zj::app
