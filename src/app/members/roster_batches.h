// The reading half of a roster import (roster_import.h): the file opened at its header (found
// under any title rows), and its data rows read, checked, de-duplicated within the file,
// sealed and turned into the members' rows in batches, on a thread of its own, so that the
// writing thread only looks the batch up in the database and inserts it. Nothing here touches
// the database.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/imports/table_stream.h"
#include "app/personal_data/vault.h"
#include "core/members/roster_columns.h"
#include "core/members/roster_row.h"
#include "core/result.h"
#include "store/members.h"

namespace zj::app {

//! The file's header: which column holds what, the names as written, the unknown columns.
struct RosterFileHeader {
  members::RosterHeader columns;
  std::vector<std::string> written;  //!< every header cell, trimmed
  std::int64_t row = 0;              //!< the file's row holding it

  //! The column's header as the file writes it (its Chinese name when the file lacks it).
  std::string NameOf(const std::optional<members::RosterColumn>& c) const;
};

//! A roster opened at its header: the stream of the rows below it, the header, and the rows
//! above it (title, blank, notes) with the header's cells as written, for the report file.
struct OpenedRoster {
  std::unique_ptr<TableStream> rows;
  RosterFileHeader header;
  std::vector<TableRow> above;
  std::vector<std::string> header_cells;
};

//! Opens the file and finds its header: among the first rows, the one naming the most roster
//! columns (core/imports/sheet_layout.h). kInvalidArgument for a file that cannot be read, is
//! empty, or whose header names a column twice or lacks 姓名 or the ID ({file}, {column}, {row}).
Result<OpenedRoster> OpenRoster(const std::string& path, const FileFacts& facts,
                                const std::string& sheet);

//! Whether a row below the header holds a member (not blank, a note or a total).
bool IsMemberRow(const std::vector<std::string>& cells);

//! One checked data row on its way to the database. `member` (when sealing) holds every
//! column of the new member except those the writer sets: id, card_number, employer_id,
//! import_id, created_at and updated_at.
struct PendingRow {
  std::int64_t row = 0;
  std::optional<members::RosterRowProblem> problem;  //!< set when the row is rejected
  std::vector<std::string> id_indexes;  //!< [0] under the current key, then older versions
  std::optional<store::MemberRow> member;
  std::optional<std::string> employer_uscc;  //!< looked up by the writer
};

//! A batch of rows, or the end of the file (with the error that ended it, if any).
struct RosterBatch {
  std::vector<PendingRow> rows;
  std::int64_t last_row = 0;   //!< the last file row read for this batch
  std::int64_t rows_seen = 0;  //!< member rows read so far (blank, note and total rows excluded)
  bool end = false;
  std::optional<Error> error;
};

//! What the new members share: their union and its path (filled into each row).
struct RosterTarget {
  std::int64_t federation_id = 0;
  std::int64_t union_org_id = 0;
  std::string org_path;
};

//! Reads, checks, de-duplicates, seals and indexes the rows, handing out batches. Rows up to
//! `skip_through` were committed by an earlier attempt: they are read and checked only so that
//! later duplicates of them are still caught. Without `seal` (the all-or-nothing check) rows
//! are only checked. Not thread-safe; one thread calls Next.
class RosterRowReader {
 public:
  RosterRowReader(TableStream& stream, const RosterFileHeader& header, const Vault& vault,
                  members::Date today, std::int64_t skip_through, std::size_t batch_rows, bool seal,
                  RosterTarget target = {});

  //! The next batch (end set at the end of the file or on an error).
  RosterBatch Next();

 private:
  Result<void> Seal(PendingRow& p, members::RosterMember&& m) const;

  TableStream& stream_;
  const RosterFileHeader& header_;
  const Vault& vault_;
  members::Date today_;
  std::int64_t skip_through_;
  std::size_t batch_rows_;
  bool seal_;
  RosterTarget target_;
  members::RosterDuplicates duplicates_;
  std::int64_t rows_seen_ = 0;
};

}  // namespace zj::app
