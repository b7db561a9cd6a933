// Work the server does on its own schedule (escalating lapsed requests, delivering the outbox):
// each job runs once at start — so a server that was down catches up at once — and then every
// interval, on one background thread, until Stop(). A job's failure is logged and retried at
// the next turn; jobs decide from the clock and the data what is due, never from how often
// they ran, so running late or twice is harmless.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/result.h"

namespace zj::app {

class PeriodicJobs {
 public:
  using Job = std::function<Result<void>()>;

  PeriodicJobs() = default;
  ~PeriodicJobs() { Stop(); }
  PeriodicJobs(const PeriodicJobs&) = delete;
  PeriodicJobs& operator=(const PeriodicJobs&) = delete;

  //! Adds a job before Start().
  void Add(std::string name, std::chrono::milliseconds every, Job job);
  //! Starts the background thread.
  void Start();
  //! Asks the thread to stop, waits for the job running now to finish, and joins.
  void Stop();
  //! Runs the named job as soon as the thread is free, instead of at its next turn (e.g. a
  //! sign-in code was queued: its SMS should leave now). Safe from any thread.
  void RunSoon(const std::string& name);
  //! How many times the named job has run (for tests and /readyz-style checks).
  int runs(const std::string& name) const;

 private:
  struct Entry {
    std::string name;
    std::chrono::milliseconds every;
    Job job;
    std::chrono::steady_clock::time_point next;
    int runs = 0;
  };
  void Loop(const std::stop_token& stop);

  mutable std::mutex mutex_;
  std::condition_variable_any wake_;
  std::vector<Entry> entries_;
  std::uint64_t changes_ = 0;  //!< bumped by RunSoon, so a waiting Loop looks again
  std::jthread thread_;
};

}  // namespace zj::app
