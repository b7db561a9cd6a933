// Importing a member roster (会员名册) into one grassroots union: the file is streamed row by
// row, each row normalised and checked (core/members/roster_row.h), and written in batches,
// each batch one transaction that inserts the new members, records the rows that were
// rejected, already present or active in another union (transfer candidates), adds the new
// members to the coverage rollups along the union's path and advances the run's
// rows_committed_through. A run interrupted anywhere (kill -9 included) leaves whole batches;
// running the same file into the same union again resumes after the last committed row with
// the counters carried over. In all-or-nothing mode the whole file is checked first and
// nothing is written when any row is rejected (the run is then "refused").
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/accounts/account_service.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "app/members/transfer_service.h"
#include "app/personal_data/vault.h"
#include "core/i18n/messages.h"
#include "core/result.h"
#include "store/database.h"
#include "store/member_imports.h"

namespace zj::app {

struct RosterImportRequest {
  std::int64_t union_id = 0;
  std::string path;                        //!< the file to read
  std::string file_name;                   //!< as the user named it (shown in lists and reports)
  std::string mode = "valid-rows";         //!< valid-rows, all-or-nothing
  std::string sheet;                       //!< XLSX sheet name; "" for the first
  std::optional<std::string> stored_file;  //!< where the server keeps an uploaded copy
};

struct RosterImportHooks {
  //! Called after each batch commits with the data rows read so far (for a progress bar).
  std::function<void(std::int64_t rows)> progress;
  //! Called after batch `n` (1-based) committed; an error stops the run there, as a crash
  //! would (tests simulate interruptions with it).
  std::function<Result<void>(int n)> after_batch;
  //! Rows per batch (one transaction each). Large, so a batch's index pages are written once
  //! per batch rather than once per few rows: at 100,000 rows, 2,000-row batches wrote 3 GB;
  //! an interruption loses at most one batch (a second or so of work).
  std::size_t batch_rows = 20000;
  //! Called once the run is recorded and after each batch commits, with the run's counters
  //! and the row taken as the header (a background job's progress).
  std::function<void(const store::MemberImportRow& run, std::int64_t header_row)> committed;
  //! The id a new run takes (a background job's, so both are read under one id); when set,
  //! only the unfinished run with this id is resumed.
  std::optional<std::int64_t> run_id;
};

struct RosterRejection {
  std::int64_t row = 0;
  std::string column;  //!< the header as written in the file; "" when no single column
  std::string code;
  std::vector<std::pair<std::string, std::string>> args;
};

struct RosterCandidate {
  std::int64_t row = 0;
  std::int64_t member_id = 0;
  std::string name;
  std::string id_masked;
  std::int64_t union_id = 0;
  std::string union_name;
};

//! A run and (the first `max_items` of) its rejections and transfer candidates.
struct RosterImportView {
  store::MemberImportRow run;
  std::vector<std::string> unknown_columns;
  std::vector<RosterRejection> rejections;
  std::vector<RosterCandidate> candidates;
  bool resumed = false;  //!< this call continued an interrupted run
};

//! What turning an import's transfer candidates into requests did.
struct CandidateTransfers {
  std::int64_t created = 0;
  std::int64_t skipped = 0;  //!< already pending, no longer active elsewhere, or gone
};

class RosterImportService {
 public:
  RosterImportService(store::Database& db, const Clock& clock, Random& random, Vault& vault,
                      AuditService& audit)
      : db_(db), clock_(clock), random_(random), vault_(vault), audit_(audit) {}

  //! Imports (or resumes importing) the file. kNotFound on union_id outside the scope;
  //! kInvalidArgument "error.members.not_grassroots" for another kind of org; kPermissionDenied
  //! unless a cadre, staff member or administrator; kInvalidArgument for a file that cannot be
  //! read or whose header lacks a required column (nothing written then).
  Result<RosterImportView> Run(const Actor& actor, const RosterImportRequest& request,
                               const RosterImportHooks& hooks = {}, std::size_t max_items = 500);
  //! A run in the actor's scope (kNotFound otherwise).
  Result<RosterImportView> Get(const Actor& actor, std::int64_t id, std::size_t max_items = 500);
  //! Recent runs in the scope, of one union and in one status (running, done, refused, failed;
  //! another is a field error on "status") when given, newest first.
  Result<std::vector<store::MemberImportRow>> List(const Actor& actor,
                                                   std::optional<std::int64_t> union_id,
                                                   int limit = 50, const std::string& status = "");

  //! Writes the report of run `id`: the rows of `path` (the same file) plus an error column
  //! 错误说明 with each rejected row's message (and a note on each transfer candidate), as
  //! CSV or, when `out` ends in .xlsx, XLSX. Audited. ID numbers and phones are masked unless
  //! `reveal_reason` is given (2–500 characters, else a field error on reason), which the audit
  //! entry records.
  Result<void> WriteReport(const Actor& actor, std::int64_t id, const std::string& path,
                           const std::string& sheet, const std::string& out, i18n::Locale locale,
                           const std::optional<std::string>& reveal_reason = std::nullopt);

  //! Asks, as the receiving side, for the transfer of each transfer candidate of run `id` (or
  //! of those at `rows`) into the run's union, through `transfers` (TransferService), with
  //! `reason`. Candidates that cannot be asked for any more are skipped and counted.
  Result<CandidateTransfers> RequestTransfers(const Actor& actor, TransferService& transfers,
                                              std::int64_t id, const std::string& reason,
                                              const std::optional<std::vector<std::int64_t>>& rows);

 private:
  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  Vault& vault_;
  AuditService& audit_;
};

}  // namespace zj::app
