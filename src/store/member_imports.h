// Roster import runs (`member_imports`), the rows of a run that were not simply accepted
// (`member_import_rows`), and the batched lookup the import needs for speed: the active
// members among a batch's ID blind indexes, in a few `id_index IN (...)` statements instead of
// one query per row.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct MemberImportRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::int64_t union_org_id = 0;
  std::string org_path;
  std::optional<std::int64_t> actor_id;
  std::string file_name;
  std::string file_sha256;
  std::string mode;    //!< valid-rows, all-or-nothing
  std::string status;  //!< running, done, refused, failed
  std::optional<std::string> encoding;
  std::optional<std::string> unknown_columns;  //!< JSON array
  std::int64_t rows_total = 0;
  std::int64_t rows_committed_through = 0;
  std::int64_t accepted = 0;
  std::int64_t already_present = 0;
  std::int64_t transfer_candidates = 0;
  std::int64_t rejected = 0;
  std::optional<std::string> stored_file;
  std::int64_t started_at = 0;
  std::int64_t updated_at = 0;
  std::optional<std::int64_t> finished_at;
  std::string union_name;       //!< read only
  std::int64_t header_row = 1;  //!< the file's row taken as the header (set when inserted)
};

//! One row of a run that was rejected, a transfer candidate or already present.
struct MemberImportOutcome {
  std::int64_t import_id = 0;
  std::int64_t row_number = 0;
  std::string outcome;  //!< rejected, candidate, present
  std::optional<std::string> column_name;
  std::optional<std::string> code;
  std::optional<std::string> args;  //!< JSON object
  std::optional<std::int64_t> member_id;
};

//! The active member holding an ID blind index, and its union.
struct ActiveMemberRef {
  std::int64_t member_id = 0;
  std::string id_index;
  std::int64_t union_org_id = 0;
  std::string union_name;
  std::string name;
  std::string id_last4;
};

//! RAII, on the connection that writes a roster import's batches: while it lives, SQLite keeps
//! up to `mib` MiB of pages in this connection's cache instead of its default 2 MiB, so the
//! index pages a batch touches stay in memory until its commit writes each once, instead of
//! spilling to the WAL mid-transaction and being read back. The default is back on
//! destruction, before the connection returns to the pool. Nothing is done on PostgreSQL,
//! whose buffers are the server's.
class ImportPageCache {
 public:
  static Result<ImportPageCache> Begin(Connection& conn, int mib);
  ImportPageCache(ImportPageCache&& other) noexcept : conn_(other.conn_) { other.conn_ = nullptr; }
  ImportPageCache& operator=(ImportPageCache&&) = delete;
  ~ImportPageCache();

 private:
  explicit ImportPageCache(Connection* conn) : conn_(conn) {}
  Connection* conn_;  //!< set when the cache was enlarged and must be restored
};

Result<void> InsertMemberImport(Connection& conn, const MemberImportRow& row);
//! Writes status, encoding, unknown_columns, the counters, stored_file, updated_at and
//! finished_at.
Result<void> UpdateMemberImport(Connection& conn, const MemberImportRow& row);
Result<std::optional<MemberImportRow>> FindMemberImport(Connection& conn, std::int64_t id);
//! The unfinished (status running) run of this file for this union, the newest if several.
Result<std::optional<MemberImportRow>> FindRunningMemberImport(Connection& conn,
                                                               std::int64_t union_org_id,
                                                               const std::string& sha256);
//! Runs whose org_path lies in [low, high) (and of one union, in one status when given), newest
//! first.
Result<std::vector<MemberImportRow>> ListMemberImports(Connection& conn, const std::string& low,
                                                       const std::string& high,
                                                       std::optional<std::int64_t> union_org_id,
                                                       std::int64_t limit,
                                                       const std::string& status = "");

Result<void> InsertMemberImportOutcomes(Connection& conn,
                                        const std::vector<MemberImportOutcome>& rows);
//! Outcomes of a run with row_number > after_row ("" outcome for any), by row, at most limit.
Result<std::vector<MemberImportOutcome>> MemberImportOutcomes(Connection& conn,
                                                              std::int64_t import_id,
                                                              const std::string& outcome,
                                                              std::int64_t after_row,
                                                              std::int64_t limit);

//! The active members whose id_index is among `indexes` (any union).
Result<std::vector<ActiveMemberRef>> ActiveMembersByIdIndexes(
    Connection& conn, const std::vector<std::string>& indexes);

}  // namespace zj::store
