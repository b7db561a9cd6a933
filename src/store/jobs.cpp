#include "store/jobs.h"

namespace zj::store {

namespace {

#define ZJ_JOB_COLUMNS                                                                        \
  "j.id, j.federation_id, j.kind, j.state, j.org_id, j.org_path, j.owner_id, j.params,"       \
  " j.input_file, j.input_bytes, j.result_file, j.result_bytes, j.file_key, j.key_version,"   \
  " j.result_ref, j.report, j.rows_expected, j.rows_read, j.rows_committed, j.rows_rejected," \
  " j.header_row, j.checkpoint, j.error_code, j.error_args, j.cancel_requested, j.runner,"    \
  " j.attempts, j.created_at, j.started_at, j.resumed_at, j.rows_at_resume, j.heartbeat_at,"  \
  " j.finished_at, j.files_expire_at, COALESCE(o.name, ''), COALESCE(u.display_name, '')"
#define ZJ_JOB_FROM \
  " FROM jobs j LEFT JOIN orgs o ON o.id = j.org_id LEFT JOIN users u ON u.id = j.owner_id"

constexpr Sql kInsert{
    "jobs.insert",
    "INSERT INTO jobs (id, federation_id, kind, state, org_id, org_path, owner_id, params,"
    " input_file, input_bytes, file_key, key_version, rows_expected, created_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"};
constexpr Sql kById{"jobs.by_id", "SELECT " ZJ_JOB_COLUMNS ZJ_JOB_FROM " WHERE j.id = $1"};
constexpr Sql kList{"jobs.list",
                    "SELECT " ZJ_JOB_COLUMNS ZJ_JOB_FROM
                    " WHERE j.org_path >= $1 AND j.org_path < $2"
                    " AND j.kind IN ($3, $4, $5, $6, $7, $8) AND ($9 = '' OR j.state = $9)"
                    " AND (CAST($10 AS BIGINT) = 0 OR j.owner_id = CAST($10 AS BIGINT))"
                    " AND (CAST($11 AS BIGINT) = 0 OR j.id < CAST($11 AS BIGINT))"
                    " ORDER BY j.id DESC LIMIT $12"};
constexpr Sql kClaimable{"jobs.claimable",
                         "SELECT id FROM jobs WHERE state IN ('interrupted', 'queued')"
                         " ORDER BY CASE WHEN state = 'interrupted' THEN 0 ELSE 1 END, id"
                         " LIMIT $1"};
constexpr Sql kClaim{"jobs.claim",
                     "UPDATE jobs SET state = 'running', runner = $2, heartbeat_at = $3,"
                     " attempts = attempts + 1, started_at = COALESCE(started_at, $3),"
                     " resumed_at = $3, rows_at_resume = rows_read"
                     " WHERE id = $1 AND state IN ('queued', 'interrupted')"
                     " AND cancel_requested = 0"};
constexpr Sql kInterruptStale{"jobs.interrupt_stale",
                              "UPDATE jobs SET state = 'interrupted', runner = NULL"
                              " WHERE state = 'running' AND heartbeat_at < $1"};
constexpr Sql kBeat{"jobs.beat",
                    "UPDATE jobs SET heartbeat_at = $3"
                    " WHERE id = $1 AND runner = $2 AND state = 'running'"};
constexpr Sql kCancelAsked{"jobs.cancel_asked", "SELECT cancel_requested FROM jobs WHERE id = $1"};
constexpr Sql kProgress{
    "jobs.progress",
    "UPDATE jobs SET rows_expected = COALESCE($3, rows_expected), rows_read = $4,"
    " rows_committed = $5, rows_rejected = $6, header_row = COALESCE($7, header_row),"
    " checkpoint = $8, result_ref = COALESCE($9, result_ref), report = COALESCE($10, report),"
    " heartbeat_at = $11 WHERE id = $1 AND runner = $2 AND state = 'running'"};
constexpr Sql kExpected{"jobs.expected", "UPDATE jobs SET rows_expected = $2 WHERE id = $1"};
constexpr Sql kEnd{
    "jobs.end",
    "UPDATE jobs SET state = $3, error_code = $4, error_args = $5,"
    " result_file = COALESCE($6, result_file),"
    " result_bytes = COALESCE($7, result_bytes),"
    " finished_at = CASE WHEN $3 = 'interrupted' THEN NULL ELSE CAST($8 AS BIGINT) END,"
    " files_expire_at = $9, runner = NULL, heartbeat_at = $8,"
    " result_ref = COALESCE($10, result_ref), report = COALESCE($11, report)"
    " WHERE id = $1 AND runner = $2 AND state = 'running'"};
constexpr Sql kCancelWaiting{"jobs.cancel_waiting",
                             "UPDATE jobs SET state = 'cancelled', cancel_requested = 1,"
                             " finished_at = $2, files_expire_at = $3"
                             " WHERE id = $1 AND state IN ('queued', 'interrupted')"};
constexpr Sql kCancelRunning{"jobs.cancel_running",
                             "UPDATE jobs SET cancel_requested = 1"
                             " WHERE id = $1 AND state = 'running'"};
constexpr Sql kExpired{"jobs.expired_files",
                       "SELECT " ZJ_JOB_COLUMNS ZJ_JOB_FROM
                       " WHERE j.files_expire_at IS NOT NULL AND j.files_expire_at < $1"
                       " AND j.state IN ('succeeded', 'failed', 'cancelled')"
                       " AND (j.input_file IS NOT NULL OR j.result_file IS NOT NULL)"
                       " ORDER BY j.files_expire_at LIMIT $2"};
constexpr Sql kClearFiles{"jobs.clear_files",
                          "UPDATE jobs SET input_file = NULL, result_file = NULL,"
                          " file_key = NULL, key_version = NULL WHERE id = $1"};
constexpr Sql kKeysBelow{
    "jobs.keys_below",
    "SELECT " ZJ_JOB_COLUMNS ZJ_JOB_FROM
    " WHERE j.key_version < $1 AND j.file_key IS NOT NULL ORDER BY j.key_version, j.id LIMIT $2"};
constexpr Sql kCountKeysBelow{
    "jobs.count_keys_below",
    "SELECT COUNT(*) FROM jobs WHERE key_version < $1 AND file_key IS NOT NULL"};
// Only while the key is as rotation read it: a job whose files were deleted meanwhile (key
// cleared) must not get it back.
constexpr Sql kSetKey{"jobs.set_key",
                      "UPDATE jobs SET file_key = $2, key_version = $3"
                      " WHERE id = $1 AND key_version = $4 AND file_key = $5"};

constexpr Sql kForgetLegacy{"member_imports.forget_stored_files",
                            "UPDATE member_imports SET stored_file = NULL"
                            " WHERE stored_file IS NOT NULL"};

#undef ZJ_JOB_COLUMNS
#undef ZJ_JOB_FROM

//! How many kinds one list statement takes; shorter lists are padded with "".
constexpr std::size_t kKindSlots = 6;

Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }
Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(); }
Value Opt(const std::optional<Blob>& v) { return v ? Value(*v) : Value(); }

JobRow FromRow(const RowView& r) {
  JobRow j;
  j.id = r.Int(0);
  j.federation_id = r.Int(1);
  j.kind = r.Text(2);
  j.state = r.Text(3);
  j.org_id = r.OptInt(4);
  j.org_path = r.Text(5);
  j.owner_id = r.OptInt(6);
  j.params = r.Text(7);
  j.input_file = r.OptText(8);
  j.input_bytes = r.OptInt(9);
  j.result_file = r.OptText(10);
  j.result_bytes = r.OptInt(11);
  if (!r.IsNull(12)) j.file_key = r.Bytes(12);
  j.key_version = r.OptInt(13);
  j.result_ref = r.OptInt(14);
  j.report = r.OptText(15);
  j.rows_expected = r.OptInt(16);
  j.rows_read = r.Int(17);
  j.rows_committed = r.Int(18);
  j.rows_rejected = r.Int(19);
  j.header_row = r.OptInt(20);
  j.checkpoint = r.Int(21);
  j.error_code = r.OptText(22);
  j.error_args = r.OptText(23);
  j.cancel_requested = r.Int(24) != 0;
  j.runner = r.OptText(25);
  j.attempts = r.Int(26);
  j.created_at = r.Int(27);
  j.started_at = r.OptInt(28);
  j.resumed_at = r.OptInt(29);
  j.rows_at_resume = r.Int(30);
  j.heartbeat_at = r.OptInt(31);
  j.finished_at = r.OptInt(32);
  j.files_expire_at = r.OptInt(33);
  j.org_name = r.Text(34);
  j.owner_name = r.Text(35);
  return j;
}

}  // namespace

Result<void> InsertJob(Connection& conn, const JobRow& j) {
  const std::vector<Value> p{j.id,
                             j.federation_id,
                             j.kind,
                             j.state,
                             Opt(j.org_id),
                             j.org_path,
                             Opt(j.owner_id),
                             j.params,
                             Opt(j.input_file),
                             Opt(j.input_bytes),
                             Opt(j.file_key),
                             Opt(j.key_version),
                             Opt(j.rows_expected),
                             j.created_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsert, p));
  return {};
}

Result<std::optional<JobRow>> FindJob(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<JobRow>(conn, kById, p, FromRow));
  if (rows.empty()) return std::optional<JobRow>();
  return std::optional(std::move(rows.front()));
}

Result<std::vector<JobRow>> ListJobs(Connection& conn, const JobQuery& q) {
  if (q.kinds.empty()) return std::vector<JobRow>{};
  std::vector<Value> p{q.low, q.high};
  for (std::size_t i = 0; i < kKindSlots; ++i) {
    p.emplace_back(i < q.kinds.size() ? q.kinds[i] : std::string());
  }
  p.emplace_back(q.state);
  p.emplace_back(q.owner_id.value_or(0));
  p.emplace_back(q.before_id.value_or(0));
  p.emplace_back(q.limit);
  return Collect<JobRow>(conn, kList, p, FromRow);
}

Result<std::vector<std::int64_t>> ClaimableJobs(Connection& conn, std::int64_t limit) {
  const std::vector<Value> p{limit};
  return Collect<std::int64_t>(conn, kClaimable, p, [](const RowView& r) { return r.Int(0); });
}

Result<bool> ClaimJob(Connection& conn, std::int64_t id, const std::string& runner,
                      std::int64_t now) {
  const std::vector<Value> p{id, runner, now};
  ZJ_ASSIGN_OR_RETURN(std::int64_t changed, conn.Execute(kClaim, p));
  return changed == 1;
}

Result<std::int64_t> InterruptStaleJobs(Connection& conn, std::int64_t stale_before) {
  const std::vector<Value> p{stale_before};
  return conn.Execute(kInterruptStale, p);
}

Result<std::optional<bool>> BeatJob(Connection& conn, std::int64_t id, const std::string& runner,
                                    std::int64_t now) {
  const std::vector<Value> p{id, runner, now};
  ZJ_ASSIGN_OR_RETURN(std::int64_t changed, conn.Execute(kBeat, p));
  if (changed != 1) return std::optional<bool>();
  const std::vector<Value> q{id};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kCancelAsked, q));
  if (rows.empty()) return std::optional<bool>();
  return std::optional<bool>(rows.front().Int(0) != 0);
}

Result<bool> SaveJobProgress(Connection& conn, const JobProgressRow& g) {
  const std::vector<Value> p{g.id,
                             g.runner,
                             Opt(g.rows_expected),
                             g.rows_read,
                             g.rows_committed,
                             g.rows_rejected,
                             Opt(g.header_row),
                             g.checkpoint,
                             Opt(g.result_ref),
                             Opt(g.report),
                             g.now};
  ZJ_ASSIGN_OR_RETURN(const std::int64_t changed, conn.Execute(kProgress, p));
  return changed > 0;
}

Result<void> SetJobExpected(Connection& conn, std::int64_t id, std::int64_t rows) {
  const std::vector<Value> p{id, rows};
  ZJ_RETURN_IF_ERROR(conn.Execute(kExpected, p));
  return {};
}

Result<void> EndJob(Connection& conn, const JobEndRow& e) {
  const std::vector<Value> p{e.id,
                             e.runner,
                             e.state,
                             Opt(e.error_code),
                             Opt(e.error_args),
                             Opt(e.result_file),
                             Opt(e.result_bytes),
                             e.now,
                             Opt(e.files_expire_at),
                             Opt(e.result_ref),
                             Opt(e.report)};
  ZJ_RETURN_IF_ERROR(conn.Execute(kEnd, p));
  return {};
}

Result<std::optional<bool>> CancelJob(Connection& conn, std::int64_t id, std::int64_t now,
                                      std::int64_t files_expire_at) {
  const std::vector<Value> waiting{id, now, files_expire_at};
  ZJ_ASSIGN_OR_RETURN(std::int64_t cancelled, conn.Execute(kCancelWaiting, waiting));
  if (cancelled == 1) return std::optional<bool>(true);
  const std::vector<Value> running{id};
  ZJ_ASSIGN_OR_RETURN(std::int64_t asked, conn.Execute(kCancelRunning, running));
  if (asked == 1) return std::optional<bool>(false);
  return std::optional<bool>();
}

Result<std::vector<JobRow>> JobsWithExpiredFiles(Connection& conn, std::int64_t now,
                                                 std::int64_t limit) {
  const std::vector<Value> p{now, limit};
  return Collect<JobRow>(conn, kExpired, p, FromRow);
}

Result<void> ClearJobFiles(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  ZJ_RETURN_IF_ERROR(conn.Execute(kClearFiles, p));
  return {};
}

Result<std::vector<JobRow>> JobKeysBelowVersion(Connection& conn, std::int64_t version,
                                                std::int64_t limit) {
  const std::vector<Value> p{version, limit};
  return Collect<JobRow>(conn, kKeysBelow, p, FromRow);
}

Result<std::int64_t> CountJobKeysBelowVersion(Connection& conn, std::int64_t version) {
  const std::vector<Value> p{version};
  ZJ_ASSIGN_OR_RETURN(Rows rows, conn.Query(kCountKeysBelow, p));
  return rows.at(0).Int(0);
}

Result<bool> SetJobKey(Connection& conn, const JobRow& read, const Blob& sealed,
                       std::int64_t version) {
  if (!read.file_key || !read.key_version) return false;
  const std::vector<Value> p{read.id, sealed, version, std::int64_t{*read.key_version},
                             *read.file_key};
  ZJ_ASSIGN_OR_RETURN(const std::int64_t changed, conn.Execute(kSetKey, p));
  return changed > 0;
}

Result<void> ForgetLegacyImportFiles(Connection& conn) {
  ZJ_RETURN_IF_ERROR(conn.Execute(kForgetLegacy, {}));
  return {};
}

}  // namespace zj::store
