// The decisions on a file that the audit log keeps before they take effect: overriding the
// computed level with a reason, closing the file with a reason, and revealing one household
// member's name or ID number.
#include "app/hardship/case_figures.h"
#include "app/hardship/hardship_rules.h"
#include "app/hardship/hardship_service.h"
#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "core/hardship/hardship_workflow.h"
#include "core/text/halfwidth.h"
#include "store/hardship_flow.h"

namespace zj::app {

Result<HardshipFileDetail> HardshipService::Override(const Actor& actor, std::int64_t id,
                                                     const std::string& level,
                                                     const std::string& reason) {
  ZJ_RETURN_IF_ERROR(MustManageHardship(actor));
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "override", {}, {}};
  if (!hardship::ParseLevel(level)) {
    invalid.fields.push_back({"level", "error.hardship.level", {}});
  }
  auto why = CheckReason("reason", reason);
  if (!why) {
    for (auto& f : why.error().fields) invalid.fields.push_back(f);
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<HardshipFileDetail> {
    ZJ_ASSIGN_OR_RETURN(auto row, store::FindHardshipFile(c, id));
    if (!row || !PathInScope(actor, row->org_path)) return Fail(HardshipFileNotFound(id));
    const AuditEvent event{
        "hardship.override", "hardship_file",
        std::to_string(id),  "ok",
        actor.remote_addr,   {{"from", row->level_final}, {"to", level}, {"reason", *why}}};
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor), event));
    ZJ_RETURN_IF_ERROR(CountLevelChanged(c, *row, level));
    ZJ_RETURN_IF_ERROR(
        store::OverrideHardshipLevel(c, id, level, *why, actor.user_id, clock_.NowMs()));
    ZJ_RETURN_IF_ERROR(Step(c, actor, id, "overridden",
                            {{"from", row->level_final}, {"to", level}, {"reason", *why}}));
    return Load(c, actor, id);
  });
}

Result<HardshipFileDetail> HardshipService::Close(const Actor& actor, std::int64_t id,
                                                  const std::string& reason,
                                                  const std::string& note) {
  ZJ_RETURN_IF_ERROR(MustManageHardship(actor));
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "close", {}, {}};
  if (!hardship::IsCloseReason(reason))
    invalid.fields.push_back({"reason", "error.hardship.close_reason", {}});
  std::string why;
  if (reason == "other" || !text::TrimSpaces(note).empty()) {
    auto checked = CheckReason("note", note);
    if (checked) {
      why = *checked;
    } else {
      for (auto& f : checked.error().fields) invalid.fields.push_back(f);
    }
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<HardshipFileDetail> {
    ZJ_ASSIGN_OR_RETURN(auto row, store::FindHardshipFile(c, id));
    if (!row || !PathInScope(actor, row->org_path)) return Fail(HardshipFileNotFound(id));
    if (row->status != "open") {
      return Fail(ErrorCode::kConflict, "error.hardship.closed",
                  "hardship file " + std::to_string(id) + " is closed");
    }
    // The note may name people or illness: the audit entry keeps the reason code only.
    const AuditEvent event{"hardship.close",  "hardship_file",     std::to_string(id), "ok",
                           actor.remote_addr, {{"reason", reason}}};
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor), event));
    ZJ_RETURN_IF_ERROR(store::CloseHardshipFile(c, id, reason, clock_.NowMs()));
    ZJ_RETURN_IF_ERROR(CountFileClosed(c, *row, reason, clock_.NowMs()));
    // The workflow ends with the file, from whatever stage it stood at.
    ZJ_ASSIGN_OR_RETURN(auto flow, store::FindHardshipFlow(c, id));
    if (flow) {
      store::HardshipFlowRow closed = *flow;
      closed.stage = std::string(hardship::StageName(hardship::Stage::kClosed));
      closed.updated_at = clock_.NowMs();
      ZJ_ASSIGN_OR_RETURN(bool moved, store::UpdateHardshipFlow(c, closed, flow->stage));
      if (!moved) {
        return Fail(ErrorCode::kConflict, "error.hardship.closed",
                    "hardship file " + std::to_string(id) + " moved meanwhile");
      }
    }
    std::vector<std::pair<std::string, std::string>> detail{{"reason", reason}};
    if (!why.empty()) detail.emplace_back("note", why);
    ZJ_RETURN_IF_ERROR(Step(c, actor, id, "closed", detail));
    return Load(c, actor, id);
  });
}

Result<std::string> HardshipService::Reveal(const Actor& actor, std::int64_t id,
                                            std::int64_t person_id, HouseholdRevealField field,
                                            const std::string& reason) {
  ZJ_RETURN_IF_ERROR(MustManageHardship(actor));
  ZJ_ASSIGN_OR_RETURN(std::string why, CheckReason("reason", reason));
  const std::string field_name = field == HouseholdRevealField::kName ? "name" : "id_number";
  const AuditEvent attempt{
      "personal_data.reveal",
      "hardship_file",
      std::to_string(id),
      "ok",
      actor.remote_addr,
      {{"field", field_name}, {"person", std::to_string(person_id)}, {"reason", why}}};
  auto revealed = store::InTransaction(db_, [&](store::Connection& c) -> Result<std::string> {
    ZJ_ASSIGN_OR_RETURN(auto row, store::FindHardshipFile(c, id));
    if (!row || !PathInScope(actor, row->org_path)) return Fail(HardshipFileNotFound(id));
    ZJ_ASSIGN_OR_RETURN(auto household, store::HouseholdOf(c, id));
    const store::HouseholdMemberRow* person = nullptr;
    for (const auto& m : household) {
      if (m.id == person_id) person = &m;
    }
    if (person == nullptr) return Fail(HardshipFileNotFound(id));
    // The entry first, in the same transaction: no entry, no value.
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor), attempt));
    ZJ_RETURN_IF_ERROR(Step(c, actor, id, "revealed",
                            {{"field", field_name}, {"person", std::to_string(person_id)}}));
    if (field == HouseholdRevealField::kName) {
      return vault_.Open(kHouseholdNameField, person->name_cipher);
    }
    return vault_.Open(kHouseholdIdField, person->id_cipher);
  });
  if (!revealed && revealed.error().code == ErrorCode::kNotFound) {
    AuditEvent denied = attempt;
    denied.outcome = "denied";
    audit_.RecordOrLog(AuditActor::From(actor), denied);
  }
  return revealed;
}

}  // namespace zj::app
