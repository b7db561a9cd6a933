// Check-in by the member card's QR, offline-tolerant, and reach, on both stores (issue 22;
// docs/design/activities.md "Offline check-in replay", "Reach"): a double check-in is refused as
// already in; the same batch sent again answers replay for every scan and counts nothing twice;
// two batches with the same scans sent at once count once; an offline scan is judged by the
// card token at its own time; a member outside the audience, a forged token, a member without a
// seat and a scan before the window are refused with their reasons; the reach figure rises by
// one on a first check-in and falls back when the year's mark expires; another district's staff
// get 404 for the check-ins and the reach.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>

#include "app/activities/activity_service.h"
#include "app/activities/check_ins.h"
#include "app/activities/my_activities.h"
#include "app/cards/card_token.h"
#include "app/coverage/coverage_service.h"
#include "app/coverage/reached.h"
#include "bound_members_fixture.h"
#include "store/activities.h"
#include "store/reached_marks.h"

namespace zj::test {
namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;

class ActivityCheckInsTest : public BoundMembersTest {
 protected:
  app::ActivityService Staff() { return {*db_, clock_, random_, app_->audit()}; }
  app::MyActivityService Mine() { return {*db_, clock_, random_}; }
  app::CheckInService CheckIns() { return {*db_, clock_, app_->vault(), app_->audit()}; }

  //! District A's outing, registration open now, starting in half an hour: check-in is open.
  std::int64_t Outing(int capacity) {
    app::NewActivity in;
    in.org_id = district_a_.id;
    auto& f = in.fields;
    f.kind = "outing";
    f.title = "职工健步走";
    f.place = "奥林匹克森林公园";
    f.opens_at = clock_.NowMs() - kHour;
    f.closes_at = clock_.NowMs() + 10 * kMinute;
    f.starts_at = clock_.NowMs() + 30 * kMinute;
    f.ends_at = *f.starts_at + 3 * kHour;
    f.capacity = capacity;
    f.cancel_cutoff_hours = 0;
    f.confirm_hours = 0;
    auto made = Staff().Create(staff_a_, in);
    EXPECT_TRUE(made.has_value()) << (made ? "" : Describe(made.error()));
    if (!made) return 0;
    EXPECT_TRUE(Staff().Open(staff_a_, made->row.id).has_value());
    return made->row.id;
  }

  std::string Token(const app::Actor& worker, std::int64_t valid_ms = 5 * kMinute) {
    auto token = app::IssueCardToken(app_->vault(), *worker.member_id, clock_.NowMs() + valid_ms);
    EXPECT_TRUE(token.has_value());
    return token ? *token : "";
  }

  app::ScanIn Scan(const std::string& id, const app::Actor& worker) {
    return {id, Token(worker), clock_.NowMs()};
  }

  std::vector<std::string> Outcomes(const std::vector<app::ScanAnswer>& answers) {
    std::vector<std::string> out;
    for (const auto& a : answers)
      out.push_back(a.outcome + (a.reason.empty() ? "" : ":" + a.reason));
    return out;
  }

  store::ActivityRow Row(std::int64_t id) {
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto row = store::FindActivity(**lease, id);
    EXPECT_TRUE(row.has_value() && row->has_value());
    return row && *row ? **row : store::ActivityRow{};
  }

  static std::vector<app::CoverageDifference> ReachDifferences(const app::VerifyReport& report) {
    std::vector<app::CoverageDifference> out;
    for (const auto& d : report.differences) {
      if (d.figure == "reached_12m") out.push_back(d);
    }
    return out;
  }

  std::int64_t Reached(std::int64_t org_id) {
    auto lease = db_->Acquire();
    if (!lease) return -1;
    auto r = store::ReachOf(**lease, org_id);
    return r && *r ? (*r)->reached_12m : -1;
  }
};

TEST_P(ActivityCheckInsTest, ADoubleCheckInIsRefusedAndAReplayedBatchCountsNothingTwice) {
  const auto w1 = Worker(union_a_, "钱一", 31), w2 = Worker(union_a_, "钱二", 32);
  const std::int64_t id = Outing(10);
  ASSERT_OK(Mine().Register(w1, id));
  ASSERT_OK(Mine().Register(w2, id));
  const std::int64_t reached_before = Reached(union_a_.id);
  const std::int64_t district_before = Reached(district_a_.id);

  const std::vector<app::ScanIn> batch{Scan("scan-0001-aaaa", w1), Scan("scan-0002-bbbb", w2)};
  auto first = CheckIns().Record(staff_a_, id, batch);
  ASSERT_OK(first);
  EXPECT_EQ(Outcomes(*first), (std::vector<std::string>{"recorded", "recorded"}));
  EXPECT_EQ((*first)[0].member_id, *w1.member_id);
  EXPECT_EQ((*first)[0].member_name, "钱*");
  EXPECT_EQ(Row(id).checked_in, 2);
  EXPECT_EQ(Reached(union_a_.id), reached_before + 2);
  EXPECT_EQ(Reached(district_a_.id), district_before + 2);

  // The phone lost the answer and sends the same batch again: every scan a replay.
  auto again = CheckIns().Record(staff_a_, id, batch);
  ASSERT_OK(again);
  EXPECT_EQ(Outcomes(*again), (std::vector<std::string>{"replay", "replay"}));
  // The same card scanned again (a new scan id): already in, nothing counted.
  auto twice = CheckIns().Record(staff_a_, id, {Scan("scan-0003-cccc", w1)});
  ASSERT_OK(twice);
  EXPECT_EQ(Outcomes(*twice), (std::vector<std::string>{"already_in"}));
  EXPECT_EQ((*twice)[0].message_key, "error.check_in.twice");
  EXPECT_EQ(Row(id).checked_in, 2);
  EXPECT_EQ(Reached(union_a_.id), reached_before + 2);

  auto list = CheckIns().List(staff_a_, id);
  ASSERT_OK(list);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].union_name, "甲公司工会");
}

TEST_P(ActivityCheckInsTest, ScansAreRefusedWithTheirReasons) {
  const auto seated = Worker(union_a_, "孙一", 41), waiting = Worker(union_a_, "孙二", 42),
             outsider = Worker(union_b_, "孙三", 43);
  const std::int64_t id = Outing(1);
  ASSERT_OK(Mine().Register(seated, id));
  ASSERT_OK(Mine().Register(waiting, id));  // the waitlist: no seat

  std::string forged = Token(seated);
  forged[forged.size() / 2] = forged[forged.size() / 2] == 'A' ? 'B' : 'A';
  app::ScanIn early = Scan("scan-early-0001", seated);
  early.scanned_at = Row(id).starts_at - 2 * kHour;
  const std::vector<app::ScanIn> batch{
      {"scan-forged-001", forged, clock_.NowMs()},
      Scan("scan-waiting-01", waiting),
      Scan("scan-outside-01", outsider),
      early,
      {"bad id!", Token(seated), clock_.NowMs()},
      {"scan-expired-01", Token(seated, -kMinute), clock_.NowMs()},
  };
  auto answers = CheckIns().Record(staff_a_, id, batch);
  ASSERT_OK(answers);
  EXPECT_EQ(Outcomes(*answers),
            (std::vector<std::string>{"refused:bad_token", "refused:not_registered",
                                      "refused:not_in_audience", "refused:too_early",
                                      "refused:bad_scan_id", "refused:token_expired"}));
  // Nothing is said about a member outside the audience.
  EXPECT_FALSE((*answers)[2].member_id.has_value());
  EXPECT_EQ((*answers)[2].member_name, "");
  EXPECT_EQ(Row(id).checked_in, 0);
  ExpectError(CheckIns().Record(staff_a_, id, std::vector<app::ScanIn>(501)),
              ErrorCode::kInvalidArgument, "error.invalid_input");
}

// The phone was offline: the scan waited in its queue for 40 minutes, long after the card's
// token (5 minutes) expired. It is judged by the token at the scan's own time.
TEST_P(ActivityCheckInsTest, AnOfflineScanIsJudgedAtItsOwnTime) {
  const auto w = Worker(union_a_, "周一", 51), w2 = Worker(union_a_, "周二", 52);
  const std::int64_t id = Outing(5);
  ASSERT_OK(Mine().Register(w, id));
  ASSERT_OK(Mine().Register(w2, id));
  const app::ScanIn queued = Scan("offline-scan-01", w);
  clock_.Advance(40 * kMinute);
  auto answers = CheckIns().Record(staff_a_, id, {queued});
  ASSERT_OK(answers);
  EXPECT_EQ(Outcomes(*answers), (std::vector<std::string>{"recorded"}));
  // A scan claiming to be from later than its arrival is the phone's clock, not a check-in.
  app::ScanIn future = Scan("future-scan-001", w2);
  future.scanned_at = clock_.NowMs() + 20 * kMinute;
  future.token = Token(w2, 30 * kMinute);
  auto later = CheckIns().Record(staff_a_, id, {future});
  ASSERT_OK(later);
  EXPECT_EQ(Outcomes(*later), (std::vector<std::string>{"refused:from_the_future"}));
}

TEST_P(ActivityCheckInsTest, TwoConcurrentBatchesWithTheSameScansCountOnce) {
  constexpr int kMembers = 20;
  std::vector<app::Actor> workers;
  for (int i = 0; i < kMembers; ++i) workers.push_back(Worker(union_a_, "郑工", 200 + i));
  const std::int64_t id = Outing(kMembers);
  std::vector<app::ScanIn> batch;
  for (int i = 0; i < kMembers; ++i) {
    ASSERT_OK(Mine().Register(workers[static_cast<std::size_t>(i)], id));
    batch.push_back(Scan("same-scan-" + std::to_string(1000 + i), workers[i]));
  }
  const std::int64_t reached_before = Reached(union_a_.id);
  store::OpenOptions options;
  options.max_connections = 4;
  options.busy_timeout_ms = 60'000;
  auto pool = database_->Open(options);
  ASSERT_OK(pool);
  std::atomic<int> ready{0};
  std::vector<std::vector<app::ScanAnswer>> answers(2);
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      app::CheckInService service(**pool, clock_, app_->vault(), app_->audit());
      ready.fetch_add(1);
      while (ready.load() < 2) std::this_thread::yield();
      auto done = service.Record(staff_a_, id, batch);
      if (!done) {
        ADD_FAILURE() << Describe(done.error());
        return;
      }
      answers[static_cast<std::size_t>(t)] = std::move(*done);
    });
  }
  for (auto& th : threads) th.join();
  ASSERT_EQ(answers[0].size(), batch.size());
  ASSERT_EQ(answers[1].size(), batch.size());
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const std::set<std::string> pair{answers[0][i].outcome, answers[1][i].outcome};
    EXPECT_EQ(pair, (std::set<std::string>{"recorded", "replay"})) << "scan " << i;
  }
  EXPECT_EQ(Row(id).checked_in, kMembers);
  EXPECT_EQ(Reached(union_a_.id), reached_before + kMembers);
}

TEST_P(ActivityCheckInsTest, TheReachFigureRisesOnAFirstCheckInAndFallsBackAfterAYear) {
  const auto w = Worker(union_a_, "吴一", 61);
  const std::int64_t id = Outing(5);
  ASSERT_OK(Mine().Register(w, id));
  auto before = CheckIns().Reach(staff_a_, district_a_.id);
  ASSERT_OK(before);
  EXPECT_GE(before->org.members, 1);
  ASSERT_OK(CheckIns().Record(staff_a_, id, {Scan("reach-scan-0001", w)}));
  auto after = CheckIns().Reach(staff_a_, district_a_.id);
  ASSERT_OK(after);
  EXPECT_EQ(after->org.reached_12m, before->org.reached_12m + 1);
  EXPECT_EQ(after->not_reached, before->not_reached - 1);
  // The street's row of the district's heat table.
  const auto street = std::find_if(after->streets.begin(), after->streets.end(),
                                   [&](const auto& s) { return s.org_id == street_a_.id; });
  ASSERT_NE(street, after->streets.end());
  EXPECT_EQ(street->reached_12m, 1);
  EXPECT_EQ(street->kind, "street");
  // The figures agree with a recount from the marks (members_online differs here: the
  // fixture's worker accounts are inserted without the portal's binding).
  auto verified = app_->coverage().Verify();
  ASSERT_OK(verified);
  EXPECT_EQ(ReachDifferences(*verified).size(), 0u);

  // Within the year the job takes nothing back; after it, the mark goes.
  clock_.Advance(300LL * 24 * kHour);
  auto kept = app::ExpireReached(*db_, clock_.NowMs());
  ASSERT_OK(kept);
  EXPECT_EQ(*kept, 0);
  clock_.Advance(66LL * 24 * kHour);
  auto expired = app::ExpireReached(*db_, clock_.NowMs());
  ASSERT_OK(expired);
  EXPECT_EQ(*expired, 1);
  auto back = CheckIns().Reach(staff_a_, district_a_.id);
  ASSERT_OK(back);
  EXPECT_EQ(back->org.reached_12m, before->org.reached_12m);
  EXPECT_EQ(Reached(union_a_.id), 0);

  // A figure that disagrees with the marks is reported by the recount.
  {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    ASSERT_OK(store::AddReached(**lease, {union_a_.id}, 3));
  }
  auto report = app_->coverage().Verify();
  ASSERT_OK(report);
  const auto differences = ReachDifferences(*report);
  ASSERT_EQ(differences.size(), 1u);
  EXPECT_EQ(differences[0].stored - differences[0].recounted, 3);
  EXPECT_EQ(differences[0].org_id, union_a_.id);
}

TEST_P(ActivityCheckInsTest, AnotherDistrictGets404) {
  const auto w = Worker(union_a_, "冯一", 71);
  const std::int64_t id = Outing(5);
  ASSERT_OK(Mine().Register(w, id));
  ExpectError(CheckIns().Record(staff_b_, id, {Scan("b-side-scan-01", w)}), ErrorCode::kNotFound,
              "error.not_found");
  ExpectError(CheckIns().List(staff_b_, id), ErrorCode::kNotFound, "error.not_found");
  ExpectError(CheckIns().Reach(staff_b_, district_a_.id), ErrorCode::kNotFound,
              "error.org.not_found");
  EXPECT_EQ(Row(id).checked_in, 0);
  ExpectError(CheckIns().Record(w, id, {}), ErrorCode::kPermissionDenied,
              "error.activity.forbidden");
}

ZJ_INSTANTIATE_ON_BOTH_STORES(ActivityCheckInsTest);

}  // namespace
}  // namespace zj::test
