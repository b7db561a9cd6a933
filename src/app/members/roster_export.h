// Exporting a union's member roster in the import template's columns (so an export can be
// edited and imported again), and the blank template itself. IDs and phones are masked unless
// the actor asks for full values with a reason; every export is audited, one with full values
// before any value is decrypted for it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "app/accounts/account_service.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "app/personal_data/vault.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

struct RosterExportRequest {
  std::int64_t org_id = 0;
  bool subtree = false;  //!< the members of every union under org_id, not only of org_id
  bool full = false;     //!< IDs and phones in clear (needs a reason)
  std::string reason;
  std::string out;  //!< the file to write: .xlsx, else CSV
};

//! Called after each page of members with the rows written so far; an error stops the export
//! (a background job's progress and cancellation).
using ExportProgress = std::function<Result<void>(std::int64_t written)>;

class RosterExportService {
 public:
  RosterExportService(store::Database& db, const Clock& clock, const Vault& vault,
                      AuditService& audit)
      : db_(db), clock_(clock), vault_(vault), audit_(audit) {}

  //! Writes the active members and returns how many. kNotFound for an org outside the scope,
  //! kPermissionDenied unless a cadre, staff member or administrator, kInvalidArgument on
  //! field reason for a full export without a reason (2–500 characters).
  Result<std::int64_t> Export(const Actor& actor, const RosterExportRequest& request,
                              const ExportProgress& progress = {});

  //! The import template: the header row (Chinese column names) and, in XLSX, a sheet of
  //! format notes; every column formatted as text.
  static Result<void> WriteTemplate(const std::string& out);

 private:
  store::Database& db_;
  const Clock& clock_;
  const Vault& vault_;
  AuditService& audit_;
};

}  // namespace zj::app
