#include "app/system/periodic_jobs.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace zj::app {

void PeriodicJobs::Add(std::string name, std::chrono::milliseconds every, Job job) {
  const std::lock_guard lock(mutex_);
  entries_.push_back(Entry{std::move(name), every, std::move(job), {}, 0});
}

void PeriodicJobs::Start() {
  {
    const std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    for (Entry& e : entries_) e.next = now;  // every job runs once at start: catch-up
  }
  thread_ = std::jthread([this](const std::stop_token& stop) { Loop(stop); });
}

void PeriodicJobs::Stop() {
  if (!thread_.joinable()) return;
  thread_.request_stop();
  wake_.notify_all();
  thread_.join();
}

void PeriodicJobs::RunSoon(const std::string& name) {
  {
    const std::lock_guard lock(mutex_);
    for (Entry& e : entries_) {
      if (e.name == name) e.next = std::chrono::steady_clock::now();
    }
    ++changes_;
  }
  wake_.notify_all();
}

int PeriodicJobs::runs(const std::string& name) const {
  const std::lock_guard lock(mutex_);
  for (const Entry& e : entries_) {
    if (e.name == name) return e.runs;
  }
  return 0;
}

void PeriodicJobs::Loop(const std::stop_token& stop) {
  std::unique_lock lock(mutex_);
  while (!stop.stop_requested()) {
    const auto now = std::chrono::steady_clock::now();
    auto due = std::min_element(entries_.begin(), entries_.end(),
                                [](const Entry& a, const Entry& b) { return a.next < b.next; });
    if (due == entries_.end()) {
      const std::uint64_t seen = changes_;
      wake_.wait(lock, stop, [&] { return changes_ != seen; });
      continue;
    }
    if (due->next > now) {
      const std::uint64_t seen = changes_;
      wake_.wait_until(lock, stop, due->next, [&] { return changes_ != seen; });
      continue;
    }
    Job job = due->job;
    const std::string name = due->name;
    due->next = now + due->every;
    lock.unlock();
    Result<void> done = [&]() -> Result<void> {
      try {
        return job();
      } catch (const std::exception& e) {  // a bug in a job must not end the schedule
        return Fail(ErrorCode::kInternal, "error.internal", e.what());
      }
    }();
    lock.lock();
    for (Entry& e : entries_) {
      if (e.name == name) ++e.runs;
    }
    if (!done) {
      spdlog::error("periodic job {} failed: {} {:?}", name, done.error().message_key,
                    done.error().detail);
    }
  }
}

}  // namespace zj::app
