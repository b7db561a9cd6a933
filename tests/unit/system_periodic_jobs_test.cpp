// The server's schedule: every job runs at start (catch-up after downtime), then again each
// interval; a failing or throwing job is retried at its next turn instead of ending the
// schedule; Stop() returns promptly even with a long interval.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "app/system/periodic_jobs.h"

namespace zj::app {
namespace {

using namespace std::chrono_literals;

//! Waits (at most 10 s) until `done` holds; the schedule's own timing is not under test.
template <typename Pred>
bool Eventually(Pred done) {
  const auto give_up = std::chrono::steady_clock::now() + 10s;
  while (!done()) {
    if (std::chrono::steady_clock::now() > give_up) return false;
    std::this_thread::sleep_for(1ms);
  }
  return true;
}

TEST(PeriodicJobs, RunsAtStartThenEveryInterval) {
  PeriodicJobs jobs;
  std::atomic<int> slow{0}, fast{0};
  jobs.Add("slow", 1h, [&]() -> Result<void> {
    ++slow;
    return {};
  });
  jobs.Add("fast", 1ms, [&]() -> Result<void> {
    ++fast;
    return {};
  });
  jobs.Start();
  ASSERT_TRUE(Eventually([&] { return fast.load() >= 5; }));
  EXPECT_EQ(slow.load(), 1) << "an hourly job runs once at start, not again within the hour";
  jobs.Stop();
  const int after_stop = fast.load();
  std::this_thread::sleep_for(20ms);
  EXPECT_EQ(fast.load(), after_stop) << "nothing runs after Stop()";
  EXPECT_EQ(jobs.runs("fast"), after_stop);
}

TEST(PeriodicJobs, RunSoonRunsAJobBeforeItsTurn) {
  PeriodicJobs jobs;
  std::atomic<int> runs{0};
  jobs.Add("sms", 1h, [&]() -> Result<void> {
    ++runs;
    return {};
  });
  jobs.Start();
  ASSERT_TRUE(Eventually([&] { return runs.load() == 1; }));  // the run at start
  jobs.RunSoon("sms");
  ASSERT_TRUE(Eventually([&] { return runs.load() == 2; })) << "woken, not an hour later";
  jobs.Stop();
}

TEST(PeriodicJobs, FailuresAndExceptionsAreRetriedNextTurn) {
  PeriodicJobs jobs;
  std::atomic<int> calls{0};
  jobs.Add("flaky", 1ms, [&]() -> Result<void> {
    const int n = ++calls;
    if (n == 1) return Fail(ErrorCode::kUnavailable, "error.db.unavailable", "down");
    if (n == 2) throw std::runtime_error("bug");
    return {};
  });
  jobs.Start();
  ASSERT_TRUE(Eventually([&] { return calls.load() >= 3; }));
  jobs.Stop();
}

TEST(PeriodicJobs, StopDoesNotWaitForTheNextTurn) {
  PeriodicJobs jobs;
  std::atomic<int> calls{0};
  jobs.Add("daily", 24h, [&]() -> Result<void> {
    ++calls;
    return {};
  });
  jobs.Start();
  ASSERT_TRUE(Eventually([&] { return calls.load() == 1; }));
  const auto before = std::chrono::steady_clock::now();
  jobs.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - before, 5s);
}

}  // namespace
}  // namespace zj::app
