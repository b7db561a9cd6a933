// Runs queued jobs (job_service.h) on a small pool of threads of its own, so long imports
// never occupy the threads that answer requests. A job is taken up by a conditional update
// (one runner gets it), held by a heartbeat while it runs, and ended with its outcome. A job
// whose heartbeat stops (its server died) becomes "interrupted" after the lease and is taken up
// again by any runner; each kind resumes from what it had committed (a roster import after its
// last committed batch, a table import after its last committed row). Stop() leaves running
// jobs interrupted, to be resumed at once by the next start.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/application.h"
#include "core/result.h"
#include "store/jobs.h"

namespace zj::app {

struct JobRunnerOptions {
  int workers = 1;                         //!< jobs run at once (0: this runner runs none)
  std::chrono::milliseconds poll{1000};    //!< look for work this often without a wake-up
  std::chrono::milliseconds lease{15000};  //!< a heartbeat older than this frees the job
  std::string runner_id;                   //!< "" → random
  std::size_t import_batch_rows = 2000;    //!< rows per committed batch of a roster import
  //! Tests: after this many steps (batches, rows) a job stops as if the process died there:
  //! nothing more is written for it.
  std::optional<std::int64_t> crash_after_steps;
  //! Tests: called at each step of a job, before it decides whether to stop.
  std::function<void(const store::JobRow& job, std::int64_t step)> on_step;
};

//! Progress a running job reports (see store::JobProgressRow).
struct JobProgress {
  std::int64_t rows_read = 0;
  std::int64_t rows_committed = 0;
  std::int64_t rows_rejected = 0;
  std::optional<std::int64_t> header_row;
  std::int64_t checkpoint = 0;
  std::optional<std::int64_t> result_ref;
  std::optional<std::string> report;
};

//! What a finished job leaves.
struct JobOutcome {
  std::optional<std::int64_t> result_ref;
  std::optional<std::string> report;
  std::optional<std::string> result_file;
  std::optional<std::int64_t> result_bytes;
};

class JobRunner;

//! What a job's code may use while it runs. Used on the job's thread only.
class JobContext {
 public:
  JobContext(JobRunner& runner, Application& app, store::JobRow job, Actor actor)
      : runner_(runner), app_(app), job_(std::move(job)), actor_(std::move(actor)) {}

  const store::JobRow& job() const { return job_; }
  const Actor& actor() const { return actor_; }
  Application& app() { return app_; }
  std::size_t import_batch_rows() const;
  //! Records progress (and moves the heartbeat); written at most every half second unless
  //! `force`. Then CheckStop: an error means stop here (cancelled, the server stops, or the job
  //! was lost).
  Result<void> Progress(const JobProgress& progress, bool force = false);
  //! Records progress now, without the decision to stop (a step's end decides it).
  Result<void> Save(const JobProgress& progress);
  //! A step whose work is in `conn`'s open transaction: decides whether to stop (an error rolls
  //! the work back, as a death before the commit would), then records the progress with it, so
  //! the work and its checkpoint commit together. An error too when the job is no longer this
  //! runner's.
  Result<void> CommitWith(store::Connection& conn, const JobProgress& progress);
  //! The same decision without writing anything; counts one step.
  Result<void> CheckStop();
  //! Records the number of rows the job will go through.
  Result<void> Expect(std::int64_t rows);

 private:
  JobRunner& runner_;
  Application& app_;
  store::JobRow job_;
  store::JobProgressRow RowOf(const JobProgress& progress) const;

  Actor actor_;
  std::chrono::steady_clock::time_point last_write_{};
  std::int64_t steps_ = 0;
};

using JobHandler = std::function<Result<JobOutcome>(JobContext&)>;

class JobRunner {
 public:
  JobRunner(Application& app, JobRunnerOptions options);
  ~JobRunner();
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  //! Starts the worker threads and the heartbeat.
  void Start();
  //! Stops taking jobs, lets each running job stop after its current step (left interrupted),
  //! and joins.
  void Stop();
  //! Takes up and runs jobs on the calling thread until none is left; returns how many ran
  //! (tests, and a command that drains the queue).
  int RunPending();
  //! Wakes the workers (a job was queued or cancelled).
  void Wake();
  const std::string& id() const { return options_.runner_id; }

 private:
  friend class JobContext;
  struct Held {
    std::atomic<bool> cancel{false};
    std::atomic<bool> lost{false};
  };

  Result<std::optional<store::JobRow>> ClaimNext();
  void Execute(store::JobRow job);
  void Work(const std::stop_token& stop);
  void Beat(const std::stop_token& stop);
  //! Why the job must stop now, if it must.
  std::optional<Error> StopReason(std::int64_t id, std::int64_t steps);

  Application& app_;
  JobRunnerOptions options_;
  std::map<std::string, JobHandler> handlers_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  bool woken_ = false;
  std::atomic<bool> stopping_{false};
  std::map<std::int64_t, std::shared_ptr<Held>> held_;  //!< guarded by mutex_
  std::vector<std::jthread> threads_;
};

//! The handlers of the built-in kinds (job_kinds.cpp).
Result<JobOutcome> RunMemberImportJob(JobContext& ctx);
Result<JobOutcome> RunTableImportJob(JobContext& ctx);
Result<JobOutcome> RunMemberExportJob(JobContext& ctx);

}  // namespace zj::app
