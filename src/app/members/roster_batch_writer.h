// The writing half of a roster import (roster_import.h): one transaction per batch, which looks
// the batch's IDs up among the active members of every union, inserts the new members with
// their card numbers, records the rows that were rejected, already present or transfer
// candidates, adds the new members to the coverage rollups along the union's path and advances
// the run's counters and rows_committed_through. An interruption anywhere leaves whole batches.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/clock.h"
#include "app/members/roster_batches.h"
#include "store/database.h"
#include "store/member_imports.h"
#include "store/orgs.h"

namespace zj::app {

//! The outcome row of a rejected row (its column named as the file writes it).
store::MemberImportOutcome RejectedOutcome(std::int64_t import_id, const PendingRow& row,
                                           const RosterFileHeader& header);

//! Writes the batches of one run on `conn` (which it uses exclusively meanwhile).
class RosterBatchWriter {
 public:
  RosterBatchWriter(store::Connection& conn, const Clock& clock, Random& random,
                    const RosterFileHeader& header, store::MemberImportRow& run,
                    const store::OrgRow& union_org, std::string region6);

  //! Writes the batch in one transaction; its new members are moved out of it. On an error
  //! nothing of the batch is written (the run's counters may then be ahead: reload the run).
  Result<void> Write(RosterBatch& batch);

 private:
  //! The enterprise with this USCC, if recorded (cached: rosters repeat their employer).
  Result<std::optional<std::int64_t>> EmployerOf(const std::string& uscc);

  store::Connection& conn_;
  const Clock& clock_;
  Random& random_;
  const RosterFileHeader& header_;
  store::MemberImportRow& run_;
  const store::OrgRow& union_;
  std::string region6_;
  std::vector<std::int64_t> path_ids_;
  std::unordered_map<std::string, std::optional<std::int64_t>> employers_;
};

}  // namespace zj::app
