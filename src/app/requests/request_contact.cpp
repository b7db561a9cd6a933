// Calling the worker back: the contact's full phone number, revealed only with a reason that
// the audit log and the request's internal history keep, as a member's reveal does.
#include "app/members/member_access.h"
#include "app/requests/request_internal.h"
#include "app/requests/request_service.h"

namespace zj::app {

using namespace requests_internal;  // NOLINT(google-build-using-namespace): this module's own

Result<std::string> RequestService::RevealPhone(const Actor& actor, std::int64_t id,
                                                const std::string& reason) {
  if (!MayRegister(actor)) return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  ZJ_ASSIGN_OR_RETURN(std::string why, CheckReason("reason", reason));
  const AuditEvent attempt{"personal_data.reveal", "service_request",
                           std::to_string(id),     "ok",
                           actor.remote_addr,      {{"field", "contact_phone"}, {"reason", why}}};
  auto revealed = store::InTransaction(db_, [&](store::Connection& c) -> Result<std::string> {
    ZJ_ASSIGN_OR_RETURN(auto row, LoadVisible(c, actor, id));
    // The entry first, in the same transaction: no entry, no number.
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor), attempt));
    ZJ_RETURN_IF_ERROR(AddEvent(c, row, actor.user_id, Event("phone_revealed", why, true)));
    return vault_.Open(kPhoneField, row.contact_phone_cipher);
  });
  if (!revealed && revealed.error().code == ErrorCode::kNotFound) {
    AuditEvent denied = attempt;
    denied.outcome = "denied";
    audit_.RecordOrLog(AuditActor::From(actor), denied);
  }
  return revealed;
}

}  // namespace zj::app
