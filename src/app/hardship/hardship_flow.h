// The hardship file's workflow as use cases (issue 20 slice 2; the rules in
// core/hardship/hardship_workflow.h): a cadre takes the next step on a file of their subtree —
// the union's first check, the home visit (date, two visitors at least), the review and the
// approval by an org above the file's (a street or district; the file's own union cannot
// approve its own application), the publicity with its end a number of working days on
// (objections recorded and answered), the annual review — each a step on the file's trail and
// an audit entry. Stage conflicts (another cadre moved the file first) are kConflict; a file
// outside the subtree is kNotFound. The numbers come from the federation's rules (data, with
// the defaults of service-rules.md), which an administrator sets.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/actor.h"
#include "app/audit/audit_service.h"
#include "app/calendar/calendar_service.h"
#include "app/clock.h"
#include "app/personal_data/vault.h"
#include "core/hardship/hardship_workflow.h"
#include "core/result.h"
#include "store/database.h"
#include "store/hardship_flow.h"

namespace zj::app {

struct FlowStepInput {
  std::string step;      //!< StepName: first_review, visit, review, publicise, object, answer, …
  std::string note;      //!< up to 500 characters; required for object and answer
  std::string visit_on;  //!< the visit's day, YYYY-MM-DD (visit only)
  std::vector<std::string> visitors;  //!< who visited (visit only)
};

struct FlowView {
  store::HardshipFlowRow row;
  std::vector<std::string> offered;  //!< the steps this actor may take now, next first
  bool review_due = false;           //!< active and the review shows as due today
};

class HardshipFlowService {
 public:
  HardshipFlowService(store::Database& db, const Clock& clock, Random& random, AuditService& audit,
                      CalendarBook& calendars, const Vault& vault)
      : db_(db),
        clock_(clock),
        random_(random),
        audit_(audit),
        calendars_(calendars),
        vault_(vault) {}

  Result<FlowView> Of(const Actor& actor, std::int64_t file_id);
  //! Takes one step (not close or erase: closing has its own use case). Field errors for an
  //! unknown step, a note too long or missing, a bad visit; kConflict
  //! "error.hardship.step_not_allowed" {step, stage} when the stage does not allow it (or moved
  //! meanwhile), "error.hardship.publicity_running" / "objections_open" for an early approval,
  //! "error.hardship.no_objection" for an answer with none open; kPermissionDenied
  //! "error.hardship.needs_upper_org" when the step needs an org above the file's.
  Result<FlowView> Take(const Actor& actor, std::int64_t file_id, const FlowStepInput& input);

  //! The rules of the actor's federation (the defaults when none were set).
  Result<store::HardshipRulesRow> Rules(const Actor& actor);
  //! Administrators only; field errors for numbers outside their bounds (publicity 1..30
  //! working days, review 1..12 months, reminder 0..90 days, retention 10..50 years, spot
  //! checks 0..100 %). Audited (hardship.rules).
  Result<store::HardshipRulesRow> SetRules(const Actor& actor, store::HardshipRulesRow rules);

  //! The flow row written with a new file, in the opening transaction.
  static store::HardshipFlowRow Applied(std::int64_t file_id, const std::string& org_path,
                                        std::int64_t federation_id, std::int64_t now_ms);

 private:
  FlowView ViewOf(const Actor& actor, store::HardshipFlowRow row, const std::string& file_org_path,
                  int reminder_days) const;

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;
  CalendarBook& calendars_;
  const Vault& vault_;
};

}  // namespace zj::app
