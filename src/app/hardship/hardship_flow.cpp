#include "app/hardship/hardship_flow.h"

#include <algorithm>

#include "app/coverage/served.h"
#include "app/hardship/hardship_rules.h"
#include "app/hardship/hardship_service.h"
#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "core/calendar/work_calendar.h"
#include "core/members/calendar_date.h"
#include "core/text/field_limits.h"
#include "core/text/halfwidth.h"
#include "store/hardship.h"

namespace zj::app {

namespace {

using std::chrono::sys_days;

constexpr std::size_t kMaxVisitors = 10;

Error Invalid(std::vector<FieldError> fields) {
  return Error{
      ErrorCode::kInvalidArgument, "error.invalid_input", "hardship step", std::move(fields), {}};
}

Error NotAllowed(std::string_view step, std::string_view stage) {
  return Error{ErrorCode::kConflict,
               "error.hardship.step_not_allowed",
               "step not allowed in this stage",
               {},
               {{"step", std::string(step)}, {"stage", std::string(stage)}}};
}

//! Whether the actor stands above the file's org: an administrator, or someone whose subtree
//! holds the file without being the file's own org.
bool AboveFile(const Actor& actor, const std::string& file_org_path) {
  if (SeesEverything(actor)) return true;
  return PathInScope(actor, file_org_path) && actor.org_path != file_org_path;
}

bool MayTake(const Actor& actor, hardship::Step step, const std::string& file_org_path) {
  switch (hardship::WhoMay(step)) {
    case hardship::Who::kFileScope:
      return PathInScope(actor, file_org_path);
    case hardship::Who::kAboveFile:
      return AboveFile(actor, file_org_path);
    case hardship::Who::kSystem:
      return false;
  }
  return false;
}

std::optional<sys_days> ParseDay(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  const auto d = members::ParseRosterDate(*text);
  if (!d) return std::nullopt;
  return sys_days(*d);
}

std::string Iso(sys_days day) { return members::FormatDate(std::chrono::year_month_day(day)); }

}  // namespace

store::HardshipFlowRow HardshipFlowService::Applied(std::int64_t file_id,
                                                    const std::string& org_path,
                                                    std::int64_t federation_id,
                                                    std::int64_t now_ms) {
  store::HardshipFlowRow row;
  row.file_id = file_id;
  row.org_path = org_path;
  row.federation_id = federation_id;
  row.stage = std::string(hardship::StageName(hardship::Stage::kApplied));
  row.updated_at = now_ms;
  return row;
}

FlowView HardshipFlowService::ViewOf(const Actor& actor, store::HardshipFlowRow row,
                                     const std::string& file_org_path, int reminder_days) const {
  FlowView view;
  const auto stage = hardship::ParseStage(row.stage).value_or(hardship::Stage::kApplied);
  for (const hardship::Step step : hardship::OfferedSteps(stage)) {
    // Closing has its own use case and route; the others only for who may take them.
    if (step != hardship::Step::kClose && MayTake(actor, step, file_org_path)) {
      view.offered.emplace_back(hardship::StepName(step));
    }
  }
  // A spot check only for a file this year's draw picked (hardship_sweep.h), until recorded.
  if (stage == hardship::Stage::kActive && row.spot_check_due &&
      MayTake(actor, hardship::Step::kSpotCheck, file_org_path)) {
    const auto close = std::find(view.offered.begin(), view.offered.end(), "close");
    view.offered.insert(close, std::string(hardship::StepName(hardship::Step::kSpotCheck)));
  }
  if (stage == hardship::Stage::kActive) {
    if (const auto due = ParseDay(row.review_due_on)) {
      view.review_due =
          hardship::ReviewShowsDue(*due, sys_days(TodayInChina(clock_)), reminder_days);
    }
  }
  view.row = std::move(row);
  return view;
}

Result<FlowView> HardshipFlowService::Of(const Actor& actor, std::int64_t file_id) {
  ZJ_RETURN_IF_ERROR(MustManageHardship(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto file, store::FindHardshipFile(*lease, file_id));
  if (!file || !PathInScope(actor, file->org_path)) return Fail(HardshipFileNotFound(file_id));
  ZJ_ASSIGN_OR_RETURN(auto flow, store::FindHardshipFlow(*lease, file_id));
  if (!flow) return Fail(HardshipFileNotFound(file_id));
  ZJ_ASSIGN_OR_RETURN(store::HardshipRulesRow rules, WorkflowRulesOf(*lease, file->federation_id));
  return ViewOf(actor, std::move(*flow), file->org_path, rules.reminder_days);
}

Result<FlowView> HardshipFlowService::Take(const Actor& actor, std::int64_t file_id,
                                           const FlowStepInput& in) {
  ZJ_RETURN_IF_ERROR(MustManageHardship(actor));
  const auto step = hardship::ParseStep(in.step);
  if (!step || *step == hardship::Step::kClose || *step == hardship::Step::kErase) {
    return Fail(Invalid({{"step", "error.hardship.step", {}}}));
  }
  std::vector<FieldError> fields;
  const std::string note(text::TrimSpaces(in.note));
  if (auto e = text::CheckLength("note", note, text::TextKind::kReason)) fields.push_back(*e);
  if ((*step == hardship::Step::kObject || *step == hardship::Step::kAnswer) &&
      text::CodePoints(note) < 2) {
    fields.push_back({"note", "error.hardship.note_required", {}});
  }
  if (in.visitors.size() > kMaxVisitors) {
    fields.push_back({"visitors", "error.hardship.visitors_many", {}});
  }
  const sys_days today(TodayInChina(clock_));
  std::optional<sys_days> visit_on;
  if (*step == hardship::Step::kVisit) {
    visit_on = ParseDay(in.visit_on);
    if (!visit_on) fields.push_back({"visit_on", "error.hardship.visit_on", {}});
  }
  if (!fields.empty()) return Fail(Invalid(std::move(fields)));

  return store::InTransaction(db_, [&](store::Connection& c) -> Result<FlowView> {
    ZJ_ASSIGN_OR_RETURN(auto file, store::FindHardshipFile(c, file_id));
    if (!file || !PathInScope(actor, file->org_path)) return Fail(HardshipFileNotFound(file_id));
    ZJ_ASSIGN_OR_RETURN(auto flow, store::FindHardshipFlow(c, file_id));
    if (!flow) return Fail(HardshipFileNotFound(file_id));
    const auto stage = hardship::ParseStage(flow->stage).value_or(hardship::Stage::kApplied);
    const auto next = hardship::NextStage(stage, *step);
    if (!next) return Fail(NotAllowed(in.step, flow->stage));
    if (!MayTake(actor, *step, file->org_path)) {
      return Fail(Error{ErrorCode::kPermissionDenied,
                        "error.hardship.needs_upper_org",
                        "the step needs an org above the file's",
                        {},
                        {{"step", in.step}}});
    }
    ZJ_ASSIGN_OR_RETURN(store::HardshipRulesRow rules, WorkflowRulesOf(c, file->federation_id));
    store::HardshipFlowRow row = *flow;
    std::vector<std::pair<std::string, std::string>> detail;
    if (!note.empty()) detail.emplace_back("note", note);
    switch (*step) {
      case hardship::Step::kVisit: {
        const sys_days opened = calendar::LocalDay(file->opened_at);
        std::vector<std::string_view> names;
        std::string joined;
        for (const auto& v : in.visitors) {
          names.emplace_back(v);
          joined += (joined.empty() ? "" : "、") + v;
        }
        auto problems = hardship::CheckVisit(*visit_on, opened, today, names);
        if (!problems.empty()) return Fail(Invalid(std::move(problems)));
        detail.emplace_back("visit_on", Iso(*visit_on));
        detail.emplace_back("visitors", joined);
        break;
      }
      case hardship::Step::kPublicise: {
        const auto calendar = calendars_.Current();
        const sys_days ends = calendar->AddWorkingDays(today, rules.publicity_working_days);
        row.publicity_ends_on = Iso(ends);
        detail.emplace_back("publicity_ends_on", *row.publicity_ends_on);
        break;
      }
      case hardship::Step::kObject:
        ++row.open_objections;
        break;
      case hardship::Step::kAnswer:
        if (row.open_objections == 0) {
          return Fail(
              Error{ErrorCode::kConflict, "error.hardship.no_objection", "none open", {}, {}});
        }
        --row.open_objections;
        break;
      case hardship::Step::kApprove: {
        const auto ends = ParseDay(row.publicity_ends_on).value_or(today);
        if (const auto blocker = hardship::ApproveBlocker(today, ends, row.open_objections)) {
          return Fail(Error{ErrorCode::kConflict,
                            std::string(*blocker),
                            "approval blocked",
                            {},
                            {{"date", Iso(ends)}, {"count", std::to_string(row.open_objections)}}});
        }
        [[fallthrough]];
      }
      case hardship::Step::kAnnualReview:
        row.review_due_on = Iso(hardship::ReviewDue(today, rules.review_months));
        detail.emplace_back("review_due_on", *row.review_due_on);
        break;
      case hardship::Step::kSpotCheck:
        // Only a file drawn this year (the sweep's draw); recorded, it leaves the list.
        if (!row.spot_check_due) return Fail(NotAllowed(in.step, flow->stage));
        row.spot_check_due = false;
        break;
      default:
        break;
    }
    row.stage = std::string(hardship::StageName(*next));
    row.updated_at = clock_.NowMs();
    const AuditEvent event{
        "hardship.step",         "hardship_file",
        std::to_string(file_id), "ok",
        actor.remote_addr,       {{"step", in.step}, {"from", flow->stage}, {"to", row.stage}}};
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor), event));
    ZJ_ASSIGN_OR_RETURN(bool moved, store::UpdateHardshipFlow(c, row, flow->stage));
    if (!moved) return Fail(NotAllowed(in.step, flow->stage));
    // 有效覆盖 (issue 20: "files and cases count as served"): a file approved, or kept after its
    // annual review, serves the member whose household it is, for the mark's twelve months.
    if ((*step == hardship::Step::kApprove || *step == hardship::Step::kAnnualReview) &&
        file->member_id) {
      ZJ_RETURN_IF_ERROR(MarkServed(c, *file->member_id, row.updated_at));
    }
    ZJ_RETURN_IF_ERROR(
        AddHardshipStep(c, clock_, random_, vault_, actor, file_id, std::string(in.step), detail));
    return ViewOf(actor, std::move(row), file->org_path, rules.reminder_days);
  });
}

Result<store::HardshipRulesRow> HardshipFlowService::Rules(const Actor& actor) {
  ZJ_RETURN_IF_ERROR(MustManageHardship(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  return ActorWorkflowRules(*lease, actor);
}

Result<store::HardshipRulesRow> HardshipFlowService::SetRules(const Actor& actor,
                                                              store::HardshipRulesRow rules) {
  if (actor.role != "admin") {
    return Fail(Error{ErrorCode::kPermissionDenied,
                      "error.hardship.rules_forbidden",
                      "administrators only",
                      {},
                      {}});
  }
  std::vector<FieldError> fields;
  const auto bound = [&fields](const char* field, int value, int lo, int hi) {
    if (value < lo || value > hi) {
      fields.push_back({field,
                        "error.hardship.rule_range",
                        {{"min", std::to_string(lo)}, {"max", std::to_string(hi)}}});
    }
  };
  bound("publicity_working_days", rules.publicity_working_days, 1, 30);
  bound("review_months", rules.review_months, 1, 12);
  bound("reminder_days", rules.reminder_days, 0, 90);
  bound("retention_years", rules.retention_years, 10, 50);
  bound("spot_check_pct", rules.spot_check_pct, 0, 100);
  if (!fields.empty()) return Fail(Invalid(std::move(fields)));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<store::HardshipRulesRow> {
    if (!actor.org_id) return Fail(OrgNotFound("org_id", "no org"));
    ZJ_ASSIGN_OR_RETURN(store::OrgRow org, LoadOrgInScope(c, actor, *actor.org_id, "org_id"));
    rules.federation_id = org.federation_id;
    rules.updated_by = actor.user_id;
    rules.updated_at = clock_.NowMs();
    const AuditEvent event{
        "hardship.rules",
        "federation",
        std::to_string(rules.federation_id),
        "ok",
        actor.remote_addr,
        {{"publicity_working_days", std::to_string(rules.publicity_working_days)},
         {"review_months", std::to_string(rules.review_months)},
         {"reminder_days", std::to_string(rules.reminder_days)},
         {"retention_years", std::to_string(rules.retention_years)},
         {"spot_check_pct", std::to_string(rules.spot_check_pct)}}};
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor), event));
    ZJ_RETURN_IF_ERROR(store::UpsertHardshipRules(c, rules));
    return rules;
  });
}

}  // namespace zj::app
