// Rows of competitions (migration 0035, issue 21): the competition with its groups (each with its
// indicator sheet as JSON) and veto items, the entries (enrolled, then listed with a number per
// group when the list is frozen), a team's members, the judges with the groups assigned to them,
// the judges' scores (one row per entry and judge, revised in place) and the results written at
// publication. The use cases (app/competitions) hold every rule; these are plain reads and
// writes in the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct CompetitionRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::int64_t org_id = 0;
  std::string org_path;
  std::string kind;
  std::string title;
  std::string method;
  std::string tie_break;
  bool blind = false;
  std::string status = "enrolment";  //!< enrolment, listed, published
  std::optional<std::string> enrol_ends_on;
  std::optional<std::string> scoring_ends_on;
  std::optional<std::int64_t> listed_at;
  std::optional<std::int64_t> published_at;
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  //! Certificates are issued at publication for ranks ≤ this in each group (0: none).
  int certificate_ranks = 0;
};

struct CompGroupRow {
  std::int64_t id = 0;
  std::int64_t competition_id = 0;
  std::string code;
  std::string name;
  std::string entrant_kind;
  std::string sheet_json;
  //! Eligibility rules of a worker's own enrolment, JSON [{criterion, value, trades}].
  std::string eligibility_json = "[]";
};

struct CompVetoItemRow {
  std::int64_t competition_id = 0;
  std::string code;
  std::string name;
};

struct CompEntryRow {
  std::int64_t id = 0;
  std::int64_t competition_id = 0;
  std::int64_t group_id = 0;
  std::optional<std::int64_t> number;
  std::string entrant_kind;
  std::optional<std::int64_t> enterprise_id;
  std::optional<std::int64_t> member_id;
  std::optional<std::string> team_name;
  std::int64_t federation_id = 0;
  std::string org_path;
  std::string status = "enrolled";  //!< enrolled, listed, withdrawn
  std::optional<std::int64_t> enrolled_by;
  std::string enrolled_via = "cadre";
  std::optional<std::string> veto_code;
  std::optional<std::string> veto_note;
  std::optional<std::int64_t> veto_by;
  std::optional<std::int64_t> veto_at;
  std::int64_t created_at = 0;
};

struct CompJudgeRow {
  std::int64_t id = 0;
  std::int64_t competition_id = 0;
  std::int64_t user_id = 0;
  std::optional<std::int64_t> enterprise_id;
  std::optional<std::int64_t> member_id;
  std::optional<std::int64_t> added_by;
  std::int64_t added_at = 0;
};

struct CompScoreRow {
  std::int64_t entry_id = 0;
  std::int64_t judge_id = 0;
  std::string marks_json;
  std::int64_t total_e4 = 0;
  std::int64_t submitted_at = 0;
  std::optional<std::int64_t> revised_at;
};

struct CompResultRow {
  std::int64_t entry_id = 0;
  std::int64_t competition_id = 0;
  std::string method;
  std::int64_t result_e4 = 0;
  std::int64_t raw_mean_e4 = 0;
  int judges = 0;
  int rank_group = 0;
  int rank_overall = 0;
  std::int64_t computed_at = 0;
};

Result<void> InsertCompetition(Connection& conn, const CompetitionRow& row);
Result<std::optional<CompetitionRow>> FindCompetition(Connection& conn, std::int64_t id);
//! Competitions whose org_path lies in [low, high), newest first, after the cursor.
Result<std::vector<CompetitionRow>> ListCompetitions(Connection& conn, const std::string& low,
                                                     const std::string& high,
                                                     std::int64_t before_id, int limit);
//! Moves the status from `from` to the row's status (with listed_at, published_at,
//! updated_at); false when the stored status was not `from` any more (a concurrent move).
Result<bool> MoveCompetitionStatus(Connection& conn, const CompetitionRow& row,
                                   const std::string& from);

Result<void> InsertCompGroup(Connection& conn, const CompGroupRow& row);
Result<std::vector<CompGroupRow>> GroupsOfCompetition(Connection& conn, std::int64_t id);
Result<void> InsertCompVetoItem(Connection& conn, const CompVetoItemRow& row);
Result<std::vector<CompVetoItemRow>> VetoItemsOfCompetition(Connection& conn, std::int64_t id);

Result<void> InsertCompEntry(Connection& conn, const CompEntryRow& row);
Result<std::optional<CompEntryRow>> FindCompEntry(Connection& conn, std::int64_t id);
//! Every entry of a competition, by group then id (at most 100,000).
Result<std::vector<CompEntryRow>> EntriesOfCompetition(Connection& conn, std::int64_t id);
//! True when the entrant (same kind, enterprise, member and team name) is in the competition.
Result<bool> EntrantEnrolled(Connection& conn, const CompEntryRow& row);
Result<void> ListCompEntry(Connection& conn, std::int64_t entry_id, std::int64_t number);
Result<void> VetoCompEntry(Connection& conn, const CompEntryRow& row);
Result<void> InsertCompTeamMember(Connection& conn, std::int64_t entry_id, std::int64_t member_id);
Result<std::vector<std::int64_t>> TeamMembersOf(Connection& conn, std::int64_t entry_id);

//! kAlreadyExists from the unique key when the user judges the competition already.
Result<void> InsertCompJudge(Connection& conn, const CompJudgeRow& row);
Result<std::vector<CompJudgeRow>> JudgesOfCompetition(Connection& conn, std::int64_t id);
Result<std::optional<CompJudgeRow>> FindCompJudge(Connection& conn, std::int64_t competition_id,
                                                  std::int64_t user_id);
//! Every competition the user judges, newest first (at most 200).
Result<std::vector<CompJudgeRow>> JudgeRowsOfUser(Connection& conn, std::int64_t user_id);
Result<void> InsertCompAssignment(Connection& conn, std::int64_t judge_id, std::int64_t group_id);
Result<std::vector<std::int64_t>> GroupsOfJudge(Connection& conn, std::int64_t judge_id);

Result<std::optional<CompScoreRow>> FindCompScore(Connection& conn, std::int64_t entry_id,
                                                  std::int64_t judge_id);
Result<void> InsertCompScore(Connection& conn, const CompScoreRow& row);
Result<void> UpdateCompScore(Connection& conn, const CompScoreRow& row);
//! Every score of a competition's entries, by entry then judge.
Result<std::vector<CompScoreRow>> ScoresOfCompetition(Connection& conn, std::int64_t id);

Result<void> InsertCompResults(Connection& conn, const std::vector<CompResultRow>& rows);
//! The results of a competition, best overall rank first.
Result<std::vector<CompResultRow>> ResultsOfCompetition(Connection& conn, std::int64_t id);

}  // namespace zj::store
