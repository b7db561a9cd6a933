#include "store/hardship_flow.h"

#include "core/orgs/org_path.h"
#include "store/org_counters.h"

namespace zj::store {

namespace {

#define ZJ_FLOW_COLUMNS                                                                         \
  "file_id, org_path, federation_id, stage, publicity_ends_on, review_due_on, open_objections," \
  " updated_at, spot_check_due"

constexpr Sql kInsert{"hardship_flows.insert", "INSERT INTO hardship_flows (" ZJ_FLOW_COLUMNS
                                               ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"};
constexpr Sql kFind{"hardship_flows.find",
                    "SELECT " ZJ_FLOW_COLUMNS " FROM hardship_flows WHERE file_id = $1"};
constexpr Sql kUpdate{"hardship_flows.update",
                      "UPDATE hardship_flows SET stage = $2, publicity_ends_on = $3,"
                      " review_due_on = $4, open_objections = $5, updated_at = $6,"
                      " spot_check_due = $8 WHERE file_id = $1 AND stage = $7"};
constexpr Sql kReviewsDue{"hardship_flows.reviews_due",
                          "SELECT " ZJ_FLOW_COLUMNS
                          " FROM hardship_flows"
                          " WHERE review_due_on <= $3 AND org_path >= $1 AND org_path < $2"
                          " AND stage = 'active' ORDER BY review_due_on, file_id LIMIT $4"};
constexpr Sql kStageCounts{"hardship_flows.stage_counts",
                           "SELECT stage, COUNT(*) FROM hardship_flows"
                           " WHERE org_path >= $1 AND org_path < $2 GROUP BY stage"};
constexpr Sql kCount{"hardship_flows.count",
                     "SELECT COUNT(*) FROM hardship_flows WHERE org_path >= $1 AND org_path < $2"
                     " AND ($3 = '' OR stage = $3)"
                     " AND ($4 = '' OR (stage = 'active' AND review_due_on <= $4))"
                     " AND (CAST($5 AS BIGINT) = 0 OR spot_check_due = 1)"};
// The workbench's three queues, each read through its own index (migration 0048 and 0032) so
// the count follows the queue, not the subtree's files; the `|| ''` keeps SQLite (no
// statistics) off the org_path indexes for the reviews, which (stage, review_due_on) bounds.
constexpr Sql kCountAtStage{"hardship_flows.count_at_stage",
                            "SELECT COUNT(*) FROM hardship_flows WHERE stage = $3"
                            " AND org_path >= $1 AND org_path < $2"};
constexpr Sql kCountReviewsDue{"hardship_flows.count_reviews_due",
                               "SELECT COUNT(*) FROM hardship_flows WHERE stage = 'active'"
                               " AND review_due_on <= $3"
                               " AND org_path || '' >= $1 AND org_path || '' < $2"};
constexpr Sql kCountSpotChecks{"hardship_flows.count_spot_checks",
                               "SELECT COUNT(*) FROM hardship_flows WHERE spot_check_due = 1"
                               " AND org_path >= $1 AND org_path < $2"};
constexpr Sql kFederationsIn{
    "hardship_flows.federations_in",
    "SELECT DISTINCT federation_id FROM hardship_flows WHERE stage = $1 ORDER BY federation_id"};
constexpr Sql kActiveIds{"hardship_flows.active_ids",
                         "SELECT file_id FROM hardship_flows WHERE federation_id = $1"
                         " AND stage = 'active' ORDER BY file_id"};
constexpr Sql kMarkSpotCheck{"hardship_flows.mark_spot_check",
                             "UPDATE hardship_flows SET spot_check_due = 1, updated_at = $2"
                             " WHERE file_id = $1 AND stage = 'active'"};
constexpr Sql kInsertDraw{"hardship_spot_draws.insert",
                          "INSERT INTO hardship_spot_draws (federation_id, year, drawn, active,"
                          " drawn_at) VALUES ($1, $2, $3, $4, $5)"
                          " ON CONFLICT (federation_id, year) DO NOTHING"};
constexpr Sql kClosedOldest{
    "hardship_flows.closed_oldest",
    "SELECT f.id, f.closed_at FROM hardship_flows w JOIN hardship_files f ON f.id = w.file_id"
    " WHERE w.federation_id = $1 AND w.stage = 'closed' AND f.closed_at IS NOT NULL"
    " ORDER BY f.closed_at, f.id LIMIT $2"};
constexpr Sql kFindRules{"hardship_rules.find",
                         "SELECT federation_id, publicity_working_days, review_months,"
                         " reminder_days, retention_years, spot_check_pct, updated_by, updated_at"
                         " FROM hardship_rules WHERE federation_id = $1"};
constexpr Sql kUpsertRules{
    "hardship_rules.upsert",
    "INSERT INTO hardship_rules (federation_id, publicity_working_days, review_months,"
    " reminder_days, retention_years, spot_check_pct, updated_by, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (federation_id) DO UPDATE SET"
    " publicity_working_days = excluded.publicity_working_days,"
    " review_months = excluded.review_months, reminder_days = excluded.reminder_days,"
    " retention_years = excluded.retention_years, spot_check_pct = excluded.spot_check_pct,"
    " updated_by = excluded.updated_by, updated_at = excluded.updated_at"};

#undef ZJ_FLOW_COLUMNS

Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(); }

HardshipFlowRow FlowFromRow(const RowView& r) {
  HardshipFlowRow f;
  f.file_id = r.Int(0);
  f.org_path = r.Text(1);
  f.federation_id = r.Int(2);
  f.stage = r.Text(3);
  f.publicity_ends_on = r.OptText(4);
  f.review_due_on = r.OptText(5);
  f.open_objections = static_cast<int>(r.Int(6));
  f.updated_at = r.Int(7);
  f.spot_check_due = r.Int(8) != 0;
  return f;
}

}  // namespace

Result<void> InsertHardshipFlow(Connection& conn, const HardshipFlowRow& f) {
  const std::vector<Value> p{f.file_id,
                             f.org_path,
                             f.federation_id,
                             f.stage,
                             Opt(f.publicity_ends_on),
                             Opt(f.review_due_on),
                             static_cast<std::int64_t>(f.open_objections),
                             f.updated_at,
                             static_cast<std::int64_t>(f.spot_check_due ? 1 : 0)};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, p));
  return CountFlowStage(conn, f.org_path, f.federation_id, "", f.stage);
}

Result<void> CountFlowStage(Connection& conn, const std::string& org_path,
                            std::int64_t federation_id, const std::string& from,
                            const std::string& to) {
  if (from == to) return {};
  std::vector<CounterDelta> deltas;
  if (!from.empty()) deltas.push_back({metric::kFlowStages, "", from, "", -1});
  if (!to.empty()) deltas.push_back({metric::kFlowStages, "", to, "", +1});
  return AddCounters(conn, OrgPath::FromStored(org_path).Ids(), federation_id, deltas);
}

Result<std::optional<HardshipFlowRow>> FindHardshipFlow(Connection& conn, std::int64_t file_id) {
  const std::vector<Value> p{file_id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<HardshipFlowRow>(conn, kFind, p, FlowFromRow));
  if (rows.empty()) return std::optional<HardshipFlowRow>{};
  return std::optional<HardshipFlowRow>{std::move(rows.front())};
}

Result<bool> UpdateHardshipFlow(Connection& conn, const HardshipFlowRow& f,
                                const std::string& expected_stage) {
  const std::vector<Value> p{f.file_id,
                             f.stage,
                             Opt(f.publicity_ends_on),
                             Opt(f.review_due_on),
                             static_cast<std::int64_t>(f.open_objections),
                             f.updated_at,
                             expected_stage,
                             static_cast<std::int64_t>(f.spot_check_due ? 1 : 0)};
  ZJ_ASSIGN_OR_RETURN(std::int64_t changed, conn.Execute(kUpdate, p));
  if (changed != 1) return false;
  ZJ_RETURN_IF_ERROR(CountFlowStage(conn, f.org_path, f.federation_id, expected_stage, f.stage));
  return true;
}

Result<std::vector<HardshipFlowRow>> ReviewsDue(Connection& conn, const std::string& low,
                                                const std::string& high, const std::string& due_by,
                                                int limit) {
  const std::vector<Value> p{low, high, due_by, static_cast<std::int64_t>(limit)};
  return Collect<HardshipFlowRow>(conn, kReviewsDue, p, FlowFromRow);
}

Result<std::vector<std::pair<std::string, std::int64_t>>> FlowStageCounts(Connection& conn,
                                                                          const std::string& low,
                                                                          const std::string& high) {
  const std::vector<Value> p{low, high};
  return Collect<std::pair<std::string, std::int64_t>>(conn, kStageCounts, p, [](const RowView& r) {
    return std::pair{r.Text(0), r.Int(1)};
  });
}

Result<std::int64_t> CountHardshipFlows(Connection& conn, const std::string& low,
                                        const std::string& high, const std::string& stage,
                                        const std::string& review_due_by, bool spot_check_due) {
  const HardshipQueue queue =
      !stage.empty() && review_due_by.empty() && !spot_check_due   ? HardshipQueue::kAtStage
      : stage.empty() && !review_due_by.empty() && !spot_check_due ? HardshipQueue::kReviewsDue
      : stage.empty() && review_due_by.empty() && spot_check_due   ? HardshipQueue::kSpotChecks
                                                                   : HardshipQueue::kAny;
  std::vector<Value> p{low, high};
  switch (queue) {
    case HardshipQueue::kAtStage:
      p.emplace_back(stage);
      break;
    case HardshipQueue::kReviewsDue:
      p.emplace_back(review_due_by);
      break;
    case HardshipQueue::kSpotChecks:
      break;
    case HardshipQueue::kAny:
      p = {low, high, stage, review_due_by, static_cast<std::int64_t>(spot_check_due ? 1 : 0)};
      break;
  }
  ZJ_ASSIGN_OR_RETURN(store::Rows rows, conn.Query(HardshipQueueStatement(queue), p));
  return rows.empty() ? 0 : rows.front().Int(0);
}

const Sql& HardshipQueueStatement(HardshipQueue queue) {
  switch (queue) {
    case HardshipQueue::kAtStage:
      return kCountAtStage;
    case HardshipQueue::kReviewsDue:
      return kCountReviewsDue;
    case HardshipQueue::kSpotChecks:
      return kCountSpotChecks;
    case HardshipQueue::kAny:
      break;
  }
  return kCount;
}

Result<std::vector<std::int64_t>> FederationsWithFilesIn(Connection& conn,
                                                         const std::string& stage) {
  const std::vector<Value> p{stage};
  return Collect<std::int64_t>(conn, kFederationsIn, p, [](const RowView& r) { return r.Int(0); });
}

Result<std::vector<std::int64_t>> ActiveFileIds(Connection& conn, std::int64_t federation_id) {
  const std::vector<Value> p{federation_id};
  return Collect<std::int64_t>(conn, kActiveIds, p, [](const RowView& r) { return r.Int(0); });
}

Result<bool> InsertSpotDraw(Connection& conn, std::int64_t federation_id, int year,
                            std::int64_t drawn, std::int64_t active, std::int64_t at) {
  const std::vector<Value> p{federation_id, static_cast<std::int64_t>(year), drawn, active, at};
  ZJ_ASSIGN_OR_RETURN(std::int64_t inserted, conn.Execute(kInsertDraw, p));
  return inserted == 1;
}

Result<void> MarkSpotCheck(Connection& conn, std::int64_t file_id, std::int64_t at) {
  const std::vector<Value> p{file_id, at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kMarkSpotCheck, p));
  return {};
}

Result<std::vector<std::pair<std::int64_t, std::int64_t>>> ClosedFilesOldestFirst(
    Connection& conn, std::int64_t federation_id, int limit) {
  const std::vector<Value> p{federation_id, static_cast<std::int64_t>(limit)};
  return Collect<std::pair<std::int64_t, std::int64_t>>(conn, kClosedOldest, p,
                                                        [](const RowView& r) {
                                                          return std::pair{r.Int(0), r.Int(1)};
                                                        });
}

Result<std::optional<HardshipRulesRow>> FindHardshipRules(Connection& conn,
                                                          std::int64_t federation_id) {
  const std::vector<Value> p{federation_id};
  ZJ_ASSIGN_OR_RETURN(auto rows,
                      Collect<HardshipRulesRow>(conn, kFindRules, p, [](const RowView& r) {
                        HardshipRulesRow x;
                        x.federation_id = r.Int(0);
                        x.publicity_working_days = static_cast<int>(r.Int(1));
                        x.review_months = static_cast<int>(r.Int(2));
                        x.reminder_days = static_cast<int>(r.Int(3));
                        x.retention_years = static_cast<int>(r.Int(4));
                        x.spot_check_pct = static_cast<int>(r.Int(5));
                        x.updated_by = r.OptInt(6);
                        x.updated_at = r.Int(7);
                        return x;
                      }));
  if (rows.empty()) return std::optional<HardshipRulesRow>{};
  return std::optional<HardshipRulesRow>{rows.front()};
}

Result<void> UpsertHardshipRules(Connection& conn, const HardshipRulesRow& x) {
  const std::vector<Value> p{x.federation_id,
                             static_cast<std::int64_t>(x.publicity_working_days),
                             static_cast<std::int64_t>(x.review_months),
                             static_cast<std::int64_t>(x.reminder_days),
                             static_cast<std::int64_t>(x.retention_years),
                             static_cast<std::int64_t>(x.spot_check_pct),
                             x.updated_by ? Value(*x.updated_by) : Value(),
                             x.updated_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kUpsertRules, p));
  return {};
}

}  // namespace zj::store
