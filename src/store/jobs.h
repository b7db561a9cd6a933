// Background jobs (`jobs`): one row per run of long work (imports, large exports) with its
// state, progress and files, and the statements a runner needs to take a job up exactly once
// (a conditional UPDATE is the claim), keep it (the heartbeat) and end it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct JobRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::string kind;
  std::string state;  //!< queued, running, succeeded, failed, cancelled, interrupted
  std::optional<std::int64_t> org_id;
  std::string org_path;
  std::optional<std::int64_t> owner_id;
  std::string params = "{}";  //!< JSON object
  std::optional<std::string> input_file;
  std::optional<std::int64_t> input_bytes;
  std::optional<std::string> result_file;
  std::optional<std::int64_t> result_bytes;
  std::optional<Blob> file_key;
  std::optional<std::int64_t> key_version;
  std::optional<std::int64_t> result_ref;
  std::optional<std::string> report;  //!< JSON
  std::optional<std::int64_t> rows_expected;
  std::int64_t rows_read = 0;
  std::int64_t rows_committed = 0;
  std::int64_t rows_rejected = 0;
  std::optional<std::int64_t> header_row;
  std::int64_t checkpoint = 0;
  std::optional<std::string> error_code;
  std::optional<std::string> error_args;  //!< JSON object
  bool cancel_requested = false;
  std::optional<std::string> runner;
  std::int64_t attempts = 0;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> started_at;
  std::optional<std::int64_t> resumed_at;
  std::int64_t rows_at_resume = 0;
  std::optional<std::int64_t> heartbeat_at;
  std::optional<std::int64_t> finished_at;
  std::optional<std::int64_t> files_expire_at;
  std::string org_name;    //!< read only ("" without an org)
  std::string owner_name;  //!< read only: the owner's display name
};

//! The progress a running job writes (by its runner only).
struct JobProgressRow {
  std::int64_t id = 0;
  std::string runner;
  std::optional<std::int64_t> rows_expected;
  std::int64_t rows_read = 0;
  std::int64_t rows_committed = 0;
  std::int64_t rows_rejected = 0;
  std::optional<std::int64_t> header_row;
  std::int64_t checkpoint = 0;
  std::optional<std::int64_t> result_ref;
  std::optional<std::string> report;
  std::int64_t now = 0;
};

//! How a job ended (written by its runner only).
struct JobEndRow {
  std::int64_t id = 0;
  std::string runner;
  std::string state;  //!< succeeded, failed, cancelled, interrupted
  std::optional<std::string> error_code;
  std::optional<std::string> error_args;
  std::optional<std::string> result_file;
  std::optional<std::int64_t> result_bytes;
  std::optional<std::int64_t> files_expire_at;
  std::optional<std::int64_t> result_ref;
  std::optional<std::string> report;
  std::int64_t now = 0;
};

struct JobQuery {
  std::string low;  //!< org paths in [low, high)
  std::string high;
  std::vector<std::string> kinds;  //!< any of these; empty → none
  std::string state;               //!< "" for any
  std::optional<std::int64_t> owner_id;
  std::optional<std::int64_t> before_id;  //!< the page after this id (newest first)
  std::int64_t limit = 50;
};

Result<void> InsertJob(Connection& conn, const JobRow& job);
Result<std::optional<JobRow>> FindJob(Connection& conn, std::int64_t id);
//! Jobs matching the query, newest first.
Result<std::vector<JobRow>> ListJobs(Connection& conn, const JobQuery& query);

//! Ids of jobs a runner may take up: interrupted ones first (they resume), then queued, oldest
//! first.
Result<std::vector<std::int64_t>> ClaimableJobs(Connection& conn, std::int64_t limit);
//! Takes up a queued or interrupted job for `runner`: true when this call got it.
Result<bool> ClaimJob(Connection& conn, std::int64_t id, const std::string& runner,
                      std::int64_t now);
//! Running jobs whose heartbeat is older than `stale_before` become interrupted (their runner
//! is gone); returns how many.
Result<std::int64_t> InterruptStaleJobs(Connection& conn, std::int64_t stale_before);
//! Moves the heartbeat of a job held by `runner`; returns whether a cancel was asked for, or
//! nullopt when the job is no longer this runner's.
Result<std::optional<bool>> BeatJob(Connection& conn, std::int64_t id, const std::string& runner,
                                    std::int64_t now);
//! Writes progress (and the heartbeat) of a job held by `runner`; false (nothing written) when
//! the job is no longer running on it.
Result<bool> SaveJobProgress(Connection& conn, const JobProgressRow& progress);
//! Ends a job held by `runner` (an interrupted one keeps its files and may be taken up again).
Result<void> EndJob(Connection& conn, const JobEndRow& end);
//! Sets the rows expected (before the first progress).
Result<void> SetJobExpected(Connection& conn, std::int64_t id, std::int64_t rows);

//! Cancels a queued or interrupted job at once (true), or asks its runner to stop a running one
//! (false); nothing for a finished job (nullopt).
Result<std::optional<bool>> CancelJob(Connection& conn, std::int64_t id, std::int64_t now,
                                      std::int64_t files_expire_at);

//! Finished jobs whose files are past their expiry, at most `limit`.
Result<std::vector<JobRow>> JobsWithExpiredFiles(Connection& conn, std::int64_t now,
                                                 std::int64_t limit);
//! Forgets a job's files (after they were deleted).
Result<void> ClearJobFiles(Connection& conn, std::int64_t id);

//! Jobs whose file key is sealed under a key version below `version` (key rotation).
Result<std::vector<JobRow>> JobKeysBelowVersion(Connection& conn, std::int64_t version,
                                                std::int64_t limit);
Result<std::int64_t> CountJobKeysBelowVersion(Connection& conn, std::int64_t version);
//! Replaces a job's sealed key while it is still as `read` (same version and ciphertext); false
//! when it changed (or was cleared) since.
Result<bool> SetJobKey(Connection& conn, const JobRow& read, const Blob& sealed,
                       std::int64_t version);

//! Forgets the plain upload copies that member_imports named before uploads were sealed jobs
//! (their files are deleted by the caller).
Result<void> ForgetLegacyImportFiles(Connection& conn);

}  // namespace zj::store
