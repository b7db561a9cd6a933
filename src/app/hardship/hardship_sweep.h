// The hardship workflow's own job (issue 20 slice 3), run by the server every hour and safe to
// run at any time: once a year per federation it draws the share of active files the rules set
// for a spot check (抽查; the same draw for the same files and year, recorded so it is made
// once), and it erases every closed file whose retention years are over (PIPL art. 47: the
// rule is data, ≥ 10 years), each with an audit entry in the erasing transaction. A file drawn
// shows on the workbench and offers the spot_check step until a cadre records it.
#pragma once

#include <cstdint>

#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

struct HardshipSweepReport {
  std::int64_t drawn = 0;   //!< files drawn for this year's spot checks in this run
  std::int64_t erased = 0;  //!< files erased in this run
};

class HardshipSweep {
 public:
  //! At most this many files erased per federation and run: a backlog goes over a few runs,
  //! never in one long transaction.
  static constexpr int kEraseBatch = 200;

  HardshipSweep(store::Database& db, const Clock& clock, AuditService& audit)
      : db_(db), clock_(clock), audit_(audit) {}

  Result<HardshipSweepReport> Run();

 private:
  Result<std::int64_t> Draw(std::int64_t federation_id, int year);
  Result<std::int64_t> Erase(std::int64_t federation_id);

  store::Database& db_;
  const Clock& clock_;
  AuditService& audit_;
};

}  // namespace zj::app
