// Check-in at a class's session by the member card's QR (issue 22): the activities' check-in
// (app/activities/check_ins.h) pointed at a session — the same batch of scans, each card token
// checked at the scan's own time, the member in the actor's subtree, core Replay against the
// session's book (a seat in the class is the registration; no walk-ins). The session's check-ins
// are the class's attendance (core MayBeAssessed). Organisers only; outside the subtree 404.
#pragma once

#include <cstdint>
#include <vector>

#include "app/accounts/actor.h"
#include "app/activities/check_ins.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "app/personal_data/vault.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

class SessionCheckInService {
 public:
  SessionCheckInService(store::Database& db, const Clock& clock, const Vault& vault,
                        AuditService& audit)
      : db_(db), clock_(clock), vault_(vault), audit_(audit) {}

  //! A batch (at most kMaxScansPerBatch: field error "scans" beyond), each scan's answer in the
  //! batch's order: recorded, replay, already_in or refused with the reason.
  Result<std::vector<ScanAnswer>> Record(const Actor& actor, std::int64_t session_id,
                                         const std::vector<ScanIn>& scans);

 private:
  store::Database& db_;
  const Clock& clock_;
  const Vault& vault_;
  AuditService& audit_;
};

}  // namespace zj::app
