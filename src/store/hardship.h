// Rows of hardship files (migration 0026): the file, its household (sealed names and ID numbers
// with the ID's blind index), its rigid expenses and its trail. One open file per person: the
// partial unique index on household_members (id_blind) WHERE file_open = 1 refuses a second one
// (kAlreadyExists from the insert), and FindOpenFileOfPerson tells the caller which file holds
// the person, so it can decide what it may say about it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct HardshipFileRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::int64_t org_id = 0;
  std::string org_path;
  std::optional<std::int64_t> member_id;
  std::string status = "open";
  int household_size = 1;
  std::int64_t annual_income_fen = 0;
  std::int64_t rigid_expenses_fen = 0;
  std::int64_t sudden_cost_fen = 0;
  std::int64_t sudden_medical_fen = 0;
  std::int64_t per_head_monthly_fen = 0;
  std::string region_code;
  int standard_year = 0;
  std::int64_t standard_dibao_fen = 0;
  int standard_cost_pct = 80;
  int standard_medical_pct = 50;
  std::string level_computed;
  std::string level_final;
  std::optional<std::string> override_reason;
  std::optional<std::int64_t> overridden_by;
  std::string main_cause;
  std::string secondary_causes;  //!< comma list
  std::string exclusions;        //!< comma list
  std::optional<std::int64_t> opened_by;
  std::int64_t opened_at = 0;
  std::int64_t updated_at = 0;
  std::string org_name;  //!< read only (joined)
  std::optional<std::int64_t> closed_at;
  std::optional<std::string> close_reason;  //!< lifted, retired, transferred, died, other
  std::string stage = "applied";            //!< read only: the workflow's stage (hardship_flows)
};

struct HouseholdMemberRow {
  std::int64_t id = 0;
  std::int64_t file_id = 0;
  std::string relation;
  Blob name_cipher;
  Blob id_cipher;
  std::string id_blind;
  std::string id_last4;
  std::int64_t income_fen = 0;
  std::optional<std::string> work_status;
  int key_version = 0;
  bool file_open = true;
};

struct HardshipExpenseRow {
  std::int64_t id = 0;
  std::int64_t file_id = 0;
  std::string kind;
  std::int64_t amount_fen = 0;
};

struct HardshipStepRow {
  std::int64_t id = 0;
  std::int64_t file_id = 0;
  std::string step;
  std::optional<std::int64_t> actor_id;
  std::optional<std::int64_t> org_id;
  std::int64_t at = 0;
  std::string detail;  //!< JSON object of strings: dates and codes, no free text
  //! The step's free text (note, visitors, reason) as a sealed JSON object (migration 0047).
  std::optional<Blob> text_cipher;
  int key_version = 0;  //!< text_cipher's key version (0: none)
};

Result<void> InsertHardshipFile(Connection& conn, const HardshipFileRow& row);
Result<void> InsertHouseholdMember(Connection& conn, const HouseholdMemberRow& row);
Result<void> InsertHardshipExpense(Connection& conn, const HardshipExpenseRow& row);
Result<void> InsertHardshipStep(Connection& conn, const HardshipStepRow& row);

Result<std::optional<HardshipFileRow>> FindHardshipFile(Connection& conn, std::int64_t id);
//! Which files a list shows: those whose org_path lies in [low, high), newest first, after the
//! cursor `before_id` (0: from the newest); each filter "" for any.
struct HardshipFileQuery {
  std::string low, high;
  std::string status;
  std::string level;  //!< the final one
  std::string stage;  //!< the workflow's (hardship_flows)
  //! Active files whose annual review falls due on or before this day (YYYY-MM-DD).
  std::string review_due_by;
  bool spot_check_due = false;  //!< drawn for this year's spot check and not checked yet
  std::int64_t before_id = 0;
  int limit = 50;
};

Result<std::vector<HardshipFileRow>> ListHardshipFiles(Connection& conn,
                                                       const HardshipFileQuery& q);
//! The files whose household's "self" is the registry's member `member_id` (the worker's own,
//! on My help), newest first, at most `limit` (index hardship_files_member).
Result<std::vector<HardshipFileRow>> HardshipFilesOfMember(Connection& conn, std::int64_t member_id,
                                                           int limit);
Result<std::vector<HouseholdMemberRow>> HouseholdOf(Connection& conn, std::int64_t file_id);
Result<std::vector<HardshipExpenseRow>> ExpensesOf(Connection& conn, std::int64_t file_id);
Result<std::vector<HardshipStepRow>> StepsOf(Connection& conn, std::int64_t file_id);

//! Sets the final level and the override's reason and author.
Result<void> OverrideHardshipLevel(Connection& conn, std::int64_t id, const std::string& level,
                                   const std::string& reason, std::int64_t by, std::int64_t at);

//! Closes an open file with its reason at `at`, and clears file_open on its household in the
//! same call (the caller's transaction), so the people may be in a new file afterwards.
Result<void> CloseHardshipFile(Connection& conn, std::int64_t id, const std::string& reason,
                               std::int64_t at);

//! The open file holding a person (by any of the ID's blind indexes), with its org_path.
struct OpenFileOfPerson {
  std::int64_t file_id = 0;
  std::string org_path;
};
Result<std::optional<OpenFileOfPerson>> FindOpenFileOfPerson(
    Connection& conn, const std::vector<std::string>& id_blinds);

}  // namespace zj::store
