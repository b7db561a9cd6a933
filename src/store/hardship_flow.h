// Where each hardship file stands in its workflow (hardship_flows, migration 0029) and a
// federation's workflow numbers (hardship_rules). See core/hardship/hardship_workflow.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct HardshipFlowRow {
  std::int64_t file_id = 0;
  std::string org_path;  //!< the file's
  std::int64_t federation_id = 0;
  std::string stage = "applied";
  std::optional<std::string> publicity_ends_on;  //!< YYYY-MM-DD
  std::optional<std::string> review_due_on;      //!< YYYY-MM-DD
  int open_objections = 0;
  std::int64_t updated_at = 0;
  bool spot_check_due = false;  //!< drawn in this year's spot check, not checked yet
};

struct HardshipRulesRow {
  std::int64_t federation_id = 0;
  int publicity_working_days = 5;
  int review_months = 12;
  int reminder_days = 30;
  int retention_years = 10;
  int spot_check_pct = 30;
  std::optional<std::int64_t> updated_by;
  std::int64_t updated_at = 0;
};

//! Writes the row and counts the file in its stage (org_counters' kFlowStages).
Result<void> InsertHardshipFlow(Connection& conn, const HardshipFlowRow& row);
//! Moves one file's count from stage `from` to `to` ("" for none) on every org of the path:
//! called with every change of a flow's stage, in its transaction.
Result<void> CountFlowStage(Connection& conn, const std::string& org_path,
                            std::int64_t federation_id, const std::string& from,
                            const std::string& to);
Result<std::optional<HardshipFlowRow>> FindHardshipFlow(Connection& conn, std::int64_t file_id);
//! Writes the row's stage, dates and objections if the stored stage is still `expected_stage`;
//! false when another transaction moved the file first (the caller answers 409). A changed
//! stage moves the file's count (CountFlowStage).
Result<bool> UpdateHardshipFlow(Connection& conn, const HardshipFlowRow& row,
                                const std::string& expected_stage);
//! Active files of the subtree [low, high) whose review falls due on or before `due_by`, the
//! earliest first (a page of `limit`).
Result<std::vector<HardshipFlowRow>> ReviewsDue(Connection& conn, const std::string& low,
                                                const std::string& high, const std::string& due_by,
                                                int limit);
//! How many files of the subtree [low, high) are in each stage (stage, count), by a scan: the
//! dashboard reads org_counters instead; this is the recount the tests compare them with.
Result<std::vector<std::pair<std::string, std::int64_t>>> FlowStageCounts(Connection& conn,
                                                                          const std::string& low,
                                                                          const std::string& high);

//! How many files of the subtree [low, high) a list filtered as ListHardshipFiles shows: in
//! `stage` ("" any); with `review_due_by` (YYYY-MM-DD, "" none), active with the review due by
//! that day; with `spot_check_due`, drawn for the spot check and not checked yet.
Result<std::int64_t> CountHardshipFlows(Connection& conn, const std::string& low,
                                        const std::string& high, const std::string& stage,
                                        const std::string& review_due_by,
                                        bool spot_check_due = false);
//! The statement CountHardshipFlows runs for one filter alone (each through its own index, so a
//! workbench card costs its queue), or for a combination (kAny); for the query plan test.
enum class HardshipQueue { kAtStage, kReviewsDue, kSpotChecks, kAny };
const Sql& HardshipQueueStatement(HardshipQueue queue);

//! The federations with a file in `stage` (the sweep's work, federation by federation).
Result<std::vector<std::int64_t>> FederationsWithFilesIn(Connection& conn,
                                                         const std::string& stage);
//! Every active file of a federation (the spot check draws from them once a year).
Result<std::vector<std::int64_t>> ActiveFileIds(Connection& conn, std::int64_t federation_id);
//! Records a federation's draw for `year`; false when one was recorded already (the draw is
//! then not made again).
Result<bool> InsertSpotDraw(Connection& conn, std::int64_t federation_id, int year,
                            std::int64_t drawn, std::int64_t active, std::int64_t at);
//! Marks an active file as drawn for the spot check.
Result<void> MarkSpotCheck(Connection& conn, std::int64_t file_id, std::int64_t at);
//! Closed files of a federation, the longest closed first: (file id, closed_at ms).
Result<std::vector<std::pair<std::int64_t, std::int64_t>>> ClosedFilesOldestFirst(
    Connection& conn, std::int64_t federation_id, int limit);

Result<std::optional<HardshipRulesRow>> FindHardshipRules(Connection& conn,
                                                          std::int64_t federation_id);
Result<void> UpsertHardshipRules(Connection& conn, const HardshipRulesRow& row);

}  // namespace zj::store
