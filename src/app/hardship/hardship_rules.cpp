#include "app/hardship/hardship_rules.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <string_view>

#include "app/audit/audit_service.h"
#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "core/hardship/hardship_workflow.h"
#include "core/members/calendar_date.h"
#include "store/orgs.h"

namespace zj::app {

namespace {

constexpr std::int64_t kMaxFen = 10'000'000'000;  // ¥100,000,000: no household's year is more
constexpr std::size_t kMaxPeople = 20;
constexpr std::size_t kMaxExpenses = 20;
constexpr std::array<std::string_view, 7> kRelations{"self",    "spouse",      "child", "parent",
                                                     "sibling", "grandparent", "other"};
constexpr std::array<std::string_view, 3> kExpenseKinds{"medical", "schooling", "other"};
constexpr std::array<std::string_view, 6> kWorkStatuses{"employed", "unemployed", "retired",
                                                        "student",  "unable",     "other"};

template <std::size_t N>
bool OneOf(const std::array<std::string_view, N>& list, std::string_view v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

void CheckFen(const std::string& field, std::int64_t fen, Error& invalid) {
  if (fen < 0 || fen > kMaxFen) invalid.fields.push_back({field, "error.hardship.amount", {}});
}

}  // namespace

Result<void> MustManageHardship(const Actor& actor) {
  if (actor.role == "admin" || actor.role == "staff" || actor.role == "cadre") return {};
  return Fail(ErrorCode::kPermissionDenied, "error.hardship.forbidden",
              actor.role + " does not work with hardship files");
}

void CheckFileFacts(const NewHardshipFile& f, Error& invalid) {
  if (!f.org_id && !f.member_id) invalid.fields.push_back({"org_id", "error.field.required", {}});
  if (f.household.size() > kMaxPeople || (f.household.empty() && !f.member_id)) {
    invalid.fields.push_back(
        {"household", "error.hardship.household_size", {{"max", std::to_string(kMaxPeople)}}});
  }
  for (std::size_t i = 0; i < f.household.size() && i < kMaxPeople; ++i) {
    const auto& h = f.household[i];
    const std::string at = "household[" + std::to_string(i) + "].";
    if (!OneOf(kRelations, h.relation)) {
      invalid.fields.push_back({at + "relation", "error.hardship.relation", {}});
    }
    CheckFen(at + "income_fen", h.income_fen, invalid);
    if (h.work_status && !OneOf(kWorkStatuses, *h.work_status)) {
      invalid.fields.push_back({at + "work_status", "error.hardship.work_status", {}});
    }
  }
  CheckFen("member_income_fen", f.member_income_fen, invalid);
  if (f.expenses.size() > kMaxExpenses) {
    invalid.fields.push_back(
        {"expenses", "error.hardship.expenses", {{"max", std::to_string(kMaxExpenses)}}});
  }
  for (std::size_t i = 0; i < f.expenses.size() && i < kMaxExpenses; ++i) {
    const std::string at = "expenses[" + std::to_string(i) + "].";
    if (!OneOf(kExpenseKinds, f.expenses[i].kind)) {
      invalid.fields.push_back({at + "kind", "error.hardship.expense_kind", {}});
    }
    CheckFen(at + "amount_fen", f.expenses[i].amount_fen, invalid);
  }
  CheckFen("sudden_cost_fen", f.sudden_cost_fen, invalid);
  CheckFen("sudden_medical_fen", f.sudden_medical_fen, invalid);
  if (f.sudden_medical_fen > f.sudden_cost_fen) {
    invalid.fields.push_back({"sudden_medical_fen", "error.hardship.medical_part", {}});
  }
  for (auto& e : hardship::CheckCauses(f.main_cause, f.secondary_causes)) {
    invalid.fields.push_back(std::move(e));
  }
  for (auto& e : hardship::CheckExclusions(f.exclusions)) invalid.fields.push_back(std::move(e));
  if (f.year && (*f.year < 2000 || *f.year > 2100)) {
    invalid.fields.push_back({"year", "error.standards.year", {}});
  }
}

hardship::LevelFacts FactsOf(const store::HardshipFileRow& row) {
  hardship::LevelFacts f;
  f.annual_income_fen = row.annual_income_fen;
  f.rigid_expenses_fen = row.rigid_expenses_fen;
  f.household_size = row.household_size;
  f.dibao_monthly_fen = row.standard_dibao_fen;
  f.sudden_cost_fen = row.sudden_cost_fen;
  f.sudden_medical_fen = row.sudden_medical_fen;
  f.thresholds = {row.standard_cost_pct, row.standard_medical_pct};
  f.exclusions = hardship::SplitCodes(row.exclusions);
  return f;
}

Error AlreadyOpen(const Actor& actor, const store::OpenFileOfPerson& other,
                  const std::string& field) {
  Error e{ErrorCode::kAlreadyExists,
          "error.hardship.already_open",
          "a person of the household is in an open file",
          {},
          {}};
  if (other.file_id != 0 && PathInScope(actor, other.org_path)) {
    e.args.emplace_back("hardship_file.id", std::to_string(other.file_id));
    e.fields.push_back(
        {field, "error.hardship.already_open_here", {{"file", std::to_string(other.file_id)}}});
  } else {
    e.fields.push_back({field, "error.hardship.already_open", {}});
  }
  return e;
}

Result<void> AddHardshipStep(store::Connection& conn, const Clock& clock, Random& random,
                             const Vault& vault, const Actor& actor, std::int64_t file_id,
                             const std::string& step,
                             const std::vector<std::pair<std::string, std::string>>& detail) {
  store::HardshipStepRow s;
  s.id = NewId(clock, random);
  s.file_id = file_id;
  s.step = step;
  if (actor.user_id != 0) s.actor_id = actor.user_id;
  s.org_id = actor.org_id;
  s.at = clock.NowMs();
  std::vector<std::pair<std::string, std::string>> plain;
  std::vector<std::pair<std::string, std::string>> free_text;
  for (const auto& field : detail) {
    const bool text = field.first == "note" || field.first == "visitors" || field.first == "reason";
    (text ? free_text : plain).push_back(field);
  }
  s.detail = JsonObjectOfStrings(plain);
  if (!free_text.empty()) {
    ZJ_ASSIGN_OR_RETURN(store::Blob sealed,
                        vault.Seal(kHardshipStepTextField, JsonObjectOfStrings(free_text)));
    s.key_version = Vault::OldestVersion({&sealed});
    s.text_cipher = std::move(sealed);
  }
  return store::InsertHardshipStep(conn, s);
}

Result<std::string> StepDetail(const Vault& vault, const store::HardshipStepRow& step) {
  if (!step.text_cipher) return step.detail;
  ZJ_ASSIGN_OR_RETURN(std::string text, vault.Open(kHardshipStepTextField, *step.text_cipher));
  // Both are flat objects of strings this file wrote; a row no parser reads is a broken row.
  auto whole = nlohmann::json::parse(step.detail, nullptr, false);
  const auto opened = nlohmann::json::parse(text, nullptr, false);
  if (!whole.is_object() || !opened.is_object()) {
    return Fail(Error{ErrorCode::kInternal, "error.internal", "a trail step's detail", {}, {}});
  }
  whole.update(opened);
  return whole.dump();
}

Result<store::HardshipRulesRow> WorkflowRulesOf(store::Connection& conn,
                                                std::int64_t federation_id) {
  ZJ_ASSIGN_OR_RETURN(auto stored, store::FindHardshipRules(conn, federation_id));
  if (stored) return *stored;
  store::HardshipRulesRow defaults;
  const hardship::WorkflowRules r;
  defaults.federation_id = federation_id;
  defaults.publicity_working_days = r.publicity_working_days;
  defaults.review_months = r.review_months;
  defaults.reminder_days = r.reminder_days;
  defaults.retention_years = r.retention_years;
  defaults.spot_check_pct = r.spot_check_pct;
  return defaults;
}

Result<store::HardshipRulesRow> ActorWorkflowRules(store::Connection& conn, const Actor& actor) {
  if (!actor.org_id) return WorkflowRulesOf(conn, 0);
  ZJ_ASSIGN_OR_RETURN(store::OrgRow org, LoadOrgInScope(conn, actor, *actor.org_id, "org_id"));
  return WorkflowRulesOf(conn, org.federation_id);
}

Result<std::string> ReviewsDueBy(store::Connection& conn, const Clock& clock, const Actor& actor) {
  ZJ_ASSIGN_OR_RETURN(store::HardshipRulesRow rules, ActorWorkflowRules(conn, actor));
  const std::chrono::sys_days by =
      std::chrono::sys_days(TodayInChina(clock)) + std::chrono::days(rules.reminder_days);
  return members::FormatDate(std::chrono::year_month_day(by));
}

}  // namespace zj::app
