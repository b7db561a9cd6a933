// Rows of legal cases (migration 0030): the case, its workers (sealed name and ID number with
// the ID's blind index) and its stages. A worker's ID once per case: the unique key on
// (case_id, id_blind) refuses a second row (kAlreadyExists from the insert), and
// WorkerInCase tells the caller before it inserts. worker_count is moved by AddWorkerCount in the
// caller's transaction, so concurrent additions never lose one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct LegalCaseRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::int64_t org_id = 0;
  std::string org_path;
  std::string type;
  std::string title;
  std::string employer_uscc;
  std::string employer_name;
  std::optional<std::int64_t> enterprise_id;
  std::string stage = "consultation";
  std::int64_t claimed_fen = 0;
  std::int64_t recovered_fen = 0;
  std::optional<std::string> outcome;
  std::optional<std::int64_t> lawyer_id;
  int worker_count = 0;
  bool collective = false;
  std::optional<std::int64_t> alerted_at;
  std::optional<std::int64_t> alert_ack_at;
  std::optional<std::int64_t> alert_ack_by;
  std::optional<std::int64_t> opened_by;
  std::int64_t opened_at = 0;
  std::optional<std::int64_t> closed_at;
  std::int64_t updated_at = 0;
  // Read only (joined).
  std::string org_name;
  std::optional<std::string> lawyer_name;
  std::optional<std::string> lawyer_firm;
};

struct LegalCaseWorkerRow {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::optional<std::int64_t> member_id;
  Blob name_cipher;
  Blob id_cipher;
  std::string id_blind;
  std::string id_last4;
  int key_version = 0;
  std::optional<std::int64_t> added_by;
  std::int64_t added_at = 0;
};

struct LegalCaseStageRow {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string stage;
  std::string started_on;  //!< YYYY-MM-DD
  std::optional<std::string> ended_on;
  std::string note;
  std::optional<std::int64_t> actor_id;
  std::int64_t at = 0;
};

//! Filters of a case list: codes "" for any, collective -1 for any (0 no, 1 yes).
struct LegalCaseQuery {
  std::string low;
  std::string high;
  std::string type;
  std::string stage;
  int collective = -1;
  std::int64_t before_id = 0;
  int limit = 50;
  bool unacknowledged = false;  //!< only collective cases whose alert waits for the district
};

Result<void> InsertLegalCase(Connection& conn, const LegalCaseRow& row);
Result<std::optional<LegalCaseRow>> FindLegalCase(Connection& conn, std::int64_t id);
//! Cases whose org_path lies in [low, high), newest first, after the cursor.
Result<std::vector<LegalCaseRow>> ListLegalCases(Connection& conn, const LegalCaseQuery& q);
//! Writes what a case's use cases change: type, title, stage, money, outcome, lawyer,
//! collective and its alert, closed_at and updated_at (not worker_count: AddWorkerCount).
Result<void> UpdateLegalCase(Connection& conn, const LegalCaseRow& row);
Result<void> AddWorkerCount(Connection& conn, std::int64_t case_id, int delta);
//! Collective cases in [low, high) whose alert nobody acknowledged yet.
Result<std::int64_t> CountUnacknowledgedAlerts(Connection& conn, const std::string& low,
                                               const std::string& high);

Result<void> InsertLegalCaseWorker(Connection& conn, const LegalCaseWorkerRow& row);
Result<std::vector<LegalCaseWorkerRow>> WorkersOfCase(Connection& conn, std::int64_t case_id);
//! True when one of the ID's blind indexes is a worker of the case already.
Result<bool> WorkerInCase(Connection& conn, std::int64_t case_id,
                          const std::vector<std::string>& id_blinds);
//! Removes a worker of the case; false when the case has no such worker.
Result<bool> DeleteLegalCaseWorker(Connection& conn, std::int64_t case_id, std::int64_t worker_id);

Result<void> InsertLegalCaseStage(Connection& conn, const LegalCaseStageRow& row);
Result<std::vector<LegalCaseStageRow>> StagesOfCase(Connection& conn, std::int64_t case_id);
//! Ends the case's open stage on `ended_on`.
Result<void> EndOpenStage(Connection& conn, std::int64_t case_id, const std::string& ended_on);

}  // namespace zj::store
