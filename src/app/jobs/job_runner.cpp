#include "app/jobs/job_runner.h"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <nlohmann/json.hpp>

namespace zj::app {

namespace {

constexpr const char* kCancelled = "error.jobs.cancelled";
constexpr const char* kStopping = "error.jobs.stopping";
// Not a user-visible message: a test's simulated death (JobRunnerOptions::crash_after_steps).
constexpr const char* kCrashed = "jobs.crashed";

std::string RandomRunnerId() {
  unsigned char bytes[8];
  randombytes_buf(bytes, sizeof bytes);
  char hex[sizeof bytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

std::string ArgsJson(const Error& e) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : e.args) j[k] = v;
  if (!e.fields.empty()) {
    // The first field problem says what was wrong with the file (e.g. a missing column).
    j["field"] = e.fields.front().field;
    j["field_message"] = e.fields.front().message_key;
    for (const auto& [k, v] : e.fields.front().args) j[k] = v;
  }
  return j.dump();
}

}  // namespace

// --- JobContext --------------------------------------------------------------------------------

Result<void> JobContext::Progress(const JobProgress& p, bool force) {
  const auto now = std::chrono::steady_clock::now();
  if (force || now - last_write_ >= std::chrono::milliseconds(500)) {
    ZJ_RETURN_IF_ERROR(Save(p));
  }
  return CheckStop();
}

store::JobProgressRow JobContext::RowOf(const JobProgress& p) const {
  return store::JobProgressRow{job_.id,          runner_.id(),    std::nullopt,        p.rows_read,
                               p.rows_committed, p.rows_rejected, p.header_row,        p.checkpoint,
                               p.result_ref,     p.report,        app_.clock().NowMs()};
}

Result<void> JobContext::Save(const JobProgress& p) {
  last_write_ = std::chrono::steady_clock::now();
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, app_.db().Acquire());
  ZJ_RETURN_IF_ERROR(store::SaveJobProgress(*lease, RowOf(p)));
  return {};
}

Result<void> JobContext::CommitWith(store::Connection& conn, const JobProgress& p) {
  ZJ_RETURN_IF_ERROR(CheckStop());
  last_write_ = std::chrono::steady_clock::now();
  ZJ_ASSIGN_OR_RETURN(const bool held, store::SaveJobProgress(conn, RowOf(p)));
  // Another runner took the job up (this one's heartbeat stopped too long): it will do this row.
  if (!held) {
    return Fail(ErrorCode::kUnavailable, kStopping, "job " + std::to_string(job_.id) + " lost");
  }
  return {};
}

std::size_t JobContext::import_batch_rows() const { return runner_.options_.import_batch_rows; }

Result<void> JobContext::CheckStop() {
  ++steps_;
  if (runner_.options_.on_step) runner_.options_.on_step(job_, steps_);
  if (auto reason = runner_.StopReason(job_.id, steps_)) return Fail(std::move(*reason));
  return {};
}

Result<void> JobContext::Expect(std::int64_t rows) {
  job_.rows_expected = rows;
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, app_.db().Acquire());
  return store::SetJobExpected(*lease, job_.id, rows);
}

// --- JobRunner ---------------------------------------------------------------------------------

JobRunner::JobRunner(Application& app, JobRunnerOptions options)
    : app_(app), options_(std::move(options)) {
  if (options_.runner_id.empty()) options_.runner_id = RandomRunnerId();
  handlers_[kMemberImportJob] = RunMemberImportJob;
  handlers_[kEnterpriseImportJob] = RunTableImportJob;
  handlers_[kOrgImportJob] = RunTableImportJob;
  handlers_[kMemberExportJob] = RunMemberExportJob;
  app_.jobs().OnChange([this](std::int64_t id) {
    std::shared_ptr<Held> held;
    {
      std::lock_guard lock(mutex_);
      if (auto it = held_.find(id); it != held_.end()) held = it->second;
    }
    // A cancellation reaches a job of ours at its next step; the database says whether this
    // change was one.
    if (held) {
      if (auto lease = app_.db().Acquire()) {
        if (auto job = store::FindJob(**lease, id); job && *job && (*job)->cancel_requested) {
          held->cancel = true;
        }
      }
    }
    Wake();
  });
}

JobRunner::~JobRunner() {
  Stop();
  app_.jobs().OnChange({});
}

void JobRunner::Start() {
  if (!threads_.empty()) return;
  stopping_ = false;
  for (int i = 0; i < options_.workers; ++i) {
    threads_.emplace_back([this](const std::stop_token& stop) { Work(stop); });
  }
  if (options_.workers > 0) {
    threads_.emplace_back([this](const std::stop_token& stop) { Beat(stop); });
  }
}

void JobRunner::Stop() {
  stopping_ = true;
  for (auto& t : threads_) t.request_stop();
  wake_.notify_all();
  threads_.clear();  // joins
}

void JobRunner::Wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

int JobRunner::RunPending() {
  int ran = 0;
  for (;;) {
    auto next = ClaimNext();
    if (!next) {
      spdlog::error("jobs: {}", next.error().detail);
      return ran;
    }
    if (!*next) return ran;
    Execute(std::move(**next));
    ++ran;
  }
}

Result<std::optional<store::JobRow>> JobRunner::ClaimNext() {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, app_.db().Acquire());
  const std::int64_t now = app_.clock().NowMs();
  ZJ_ASSIGN_OR_RETURN(const std::int64_t stale,
                      store::InterruptStaleJobs(*lease, now - options_.lease.count()));
  if (stale > 0) spdlog::info("jobs: {} job(s) lost their runner; they resume", stale);
  ZJ_ASSIGN_OR_RETURN(auto ids, store::ClaimableJobs(*lease, 8));
  for (const std::int64_t id : ids) {
    ZJ_ASSIGN_OR_RETURN(const bool mine, store::ClaimJob(*lease, id, options_.runner_id, now));
    if (!mine) continue;
    ZJ_ASSIGN_OR_RETURN(auto job, store::FindJob(*lease, id));
    if (job) return job;
  }
  return std::optional<store::JobRow>();
}

std::optional<Error> JobRunner::StopReason(std::int64_t id, std::int64_t steps) {
  std::shared_ptr<Held> held;
  {
    std::lock_guard lock(mutex_);
    if (auto it = held_.find(id); it != held_.end()) held = it->second;
  }
  if (options_.crash_after_steps && steps >= *options_.crash_after_steps) {
    return Error{ErrorCode::kInternal, kCrashed, "simulated crash", {}, {}};
  }
  if (held && held->cancel) {
    return Error{ErrorCode::kConflict, kCancelled, "job " + std::to_string(id), {}, {}};
  }
  if (stopping_ || (held && held->lost)) {
    return Error{ErrorCode::kUnavailable, kStopping, "job " + std::to_string(id), {}, {}};
  }
  return std::nullopt;
}

void JobRunner::Execute(store::JobRow job) {
  auto held = std::make_shared<Held>();
  held->cancel = job.cancel_requested;
  {
    std::lock_guard lock(mutex_);
    held_[job.id] = held;
  }
  const std::int64_t id = job.id;
  spdlog::info("jobs: {} {} {} (attempt {})", job.attempts > 1 ? "resuming" : "starting", job.kind,
               id, job.attempts);
  Result<JobOutcome> outcome = [&]() -> Result<JobOutcome> {
    Actor actor = SystemActor();
    if (job.owner_id) {
      ZJ_ASSIGN_OR_RETURN(actor, app_.accounts().ActorOf(*job.owner_id));
    }
    const auto params = nlohmann::json::parse(job.params, nullptr, false);
    if (params.is_object()) actor.remote_addr = params.value("remote_addr", "");
    auto handler = handlers_.find(job.kind);
    if (handler == handlers_.end()) {
      return Fail(ErrorCode::kInternal, "error.internal", "no handler for " + job.kind);
    }
    JobContext ctx(*this, app_, std::move(job), std::move(actor));
    try {
      return handler->second(ctx);
    } catch (const std::exception& e) {
      return Fail(ErrorCode::kInternal, "error.internal", std::string("exception: ") + e.what());
    }
  }();
  {
    std::lock_guard lock(mutex_);
    held_.erase(id);
  }
  const std::int64_t now = app_.clock().NowMs();
  store::JobEndRow end;
  end.id = id;
  end.runner = options_.runner_id;
  end.now = now;
  end.files_expire_at = now + app_.jobs().config().files_keep_ms;
  if (outcome) {
    end.state = "succeeded";
    end.result_ref = outcome->result_ref;
    end.report = outcome->report;
    end.result_file = outcome->result_file;
    end.result_bytes = outcome->result_bytes;
  } else {
    const Error& e = outcome.error();
    if (e.message_key == kCrashed || held->lost) return;  // as if the process had died
    if (e.message_key == kCancelled) {
      end.state = "cancelled";
    } else if (e.message_key == kStopping) {
      end.state = "interrupted";
      end.files_expire_at.reset();
    } else {
      end.state = "failed";
      end.error_code = e.message_key;
      end.error_args = ArgsJson(e);
      if (e.code == ErrorCode::kInternal) {
        spdlog::error("jobs: {} failed: {}", id, e.detail);
      }
    }
  }
  spdlog::info("jobs: {} {}", id, end.state);
  auto lease = app_.db().Acquire();
  auto ended = lease ? store::EndJob(**lease, end) : Result<void>(Fail(lease.error()));
  if (!ended) spdlog::error("jobs: could not record the end of {}: {}", id, ended.error().detail);
}

void JobRunner::Work(const std::stop_token& stop) {
  while (!stop.stop_requested()) {
    auto next = ClaimNext();
    if (next && *next) {
      Execute(std::move(**next));
      continue;
    }
    if (!next) spdlog::warn("jobs: looking for work failed: {}", next.error().detail);
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, stop, options_.poll, [this] { return woken_; });
    woken_ = false;
  }
}

void JobRunner::Beat(const std::stop_token& stop) {
  const auto every = std::max(options_.lease / 3, std::chrono::milliseconds(50));
  while (!stop.stop_requested()) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, stop, every, [] { return false; });
    }
    if (stop.stop_requested()) return;
    std::vector<std::pair<std::int64_t, std::shared_ptr<Held>>> held;
    {
      std::lock_guard lock(mutex_);
      held.assign(held_.begin(), held_.end());
    }
    if (held.empty()) continue;
    auto lease = app_.db().Acquire();
    if (!lease) continue;
    for (auto& [id, h] : held) {
      auto beat = store::BeatJob(**lease, id, options_.runner_id, app_.clock().NowMs());
      if (!beat) continue;  // tried again at the next beat
      if (!*beat) {
        h->lost = true;  // another runner took it up: stop without writing
      } else if (**beat) {
        h->cancel = true;
      }
    }
  }
}

}  // namespace zj::app
