#include "app/members/member_access.h"

#include "core/calendar/work_calendar.h"
#include "core/coverage/coverage_figures.h"
#include "core/orgs/org_path.h"
#include "core/text/field_limits.h"
#include "core/text/halfwidth.h"
#include "store/coverage.h"

namespace zj::app {

bool ManagesMembers(const Actor& actor) {
  return actor.role == "admin" || actor.role == "staff" || actor.role == "cadre";
}

Result<void> MustReadMembers(const Actor& actor) {
  if (ManagesMembers(actor) || actor.role == "operator") return {};
  return Fail(ErrorCode::kPermissionDenied, "error.members.forbidden",
              actor.role + " does not read members");
}

Result<void> MustManageMembers(const Actor& actor) {
  if (ManagesMembers(actor)) return {};
  return Fail(ErrorCode::kPermissionDenied, "error.members.forbidden",
              actor.role + " does not change members");
}

Error MemberNotFound(std::int64_t id) {
  return Error{ErrorCode::kNotFound, "error.not_found", "member " + std::to_string(id), {}, {}};
}

Error FieldProblem(const std::string& field, const std::string& key,
                   std::vector<std::pair<std::string, std::string>> args) {
  Error e{ErrorCode::kInvalidArgument, "error.invalid_input", field + ": " + key, {}, {}};
  e.fields.push_back({field, key, std::move(args)});
  return e;
}

members::Date TodayInChina(const Clock& clock) {
  return members::Date{calendar::LocalDay(clock.NowMs(), 480)};
}

Result<void> MoveMemberCount(store::Connection& conn, const std::string& union_path,
                             std::int64_t delta) {
  if (delta == 0) return {};
  coverage::Figures figures;
  figures.members = delta;
  return store::AddToTotals(conn, OrgPath::FromStored(union_path).Ids(), figures);
}

Result<std::string> CheckReason(const std::string& field, const std::string& reason) {
  const std::string why(text::TrimSpaces(reason));
  if (text::CodePoints(why) < 2) return Fail(FieldProblem(field, "error.personal_data.reason"));
  if (auto e = text::CheckLength(field, why, text::TextKind::kReason)) {
    return Fail(FieldProblem(field, e->message_key, e->args));
  }
  return why;
}

}  // namespace zj::app
